# List comprehensions with several for/if clauses, nested, and over structured data.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([c.upper() for c in "hello" if c not in "aeiou"])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix if i == 1])
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2])
print(sum([len(w) for w in "the quick brown fox".split()]))
services = [
    {"name": "nginx", "state": "running", "mem": 120},
    {"name": "redis", "state": "stopped", "mem": 0},
    {"name": "postgres", "state": "running", "mem": 850},
    {"name": "cron", "state": "running", "mem": 5},
]
running = [s["name"] for s in services if s["state"] == "running"]
heavy = [s["name"] for s in services if s["mem"] > 100]
print(running, heavy)
print([f"{s['name']}:{s['mem']}" for s in sorted(services, key=lambda s: -s["mem"])])
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
pairs = [(k, v) for k, v in zip("abc", [1, 2, 3])]
print(pairs, [k * v for k, v in pairs])
print([i for i, c in enumerate("banana") if c == "a"])
print([x for x in [3, -1, 0, 7, -5] if x > 0] or ["none"])
flattened = [item for sub in [[1], [], [2, 3], [4, [5]]] for item in sub]
print(flattened)
lines = ["  key1 = v1", "# comment", "", "key2=v2  ", "bad line"]
entries = [tuple(p.strip() for p in l.split("=", 1)) for l in lines if "=" in l and not l.strip().startswith("#")]
print(entries)
print(any(x > 5 for x in [1, 7]), all(x > 0 for x in [1, 2]), sum(x for x in range(5)), max(len(w) for w in ["a", "bbb"]))
print(list(x * 2 for x in range(3)), tuple(c for c in "ab"), sorted((x % 3 for x in range(7)), reverse=True))
gen = (n * n for n in range(4))
print(next(gen), next(gen), list(gen), list(gen))
