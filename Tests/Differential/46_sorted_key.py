# sorted() and list.sort() with key and reverse; stability; sorting records several ways.
procs = [
    ("nginx", 1201, 3.5, 120),
    ("postgres", 88, 12.0, 850),
    ("cron", 5, 0.0, 5),
    ("redis", 455, 3.5, 64),
    ("sshd", 1, 0.1, 8),
]
print([p[0] for p in sorted(procs)])
print([p[0] for p in sorted(procs, key=lambda p: p[1])])
print([p[0] for p in sorted(procs, key=lambda p: p[2], reverse=True)])
print([p[0] for p in sorted(procs, key=lambda p: (-p[2], p[0]))])
print([p[0] for p in sorted(procs, key=lambda p: p[3] / max(p[2], 0.1))])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w.lower())), sorted(words, key=len, reverse=True))
records = [{"host": "b", "load": 2}, {"host": "a", "load": 2}, {"host": "c", "load": 1}]
records.sort(key=lambda r: r["load"])
print([r["host"] for r in records])
records.sort(key=lambda r: r["host"], reverse=True)
print([r["host"] for r in records])
print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted([1.5, -2, 0, 2 ** 64, -0.5]))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs, key=lambda p: p[0]))
versions = ["1.10", "1.2", "1.9", "2.0", "1.2.1"]
print(sorted(versions), sorted(versions, key=lambda v: [int(x) for x in v.split(".")]))
nums = [5, 2, 8, 1]
result = nums.sort()
print(result, nums)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{"a": 1}, {"a": 2}])
except TypeError as e:
    print("TypeError:", e)
print(sorted(range(10), key=lambda n: n % 3), list(reversed(sorted([2, 3, 1]))))
