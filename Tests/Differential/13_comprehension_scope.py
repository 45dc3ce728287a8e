# Comprehension scopes: their loop variables do not leak; closures over loop variables.
x = "outer"
squares = [x * 2 for x in range(3)]
print(squares, x)
total = 100
values = [total + i for i in range(3)]
print(values)

def make_filters():
    limit = 5
    return [n for n in range(10) if n < limit]

print(make_filters())

class Config:
    defaults = {"a": 1, "b": 2}
    keys = [k for k in defaults]
    doubled = {k: v * 2 for k, v in defaults.items()}

print(Config.keys, Config.doubled)
callbacks = [lambda: i for i in range(3)]
print([f() for f in callbacks])
callbacks = [lambda i=i: i for i in range(3)]
print([f() for f in callbacks])

def outer():
    factor = 3
    def scale(xs):
        return [factor * v for v in xs]
    return scale

print(outer()([1, 2]))
i = "unchanged"
pairs = [(i, j) for i in range(2) for j in range(i + 1)]
print(pairs, i)
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested, i)

def counter_words(text):
    seen = set()
    return [w for w in text.split() if not (w in seen or seen.add(w))]

print(counter_words("a b a c b d"))
try:
    print(undefined_in_comp)
except NameError as e:
    print("NameError:", e)
y = [v for v in range(3)]
try:
    print(v)
except NameError as e:
    print("NameError:", e)
