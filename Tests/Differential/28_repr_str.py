# __repr__ and __str__: print, str(), repr(), containers use repr of elements.
class Job:
    def __init__(self, name, status):
        self.name = name
        self.status = status

    def __repr__(self):
        return f"Job(name={self.name!r}, status={self.status!r})"

    def __str__(self):
        return f"{self.name} [{self.status}]"


class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"


class OnlyStr:
    def __str__(self):
        return "only str"


j = Job("backup", "done")
print(j)
print(str(j), repr(j))
print([j], {"job": j}, (j,))
print(f"{j}", f"{j!r}", "%s" % "x" if False else str(j))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(OnlyStr(), str(OnlyStr()) == "only str", repr(OnlyStr()).startswith("<__main__.OnlyStr object at"))
print(repr("quote's"), repr('both \' and "'), repr("tab\tnew\nline"), repr("\\"), repr("\x00\x7f"))
print(str(b"bytes"), repr(b"a\x00b"), repr([1.0, "a", None, True]), repr({"k": (1,)}))
print(repr(1e100), repr(-0.0), repr(float("inf")), repr(123456789012345678901234567890))
print(str(ValueError("bad value")), repr(ValueError("bad value")), repr(KeyError("k")), str(KeyError("k")))
print(repr(Exception()), str(Exception()), repr(Exception(1, "two")), str(Exception(1, "two")))
print(repr(range(5)), repr(range(1, 10, 2)), repr(slice(1, 2)), repr(None), repr(...))
print(str(int), str(len), repr(Job.__name__), type(j))
nested = [Job("a", "x"), [Job("b", "y")]]
print(nested)
print(repr(""), repr("é"), repr("\u00e9\u4e2d"), ascii("é") if False else "skip")
