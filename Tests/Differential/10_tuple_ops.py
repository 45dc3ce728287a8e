# Tuples: packing, unpacking, comparison, as dict keys, count/index.
point = (3, 4)
x, y = point
print(point, x, y, len(point), point[0], point[-1])
single = (5,)
empty = ()
print(single, empty, len(empty), type(single).__name__, (5) == 5, (1, 2) + (3,), (0,) * 3)
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"))
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), 2 in t, 9 in t)
records = [("web1", 80, "up"), ("db1", 5432, "down"), ("web2", 80, "up")]
for name, port, state in records:
    print(name, port, state)
by_state = {}
for name, _, state in records:
    by_state.setdefault(state, []).append(name)
print(by_state)
print(sorted(records, key=lambda r: (r[1], r[0])))
grid = {(0, 0): "origin", (1, 2): "point"}
print(grid[(1, 2)], grid[0, 0], (1, 2) in grid)
nested = ((1, 2), (3, (4, 5)))
(a, b), (c, (d, e)) = nested
print(a, b, c, d, e)
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}))
print(max(records, key=lambda r: r[1])[0], min(records)[0])
a, b = 1, 2
a, b = b, a
print(a, b)
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats([3, 9, 6])
print(lo, hi, mean, stats([1]))
print(repr((1,)), repr(("a", None, 1.5)), str(((),)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(42)
except ValueError as e:
    print("ValueError:", e)
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1, 2), point is not None)
