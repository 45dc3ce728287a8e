# Hashing: tuples as composite keys, objects hash by identity, unhashable types.
seen = {}
for host, port in [("a", 1), ("b", 2), ("a", 1), ("a", 2)]:
    key = (host, port)
    seen[key] = seen.get(key, 0) + 1
print(seen)
try:
    {[1, 2]: "list key"}
except TypeError as e:
    print("TypeError:", e)
try:
    set([{"a": 1}])
except TypeError as e:
    print("TypeError:", e)
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    {1, 2} in {frozenset()}
    {{1}: 0}
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


p = Plain()
q = Plain()
table = {p: "p", q: "q"}
print(table[p], table[q], p in {p}, q in {p}, hash(p) == hash(p), len(table))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")), hash(2) == hash(2))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(()) == hash(()), hash(None) == hash(None))
groups = {}
for name, env in [("w1", "prod"), ("w2", "dev"), ("w3", "prod")]:
    groups.setdefault(frozenset([env]), []).append(name)
print(groups[frozenset(["prod"])], len(groups))
