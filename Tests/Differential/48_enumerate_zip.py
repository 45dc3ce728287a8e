# enumerate and zip: indexes, parallel lists, dict building, unequal lengths.
hosts = ["web1", "web2", "db1"]
ips = ["10.0.0.1", "10.0.0.2", "10.0.1.1", "extra"]
for i, h in enumerate(hosts):
    print(i, h)
for n, h in enumerate(hosts, start=1):
    print(f"{n}. {h}")
print(list(enumerate("ab", 10)), list(zip(hosts, ips)), dict(zip(hosts, ips)))
print(list(zip()), list(zip([1])), list(zip("ab", [1, 2], (True, False))))
for (i, h), ip in zip(enumerate(hosts), ips):
    print(i, h, ip)
names, values = zip(*[("a", 1), ("b", 2), ("c", 3)])
print(names, values)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(col) for col in zip(*matrix)])
e = enumerate(["x", "y"])
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("enumerate exhausted")
z = zip([1, 2], "ab")
print(next(z), list(z), list(z))
header = "name pid cpu"
rows = ["nginx 12 0.5", "sshd 1 0.0"]
keys = header.split()
table = [dict(zip(keys, r.split())) for r in rows]
print(table)
for idx, (k, v) in enumerate(sorted({"b": 2, "a": 1}.items())):
    print(idx, k, v)
try:
    list(zip([1], [2], strict=True))
    print(list(zip([1, 2], [3], strict=True)))
except ValueError as e:
    print("ValueError:", e)
