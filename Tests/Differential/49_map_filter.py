# map and filter with functions, lambdas, several iterables, and None as the filter.
print(list(map(str.upper, ["a", "b"])), list(map(len, ["abc", "", "de"])), list(map(int, "123")))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6, 7])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(lambda n: n % 2, range(10))), list(filter(str.isdigit, ["1", "a", "22"])))
lines = ["  up 3 days  ", "", "load: 0.5", "   ", "users: 2"]
cleaned = list(filter(None, map(str.strip, lines)))
print(cleaned)
ports = list(map(int, "22,80,443".split(",")))
print(ports, sum(map(int, "1 2 3".split())), max(map(len, cleaned)))
m = map(lambda s: s * 2, "ab")
print(next(m), list(m), list(m))
f = filter(lambda x: x > 1, [1, 2, 3])
print(next(f), list(f))


def is_private(ip):
    first, second = map(int, ip.split(".")[:2])
    return first == 10 or (first == 192 and second == 168) or (first == 172 and 16 <= second <= 31)


ips = ["10.1.2.3", "8.8.8.8", "192.168.0.1", "172.20.1.1", "172.32.0.1"]
print(list(filter(is_private, ips)), [ip for ip in ips if not is_private(ip)])
print(list(map(lambda kv: f"{kv[0]}={kv[1]}", {"a": 1, "b": 2}.items())))
print(dict(map(lambda s: s.split("="), ["x=1", "y=2"])), list(map(abs, [-1, 2, -3])))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print("ValueError:", e)
