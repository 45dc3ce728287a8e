/// `operator` (not in LANGUAGE.md §8.6, but small and the usual companion of `functools.reduce`
/// and `sorted(key=…)`): the operators as functions, and `itemgetter`, `attrgetter`,
/// `methodcaller`. The functions take positional arguments only, as CPython's do.
enum OperatorModule {
  static let source = #"""
    _builtin_abs = abs


    # Comparisons.

    def lt(a, b, /):
        return a < b


    def le(a, b, /):
        return a <= b


    def eq(a, b, /):
        return a == b


    def ne(a, b, /):
        return a != b


    def ge(a, b, /):
        return a >= b


    def gt(a, b, /):
        return a > b


    def not_(a, /):
        return not a


    def truth(a, /):
        return True if a else False


    def is_(a, b, /):
        return a is b


    def is_not(a, b, /):
        return a is not b


    # Arithmetic and bitwise operators.

    def abs(a, /):
        return _builtin_abs(a)


    def add(a, b, /):
        return a + b


    def and_(a, b, /):
        return a & b


    def floordiv(a, b, /):
        return a // b


    def index(a, /):
        if isinstance(a, int):
            return int(a)
        if hasattr(type(a), "__index__"):
            return a.__index__()
        raise TypeError(f"'{type(a).__name__}' object cannot be interpreted as an integer")


    def inv(a, /):
        return ~a


    invert = inv


    def lshift(a, b, /):
        return a << b


    def mod(a, b, /):
        return a % b


    def mul(a, b, /):
        return a * b


    def matmul(a, b, /):
        return a @ b


    def neg(a, /):
        return -a


    def or_(a, b, /):
        return a | b


    def pos(a, /):
        return +a


    def pow(a, b, /):
        return a ** b


    def rshift(a, b, /):
        return a >> b


    def sub(a, b, /):
        return a - b


    def truediv(a, b, /):
        return a / b


    def xor(a, b, /):
        return a ^ b


    # Sequences and mappings.

    def concat(a, b, /):
        if not hasattr(a, "__getitem__") and not isinstance(a, (str, bytes, list, tuple)):
            raise TypeError(f"'{type(a).__name__}' object can't be concatenated")
        return a + b


    def contains(a, b, /):
        return b in a


    def countOf(a, b, /):
        return sum(1 for item in a if item is b or item == b)


    def indexOf(a, b, /):
        for position, item in enumerate(a):
            if item is b or item == b:
                return position
        raise ValueError("sequence.index(x): x not in sequence")


    def getitem(a, b, /):
        return a[b]


    def setitem(a, b, c, /):
        a[b] = c


    def delitem(a, b, /):
        del a[b]


    def length_hint(obj, default=0, /):
        if not isinstance(default, int):
            raise TypeError(f"'{type(default).__name__}' object cannot be interpreted as an integer")
        try:
            return len(obj)
        except TypeError:
            pass
        hint = getattr(type(obj), "__length_hint__", None)
        if hint is None:
            return default
        value = hint(obj)
        if value is NotImplemented:
            return default
        return value


    def call(obj, /, *args, **kwargs):
        return obj(*args, **kwargs)


    # In-place forms: `a op= b`, then the (possibly new) `a`.

    def iadd(a, b, /):
        a += b
        return a


    def iand(a, b, /):
        a &= b
        return a


    def iconcat(a, b, /):
        if not hasattr(a, "__getitem__") and not isinstance(a, (str, bytes, list, tuple)):
            raise TypeError(f"'{type(a).__name__}' object can't be concatenated")
        a += b
        return a


    def ifloordiv(a, b, /):
        a //= b
        return a


    def ilshift(a, b, /):
        a <<= b
        return a


    def imod(a, b, /):
        a %= b
        return a


    def imul(a, b, /):
        a *= b
        return a


    def imatmul(a, b, /):
        a @= b
        return a


    def ior(a, b, /):
        a |= b
        return a


    def ipow(a, b, /):
        a **= b
        return a


    def irshift(a, b, /):
        a >>= b
        return a


    def isub(a, b, /):
        a -= b
        return a


    def itruediv(a, b, /):
        a /= b
        return a


    def ixor(a, b, /):
        a ^= b
        return a


    # Callables that fetch parts of their argument.

    class itemgetter:
        """Return a callable object that fetches the given item(s) from its operand."""

        def __init__(self, *items):
            if len(items) == 0:
                raise TypeError("itemgetter expected 1 argument, got 0")
            self._items = items

        def __call__(self, *args, **kwargs):
            if kwargs:
                raise TypeError("itemgetter() takes no keyword arguments")
            if len(args) != 1:
                raise TypeError(f"itemgetter expected 1 argument, got {len(args)}")
            obj = args[0]
            if len(self._items) == 1:
                return obj[self._items[0]]
            return tuple(obj[item] for item in self._items)

        def __repr__(self):
            return "operator.itemgetter(" + ", ".join(repr(item) for item in self._items) + ")"


    class attrgetter:
        """Return a callable object that fetches the given attribute(s) from its operand.
        Dotted names ('a.b') walk nested attributes."""

        def __init__(self, *attrs):
            if len(attrs) == 0:
                raise TypeError("attrgetter expected 1 argument, got 0")
            for attr in attrs:
                if not isinstance(attr, str):
                    raise TypeError("attribute name must be a string")
            self._attrs = attrs
            self._paths = [attr.split(".") for attr in attrs]

        def __call__(self, *args, **kwargs):
            if kwargs:
                raise TypeError("attrgetter() takes no keyword arguments")
            if len(args) != 1:
                raise TypeError(f"attrgetter expected 1 argument, got {len(args)}")
            obj = args[0]
            if len(self._paths) == 1:
                return _resolve(obj, self._paths[0])
            return tuple(_resolve(obj, path) for path in self._paths)

        def __repr__(self):
            return "operator.attrgetter(" + ", ".join(repr(attr) for attr in self._attrs) + ")"


    def _resolve(obj, path):
        for name in path:
            obj = getattr(obj, name)
        return obj


    class methodcaller:
        """Return a callable object that calls the given method on its operand."""

        def __init__(*args, **kwargs):
            if len(args) < 2:
                raise TypeError("methodcaller needs at least one argument, the method name")
            self = args[0]
            if not isinstance(args[1], str):
                raise TypeError("method name must be a string")
            self._name = args[1]
            self._args = args[2:]
            self._kwargs = kwargs

        def __call__(self, *args, **kwargs):
            if kwargs:
                raise TypeError("methodcaller() takes no keyword arguments")
            if len(args) != 1:
                raise TypeError(f"methodcaller expected 1 argument, got {len(args)}")
            return getattr(args[0], self._name)(*self._args, **self._kwargs)

        def __repr__(self):
            parts = [repr(self._name)]
            parts.extend(repr(arg) for arg in self._args)
            parts.extend(f"{key}={value!r}" for key, value in self._kwargs.items())
            return "operator.methodcaller(" + ", ".join(parts) + ")"


    # The dunder spellings, as CPython's operator module also has them.
    __abs__ = abs
    __add__ = add
    __and__ = and_
    __call__ = call
    __concat__ = concat
    __contains__ = contains
    __delitem__ = delitem
    __eq__ = eq
    __floordiv__ = floordiv
    __ge__ = ge
    __getitem__ = getitem
    __gt__ = gt
    __iadd__ = iadd
    __iand__ = iand
    __iconcat__ = iconcat
    __ifloordiv__ = ifloordiv
    __ilshift__ = ilshift
    __imatmul__ = imatmul
    __imod__ = imod
    __imul__ = imul
    __index__ = index
    __inv__ = inv
    __invert__ = invert
    __ior__ = ior
    __ipow__ = ipow
    __irshift__ = irshift
    __isub__ = isub
    __itruediv__ = itruediv
    __ixor__ = ixor
    __le__ = le
    __lshift__ = lshift
    __lt__ = lt
    __matmul__ = matmul
    __mod__ = mod
    __mul__ = mul
    __ne__ = ne
    __neg__ = neg
    __not__ = not_
    __or__ = or_
    __pos__ = pos
    __pow__ = pow
    __rshift__ = rshift
    __setitem__ = setitem
    __sub__ = sub
    __truediv__ = truediv
    __xor__ = xor
    """#
}
