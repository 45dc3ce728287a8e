# A small inventory model: classes with methods, class-level registries, filtering and grouping.
class Host:
    def __init__(self, name, env, tags=()):
        self.name = name
        self.env = env
        self.tags = set(tags)
        self.vars = {}

    def matches(self, env=None, tag=None):
        return (env is None or self.env == env) and (tag is None or tag in self.tags)

    def __repr__(self):
        return f"<Host {self.name} {self.env}>"


class Group:
    def __init__(self, name):
        self.name = name
        self.hosts = []
        self.children = []

    def add(self, *hosts):
        self.hosts.extend(hosts)
        return self

    def add_child(self, group):
        self.children.append(group)
        return self

    def all_hosts(self):
        seen = []
        for h in self.hosts:
            if h not in seen:
                seen.append(h)
        for child in self.children:
            for h in child.all_hosts():
                if h not in seen:
                    seen.append(h)
        return seen

    def __len__(self):
        return len(self.all_hosts())

    def __iter__(self):
        return iter(self.all_hosts())


web1 = Host("web1", "prod", ["web", "nginx"])
web2 = Host("web2", "staging", ["web"])
db1 = Host("db1", "prod", ["db"])
db2 = Host("db2", "prod", ["db", "replica"])
webs = Group("web").add(web1, web2)
dbs = Group("db").add(db1, db2)
everything = Group("all").add(web1).add_child(webs).add_child(dbs)
print(len(webs), len(dbs), len(everything))
print(list(everything))
print([h.name for h in everything if h.matches(env="prod")])
print([h.name for h in everything if h.matches(tag="db")], [h.name for h in everything if h.matches("prod", "web")])
for h in everything:
    h.vars["ssh_user"] = "admin" if h.env == "prod" else "dev"
print({h.name: h.vars["ssh_user"] for h in everything})
by_env = {}
for h in everything:
    by_env.setdefault(h.env, []).append(h.name)
print(by_env)
print(sorted(everything, key=lambda h: (h.env, h.name)), sorted(db2.tags))
