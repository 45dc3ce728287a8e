# Inheritance: overriding, super(), isinstance/issubclass, polymorphic dispatch.
class Check:
    name = "check"

    def __init__(self, target):
        self.target = target

    def run(self):
        ok = self.probe()
        return f"{self.name}({self.target}): {'OK' if ok else 'FAIL'}"

    def probe(self):
        raise NotImplementedError


class PingCheck(Check):
    name = "ping"

    def probe(self):
        return not self.target.startswith("10.9.")


class PortCheck(PingCheck):
    name = "port"

    def __init__(self, target, port):
        super().__init__(target)
        self.port = port

    def probe(self):
        return super().probe() and self.port in (22, 80, 443)

    def run(self):
        return super().run() + f" port={self.port}"


checks = [PingCheck("10.0.0.1"), PingCheck("10.9.0.1"), PortCheck("10.0.0.2", 22), PortCheck("10.0.0.3", 8080)]
for c in checks:
    print(c.run())
print(isinstance(checks[2], Check), isinstance(checks[2], PingCheck), isinstance(checks[0], PortCheck))
print(issubclass(PortCheck, Check), issubclass(Check, PortCheck), issubclass(PortCheck, (int, Check)))
print(PortCheck.__bases__, PortCheck.__mro__)
print([type(c).__name__ for c in checks], PortCheck.name, super(PortCheck, checks[2]).name)
try:
    Check("x").run()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))


class Base:
    def __init__(self):
        self.log = ["Base"]

    def hello(self):
        return "base hello"


class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Child")

    def hello(self):
        return "child + " + super().hello()


class GrandChild(Child):
    pass


g = GrandChild()
print(g.log, g.hello(), isinstance(g, Base), issubclass(bool, int), isinstance(True, int))
print(Base.hello(g), Child.hello(g), GrandChild.__mro__[1].__name__)
