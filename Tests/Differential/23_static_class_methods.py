# @staticmethod and @classmethod: alternative constructors, registries, subclass awareness.
class Host:
    registry = []

    def __init__(self, name, port=22):
        self.name = name
        self.port = port
        type(self).registry.append(name)

    @classmethod
    def from_string(cls, text):
        name, _, port = text.partition(":")
        return cls(name, int(port) if port else 22)

    @staticmethod
    def valid_name(name):
        return bool(name) and name.replace("-", "").isalnum()

    @classmethod
    def kind(cls):
        return cls.__name__.lower()

    def __repr__(self):
        return f"{self.kind()}:{self.name}:{self.port}"


class Bastion(Host):
    registry = []


h = Host.from_string("web1:2222")
b = Bastion.from_string("jump")
print(h, b, type(b).__name__, Host.registry, Bastion.registry)
print(Host.valid_name("web-1"), Host.valid_name("bad name"), h.valid_name(""), Bastion.kind(), b.kind())
print(isinstance(Host.__dict__["valid_name"], staticmethod), isinstance(Host.__dict__["kind"], classmethod))


class Counter:
    instances = 0

    def __init__(self):
        Counter.increment()

    @staticmethod
    def increment():
        Counter.instances += 1

    @classmethod
    def reset(cls):
        cls.instances = 0


for _ in range(3):
    Counter()
print(Counter.instances)
Counter.reset()
print(Counter.instances)
f = Host.valid_name
g = Bastion.from_string
print(f("ok"), g("x:1"), Bastion.registry)
