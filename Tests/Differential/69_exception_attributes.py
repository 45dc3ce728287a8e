# Exception objects: args, str/repr, attributes, exceptions stored and compared later.
errors = [
    ValueError("bad value"),
    KeyError("key"),
    IndexError("list index out of range"),
    TypeError("wrong", "type"),
    RuntimeError(),
    Exception(42),
    FileNotFoundError("missing.txt"),
    NotImplementedError("todo"),
]
for e in errors:
    print(type(e).__name__, repr(str(e)), repr(e), e.args, isinstance(e, Exception))
print([type(e).__mro__[1].__name__ for e in errors])
caught = []
for func, arg in [(int, "x"), (float, "y"), (len, 3), (abs, "z")]:
    try:
        func(arg)
    except (ValueError, TypeError) as e:
        caught.append(e)
for e in caught:
    print(type(e).__name__, e)
print(len(caught), [type(e).__name__ for e in caught].count("ValueError"))
e = ValueError("a", "b")
print(e.args[0], e.args[1], len(e.args), str(e), repr(e))
e2 = KeyError()
print(str(e2), repr(e2), e2.args)
e3 = KeyError("has 'quotes'")
print(str(e3), repr(e3))


class WithData(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


try:
    raise WithData(503, "unavailable")
except WithData as err:
    print(err.code, err.detail, err.args, str(err))
    saved = err
print(saved.code, type(saved).__name__)
print(issubclass(FileNotFoundError, OSError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(ModuleNotFoundError, ImportError), issubclass(KeyboardInterrupt, Exception))
