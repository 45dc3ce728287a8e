# try/except/else/finally with built-in exceptions and their messages.
def safe_div(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("  error:", e)
        return None
    else:
        print("  ok")
        return result
    finally:
        print("  finally for", a, b)


print(safe_div(10, 4))
print(safe_div(1, 0))
cases = [
    lambda: int("abc"),
    lambda: [1, 2][5],
    lambda: {"a": 1}["b"],
    lambda: None.upper(),
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: len(5),
    lambda: float("x.y"),
    lambda: 2 // 0,
    lambda: 1.5 / 0,
    lambda: [].pop(),
    lambda: (1, 2).append(3),
    lambda: undefined_name,
    lambda: int("12", 2),
    lambda: "abc".index("z"),
    lambda: [1, 2, 3].index(4),
    lambda: 3 < "a",
    lambda: -"x",
    lambda: {}.pop("k"),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: chr(-1),
    lambda: int(None),
]
for case in cases:
    try:
        case()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    raise ValueError
except ValueError as e:
    print("bare class:", repr(e), e.args)
try:
    try:
        raise TypeError("inner")
    except ValueError:
        print("not reached")
except (KeyError, TypeError) as e:
    print("tuple caught:", type(e).__name__, e)
try:
    raise KeyError("missing-key")
except LookupError as e:
    print("via base class:", repr(e))
try:
    1 / 0
except:
    print("bare except")
e = "still defined?"
try:
    raise OSError("No such file or directory")
except OSError as e:
    print(e, e.args)
print("e deleted after except")
