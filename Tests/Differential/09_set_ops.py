# Sets: membership, the set methods, mutation; printed through sorted() so order is not relied on.
up = {"web1", "web2", "db1", "cache1"}
expected = {"web1", "web2", "web3", "db1"}
print(sorted(up.intersection(expected)), sorted(up.union(["x"])), sorted(expected.difference(up)))
print(up.isdisjoint({"zzz"}), {"web1"}.issubset(up), up.issuperset({"db1"}), {"a"}.issubset("abc"))
print(sorted(up.union(expected)), sorted(up.difference(expected)), up.isdisjoint(expected))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 1], (7,))
print(sorted(s), len(s), 3 in s, 4 not in s)
s.discard(100)
s.discard(5)
s.remove(7)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
fs = frozenset([1, 2, 3])
print(sorted(fs), 2 in fs, len(fs), type(fs).__name__)
nums = [4, 1, 4, 2, 1, 4, 3]
print(sorted(set(nums)), len(set(nums)), sorted({n % 3 for n in nums}))
c = set(nums)
c.add(100)
print(sorted(c), c.pop() in {1, 2, 3, 4, 100}, len(c))
d = c.copy()
d.clear()
print(d, len(d), set(), bool(d), len(c), {1, 2} == {2, 1}, {1} != {2})
print(sorted(set("hello")), sorted(set(range(5)).difference(set(range(2, 10)))))
ports_open = {22, 80, 443}
required = [22, 443, 8080]
missing = [p for p in required if p not in ports_open]
print("missing ports:", missing)
seen = set()
dupes = []
for host in ["a", "b", "a", "c", "b", "a"]:
    if host in seen:
        dupes.append(host)
    seen.add(host)
print(dupes, sorted(seen))
