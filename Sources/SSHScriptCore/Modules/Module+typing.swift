/// `typing` (LANGUAGE.md §8.6): the common names, usable in annotations. Annotations are not
/// checked, so each name only has to exist, subscript (`List[int]`) and print as CPython's does.
enum TypingModule {
  static let source = #"""
    class _SpecialForm:
        def __init__(self, name, subscripted=None):
            self._name = name
            self._subscripted = subscripted

        def __getitem__(self, parameters):
            if not isinstance(parameters, tuple):
                parameters = (parameters,)
            return _SpecialForm(self._name, parameters)

        def __call__(self, *args, **kwargs):
            raise TypeError(f"Cannot instantiate {self!r}")

        def __or__(self, other):
            return _SpecialForm("Union", (self, other))

        def __ror__(self, other):
            return _SpecialForm("Union", (other, self))

        def __repr__(self):
            if self._subscripted is None:
                return "typing." + self._name
            return "typing." + self._name + "[" + ", ".join(_type_repr(p) for p in self._subscripted) + "]"


    def _type_repr(value):
        if isinstance(value, type):
            if value.__module__ == "builtins":
                return value.__qualname__
            return value.__module__ + "." + value.__qualname__
        if value is ...:
            return "..."
        if value is None:
            return "None"
        if isinstance(value, list):
            return "[" + ", ".join(_type_repr(p) for p in value) + "]"
        return repr(value)


    Any = _SpecialForm("Any")
    Optional = _SpecialForm("Optional")
    Union = _SpecialForm("Union")
    List = _SpecialForm("List")
    Dict = _SpecialForm("Dict")
    Tuple = _SpecialForm("Tuple")
    Set = _SpecialForm("Set")
    FrozenSet = _SpecialForm("FrozenSet")
    Callable = _SpecialForm("Callable")
    Iterable = _SpecialForm("Iterable")
    Iterator = _SpecialForm("Iterator")
    Generator = _SpecialForm("Generator")
    Sequence = _SpecialForm("Sequence")
    Mapping = _SpecialForm("Mapping")
    MutableMapping = _SpecialForm("MutableMapping")
    Type = _SpecialForm("Type")
    Literal = _SpecialForm("Literal")
    Final = _SpecialForm("Final")
    ClassVar = _SpecialForm("ClassVar")
    NoReturn = _SpecialForm("NoReturn")
    TYPE_CHECKING = False


    class TypeVar:
        def __init__(self, name, *constraints, bound=None):
            self.__name__ = name

        def __repr__(self):
            return "~" + self.__name__


    def cast(typ, value):
        return value


    def overload(function):
        return function


    def no_type_check(function):
        return function
    """#
}
