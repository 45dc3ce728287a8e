# Class attributes versus instance attributes; shared mutable class attributes; lookup order.
class Config:
    defaults = {"retries": 3}
    shared_list = []
    level = "info"

    def __init__(self, name):
        self.name = name

    def set_level(self, level):
        self.level = level


a = Config("a")
b = Config("b")
a.set_level("debug")
print(a.level, b.level, Config.level)
Config.level = "warning"
print(a.level, b.level)
a.shared_list.append("from a")
print(b.shared_list, Config.shared_list)
a.shared_list = ["own"]
print(a.shared_list, b.shared_list)
print("level" in vars(a), "level" in vars(b), sorted(vars(a)))
print(Config.__dict__["level"], Config.defaults is a.defaults)
del a.level
print(a.level)


class Counter:
    total = 0

    def __init__(self):
        self.total += 1
        Counter.total += 10


c1 = Counter()
c2 = Counter()
print(c1.total, c2.total, Counter.total)


class Base:
    kind = "base"

    def describe(self):
        return f"{self.kind}/{type(self).kind}"


class Derived(Base):
    kind = "derived"


d = Derived()
print(d.describe(), Base().describe())
d.kind = "instance"
print(d.describe())


class WithConstants:
    MAX = 10
    LIMITS = [MAX, MAX * 2]
    NAMES = tuple(str(n) for n in range(3))


print(WithConstants.LIMITS, WithConstants.NAMES, WithConstants().MAX)
