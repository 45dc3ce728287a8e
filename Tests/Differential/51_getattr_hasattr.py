# getattr/setattr/hasattr/delattr: dispatch by name, defaults, dynamic attributes.
class Service:
    def __init__(self, name):
        self.name = name
        self.state = "stopped"

    def start(self):
        self.state = "running"
        return f"{self.name} started"

    def stop(self):
        self.state = "stopped"
        return f"{self.name} stopped"

    def status(self):
        return f"{self.name} is {self.state}"


svc = Service("nginx")
for action in ["status", "start", "status", "reload", "stop"]:
    handler = getattr(svc, action, None)
    if handler is None:
        print("unknown action:", action)
        continue
    print(handler())
print(hasattr(svc, "start"), hasattr(svc, "reload"), getattr(svc, "name"), getattr(svc, "port", 80))
setattr(svc, "port", 8080)
print(svc.port, getattr(svc, "port"))
delattr(svc, "port")
print(hasattr(svc, "port"))
settings = {"retries": 3, "timeout": 10, "verbose": True}


class Options:
    pass


opts = Options()
for key, value in settings.items():
    setattr(opts, key, value)
print(opts.retries, opts.timeout, opts.verbose, sorted(vars(opts)))
print(getattr("text", "upper")(), getattr([1, 2], "count")(1), getattr(str, "join")(",", "ab"))
print(hasattr(1, "real"), getattr(3, "real"), hasattr(None, "x"), hasattr(Service, "start"))
try:
    getattr(svc, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(svc, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(svc, 5)
except TypeError as e:
    print("TypeError:", e)
