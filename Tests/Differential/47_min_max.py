# min() and max() with key, default, several arguments and iterables.
loads = {"web1": 0.7, "web2": 2.5, "db1": 1.2, "cache": 0.1}
print(max(loads), min(loads), max(loads, key=loads.get), min(loads, key=lambda h: loads[h]))
print(max(loads.values()), min(loads.items(), key=lambda kv: kv[1]))
print(max(3, 7, 5), min(3, 7, 5), max([1, 9], [2]), min("b", "a", "c"), max("hello"))
print(max([], default=None), min([], default="empty"), max([4], default=0))
print(max([1, 5, 5, 2], key=lambda x: x == 5), min(["bb", "a", "cc"], key=len), max(["bb", "a", "cc"], key=len))
print(max(range(10), key=lambda n: (n % 4, -n)), min((x for x in [3, 1, 2]), default=0))
print(max(1, 2.5), min(-1, -1.0), max(True, 0), max(2 ** 70, 1.5))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    max(5)
except TypeError as e:
    print("TypeError:", e)
samples = [12.5, 11.0, 13.75, 12.0, 40.0]
lo, hi = min(samples), max(samples)
mean = sum(samples) / len(samples)
outliers = [s for s in samples if abs(s - mean) > (hi - lo) / 2]
print(lo, hi, mean, outliers)
