# An uncaught KeyError after some output: stdout is flushed, the last stderr line is the KeyError.
hosts = {"web1": "10.0.0.1", "web2": "10.0.0.2", "db1": "10.0.1.1"}
roles = {"web1": "frontend", "web2": "frontend", "db1": "database"}


def describe(name):
    return f"{name} ({roles[name]}) at {hosts[name]}"


for name in sorted(hosts):
    print(describe(name))
by_role = {}
for name, role in roles.items():
    by_role.setdefault(role, []).append(name)
print(by_role)
wanted = ["web2", "cache1", "db1"]
for w in wanted:
    print("resolving", w)
    print(" ", hosts[w])
print("not reached")
