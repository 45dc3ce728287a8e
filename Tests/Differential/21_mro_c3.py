# Multiple inheritance: C3 method resolution order and cooperative super().
class Base:
    def setup(self, log):
        log.append("Base")


class Logging(Base):
    def setup(self, log):
        log.append("Logging")
        super().setup(log)


class Metrics(Base):
    def setup(self, log):
        log.append("Metrics")
        super().setup(log)


class Service(Logging, Metrics):
    def setup(self, log):
        log.append("Service")
        super().setup(log)


log = []
Service().setup(log)
print(log)
print([c.__name__ for c in Service.__mro__])


class A:
    def who(self):
        return "A"


class B(A):
    pass


class C(A):
    def who(self):
        return "C"


class D(B, C):
    pass


print(D().who(), [k.__name__ for k in D.__mro__])


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass


print([k.__name__ for k in M.__mro__])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print("TypeError:", " ".join(str(e).split()))


class Mixin:
    def describe(self):
        return f"{type(self).__name__} with {self.extra()}"

    def extra(self):
        return "mixin"


class Thing:
    def extra(self):
        return "thing"


class Combined(Mixin, Thing):
    pass


class Reversed(Thing, Mixin):
    pass


print(Combined().describe(), Reversed().describe())
print(isinstance(Combined(), Thing), issubclass(Combined, Mixin), Combined.__bases__)
