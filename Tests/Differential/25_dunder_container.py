# A container class: __len__, __iter__, __getitem__, __contains__, __setitem__, __delitem__, __bool__.
class Inventory:
    def __init__(self):
        self._hosts = {}

    def add(self, name, **facts):
        self._hosts[name] = facts

    def __len__(self):
        return len(self._hosts)

    def __iter__(self):
        return iter(sorted(self._hosts))

    def __getitem__(self, name):
        if isinstance(name, int):
            return sorted(self._hosts)[name]
        return self._hosts[name]

    def __setitem__(self, name, facts):
        self._hosts[name] = facts

    def __delitem__(self, name):
        del self._hosts[name]

    def __contains__(self, name):
        return name in self._hosts


inv = Inventory()
print(len(inv), bool(inv), "web1" in inv)
inv.add("web2", os="debian", cpu=4)
inv.add("web1", os="ubuntu", cpu=2)
inv["db1"] = {"os": "rhel", "cpu": 16}
print(len(inv), bool(inv), "web1" in inv, "x" not in inv)
print(list(inv), inv["db1"], inv[0], inv[-1])
for name in inv:
    print(name, inv[name]["os"])
print(sum(inv[n]["cpu"] for n in inv), sorted(inv, key=lambda n: -inv[n]["cpu"]))
del inv["web2"]
print(list(inv), len(inv))
try:
    inv["nope"]
except KeyError as e:
    print("KeyError:", e)


class Sequence:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("out of range")
        return i * i


print(list(Sequence(5)), 9 in Sequence(5), 10 in Sequence(5))
a, b, c = Sequence(3)
print(a, b, c)


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no", not Flag(True))
print([f.on for f in [Flag(1 > 0), Flag(0 > 1)] if f])
