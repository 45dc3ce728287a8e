# Properties with getters, setters and validation; computed attributes.
class Disk:
    def __init__(self, name, size_gb, used_gb=0):
        self.name = name
        self._size = size_gb
        self.used = used_gb

    @property
    def size(self):
        return self._size

    @size.setter
    def size(self, value):
        if value <= 0:
            raise ValueError(f"size must be positive, got {value}")
        self._size = value

    @property
    def used(self):
        return self._used

    @used.setter
    def used(self, value):
        self._used = max(0, value)

    @property
    def free(self):
        return self._size - self._used

    @property
    def percent(self):
        return round(100 * self._used / self._size, 1)


d = Disk("sda", 100, 42)
print(d.size, d.used, d.free, d.percent)
d.size = 200
d.used = -5
print(d.size, d.used, d.free, d.percent)
try:
    d.size = 0
except ValueError as e:
    print("ValueError:", e)
try:
    d.free = 10
except AttributeError as e:
    print("AttributeError:", e)
print(type(Disk.size).__name__, isinstance(Disk.free, property))


class Temperature:
    def __init__(self):
        self._celsius = 0.0

    def get_f(self):
        return self._celsius * 9 / 5 + 32

    def set_f(self, value):
        self._celsius = (value - 32) * 5 / 9

    fahrenheit = property(get_f, set_f)


t = Temperature()
t.fahrenheit = 212
print(t._celsius, t.fahrenheit)


class Lazy:
    def __init__(self):
        self.calls = 0

    @property
    def value(self):
        self.calls += 1
        return self.calls * 10


z = Lazy()
print(z.value, z.value, z.calls)
