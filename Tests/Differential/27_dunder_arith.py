# Arithmetic special methods: __add__, __radd__, __iadd__, __sub__, __mul__, __neg__, __abs__.
class Bytes:
    UNITS = ["B", "KiB", "MiB", "GiB"]

    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        if isinstance(other, Bytes):
            return Bytes(self.n + other.n)
        if isinstance(other, int):
            return Bytes(self.n + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        return Bytes(self.n - other.n)

    def __mul__(self, k):
        return Bytes(self.n * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Bytes(self.n // k)

    def __neg__(self):
        return Bytes(-self.n)

    def __abs__(self):
        return Bytes(abs(self.n))

    def __eq__(self, other):
        return isinstance(other, Bytes) and self.n == other.n

    def __str__(self):
        n = float(self.n)
        for unit in self.UNITS:
            if abs(n) < 1024 or unit == self.UNITS[-1]:
                return f"{round(n, 1)} {unit}"
            n /= 1024

    def __repr__(self):
        return f"Bytes({self.n})"


sizes = [Bytes(512), Bytes(2048), Bytes(5 * 1024 * 1024)]
total = sum(sizes)
print(total, repr(total), str(Bytes(3 * 1024 ** 3)))
print(Bytes(100) + 28, 28 + Bytes(100), Bytes(10) * 3, 3 * Bytes(10), Bytes(10) / 4)
print(-Bytes(5), abs(Bytes(-2048)), Bytes(1) - Bytes(3), Bytes(1) == Bytes(1))
try:
    Bytes(1) + "x"
except TypeError as e:
    print("TypeError:", e)


class Counter:
    def __init__(self):
        self.items = []

    def __iadd__(self, item):
        self.items.append(item)
        return self


c = Counter()
ref = c
c += "a"
c += "b"
print(c.items, c is ref)


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


v = Vec(1, 2)
w = v
v += Vec(10, 10)
print(v, w, v is w)
