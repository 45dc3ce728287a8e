# Unpacking: tuples, nested targets, starred targets, in for loops, swaps, errors.
a, b, c = 1, 2, 3
print(a, b, c)
first, *rest = [10, 20, 30, 40]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(5)
print(head, middle, tail)
x, *empty, y = [1, 2]
print(x, empty, y)
(p, q), r = [1, 2], 3
print(p, q, r)
[s, t], [u, *v] = "st", "uvw"
print(s, t, u, v)
for name, (ip, port) in {"web": ("10.0.0.1", 80), "db": ("10.0.0.2", 5432)}.items():
    print(name, ip, port)
for i, (k, *vals) in enumerate([("a", 1, 2), ("b",)]):
    print(i, k, vals)
line = "root:x:0:0:root:/root:/bin/bash"
user, _, uid, gid, *_, shell = line.split(":")
print(user, uid, gid, shell)
key, sep, value = "name=web1".partition("=") if False else ("name", "=", "web1")
print(key, value)
m = n = o = []
m.append(1)
print(m, n, o, m is o)
i = j = 5
i += 1
print(i, j)
d = {}
d["a"], d["b"] = 1, 2
obj = type("Obj", (), {})() if False else None
lst = [0, 0, 0]
lst[0], lst[2] = "first", "last"
print(d, lst)
a, b = b, a
print(a, b)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
print([*"ab", *[1]], {**{"k": 1}}, (*range(2),))
