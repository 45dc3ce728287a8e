# Lambdas: as keys, in dicts of handlers, closures, defaults, immediately called.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "called")(), (lambda *a, **k: (a, k))(1, x=2))
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else float("inf"),
}
for sym in "+-*/":
    print(sym, ops[sym](12, 4), ops[sym](3, 0))
print(square.__name__, callable(square), (lambda: None)() is None)
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(3), list(map(compose(str, square), range(4))))
people = [("alice", 31), ("bob", 25), ("carol", 35)]
print(sorted(people, key=lambda p: p[1]), max(people, key=lambda p: len(p[0])))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
cond = lambda x: "big" if x > 100 else "small"
print(cond(5), cond(500))
nested = lambda x: (lambda y: x + y)
print(nested(1)(2))
recurse = lambda n: 1 if n <= 1 else n * recurse(n - 1)
print(recurse(10))
try:
    add()
except TypeError as e:
    print("TypeError:", e)
