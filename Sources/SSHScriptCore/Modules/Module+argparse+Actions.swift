extension ArgparseModule {
  /// Namespace, the exceptions, and the actions `add_argument(action=...)` names.
  static let actions = #"""
    # ---------------------------------------------------------------------------
    # Namespace, errors and actions
    # ---------------------------------------------------------------------------


    class _AttributeHolder:
        """A repr that lists the constructor arguments: `Name(a=1, b='x')`."""

        def __repr__(self):
            arg_strings = [repr(arg) for arg in self._get_args()]
            star_args = {}
            for name, value in self._get_kwargs():
                if name.isidentifier():
                    arg_strings.append("%s=%r" % (name, value))
                else:
                    star_args[name] = value
            if star_args:
                arg_strings.append("**%s" % repr(star_args))
            return "%s(%s)" % (type(self).__name__, ", ".join(arg_strings))

        def _get_kwargs(self):
            return list(self.__dict__.items())

        def _get_args(self):
            return []


    class Namespace(_AttributeHolder):
        """The attributes parse_args sets: `args.verbose`, `vars(args)`."""

        def __init__(self, **kwargs):
            for name in kwargs:
                setattr(self, name, kwargs[name])

        def __eq__(self, other):
            if not isinstance(other, Namespace):
                return NotImplemented
            return vars(self) == vars(other)

        def __contains__(self, key):
            return key in self.__dict__


    def _get_action_name(argument):
        if argument is None:
            return None
        if argument.option_strings:
            return "/".join(argument.option_strings)
        if argument.metavar not in (None, SUPPRESS):
            return argument.metavar
        if argument.dest not in (None, SUPPRESS):
            return argument.dest
        if argument.choices:
            return "{" + ",".join(argument.choices) + "}"
        return None


    class ArgumentError(Exception):
        """A problem with one argument; its text names the argument."""

        def __init__(self, argument, message):
            self.argument_name = _get_action_name(argument)
            self.message = message
            super().__init__(argument, message)

        def __str__(self):
            if self.argument_name is None:
                return self.message
            return "argument %s: %s" % (self.argument_name, self.message)


    class ArgumentTypeError(Exception):
        """Raised by a `type=` function to reject a value with its own message."""

        pass


    class Action(_AttributeHolder):
        """What one argument does with the strings it matched."""

        def __init__(
            self,
            option_strings,
            dest,
            nargs=None,
            const=None,
            default=None,
            type=None,
            choices=None,
            required=False,
            help=None,
            metavar=None,
        ):
            self.option_strings = option_strings
            self.dest = dest
            self.nargs = nargs
            self.const = const
            self.default = default
            self.type = type
            self.choices = choices
            self.required = required
            self.help = help
            self.metavar = metavar

        def _get_kwargs(self):
            names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help",
                     "metavar"]
            return [(name, getattr(self, name)) for name in names]

        def format_usage(self):
            return self.option_strings[0]

        def __call__(self, parser, namespace, values, option_string=None):
            raise NotImplementedError(".__call__() not defined")


    def _copy_items(items):
        if items is None:
            return []
        return list(items)


    class _StoreAction(Action):
        def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                     required=False, help=None, metavar=None):
            if nargs == 0:
                raise ValueError(
                    "nargs for store actions must be != 0; if you have nothing to store, actions such as store "
                    "true or store const may be more appropriate"
                )
            if const is not None and nargs != OPTIONAL:
                raise ValueError("nargs must be %r to supply const" % OPTIONAL)
            super().__init__(option_strings=option_strings, dest=dest, nargs=nargs, const=const, default=default,
                             type=type, choices=choices, required=required, help=help, metavar=metavar)

        def __call__(self, parser, namespace, values, option_string=None):
            setattr(namespace, self.dest, values)


    class _StoreConstAction(Action):
        def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None):
            super().__init__(option_strings=option_strings, dest=dest, nargs=0, const=const, default=default,
                             required=required, help=help)

        def __call__(self, parser, namespace, values, option_string=None):
            setattr(namespace, self.dest, self.const)


    class _StoreTrueAction(_StoreConstAction):
        def __init__(self, option_strings, dest, default=False, required=False, help=None):
            super().__init__(option_strings=option_strings, dest=dest, const=True, default=default,
                             required=required, help=help)


    class _StoreFalseAction(_StoreConstAction):
        def __init__(self, option_strings, dest, default=True, required=False, help=None):
            super().__init__(option_strings=option_strings, dest=dest, const=False, default=default,
                             required=required, help=help)


    class _AppendAction(Action):
        def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None, choices=None,
                     required=False, help=None, metavar=None):
            if nargs == 0:
                raise ValueError(
                    "nargs for append actions must be != 0; if arg strings are not supplying the value to append, "
                    "the append const action may be more appropriate"
                )
            if const is not None and nargs != OPTIONAL:
                raise ValueError("nargs must be %r to supply const" % OPTIONAL)
            super().__init__(option_strings=option_strings, dest=dest, nargs=nargs, const=const, default=default,
                             type=type, choices=choices, required=required, help=help, metavar=metavar)

        def __call__(self, parser, namespace, values, option_string=None):
            # A fresh list, so a list default is never changed in place.
            items = _copy_items(getattr(namespace, self.dest, None))
            items.append(values)
            setattr(namespace, self.dest, items)


    class _AppendConstAction(Action):
        def __init__(self, option_strings, dest, const=None, default=None, required=False, help=None, metavar=None):
            super().__init__(option_strings=option_strings, dest=dest, nargs=0, const=const, default=default,
                             required=required, help=help, metavar=metavar)

        def __call__(self, parser, namespace, values, option_string=None):
            items = _copy_items(getattr(namespace, self.dest, None))
            items.append(self.const)
            setattr(namespace, self.dest, items)


    class _ExtendAction(_AppendAction):
        def __call__(self, parser, namespace, values, option_string=None):
            items = _copy_items(getattr(namespace, self.dest, None))
            items.extend(values)
            setattr(namespace, self.dest, items)


    class _CountAction(Action):
        def __init__(self, option_strings, dest, default=None, required=False, help=None):
            super().__init__(option_strings=option_strings, dest=dest, nargs=0, default=default, required=required,
                             help=help)

        def __call__(self, parser, namespace, values, option_string=None):
            count = getattr(namespace, self.dest, None)
            if count is None:
                count = 0
            setattr(namespace, self.dest, count + 1)


    class _HelpAction(Action):
        def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
            super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)

        def __call__(self, parser, namespace, values, option_string=None):
            parser.print_help()
            parser.exit()


    class _VersionAction(Action):
        def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                     help="show program's version number and exit"):
            super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0, help=help)
            self.version = version

        def __call__(self, parser, namespace, values, option_string=None):
            version = self.version
            if version is None:
                version = parser.version
            formatter = parser._get_formatter()
            formatter.add_text(version)
            parser._print_message(formatter.format_help(), _sys.stdout)
            parser.exit()


    class BooleanOptionalAction(Action):
        """`--flag` sets True and `--no-flag` sets False."""

        def __init__(self, option_strings, dest, default=None, type=None, choices=None, required=False, help=None,
                     metavar=None):
            strings = []
            for option_string in option_strings:
                strings.append(option_string)
                if option_string.startswith("--"):
                    strings.append("--no-" + option_string[2:])
            super().__init__(option_strings=strings, dest=dest, nargs=0, default=default, type=type,
                             choices=choices, required=required, help=help, metavar=metavar)

        def __call__(self, parser, namespace, values, option_string=None):
            if option_string in self.option_strings:
                setattr(namespace, self.dest, not option_string.startswith("--no-"))

        def format_usage(self):
            return " | ".join(self.option_strings)


    class _ChoicesPseudoAction(Action):
        """A subcommand's line in the parent's help."""

        def __init__(self, name, aliases, help):
            metavar = name
            if aliases:
                metavar += " (%s)" % ", ".join(aliases)
            super().__init__(option_strings=[], dest=name, help=help, metavar=metavar)


    class _SubParsersAction(Action):
        """The positional that picks a subcommand and hands it the remaining arguments."""

        def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False, help=None,
                     metavar=None):
            self._prog_prefix = prog
            self._parser_class = parser_class
            self._name_parser_map = {}
            self._choices_actions = []
            super().__init__(option_strings=option_strings, dest=dest, nargs=PARSER, choices=self._name_parser_map,
                             required=required, help=help, metavar=metavar)

        def add_parser(self, name, **kwargs):
            if kwargs.get("prog") is None:
                kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
            aliases = kwargs.pop("aliases", ())
            if name in self._name_parser_map:
                raise ArgumentError(self, "conflicting subparser: %s" % name)
            for alias in aliases:
                if alias in self._name_parser_map:
                    raise ArgumentError(self, "conflicting subparser alias: %s" % alias)
            if "help" in kwargs:
                help = kwargs.pop("help")
                self._choices_actions.append(_ChoicesPseudoAction(name, aliases, help))
            parser = self._parser_class(**kwargs)
            self._name_parser_map[name] = parser
            for alias in aliases:
                self._name_parser_map[alias] = parser
            return parser

        def _get_subactions(self):
            return self._choices_actions

        def __call__(self, parser, namespace, values, option_string=None):
            parser_name = values[0]
            arg_strings = values[1:]
            if self.dest is not SUPPRESS:
                setattr(namespace, self.dest, parser_name)
            if parser_name not in self._name_parser_map:
                choices = ", ".join(self._name_parser_map)
                raise ArgumentError(self, "unknown parser %r (choices: %s)" % (parser_name, choices))
            subparser = self._name_parser_map[parser_name]
            subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
            for key, value in vars(subnamespace).items():
                setattr(namespace, key, value)
            if arg_strings:
                if not hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
                    setattr(namespace, _UNRECOGNIZED_ARGS_ATTR, [])
                getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(arg_strings)


    class FileType:
        """Accepted for `type=argparse.FileType('w')`; `-` means standard input or output."""

        def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
            self._mode = mode
            self._bufsize = bufsize
            self._encoding = encoding
            self._errors = errors

        def __call__(self, string):
            if string == "-":
                if "r" in self._mode:
                    return _sys.stdin
                if "w" in self._mode or "a" in self._mode or "x" in self._mode:
                    return _sys.stdout
                raise ValueError('argument "-" with mode %r' % self._mode)
            try:
                return open(string, self._mode, self._bufsize, self._encoding, self._errors)
            except OSError as e:
                raise ArgumentTypeError("can't open '%s': %s" % (string, e))

        def __repr__(self):
            args = [self._mode, self._bufsize]
            kwargs = [("encoding", self._encoding), ("errors", self._errors)]
            parts = [repr(arg) for arg in args if arg != -1]
            parts += ["%s=%r" % (name, value) for name, value in kwargs if value is not None]
            return "%s(%s)" % (type(self).__name__, ", ".join(parts))


    _ACTIONS = {
        None: _StoreAction,
        "store": _StoreAction,
        "store_const": _StoreConstAction,
        "store_true": _StoreTrueAction,
        "store_false": _StoreFalseAction,
        "append": _AppendAction,
        "append_const": _AppendConstAction,
        "count": _CountAction,
        "help": _HelpAction,
        "version": _VersionAction,
        "parsers": _SubParsersAction,
        "extend": _ExtendAction,
    }


    def _is_negative_number(text):
        """`-5`, `-1.5`, `-.5`: strings that are values, not options, unless options look like them."""
        if len(text) < 2 or text[0] != "-":
            return False
        body = text[1:]
        if body.isdecimal():
            return True
        if "." not in body:
            return False
        whole, fraction = body.split(".", 1)
        return (whole == "" or whole.isdecimal()) and fraction.isdecimal()
    """#
}
