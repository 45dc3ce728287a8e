# __eq__, __lt__ and friends: sorting versions, equality, and NotImplemented fallbacks.
class Version:
    def __init__(self, text):
        self.text = text
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return f"Version('{self.text}')"


versions = [Version(v) for v in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(versions))
print(max(versions), min(versions))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"), Version("1.0") == "1.0")
print(Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.0"), Version("1.0") < Version("1.0.1"))
print(len(versions), Version("1.2.3") in versions, versions.index(Version("1.2.10")))
print(sorted(versions, reverse=True)[0], sorted(set(versions))[-1])


class Priority:
    def __init__(self, level):
        self.level = level

    def __lt__(self, other):
        return self.level < other.level

    def __repr__(self):
        return f"P{self.level}"


items = [Priority(3), Priority(1), Priority(2)]
print(sorted(items), Priority(1) > Priority(0))
try:
    Priority(1) <= Priority(2)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([Version("1.0"), 3])
except TypeError as e:
    print("TypeError:", e)


class Same:
    pass


a = Same()
print(a == a, a == Same(), a != Same(), [a].count(a))
