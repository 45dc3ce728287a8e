# isinstance/issubclass/type with built-in and user types, tuples of types, bool as int.
values = [1, 2.5, "s", b"b", None, True, [1], (1,), {"a": 1}, {1}, frozenset(), range(2), 2 ** 80]
for v in values:
    kinds = [t.__name__ for t in (int, float, str, bytes, bool, list, tuple, dict, set, frozenset, range) if isinstance(v, t)]
    print(repr(v), type(v).__name__, kinds)
print(isinstance(None, type(None)), type(None).__name__, isinstance(3, (str, int)), isinstance("x", ()))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(KeyError, LookupError))
print(type(1) is int, type(True) is bool, type(True) is int, type(1.0) == float, type([]) is list)
print(isinstance(int, type), isinstance(type, type), type(int).__name__, type(type).__name__)


def describe(value):
    if isinstance(value, bool):
        return "flag"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "sequence of " + str(len(value))
    if isinstance(value, dict):
        return "mapping"
    return "other"


print([describe(v) for v in [True, 3, 1.5, "x", [1, 2], (), {}, None]])


class Animal:
    pass


class Dog(Animal):
    pass


print(isinstance(Dog(), Animal), isinstance(Animal(), Dog), issubclass(Dog, (str, Animal)), type(Dog()) is Animal)
print(isinstance(Dog, type), isinstance(Dog(), object), Dog.__bases__[0].__name__)
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
