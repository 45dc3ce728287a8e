/// `functools` (LANGUAGE.md §8.6): `partial reduce update_wrapper wraps lru_cache cache cmp_to_key
/// total_ordering`. The cached function of `lru_cache` is a plain function carrying `cache_info`,
/// `cache_clear` and `cache_parameters`, so it binds as a method like any function.
enum FunctoolsModule {
  static let source = #"""
    __all__ = [
        "update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "total_ordering", "cache",
        "cmp_to_key", "lru_cache", "reduce", "partial",
    ]

    WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
    WRAPPER_UPDATES = ("__dict__",)


    class partial:
        """New function with partial application of the given arguments and keywords."""

        def __init__(*args, **keywords):
            if len(args) < 2:
                raise TypeError("type 'partial' takes at least one argument")
            self = args[0]
            func = args[1]
            args = args[2:]
            if not callable(func):
                raise TypeError("the first argument must be callable")
            # A partial of a partial is flattened into one, as in CPython.
            if type(func) is partial:
                args = func.args + args
                keywords = {**func.keywords, **keywords}
                func = func.func
            self.func = func
            self.args = args
            self.keywords = keywords

        def __call__(self, /, *args, **keywords):
            if self.keywords:
                keywords = {**self.keywords, **keywords}
            return self.func(*self.args, *args, **keywords)

        def __repr__(self):
            parts = [repr(self.func)]
            parts.extend(repr(arg) for arg in self.args)
            parts.extend(f"{key}={value!r}" for key, value in self.keywords.items())
            return "functools.partial(" + ", ".join(parts) + ")"


    def reduce(*args):
        """reduce(function, iterable[, initial]) -> value: fold the iterable from the left."""
        if len(args) < 2:
            raise TypeError(f"reduce expected at least 2 arguments, got {len(args)}")
        if len(args) > 3:
            raise TypeError(f"reduce expected at most 3 arguments, got {len(args)}")
        function = args[0]
        try:
            iterator = iter(args[1])
        except TypeError:
            raise TypeError("reduce() arg 2 must support iteration") from None
        if len(args) == 3:
            value = args[2]
        else:
            try:
                value = next(iterator)
            except StopIteration:
                raise TypeError("reduce() of empty iterable with no initial value") from None
        for element in iterator:
            value = function(value, element)
        return value


    def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
        """Make `wrapper` look like `wrapped`: copy its name, doc and attributes, and point
        `__wrapped__` at it."""
        for attribute in assigned:
            try:
                value = getattr(wrapped, attribute)
            except AttributeError:
                pass
            else:
                setattr(wrapper, attribute, value)
        # `__dict__` reads as a copy here, so its entries are copied one by one.
        for attribute in updated:
            if attribute == "__dict__":
                for key, value in getattr(wrapped, "__dict__", {}).items():
                    setattr(wrapper, key, value)
            else:
                target = getattr(wrapper, attribute)
                target.update(getattr(wrapped, attribute, {}))
        wrapper.__wrapped__ = wrapped
        return wrapper


    def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
        """Decorator form of update_wrapper."""
        return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


    # The class of cache_info()'s result, made on first use so that importing functools does not
    # compile collections.
    _CacheInfo = None


    def _cache_info(hits, misses, maxsize, currsize):
        global _CacheInfo
        if _CacheInfo is None:
            from collections import namedtuple

            _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"], module="functools")
        return _CacheInfo(hits, misses, maxsize, currsize)

    # Separates positional from keyword arguments in a cache key.
    _KEYWORD_MARK = object()

    # Types whose values are their own cache key when they are the only argument.
    _FAST_TYPES = (int, str)


    # Stands for "not in the cache" in lookups.
    _NOT_FOUND = object()


    def _make_key(args, kwargs, typed):
        if not kwargs and not typed:
            if len(args) == 1 and type(args[0]) in _FAST_TYPES:
                return args[0]
            return args
        key = args
        if kwargs:
            key = key + (_KEYWORD_MARK,)
            for item in kwargs.items():
                key = key + item
        if typed:
            key = key + tuple(type(arg) for arg in args)
            if kwargs:
                key = key + tuple(type(value) for value in kwargs.values())
        return key


    def lru_cache(maxsize=128, typed=False):
        """Decorator caching a function's results by its arguments, dropping the least recently
        used beyond `maxsize` (None: unbounded). `@lru_cache` and `@lru_cache(...)` both work."""
        if isinstance(maxsize, int) and not isinstance(maxsize, bool):
            if maxsize < 0:
                maxsize = 0
        elif callable(maxsize) and isinstance(typed, bool):
            user_function = maxsize
            return _lru_cache_wrapper(user_function, 128, typed)
        elif maxsize is not None:
            raise TypeError("Expected first argument to be an integer, a callable, or None")

        def decorating_function(user_function):
            return _lru_cache_wrapper(user_function, maxsize, typed)

        return decorating_function


    def cache(user_function, /):
        """Simple unbounded cache: lru_cache(maxsize=None)."""
        return _lru_cache_wrapper(user_function, None, False)


    def _lru_cache_wrapper(user_function, maxsize, typed):
        # The dict keeps insertion order: the first key is the least recently used, and a hit
        # moves its key to the end.
        results = {}
        stats = [0, 0]  # hits, misses

        if maxsize == 0:

            def wrapper(*args, **kwargs):
                stats[1] += 1
                return user_function(*args, **kwargs)

        elif maxsize is None:

            def wrapper(*args, **kwargs):
                key = _make_key(args, kwargs, typed)
                value = results.get(key, _NOT_FOUND)
                if value is not _NOT_FOUND:
                    stats[0] += 1
                    return value
                stats[1] += 1
                value = user_function(*args, **kwargs)
                results[key] = value
                return value

        else:

            def wrapper(*args, **kwargs):
                key = _make_key(args, kwargs, typed)
                value = results.pop(key, _NOT_FOUND)
                if value is not _NOT_FOUND:
                    stats[0] += 1
                    results[key] = value
                    return value
                stats[1] += 1
                value = user_function(*args, **kwargs)
                if key not in results:
                    if len(results) >= maxsize:
                        del results[next(iter(results))]
                    results[key] = value
                return value

        def cache_info():
            """Report cache statistics."""
            return _cache_info(stats[0], stats[1], maxsize, len(results))

        def cache_clear():
            """Clear the cache and cache statistics."""
            results.clear()
            stats[0] = 0
            stats[1] = 0

        def cache_parameters():
            return {"maxsize": maxsize, "typed": typed}

        update_wrapper(wrapper, user_function)
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        wrapper.cache_parameters = cache_parameters
        return wrapper


    def cmp_to_key(mycmp):
        """Convert a cmp= function into a key= function."""

        class K:
            __slots__ = ("obj",)

            def __init__(self, obj):
                self.obj = obj

            def __lt__(self, other):
                return mycmp(self.obj, _unwrap(other)) < 0

            def __gt__(self, other):
                return mycmp(self.obj, _unwrap(other)) > 0

            def __eq__(self, other):
                return mycmp(self.obj, _unwrap(other)) == 0

            def __le__(self, other):
                return mycmp(self.obj, _unwrap(other)) <= 0

            def __ge__(self, other):
                return mycmp(self.obj, _unwrap(other)) >= 0

            __hash__ = None

        def _unwrap(other):
            if not isinstance(other, K):
                raise TypeError("other argument must be K instance")
            return other.obj

        K.__module__ = "functools"
        return K


    # For each operation a class may define, how to derive each missing one from it. Every
    # derived method passes NotImplemented through unchanged.
    _DERIVATIONS = {
        "__lt__": {
            "__gt__": lambda lt, self, other: not lt and self != other,
            "__le__": lambda lt, self, other: lt or self == other,
            "__ge__": lambda lt, self, other: not lt,
        },
        "__le__": {
            "__ge__": lambda le, self, other: not le or self == other,
            "__lt__": lambda le, self, other: le and self != other,
            "__gt__": lambda le, self, other: not le,
        },
        "__gt__": {
            "__lt__": lambda gt, self, other: not gt and self != other,
            "__ge__": lambda gt, self, other: gt or self == other,
            "__le__": lambda gt, self, other: not gt,
        },
        "__ge__": {
            "__le__": lambda ge, self, other: (not ge) or self == other,
            "__gt__": lambda ge, self, other: ge and self != other,
            "__lt__": lambda ge, self, other: not ge,
        },
    }


    def _derived_method(root, name, rule):
        def method(self, other):
            result = getattr(type(self), root)(self, other)
            if result is NotImplemented:
                return result
            return rule(result, self, other)

        method.__name__ = name
        method.__qualname__ = name
        return method


    def total_ordering(cls):
        """Class decorator that fills in missing ordering methods from the one or more defined."""
        roots = [name for name in ("__lt__", "__le__", "__gt__", "__ge__") if getattr(cls, name, None) is not None]
        if not roots:
            raise ValueError("must define at least one ordering operation: < > <= >=")
        # Prefer __lt__, then __le__, __gt__, __ge__ (CPython's choice, which shows when several exist).
        root = roots[0]
        for name, rule in _DERIVATIONS[root].items():
            if name not in roots:
                setattr(cls, name, _derived_method(root, name, rule))
        return cls
    """#
}
