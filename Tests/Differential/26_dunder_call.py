# Callable objects: __call__, callable(), objects used as keys and callbacks.
class RateLimiter:
    def __init__(self, limit):
        self.limit = limit
        self.calls = {}

    def __call__(self, host):
        n = self.calls.get(host, 0) + 1
        self.calls[host] = n
        return n <= self.limit


allow = RateLimiter(2)
print([allow(h) for h in ["a", "a", "b", "a", "b", "b"]], allow.calls)
print(callable(allow), callable(RateLimiter), callable(len), callable("x"), callable(None), callable(lambda: 0))


class Formatter:
    def __init__(self, template):
        self.template = template

    def __call__(self, *args, **kwargs):
        return self.template.format(*args, **kwargs)


fmt = Formatter("{0} -> {target}")
print(fmt("web1", target="db1"))
print(list(map(Formatter("<{0}>"), ["a", "b"])))


class Pipeline:
    def __init__(self, *steps):
        self.steps = steps

    def __call__(self, value):
        for step in self.steps:
            value = step(value)
        return value


clean = Pipeline(str.strip, str.lower, lambda s: s.replace(" ", "-"))
print(clean("  Hello World  "), sorted(["B", "a", "C"], key=str.lower))


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n


handlers = {"inc": Adder(1), "dec": Adder(-1), "double": lambda x: x * 2}
value = 10
for op in ["inc", "double", "dec", "dec"]:
    value = handlers[op](value)
print(value)
try:
    label = "not callable"
    label()
except TypeError as e:
    print("TypeError:", e)
try:
    Adder(1)(1, 2)
except TypeError as e:
    print("TypeError:", e)
