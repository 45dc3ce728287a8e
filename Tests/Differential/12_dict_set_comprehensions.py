# Dict and set comprehensions over realistic data.
inventory = "web1:10.0.0.1 web2:10.0.0.2 db1:10.0.1.1 db2:10.0.1.2 cache1:10.0.2.1"
hosts = {name: ip for name, ip in (pair.split(":") for pair in inventory.split())}
print(hosts)
subnets = {ip.rsplit(".", 1)[0] for ip in hosts.values()}
print(sorted(subnets), len(subnets))
by_role = {}
for name in hosts:
    role = name.rstrip("0123456789")
    by_role.setdefault(role, []).append(name)
print(by_role)
sizes = {role: len(names) for role, names in by_role.items()}
print(sizes, {r: n for r, n in sizes.items() if n > 1})
squares = {n: n * n for n in range(6)}
print(squares, {v: k for k, v in squares.items() if k % 2 == 0})
print({c: "aeiou".count(c) > 0 for c in "hello"})
print(sorted({len(w) for w in "a bb cc ddd e".split()}))
print({(x, y): x * y for x in range(1, 3) for y in range(1, 3)})
print({k: v for k, v in zip("abc", range(3)) if v})
table = {h: {"ip": ip, "last": int(ip.split(".")[-1])} for h, ip in hosts.items()}
print(table["db2"], max(table, key=lambda h: table[h]["last"]))
nested = {outer: {inner: outer * inner for inner in range(1, 4)} for outer in range(1, 3)}
print(nested)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
first_letters = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(first_letters)
counts = {w: words.count(w) for w in set(words)}
print(sorted(counts.items()))
x = 10
result = {x: x + 1 for x in range(3)}
print(result, x)
