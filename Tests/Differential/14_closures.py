# Closures: counters, captured variables (not values), factories, decorators.
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

def make_multipliers():
    result = []
    for i in range(3):
        def mul(x, i=i):
            return x * i
        result.append(mul)
    return result

print([m(10) for m in make_multipliers()])

def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]

print(late_binding())

def cache(fn):
    memo = {}
    def wrapper(n):
        if n not in memo:
            memo[n] = fn(n)
        return memo[n]
    wrapper.memo = memo
    return wrapper

@cache
def slow_square(n):
    print("computing", n)
    return n * n

print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.memo))

def logged(prefix):
    def decorator(fn):
        def inner(*args, **kwargs):
            print(prefix, fn.__name__, args, kwargs)
            return fn(*args, **kwargs)
        return inner
    return decorator

@logged("CALL")
def deploy(host, version="1.0", dry_run=False):
    return f"{host}@{version}" + (" (dry)" if dry_run else "")

print(deploy("web1"))
print(deploy("web2", version="2.1", dry_run=True))

def accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def get():
        return list(items)
    return add, get

add, get = accumulator()
add("a")
add("b")
print(get(), add("c"), get())

def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    x = 2
    return middle()()

print(outer())
