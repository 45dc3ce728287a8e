/// `itertools` (LANGUAGE.md §8.6). Every tool is an iterator class with `__iter__`/`__next__`
/// (generators cost a thread each here), lazy like CPython's, with CPython's argument messages.
enum ItertoolsModule {
  static let source = #"""
    import sys as _sys

    # Marks an argument that was not given.
    _MISSING = object()


    def _bind(name, args, kwargs, names, required):
        """The values of `names` from positional and keyword arguments, checked and worded as
        CPython's C functions do; an argument not given is _MISSING."""
        given = len(args) + len(kwargs)
        if given > len(names):
            raise TypeError(f"{name}() takes at most {len(names)} arguments ({given} given)")
        values = list(args) + [_MISSING] * (len(names) - len(args))
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError(f"'{key}' is an invalid keyword argument for {name}()")
            position = names.index(key)
            if position < len(args):
                raise TypeError(f"argument for {name}() given by name ('{key}') and position ({position + 1})")
            values[position] = value
        for position in range(required):
            if values[position] is _MISSING:
                raise TypeError(f"{name}() missing required argument '{names[position]}' (pos {position + 1})")
        return values


    def _positional(name, args, kwargs, count):
        """Checks a call of a function taking exactly `count` positional arguments."""
        if kwargs:
            raise TypeError(f"{name}() takes no keyword arguments")
        if len(args) != count:
            noun = "argument" if count == 1 else "arguments"
            raise TypeError(f"{name} expected {count} {noun}, got {len(args)}")


    def _index(value):
        """An int argument, as CPython's __index__ conversion accepts it."""
        if isinstance(value, int):
            return value
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


    def _is_number(value):
        return isinstance(value, (int, float))


    class count:
        """count(start=0, step=1): start, start+step, start+2*step, ..."""

        def __init__(self, *args, **kwargs):
            start, step = _bind("count", args, kwargs, ("start", "step"), 0)
            if start is _MISSING:
                start = 0
            if step is _MISSING:
                step = 1
            if not _is_number(start) or not _is_number(step):
                raise TypeError("a number is required")
            self._value = start
            self._step = step

        def __iter__(self):
            return self

        def __next__(self):
            value = self._value
            self._value = value + self._step
            return value

        def __repr__(self):
            step = self._step
            if type(step) in (int, bool) and step == 1:
                return f"count({self._value!r})"
            return f"count({self._value!r}, {step!r})"


    class cycle:
        """cycle(iterable): the elements of iterable, then the same again, forever."""

        def __init__(self, *args, **kwargs):
            _positional("cycle", args, kwargs, 1)
            self._iterator = iter(args[0])
            self._saved = []
            self._position = -1  # -1 while the first pass still reads the iterable

        def __iter__(self):
            return self

        def __next__(self):
            if self._position < 0:
                for element in self._iterator:
                    self._saved.append(element)
                    return element
                if not self._saved:
                    raise StopIteration
                self._position = 0
            element = self._saved[self._position]
            self._position = (self._position + 1) % len(self._saved)
            return element


    class repeat:
        """repeat(object [,times]): object, times times or forever."""

        def __init__(self, *args, **kwargs):
            value, times = _bind("repeat", args, kwargs, ("object", "times"), 1)
            self._object = value
            if times is _MISSING:
                self._remaining = None
            else:
                self._remaining = max(0, _index(times))

        def __iter__(self):
            return self

        def __next__(self):
            if self._remaining is None:
                return self._object
            if self._remaining <= 0:
                raise StopIteration
            self._remaining -= 1
            return self._object

        def __length_hint__(self):
            if self._remaining is None:
                raise TypeError("len() of unsized object")
            return self._remaining

        def __repr__(self):
            if self._remaining is None:
                return f"repeat({self._object!r})"
            return f"repeat({self._object!r}, {self._remaining})"


    class chain:
        """chain(*iterables): the elements of the first iterable, then of the next, ..."""

        def __init__(self, *iterables, **kwargs):
            if kwargs:
                raise TypeError("chain() takes no keyword arguments")
            self._sources = iter(iterables)
            self._current = None

        @classmethod
        def from_iterable(cls, *args, **kwargs):
            """chain.from_iterable(iterable): like chain(*iterable), read lazily."""
            if kwargs:
                raise TypeError("chain.from_iterable() takes no keyword arguments")
            if len(args) != 1:
                raise TypeError(f"chain.from_iterable() takes exactly one argument ({len(args)} given)")
            result = cls()
            result._sources = iter(args[0])
            return result

        def __iter__(self):
            return self

        def __next__(self):
            while True:
                if self._current is None:
                    if self._sources is None:
                        raise StopIteration
                    try:
                        self._current = iter(next(self._sources))
                    except StopIteration:
                        self._sources = None
                        raise
                try:
                    return next(self._current)
                except StopIteration:
                    self._current = None


    class islice:
        """islice(iterable, stop) or islice(iterable, start, stop[, step]): selected elements,
        like a slice but on any iterator, consuming only what it needs."""

        def __init__(self, *args, **kwargs):
            if kwargs:
                raise TypeError("islice() takes no keyword arguments")
            if len(args) < 2:
                raise TypeError(f"islice expected at least 2 arguments, got {len(args)}")
            if len(args) > 4:
                raise TypeError(f"islice expected at most 4 arguments, got {len(args)}")
            iterator = iter(args[0])
            start, step = 0, 1
            if len(args) == 2:
                stop = args[1]
            else:
                start, stop = args[1], args[2]
                if len(args) == 4:
                    step = args[3]
            if stop is not None and not (isinstance(stop, int) and 0 <= stop <= _sys.maxsize):
                raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            if start is None:
                start = 0
            if not (isinstance(start, int) and 0 <= start <= _sys.maxsize):
                raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            if step is None:
                step = 1
            if not (isinstance(step, int) and step >= 1):
                raise ValueError("Step for islice() must be a positive integer or None.")
            self._iterator = iterator
            self._stop = stop
            self._step = step
            self._next = start if stop is None else min(start, stop)
            self._count = 0

        def __iter__(self):
            return self

        def __next__(self):
            iterator = self._iterator
            if iterator is None:
                raise StopIteration
            stop = self._stop
            try:
                while self._count < self._next:
                    next(iterator)
                    self._count += 1
                if stop is not None and self._count >= stop:
                    raise StopIteration
                element = next(iterator)
            except StopIteration:
                self._iterator = None
                raise
            self._count += 1
            self._next += self._step
            if stop is not None and self._next > stop:
                self._next = stop
            return element


    class product:
        """product(*iterables, repeat=1): the cartesian product, as tuples, rightmost fastest."""

        def __init__(self, *iterables, **kwargs):
            repeat = 1
            for key, value in kwargs.items():
                if key != "repeat":
                    raise TypeError(f"'{key}' is an invalid keyword argument for product()")
                repeat = _index(value)
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
            self._pools = [tuple(pool) for pool in iterables] * repeat
            self._indices = None
            self._done = any(len(pool) == 0 for pool in self._pools)

        def __iter__(self):
            return self

        def __next__(self):
            if self._done:
                raise StopIteration
            pools = self._pools
            indices = self._indices
            if indices is None:
                self._indices = [0] * len(pools)
                self._current = [pool[0] for pool in pools]
                return tuple(self._current)
            # Advance like an odometer: the rightmost wheel turns, carrying to the left; only the
            # wheels that moved change in the current combination.
            current = self._current
            position = len(pools) - 1
            while position >= 0:
                pool = pools[position]
                index = indices[position] + 1
                if index < len(pool):
                    indices[position] = index
                    current[position] = pool[index]
                    return tuple(current)
                indices[position] = 0
                current[position] = pool[0]
                position -= 1
            self._done = True
            raise StopIteration


    class permutations:
        """permutations(iterable, r=None): the r-length orderings of the elements, as tuples,
        in lexicographic order of their positions."""

        def __init__(self, *args, **kwargs):
            iterable, r = _bind("permutations", args, kwargs, ("iterable", "r"), 1)
            pool = tuple(iterable)
            if r is _MISSING or r is None:
                r = len(pool)
            elif not isinstance(r, int):
                raise TypeError("Expected int as r")
            if r < 0:
                raise ValueError("r must be non-negative")
            self._pool = pool
            self._r = r
            self._indices = list(range(len(pool)))
            self._cycles = list(range(len(pool), len(pool) - r, -1))
            self._started = False
            self._done = r > len(pool)

        def __iter__(self):
            return self

        def __next__(self):
            if self._done:
                raise StopIteration
            pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
            if not self._started:
                self._started = True
                return tuple(pool[i] for i in indices[:r])
            n = len(pool)
            # Each position i counts down through the n - i choices left for it; when one runs
            # out, the tail rotates back and the position to its left advances.
            for i in range(r - 1, -1, -1):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1 :] + indices[i : i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    return tuple(pool[k] for k in indices[:r])
            self._done = True
            raise StopIteration


    class combinations:
        """combinations(iterable, r): the r-length subsequences of the elements, as tuples, in
        the order of the input."""

        def __init__(self, *args, **kwargs):
            iterable, r = _bind("combinations", args, kwargs, ("iterable", "r"), 2)
            r = _index(r)
            if r < 0:
                raise ValueError("r must be non-negative")
            self._pool = tuple(iterable)
            self._r = r
            self._indices = None
            self._done = r > len(self._pool)

        def __iter__(self):
            return self

        def __next__(self):
            if self._done:
                raise StopIteration
            pool, r = self._pool, self._r
            if self._indices is None:
                self._indices = list(range(r))
                return tuple(pool[:r])
            indices, n = self._indices, len(pool)
            # The rightmost index that can still move right moves; those after it follow it.
            i = r - 1
            while i >= 0 and indices[i] == i + n - r:
                i -= 1
            if i < 0:
                self._done = True
                raise StopIteration
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            return tuple(pool[k] for k in indices)


    class combinations_with_replacement:
        """combinations_with_replacement(iterable, r): like combinations, each element allowed
        more than once."""

        def __init__(self, *args, **kwargs):
            iterable, r = _bind("combinations_with_replacement", args, kwargs, ("iterable", "r"), 2)
            r = _index(r)
            if r < 0:
                raise ValueError("r must be non-negative")
            self._pool = tuple(iterable)
            self._r = r
            self._indices = None
            self._done = len(self._pool) == 0 and r > 0

        def __iter__(self):
            return self

        def __next__(self):
            if self._done:
                raise StopIteration
            pool, r = self._pool, self._r
            if self._indices is None:
                self._indices = [0] * r
                return tuple(pool[0] for _ in range(r))
            indices, n = self._indices, len(pool)
            i = r - 1
            while i >= 0 and indices[i] == n - 1:
                i -= 1
            if i < 0:
                self._done = True
                raise StopIteration
            value = indices[i] + 1
            for j in range(i, r):
                indices[j] = value
            return tuple(pool[k] for k in indices)


    class accumulate:
        """accumulate(iterable, func=None, *, initial=None): running totals (or running results
        of func), starting with initial when given."""

        def __init__(self, *args, **kwargs):
            if len(args) > 2:
                raise TypeError(f"accumulate() takes at most 2 positional arguments ({len(args)} given)")
            initial = kwargs.pop("initial", None)
            iterable, func = _bind("accumulate", args, kwargs, ("iterable", "func"), 1)
            self._iterator = iter(iterable)
            self._func = None if func is _MISSING else func
            self._total = initial
            self._pending_initial = initial is not None
            self._started = False

        def __iter__(self):
            return self

        def __next__(self):
            if self._pending_initial:
                self._pending_initial = False
                self._started = True
                return self._total
            element = next(self._iterator)
            if not self._started:
                self._started = True
                self._total = element
            elif self._func is None:
                self._total = self._total + element
            else:
                self._total = self._func(self._total, element)
            return self._total


    class groupby:
        """groupby(iterable, key=None): (key, group) pairs for runs of consecutive elements with
        the same key. A group is only valid until the next pair is taken."""

        def __init__(self, *args, **kwargs):
            iterable, key = _bind("groupby", args, kwargs, ("iterable", "key"), 1)
            self._iterator = iter(iterable)
            self._keyfunc = None if key is _MISSING else key
            # The element read ahead and its key (_MISSING before the first read, and the value
            # once a group has handed it out), the key of the current group, and that group.
            self._value = _MISSING
            self._key = _MISSING
            self._target = _MISSING
            self._group = None

        def __iter__(self):
            return self

        def _step(self):
            value = next(self._iterator)
            self._key = value if self._keyfunc is None else self._keyfunc(value)
            self._value = value

        def __next__(self):
            self._group = None
            # Skip the rest of the current group: read until the key changes.
            while self._key is _MISSING or (self._target is not _MISSING and self._key == self._target):
                self._step()
            self._target = self._key
            self._group = _grouper(self, self._target)
            return (self._key, self._group)


    class _grouper:
        def __init__(self, parent, key):
            self._parent = parent
            self._key = key

        def __iter__(self):
            return self

        def __next__(self):
            parent = self._parent
            if parent._group is not self:
                raise StopIteration
            if parent._value is _MISSING:
                parent._step()
            if not (parent._key == self._key):
                raise StopIteration
            value = parent._value
            parent._value = _MISSING
            return value


    class zip_longest:
        """zip_longest(*iterables, fillvalue=None): like zip, running to the longest input and
        filling the others with fillvalue."""

        def __init__(self, *iterables, **kwargs):
            fillvalue = None
            for key, value in kwargs.items():
                if key != "fillvalue":
                    raise TypeError("zip_longest() got an unexpected keyword argument")
                fillvalue = value
            self._iterators = [iter(iterable) for iterable in iterables]
            self._active = len(self._iterators)
            self._fillvalue = fillvalue

        def __iter__(self):
            return self

        def __next__(self):
            if self._active == 0:
                raise StopIteration
            result = []
            for position, iterator in enumerate(self._iterators):
                if iterator is None:
                    result.append(self._fillvalue)
                    continue
                try:
                    result.append(next(iterator))
                except StopIteration:
                    self._active -= 1
                    if self._active == 0:
                        raise
                    self._iterators[position] = None
                    result.append(self._fillvalue)
            return tuple(result)


    class takewhile:
        """takewhile(predicate, iterable): elements while predicate(element) is true."""

        def __init__(self, *args, **kwargs):
            _positional("takewhile", args, kwargs, 2)
            self._predicate = args[0]
            self._iterator = iter(args[1])

        def __iter__(self):
            return self

        def __next__(self):
            if self._iterator is None:
                raise StopIteration
            element = next(self._iterator)
            if self._predicate(element):
                return element
            self._iterator = None
            raise StopIteration


    class dropwhile:
        """dropwhile(predicate, iterable): the elements from the first one for which
        predicate(element) is false."""

        def __init__(self, *args, **kwargs):
            _positional("dropwhile", args, kwargs, 2)
            self._predicate = args[0]
            self._iterator = iter(args[1])
            self._dropping = True

        def __iter__(self):
            return self

        def __next__(self):
            if self._dropping:
                for element in self._iterator:
                    if not self._predicate(element):
                        self._dropping = False
                        return element
                raise StopIteration
            return next(self._iterator)


    class filterfalse:
        """filterfalse(function or None, iterable): the elements for which function(element) is
        false (or which are false, for None)."""

        def __init__(self, *args, **kwargs):
            _positional("filterfalse", args, kwargs, 2)
            self._predicate = args[0]
            self._iterator = iter(args[1])

        def __iter__(self):
            return self

        def __next__(self):
            predicate = self._predicate
            for element in self._iterator:
                if not (element if predicate is None else predicate(element)):
                    return element
            raise StopIteration


    class compress:
        """compress(data, selectors): the elements of data whose selector is true."""

        def __init__(self, *args, **kwargs):
            data, selectors = _bind("compress", args, kwargs, ("data", "selectors"), 2)
            self._data = iter(data)
            self._selectors = iter(selectors)

        def __iter__(self):
            return self

        def __next__(self):
            while True:
                element = next(self._data)
                if next(self._selectors):
                    return element


    class starmap:
        """starmap(function, iterable): function(*arguments) for each tuple of arguments."""

        def __init__(self, *args, **kwargs):
            _positional("starmap", args, kwargs, 2)
            self._function = args[0]
            self._iterator = iter(args[1])

        def __iter__(self):
            return self

        def __next__(self):
            arguments = next(self._iterator)
            if type(arguments) is not tuple:
                arguments = tuple(arguments)
            return self._function(*arguments)


    class pairwise:
        """pairwise(iterable): successive overlapping pairs, (s0, s1), (s1, s2), ..."""

        def __init__(self, *args, **kwargs):
            _positional("pairwise", args, kwargs, 1)
            self._iterator = iter(args[0])
            self._previous = _MISSING

        def __iter__(self):
            return self

        def __next__(self):
            if self._iterator is None:
                raise StopIteration
            try:
                if self._previous is _MISSING:
                    self._previous = next(self._iterator)
                element = next(self._iterator)
            except StopIteration:
                self._iterator = None
                raise
            pair = (self._previous, element)
            self._previous = element
            return pair


    class _tee_buffer:
        """What the iterators of one tee() share: the source, and the elements some of them
        have not read yet (with the position of the first one kept)."""

        def __init__(self, iterator):
            self.iterator = iterator
            self.items = []
            self.start = 0  # position in the source of items[0]
            self.positions = []  # one per tee iterator

        def get(self, position):
            offset = position - self.start
            if offset == len(self.items):
                self.items.append(next(self.iterator))
            value = self.items[offset]
            return value

        def forget(self):
            # Drop the elements every iterator has read.
            oldest = min(self.positions)
            if oldest > self.start:
                del self.items[: oldest - self.start]
                self.start = oldest


    class _tee:
        def __init__(self, buffer, slot):
            self._buffer = buffer
            self._slot = slot

        def __iter__(self):
            return self

        def __next__(self):
            buffer = self._buffer
            position = buffer.positions[self._slot]
            value = buffer.get(position)
            buffer.positions[self._slot] = position + 1
            if position == buffer.start:
                buffer.forget()
            return value


    def tee(*args, **kwargs):
        """tee(iterable, n=2): n independent iterators over one iterable."""
        if kwargs:
            raise TypeError("itertools.tee() takes no keyword arguments")
        if len(args) < 1:
            raise TypeError("tee expected at least 1 argument, got 0")
        if len(args) > 2:
            raise TypeError(f"tee expected at most 2 arguments, got {len(args)}")
        n = _index(args[1]) if len(args) == 2 else 2
        if n < 0:
            raise ValueError("n must be >= 0")
        buffer = _tee_buffer(iter(args[0]))
        buffer.positions = [0] * n
        return tuple(_tee(buffer, slot) for slot in range(n))
    """#
}
