# functools in a small ops toolkit: cached lookups, logging decorators, partial commands, orderings.
import functools
import operator

calls = []


def traced(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        calls.append(function.__name__)
        return function(*args, **kwargs)

    return wrapper


@functools.lru_cache(maxsize=3)
@traced
def resolve(name):
    """Resolve a host name (pretend)."""
    return "10.0.0." + str(sum(map(ord, name)) % 250)


for name in ["web1", "db1", "web1", "cache1", "mq1", "web1", "db1"]:
    print(name, resolve(name))
print(resolve.cache_info(), calls)
print(resolve.__name__, resolve.__doc__, resolve.__wrapped__.__name__, resolve.__wrapped__.__wrapped__.__name__)
resolve.cache_clear()
print(resolve.cache_info(), resolve.cache_parameters())


@functools.cache
def paths(n):
    return 1 if n <= 1 else paths(n - 1) + paths(n - 2)


print(paths(60), paths.cache_info().currsize)


def ssh(host, command, user="root", port=22):
    return f"ssh -p {port} {user}@{host} {command!r}"


to_web = functools.partial(ssh, "web1", port=2222)
print(to_web("uptime"), to_web("id", user="deploy"), to_web.args, to_web.keywords)
print(functools.reduce(operator.add, [[1], [2, 3], []]), functools.reduce(lambda a, b: a * b, range(1, 8), 1))


@functools.total_ordering
class Release:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return self.text


releases = [Release(t) for t in ["1.2.10", "1.10", "1.2.9", "0.9.9"]]
print(sorted(releases), max(releases), Release("1.0") >= Release("1.0"), Release("2.0") <= Release("1.9"))


def newest_first(a, b):
    return (b.parts > a.parts) - (b.parts < a.parts)


print(sorted(releases, key=functools.cmp_to_key(newest_first)))
for attempt in [lambda: functools.reduce(operator.add, []), lambda: functools.partial(5), lambda: functools.lru_cache("x")]:
    try:
        attempt()
    except TypeError as error:
        print("TypeError:", error)
functools.reduce(operator.add)
