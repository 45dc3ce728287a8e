/// `collections` (LANGUAGE.md §8.6): `defaultdict`, `OrderedDict` and `Counter` (subclasses of
/// `dict`), `namedtuple`, `deque` and `ChainMap`. A namedtuple class is not a `tuple` subclass
/// here (sshs cannot subclass `tuple` yet): its instances hold a tuple and behave like one.
enum CollectionsModule {
  static let source = #"""
    __all__ = ["ChainMap", "Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"]

    # The keywords of Python 3.11, which cannot name a namedtuple or its fields.
    _KEYWORDS = frozenset([
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ])

    # Marks an argument that was not given.
    _MISSING = object()

    # The ids of the objects whose repr is being built, so that one that contains itself shows a
    # placeholder instead of recursing.
    _repr_running = set()


    def _guarded_repr(obj, placeholder, build):
        key = id(obj)
        if key in _repr_running:
            return placeholder
        _repr_running.add(key)
        try:
            return build()
        finally:
            _repr_running.discard(key)


    ################################################################################
    # defaultdict
    ################################################################################

    class defaultdict(dict):
        """dict whose missing keys get default_factory() as their value."""

        def __init__(self, *args, **kwargs):
            default_factory = None
            if args:
                default_factory = args[0]
                args = args[1:]
                if default_factory is not None and not callable(default_factory):
                    raise TypeError("first argument must be callable or None")
            dict.__init__(self, *args, **kwargs)
            self.default_factory = default_factory

        def __missing__(self, key):
            if self.default_factory is None:
                raise KeyError(key)
            value = self.default_factory()
            self[key] = value
            return value

        def __repr__(self):
            return f"{type(self).__name__}({self.default_factory!r}, {dict.__repr__(self)})"

        def copy(self):
            return type(self)(self.default_factory, self)

        __copy__ = copy

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            result = self.copy()
            result.update(other)
            return result

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            result = type(self)(self.default_factory, other)
            result.update(self)
            return result

        def __ior__(self, other):
            self.update(other)
            return self


    ################################################################################
    # OrderedDict
    ################################################################################

    class OrderedDict(dict):
        """dict that remembers insertion order, can reorder its keys, and compares order-sensitively
        with another OrderedDict."""

        def __init__(self, *args, **kwargs):
            if len(args) > 1:
                raise TypeError(f"expected at most 1 arguments, got {len(args)}")
            dict.__init__(self, *args, **kwargs)

        def move_to_end(self, key, last=True):
            """Move an existing key to the end (or, with last=False, to the beginning)."""
            value = dict.pop(self, key)
            if last:
                dict.__setitem__(self, key, value)
                return
            rest = list(self.items())
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for other_key, other_value in rest:
                dict.__setitem__(self, other_key, other_value)

        def popitem(self, last=True):
            """Remove and return a (key, value) pair: the last one, or the first with last=False."""
            if not self:
                raise KeyError("dictionary is empty")
            key = next(reversed(self)) if last else next(iter(self))
            return (key, dict.pop(self, key))

        def __reversed__(self):
            return reversed(list(dict.__iter__(self)))

        def __eq__(self, other):
            if isinstance(other, OrderedDict):
                return dict.__eq__(self, other) and list(dict.__iter__(self)) == list(dict.__iter__(other))
            return dict.__eq__(self, other)

        def __repr__(self):
            if not self:
                return f"{type(self).__name__}()"
            return _guarded_repr(self, "...", lambda: f"{type(self).__name__}({list(self.items())!r})")

        def copy(self):
            return type(self)(self)

        __copy__ = copy

        @classmethod
        def fromkeys(cls, iterable, value=None):
            result = cls()
            for key in iterable:
                result[key] = value
            return result

        def __or__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            result = type(self)(self)
            result.update(other)
            return result

        def __ror__(self, other):
            if not isinstance(other, dict):
                return NotImplemented
            result = type(self)(other)
            result.update(self)
            return result

        def __ior__(self, other):
            self.update(other)
            return self


    ################################################################################
    # Counter
    ################################################################################

    def _count_of(item):
        return item[1]


    def _is_mapping(value):
        return isinstance(value, (dict, ChainMap))


    class Counter(dict):
        """dict subclass for counting hashable items: missing elements count zero."""

        def __init__(self, iterable=None, /, **kwds):
            dict.__init__(self)
            self.update(iterable, **kwds)

        def __missing__(self, key):
            return 0

        def total(self):
            """Sum of the counts."""
            return sum(self.values())

        def most_common(self, n=None):
            """The n most common elements and their counts, most common first (all without n);
            equal counts keep the order in which the elements were first counted."""
            ordered = sorted(self.items(), key=_count_of, reverse=True)
            if n is None:
                return ordered
            if n <= 0:
                return []
            return ordered[:n]

        def elements(self):
            """An iterator repeating each element as many times as its count (none if below one)."""
            # Imported here so that importing collections does not compile itertools.
            from itertools import chain, repeat, starmap

            return chain.from_iterable(starmap(repeat, self.items()))

        @classmethod
        def fromkeys(cls, iterable, v=None):
            raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

        def update(self, iterable=None, /, **kwds):
            """Add counts from an iterable of elements or from a mapping of counts."""
            if iterable is not None:
                if isinstance(iterable, dict) and not self:
                    dict.update(self, iterable)
                elif _is_mapping(iterable):
                    for element, count in iterable.items():
                        self[element] = count + self.get(element, 0)
                else:
                    for element in iterable:
                        self[element] = self.get(element, 0) + 1
            if kwds:
                self.update(kwds)

        def subtract(self, iterable=None, /, **kwds):
            """Subtract counts; counts may go to zero or below."""
            if iterable is not None:
                if _is_mapping(iterable):
                    for element, count in iterable.items():
                        self[element] = self.get(element, 0) - count
                else:
                    for element in iterable:
                        self[element] = self.get(element, 0) - 1
            if kwds:
                self.subtract(kwds)

        def copy(self):
            return type(self)(self)

        __copy__ = copy

        def __delitem__(self, element):
            # Deleting an element that is not there is not an error.
            if element in self:
                dict.__delitem__(self, element)

        def __repr__(self):
            if not self:
                return f"{type(self).__name__}()"
            try:
                body = repr(dict(self.most_common()))
            except TypeError:
                body = dict.__repr__(self)
            return f"{type(self).__name__}({body})"

        # Comparisons treat missing elements as zero counts.

        def __eq__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] == other[e] for c in (self, other) for e in c)

        def __le__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] <= other[e] for c in (self, other) for e in c)

        def __lt__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self <= other and self != other

        def __ge__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] >= other[e] for c in (self, other) for e in c)

        def __gt__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return self >= other and self != other

        # Multiset arithmetic: the results keep positive counts only.

        def __add__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for element, count in self.items():
                total = count + other[element]
                if total > 0:
                    result[element] = total
            for element, count in other.items():
                if element not in self and count > 0:
                    result[element] = count
            return result

        def __sub__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for element, count in self.items():
                difference = count - other[element]
                if difference > 0:
                    result[element] = difference
            for element, count in other.items():
                if element not in self and count < 0:
                    result[element] = 0 - count
            return result

        def __or__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for element, count in self.items():
                other_count = other[element]
                largest = other_count if count < other_count else count
                if largest > 0:
                    result[element] = largest
            for element, count in other.items():
                if element not in self and count > 0:
                    result[element] = count
            return result

        def __and__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            result = Counter()
            for element, count in self.items():
                other_count = other[element]
                smallest = count if count < other_count else other_count
                if smallest > 0:
                    result[element] = smallest
            return result

        def __pos__(self):
            result = Counter()
            for element, count in self.items():
                if count > 0:
                    result[element] = count
            return result

        def __neg__(self):
            result = Counter()
            for element, count in self.items():
                if count < 0:
                    result[element] = 0 - count
            return result

        def _keep_positive(self):
            for element in [e for e, count in self.items() if not count > 0]:
                dict.__delitem__(self, element)
            return self

        def __iadd__(self, other):
            for element, count in other.items():
                self[element] += count
            return self._keep_positive()

        def __isub__(self, other):
            for element, count in other.items():
                self[element] -= count
            return self._keep_positive()

        def __ior__(self, other):
            for element, other_count in other.items():
                if other_count > self[element]:
                    self[element] = other_count
            return self._keep_positive()

        def __iand__(self, other):
            for element, count in self.items():
                other_count = other[element]
                if other_count < count:
                    self[element] = other_count
            return self._keep_positive()


    ################################################################################
    # namedtuple
    ################################################################################

    def _check_names(typename, field_names, rename):
        if rename:
            seen = set()
            for index, name in enumerate(field_names):
                if not name.isidentifier() or name in _KEYWORDS or name.startswith("_") or name in seen:
                    field_names[index] = f"_{index}"
                seen.add(name)
        for name in [typename] + field_names:
            if type(name) is not str:
                raise TypeError("Type names and field names must be strings")
            if not name.isidentifier():
                raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
            if name in _KEYWORDS:
                raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
        seen = set()
        for name in field_names:
            if name.startswith("_") and not rename:
                raise ValueError(f"Field names cannot start with an underscore: {name!r}")
            if name in seen:
                raise ValueError(f"Encountered duplicate field name: {name!r}")
            seen.add(name)


    def _quoted_list(names):
        quoted = [f"'{name}'" for name in names]
        if len(quoted) == 1:
            return quoted[0]
        if len(quoted) == 2:
            return quoted[0] + " and " + quoted[1]
        return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


    def _bind_fields(typename, fields, defaults, args, kwargs):
        """The field values of a call `Typename(*args, **kwargs)`, with the messages CPython's
        generated `__new__` gives."""
        count = len(fields)
        if len(args) > count:
            if defaults:
                takes = f"from {count - len(defaults) + 1} to {count + 1}"
            else:
                takes = str(count + 1)
            noun = "argument" if takes == "1" else "arguments"
            given = len(args) + 1
            verb = "was" if given == 1 else "were"
            raise TypeError(f"{typename}.__new__() takes {takes} positional {noun} but {given} {verb} given")
        values = list(args) + [_MISSING] * (count - len(args))
        for key, value in kwargs.items():
            if key not in fields:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{key}'")
            position = fields.index(key)
            if position < len(args):
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{key}'")
            values[position] = value
        missing = []
        for position, name in enumerate(fields):
            if values[position] is _MISSING:
                if name in defaults:
                    values[position] = defaults[name]
                else:
                    missing.append(name)
        if missing:
            noun = "argument" if len(missing) == 1 else "arguments"
            raise TypeError(
                f"{typename}.__new__() missing {len(missing)} required positional {noun}: {_quoted_list(missing)}"
            )
        return tuple(values)


    def _field_property(index):
        def get(self):
            return self._values[index]

        def set(self, value):
            raise AttributeError("can't set attribute")

        return property(get, set, None, f"Alias for field number {index}")


    def _values_of(value):
        """The tuple a namedtuple instance holds, a tuple itself, or None for anything else."""
        if isinstance(value, tuple):
            return value
        if getattr(type(value), "_is_namedtuple", False):
            return value._values
        return None


    def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
        """A new class of records with named fields, usable like a tuple of them."""
        if isinstance(field_names, str):
            field_names = field_names.replace(",", " ").split()
        field_names = list(map(str, field_names))
        typename = str(typename)
        _check_names(typename, field_names, rename)
        fields = tuple(field_names)
        field_defaults = {}
        if defaults is not None:
            defaults = tuple(defaults)
            if len(defaults) > len(fields):
                raise TypeError("Got more default values than field names")
            for name, value in zip(fields[len(fields) - len(defaults) :], defaults):
                field_defaults[name] = value

        class _Record:
            __slots__ = ()
            _is_namedtuple = True

            def __init__(self, *args, **kwargs):
                if len(args) == len(fields) and not kwargs:
                    values = args
                else:
                    values = _bind_fields(typename, fields, field_defaults, args, kwargs)
                object.__setattr__(self, "_values", values)

            def __setattr__(self, name, value):
                # Instances of the record class (and of subclasses that also declare __slots__)
                # take no new attributes; other subclasses do, as in CPython.
                for klass in type(self).__mro__:
                    if klass is record_class:
                        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
                    if "__slots__" not in klass.__dict__:
                        break
                object.__setattr__(self, name, value)

            @classmethod
            def _make(cls, iterable):
                values = tuple(iterable)
                if len(values) != len(fields):
                    raise TypeError(f"Expected {len(fields)} arguments, got {len(values)}")
                return cls(*values)

            def _replace(self, /, **changes):
                values = [changes.pop(name, value) for name, value in zip(fields, self._values)]
                if changes:
                    raise ValueError(f"Got unexpected field names: {list(changes)!r}")
                return self._make(values)

            def _asdict(self):
                return dict(zip(fields, self._values))

            def __repr__(self):
                parts = [f"{name}={value!r}" for name, value in zip(fields, self._values)]
                return type(self).__name__ + "(" + ", ".join(parts) + ")"

            def __getnewargs__(self):
                return self._values

            # The tuple protocol, on the values.

            def __len__(self):
                return len(self._values)

            def __iter__(self):
                return iter(self._values)

            def __reversed__(self):
                return reversed(self._values)

            def __getitem__(self, index):
                return self._values[index]

            def __contains__(self, item):
                return item in self._values

            def count(self, value):
                return self._values.count(value)

            def index(self, value, *bounds):
                return self._values.index(value, *bounds)

            def __hash__(self):
                return hash(self._values)

            def __eq__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values == values

            def __ne__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values != values

            def __lt__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values < values

            def __le__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values <= values

            def __gt__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values > values

            def __ge__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values >= values

            def __add__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else self._values + values

            def __radd__(self, other):
                values = _values_of(other)
                return NotImplemented if values is None else values + self._values

            def __mul__(self, times):
                return self._values * times

            __rmul__ = __mul__

        record_class = _Record
        for index, name in enumerate(fields):
            setattr(record_class, name, _field_property(index))
        record_class._fields = fields
        record_class._field_defaults = field_defaults
        record_class.__doc__ = f"{typename}({', '.join(fields)})"
        record_class.__name__ = typename
        record_class.__qualname__ = typename
        # CPython finds the caller's module by inspecting the stack; sshs has no frames to look at.
        record_class.__module__ = "__main__" if module is None else str(module)
        return record_class


    ################################################################################
    # deque
    ################################################################################

    class deque:
        """deque([iterable[, maxlen]]): a list-like sequence with fast appends and pops at both
        ends; with maxlen, adding past the limit drops items from the other end."""

        # The items are self._items[self._head:]; popping from the left moves the head instead
        # of shifting the list, and the dead slots are reclaimed once they are half of it.

        def __init__(self, iterable=(), maxlen=None):
            if maxlen is not None:
                if not isinstance(maxlen, int):
                    raise TypeError("an integer is required")
                if maxlen < 0:
                    raise ValueError("maxlen must be non-negative")
            self._items = []
            self._head = 0
            self._maxlen = maxlen
            self._state = 0  # changes on every mutation, so iterators can notice
            self.extend(iterable)

        @property
        def maxlen(self):
            return self._maxlen

        def _live(self):
            return self._items[self._head :] if self._head else self._items

        # The hot methods work on locals: attribute access costs more than a local here.

        def append(self, x):
            """Add an element to the right side."""
            items = self._items
            items.append(x)
            self._state += 1
            if self._maxlen is not None and len(items) - self._head > self._maxlen:
                self.popleft()

        def appendleft(self, x):
            """Add an element to the left side."""
            items = self._items
            head = self._head
            if head == 0:
                room = len(items) + 8
                items[0:0] = [None] * room
                head = room
            head -= 1
            items[head] = x
            self._head = head
            self._state += 1
            if self._maxlen is not None and len(items) - head > self._maxlen:
                items.pop()

        def pop(self):
            """Remove and return the rightmost element."""
            items = self._items
            if len(items) == self._head:
                raise IndexError("pop from an empty deque")
            self._state += 1
            return items.pop()

        def popleft(self):
            """Remove and return the leftmost element."""
            items = self._items
            head = self._head
            if head == len(items):
                raise IndexError("pop from an empty deque")
            x = items[head]
            items[head] = None
            head += 1
            if head == len(items):
                items.clear()
                head = 0
            elif head > 16 and head + head > len(items):
                del items[:head]
                head = 0
            self._head = head
            self._state += 1
            return x

        def extend(self, iterable):
            """Append the elements of iterable on the right."""
            if iterable is self:
                iterable = list(self)
            for x in iterable:
                self.append(x)

        def extendleft(self, iterable):
            """Append the elements of iterable on the left (so they end up reversed)."""
            if iterable is self:
                iterable = list(self)
            for x in iterable:
                self.appendleft(x)

        def clear(self):
            """Remove all elements."""
            self._state += 1
            self._items = []
            self._head = 0

        def rotate(self, n=1):
            """Rotate n steps to the right (to the left when n is negative)."""
            size = len(self)
            if size <= 1:
                return
            n = n % size
            if n == 0:
                return
            live = self._live()
            self._items = live[size - n :] + live[: size - n]
            self._head = 0
            self._state += 1

        def reverse(self):
            """Reverse the elements in place."""
            self._items = self._live()[::-1]
            self._head = 0
            self._state += 1

        def copy(self):
            """A shallow copy."""
            return deque(self, self._maxlen)

        __copy__ = copy

        def count(self, value):
            return self._live().count(value)

        def index(self, value, *bounds):
            try:
                return self._live().index(value, *bounds)
            except ValueError:
                raise ValueError(f"{value!r} is not in deque") from None

        def insert(self, index, value):
            """Insert value before position index."""
            if self._maxlen is not None and len(self) >= self._maxlen:
                raise IndexError("deque already at its maximum size")
            live = self._live()
            live.insert(index, value)
            self._items = live
            self._head = 0
            self._state += 1

        def remove(self, value):
            """Remove the first occurrence of value."""
            live = self._live()
            try:
                position = live.index(value)
            except ValueError:
                raise ValueError(f"{value!r} is not in deque") from None
            del live[position]
            self._items = live
            self._head = 0
            self._state += 1

        def _position(self, index):
            if not isinstance(index, int):
                raise TypeError(f"sequence index must be integer, not '{type(index).__name__}'")
            size = len(self)
            if index < 0:
                index += size
            if index < 0 or index >= size:
                raise IndexError("deque index out of range")
            return self._head + index

        def __getitem__(self, index):
            return self._items[self._position(index)]

        def __setitem__(self, index, value):
            self._items[self._position(index)] = value

        def __delitem__(self, index):
            position = self._position(index)
            del self._items[position]
            self._state += 1

        def __len__(self):
            return len(self._items) - self._head

        def __bool__(self):
            return len(self._items) > self._head

        def __iter__(self):
            return _deque_iterator(self, self._live())

        def __reversed__(self):
            return _deque_iterator(self, self._live()[::-1])

        def __contains__(self, value):
            return value in self._live()

        __hash__ = None

        def __eq__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._live() == other._live()

        def __lt__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._live() < other._live()

        def __le__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._live() <= other._live()

        def __gt__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._live() > other._live()

        def __ge__(self, other):
            if not isinstance(other, deque):
                return NotImplemented
            return self._live() >= other._live()

        def __add__(self, other):
            if not isinstance(other, deque):
                raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
            result = self.copy()
            result.extend(other)
            return result

        def __iadd__(self, other):
            self.extend(other)
            return self

        def __mul__(self, times):
            result = deque((), self._maxlen)
            result.extend(self._live() * times)
            return result

        __rmul__ = __mul__

        def __imul__(self, times):
            live = self._live() * times
            self.clear()
            self.extend(live)
            return self

        def __repr__(self):
            return _guarded_repr(self, "[...]", self._repr)

        def _repr(self):
            if self._maxlen is None:
                return f"deque({self._live()!r})"
            return f"deque({self._live()!r}, maxlen={self._maxlen})"


    class _deque_iterator:
        def __init__(self, owner, items):
            self._owner = owner
            self._state = owner._state
            self._items = items
            self._index = 0

        def __iter__(self):
            return self

        def __next__(self):
            if self._owner._state != self._state:
                raise RuntimeError("deque mutated during iteration")
            if self._index >= len(self._items):
                raise StopIteration
            x = self._items[self._index]
            self._index += 1
            return x


    ################################################################################
    # ChainMap
    ################################################################################

    class _MappingView:
        def __init__(self, mapping):
            self._mapping = mapping

        def __len__(self):
            return len(self._mapping)

        def __repr__(self):
            return f"{type(self).__name__}({self._mapping!r})"


    class _KeysView(_MappingView):
        def __iter__(self):
            return iter(self._mapping)

        def __contains__(self, key):
            return key in self._mapping


    class _ItemsView(_MappingView):
        def __iter__(self):
            mapping = self._mapping
            return iter([(key, mapping[key]) for key in mapping])

        def __contains__(self, item):
            key, value = item
            try:
                found = self._mapping[key]
            except KeyError:
                return False
            return found is value or found == value


    class _ValuesView(_MappingView):
        def __iter__(self):
            mapping = self._mapping
            return iter([mapping[key] for key in mapping])

        def __contains__(self, value):
            for found in self:
                if found is value or found == value:
                    return True
            return False


    # CPython's views of a ChainMap are collections.abc's KeysView, ItemsView and ValuesView.
    _KeysView.__name__ = _KeysView.__qualname__ = "KeysView"
    _ItemsView.__name__ = _ItemsView.__qualname__ = "ItemsView"
    _ValuesView.__name__ = _ValuesView.__qualname__ = "ValuesView"


    class ChainMap:
        """ChainMap(*maps): one view of several mappings, searched in order; writes go to the
        first."""

        def __init__(self, *maps):
            self.maps = list(maps) or [{}]

        def __missing__(self, key):
            raise KeyError(key)

        def __getitem__(self, key):
            for mapping in self.maps:
                if key in mapping:
                    return mapping[key]
            return self.__missing__(key)

        def get(self, key, default=None):
            for mapping in self.maps:
                if key in mapping:
                    return mapping[key]
            return default

        def __len__(self):
            return len(set().union(*self.maps))

        def __iter__(self):
            # Keys in the order of the last mapping first, as CPython lists them.
            keys = {}
            for mapping in reversed(self.maps):
                for key in mapping:
                    keys[key] = None
            return iter(keys)

        def __contains__(self, key):
            return any(key in mapping for mapping in self.maps)

        def __bool__(self):
            return any(self.maps)

        def __repr__(self):
            return _guarded_repr(self, "...", lambda: f"{type(self).__name__}({', '.join(map(repr, self.maps))})")

        def keys(self):
            return _KeysView(self)

        def items(self):
            return _ItemsView(self)

        def values(self):
            return _ValuesView(self)

        def __eq__(self, other):
            if not _is_mapping(other):
                return NotImplemented
            return dict(self.items()) == dict(other.items())

        @classmethod
        def fromkeys(cls, iterable, *args):
            return cls(dict.fromkeys(iterable, *args))

        def copy(self):
            """A new ChainMap with a copy of the first map and the others shared."""
            return type(self)(self.maps[0].copy(), *self.maps[1:])

        __copy__ = copy

        def new_child(self, m=None, **kwargs):
            """A new ChainMap with a new map (m, or {}) in front of these."""
            if m is None:
                m = kwargs
            elif kwargs:
                m.update(kwargs)
            return type(self)(m, *self.maps)

        @property
        def parents(self):
            """A new ChainMap of all the maps but the first."""
            return type(self)(*self.maps[1:])

        def __setitem__(self, key, value):
            self.maps[0][key] = value

        def __delitem__(self, key):
            try:
                del self.maps[0][key]
            except KeyError:
                raise KeyError(f"Key not found in the first mapping: {key!r}") from None

        def popitem(self):
            """Remove and return a (key, value) pair from the first map."""
            try:
                return self.maps[0].popitem()
            except KeyError:
                raise KeyError("No keys found in the first mapping.") from None

        def pop(self, key, *args):
            """Remove key from the first map and return its value (or the default given)."""
            try:
                return self.maps[0].pop(key, *args)
            except KeyError:
                raise KeyError(f"Key not found in the first mapping: {key!r}") from None

        def clear(self):
            """Empty the first map."""
            self.maps[0].clear()

        def setdefault(self, key, default=None):
            if key not in self:
                self[key] = default
            return self[key]

        def update(self, other=(), /, **kwargs):
            if _is_mapping(other):
                for key in other:
                    self[key] = other[key]
            elif hasattr(other, "keys"):
                for key in other.keys():
                    self[key] = other[key]
            else:
                for key, value in other:
                    self[key] = value
            for key, value in kwargs.items():
                self[key] = value

        def __ior__(self, other):
            self.maps[0].update(other)
            return self

        def __or__(self, other):
            if not _is_mapping(other):
                return NotImplemented
            result = self.copy()
            result.maps[0].update(other)
            return result

        def __ror__(self, other):
            if not _is_mapping(other):
                return NotImplemented
            merged = dict(other)
            for mapping in reversed(self.maps):
                merged.update(mapping)
            return type(self)(merged)
    """#
}
