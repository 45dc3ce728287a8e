# A class for a server inventory: attributes, methods, class attributes, __dict__.
class Server:
    count = 0
    default_port = 22

    def __init__(self, name, ip, roles=None):
        self.name = name
        self.ip = ip
        self.roles = roles or []
        self.healthy = True
        Server.count += 1

    def address(self, port=None):
        return f"{self.ip}:{port or self.default_port}"

    def add_role(self, role):
        if role not in self.roles:
            self.roles.append(role)
        return self

    def mark_down(self):
        self.healthy = False

    def __repr__(self):
        return f"Server({self.name!r}, {self.ip!r})"


web = Server("web1", "10.0.0.1", ["web"])
db = Server("db1", "10.0.1.1")
db.add_role("db").add_role("backup").add_role("db")
db.mark_down()
print(web, db, Server.count, web.count)
print(web.address(), db.address(8080), web.roles, db.roles, db.healthy)
web.default_port = 2222
print(web.address(), db.address(), Server.default_port)
print(sorted(vars(web)), type(web).__name__, type(web) is Server, isinstance(db, Server))
print(web.__class__.__name__, Server.__name__, hasattr(web, "ip"), hasattr(web, "nope"))
servers = [web, db, Server("web2", "10.0.0.2", ["web"])]
print([s.name for s in servers if "web" in s.roles], Server.count)
print(sorted(servers, key=lambda s: s.ip)[0], [s.healthy for s in servers])
method = web.address
print(method(), method(443), Server.address(db, 1))
web.tags = {"env": "prod"}
print(web.tags, "tags" in web.__dict__, "tags" in db.__dict__)
del web.tags
print(hasattr(web, "tags"))
try:
    db.missing_attribute
except AttributeError as e:
    print("AttributeError:", e)

class Empty:
    pass

e = Empty()
e.x = 1
print(e.x, vars(e), Empty.__name__, str(type(e)) == "<class '__main__.Empty'>")
print(repr(Server), Server.__doc__, Empty.__mro__)
