# Exception chaining: raise from, implicit context, suppression with from None.
class ConfigError(Exception):
    pass


def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad number {text!r}") from e


try:
    load("x1")
except ConfigError as e:
    print(repr(e), type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
    print(type(e.__context__).__name__, e.__context__ is e.__cause__)


def implicit():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")


try:
    implicit()
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)


def hidden():
    try:
        [][1]
    except IndexError:
        raise ValueError("clean") from None


try:
    hidden()
except ValueError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
chain = []
try:
    try:
        try:
            raise OSError("disk")
        except OSError as a:
            raise ValueError("parse") from a
    except ValueError as b:
        raise RuntimeError("deploy")
except RuntimeError as c:
    err = c
    while err is not None:
        chain.append(f"{type(err).__name__}({err})")
        err = err.__cause__ or err.__context__
print(" <- ".join(chain))
e = ValueError("standalone")
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__))
