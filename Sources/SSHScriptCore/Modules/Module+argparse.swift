/// `argparse` (LANGUAGE.md §8.6), written in the Python subset: parsers, arguments and their actions,
/// subcommands, groups, and help laid out as CPython's HelpFormatter does. The source is in three
/// parts (this file, `+Help`, `+Actions`), joined in the order the module defines its names.
enum ArgparseModule {
  static let source = [header, helpFormatting, actions, parsing].joined(separator: "\n")

  /// Imports and the nargs constants.
  static let header = #"""
    import sys as _sys
    import os as _os

    SUPPRESS = "==SUPPRESS=="
    OPTIONAL = "?"
    ZERO_OR_MORE = "*"
    ONE_OR_MORE = "+"
    PARSER = "A..."
    REMAINDER = "..."
    _UNRECOGNIZED_ARGS_ATTR = "_unrecognized_args"
    """#

  /// Argument containers, the matching of argument strings to arguments, and ArgumentParser.
  static let parsing = #"""
    # ---------------------------------------------------------------------------
    # Argument containers: parsers and groups
    # ---------------------------------------------------------------------------


    class _ActionsContainer:
        def __init__(self, description, prefix_chars, argument_default, conflict_handler):
            self.description = description
            self.argument_default = argument_default
            self.prefix_chars = prefix_chars
            self.conflict_handler = conflict_handler
            if conflict_handler not in ("error", "resolve"):
                raise ValueError("invalid conflict_resolution value: %r" % conflict_handler)
            self._actions = []
            self._option_string_actions = {}
            self._action_groups = []
            self._mutually_exclusive_groups = []
            self._defaults = {}
            self._has_negative_number_optionals = []
            self._registries = {}

        def register(self, registry_name, value, object):
            """Names for `action=` and `type=` values of this parser: register('type', 'hex', f)."""
            self._registries.setdefault(registry_name, {})[value] = object

        def _registry_get(self, registry_name, value, default=None):
            return self._registries.get(registry_name, {}).get(value, default)

        def set_defaults(self, **kwargs):
            self._defaults.update(kwargs)
            for action in self._actions:
                if action.dest in kwargs:
                    action.default = kwargs[action.dest]

        def get_default(self, dest):
            for action in self._actions:
                if action.dest == dest and action.default is not None:
                    return action.default
            return self._defaults.get(dest, None)

        def add_argument(self, *args, **kwargs):
            """`add_argument('name', ...)` or `add_argument('-f', '--flag', ...)`."""
            chars = self.prefix_chars
            if not args or len(args) == 1 and args[0][0] not in chars:
                if args and "dest" in kwargs:
                    raise ValueError("dest supplied twice for positional argument")
                kwargs = self._get_positional_kwargs(*args, **kwargs)
            else:
                kwargs = self._get_optional_kwargs(*args, **kwargs)
            if "default" not in kwargs:
                dest = kwargs["dest"]
                if dest in self._defaults:
                    kwargs["default"] = self._defaults[dest]
                elif self.argument_default is not None:
                    kwargs["default"] = self.argument_default
            action_name = kwargs.pop("action", None)
            action_class = self._registry_get("action", action_name, _ACTIONS.get(action_name, action_name))
            if not callable(action_class):
                raise ValueError('unknown action "%s"' % (action_class,))
            action = action_class(**kwargs)
            type_func = self._registry_get("type", action.type, action.type)
            if type_func is None:
                type_func = _identity
            if not callable(type_func):
                raise ValueError("%r is not callable" % (type_func,))
            if type_func is FileType:
                raise ValueError("%r is a FileType class object, instance of it must be passed" % (type_func,))
            if hasattr(self, "_get_formatter"):
                try:
                    self._get_formatter()._format_args(action, None)
                except TypeError:
                    raise ValueError("length of metavar tuple does not match nargs") from None
            return self._add_action(action)

        def add_argument_group(self, *args, **kwargs):
            group = _ArgumentGroup(self, *args, **kwargs)
            self._action_groups.append(group)
            return group

        def add_mutually_exclusive_group(self, **kwargs):
            group = _MutuallyExclusiveGroup(self, **kwargs)
            self._mutually_exclusive_groups.append(group)
            return group

        def _add_action(self, action):
            self._check_conflict(action)
            self._actions.append(action)
            action.container = self
            for option_string in action.option_strings:
                self._option_string_actions[option_string] = action
            for option_string in action.option_strings:
                if _is_negative_number(option_string) and not self._has_negative_number_optionals:
                    self._has_negative_number_optionals.append(True)
            return action

        def _remove_action(self, action):
            self._actions.remove(action)

        def _add_container_actions(self, container):
            # The groups of a parent parser are recreated here, and its actions put in them.
            title_groups = {}
            for group in self._action_groups:
                if group.title in title_groups:
                    raise ValueError("cannot merge actions - two groups are named %r" % group.title)
                title_groups[group.title] = group
            group_of = []
            for group in container._action_groups:
                if group.title not in title_groups:
                    title_groups[group.title] = self.add_argument_group(
                        title=group.title, description=group.description, conflict_handler=group.conflict_handler)
                for action in group._group_actions:
                    group_of.append((action, title_groups[group.title]))
            for group in container._mutually_exclusive_groups:
                mutex = self.add_mutually_exclusive_group(required=group.required)
                for action in group._group_actions:
                    group_of.append((action, mutex))
            for action in container._actions:
                target = self
                for candidate, group in group_of:
                    if candidate is action:
                        target = group
                target._add_action(action)

        def _get_positional_kwargs(self, dest, **kwargs):
            if "required" in kwargs:
                raise TypeError("'required' is an invalid argument for positionals")
            if kwargs.get("nargs") not in [OPTIONAL, ZERO_OR_MORE]:
                kwargs["required"] = True
            if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
                kwargs["required"] = True
            return dict(kwargs, dest=dest, option_strings=[])

        def _get_optional_kwargs(self, *args, **kwargs):
            option_strings = []
            long_option_strings = []
            for option_string in args:
                if not option_string or option_string[0] not in self.prefix_chars:
                    message = "invalid option string %r: must start with a character %r"
                    raise ValueError(message % (option_string, self.prefix_chars))
                option_strings.append(option_string)
                if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                    long_option_strings.append(option_string)
            dest = kwargs.pop("dest", None)
            if dest is None:
                dest_option_string = long_option_strings[0] if long_option_strings else option_strings[0]
                dest = dest_option_string.lstrip(self.prefix_chars)
                if not dest:
                    raise ValueError("dest= is required for options like %r" % option_string)
                dest = dest.replace("-", "_")
            return dict(kwargs, dest=dest, option_strings=option_strings)

        def _check_conflict(self, action):
            conflicts = []
            for option_string in action.option_strings:
                if option_string in self._option_string_actions:
                    conflicts.append((option_string, self._option_string_actions[option_string]))
            if not conflicts:
                return
            if self.conflict_handler == "resolve":
                # The newer argument wins: the older loses those option strings, and goes when it
                # has none left.
                for option_string, older in conflicts:
                    older.option_strings.remove(option_string)
                    self._option_string_actions.pop(option_string, None)
                    if not older.option_strings:
                        older.container._remove_action(older)
                return
            names = ", ".join([option_string for option_string, older in conflicts])
            message = _plural(len(conflicts), "conflicting option string: %s", "conflicting option strings: %s")
            raise ArgumentError(action, message % names)


    def _identity(value):
        return value


    class _ArgumentGroup(_ActionsContainer):
        """A titled section of the help; its arguments belong to the parser."""

        def __init__(self, container, title=None, description=None, **kwargs):
            kwargs.setdefault("conflict_handler", container.conflict_handler)
            kwargs.setdefault("prefix_chars", container.prefix_chars)
            kwargs.setdefault("argument_default", container.argument_default)
            super().__init__(description=description, **kwargs)
            self.title = title
            self._group_actions = []
            # The group shares the parser's tables, so its arguments parse as the parser's own.
            self._registries = container._registries
            self._actions = container._actions
            self._option_string_actions = container._option_string_actions
            self._defaults = container._defaults
            self._has_negative_number_optionals = container._has_negative_number_optionals
            self._mutually_exclusive_groups = container._mutually_exclusive_groups

        def _add_action(self, action):
            action = super()._add_action(action)
            self._group_actions.append(action)
            return action

        def _remove_action(self, action):
            super()._remove_action(action)
            self._group_actions.remove(action)


    class _MutuallyExclusiveGroup(_ArgumentGroup):
        """Arguments of which at most one may be given (exactly one when required)."""

        def __init__(self, container, required=False):
            super().__init__(container)
            self.required = required
            self._container = container

        def _add_action(self, action):
            if action.required:
                raise ValueError("mutually exclusive arguments must be optional")
            action = self._container._add_action(action)
            self._group_actions.append(action)
            return action

        def _remove_action(self, action):
            self._container._remove_action(action)
            self._group_actions.remove(action)


    # ---------------------------------------------------------------------------
    # Matching argument strings to arguments. Each argument string is classified as `O` (an
    # option), `A` (a value) or `-` (the `--` separator), and an argument's nargs becomes a small
    # pattern over those letters, matched greedily with backtracking as a regular expression would.
    # ---------------------------------------------------------------------------


    def _nargs_pattern(action):
        """A list of (letters, least, most) elements; most -1 is unbounded."""
        nargs = action.nargs
        dashes = ("-", 0, -1)
        if nargs is None:
            elements = [dashes, ("A", 1, 1), dashes]
        elif nargs == OPTIONAL:
            elements = [dashes, ("A", 0, 1), dashes]
        elif nargs == ZERO_OR_MORE:
            elements = [dashes, ("A-", 0, -1)]
        elif nargs == ONE_OR_MORE:
            elements = [dashes, ("A", 1, 1), ("A-", 0, -1)]
        elif nargs == REMAINDER:
            elements = [("-AO", 0, -1)]
        elif nargs == PARSER:
            elements = [dashes, ("A", 1, 1), ("-AO", 0, -1)]
        elif nargs == SUPPRESS:
            elements = [dashes, dashes]
        else:
            elements = [dashes]
            for index in range(nargs):
                if index:
                    elements.append(dashes)
                elements.append(("A", 1, 1))
            elements.append(dashes)
        if action.option_strings:
            # An option's values never include `--`.
            cleaned = []
            for letters, least, most in elements:
                letters = letters.replace("-", "")
                if letters:
                    cleaned.append((letters, least, most))
            elements = cleaned
        return elements


    def _match_groups(groups, text):
        """Matches the concatenated groups at the start of `text`; returns each group's length, or
        None."""
        elements = []
        for group_index, group in enumerate(groups):
            for element in group:
                elements.append((group_index, element))
        ends = [0] * len(groups)

        def match_from(element_index, position):
            if element_index == len(elements):
                return True
            group_index, element = elements[element_index]
            letters, least, most = element
            limit = position
            while limit < len(text) and text[limit] in letters and (most < 0 or limit - position < most):
                limit += 1
            count = limit - position
            while count >= least:
                ends[group_index] = position + count
                if match_from(element_index + 1, position + count):
                    return True
                count -= 1
            return False

        if not match_from(0, 0):
            return None
        lengths = []
        start = 0
        for group_index in range(len(groups)):
            # A group without elements (never the case for a real nargs) would have no end.
            end = ends[group_index] if groups[group_index] else start
            lengths.append(end - start)
            start = end
        return lengths


    # ---------------------------------------------------------------------------
    # The parser
    # ---------------------------------------------------------------------------


    class ArgumentParser(_AttributeHolder, _ActionsContainer):
        """Parses command-line arguments into a Namespace, with `-h` help and usage errors."""

        def __init__(
            self,
            prog=None,
            usage=None,
            description=None,
            epilog=None,
            parents=[],
            formatter_class=HelpFormatter,
            prefix_chars="-",
            fromfile_prefix_chars=None,
            argument_default=None,
            conflict_handler="error",
            add_help=True,
            allow_abbrev=True,
            exit_on_error=True,
        ):
            _ActionsContainer.__init__(
                self,
                description=description,
                prefix_chars=prefix_chars,
                argument_default=argument_default,
                conflict_handler=conflict_handler,
            )
            if prog is None:
                prog = _os.path.basename(_sys.argv[0]) if _sys.argv else ""
            self.prog = prog
            self.usage = usage
            self.epilog = epilog
            self.formatter_class = formatter_class
            self.fromfile_prefix_chars = fromfile_prefix_chars
            self.add_help = add_help
            self.allow_abbrev = allow_abbrev
            self.exit_on_error = exit_on_error

            self._positionals = self.add_argument_group("positional arguments")
            self._optionals = self.add_argument_group("options")
            self._subparsers = None

            default_prefix = "-" if "-" in prefix_chars else prefix_chars[0]
            if self.add_help:
                self.add_argument(
                    default_prefix + "h",
                    default_prefix * 2 + "help",
                    action="help",
                    default=SUPPRESS,
                    help="show this help message and exit",
                )
            for parent in parents:
                self._add_container_actions(parent)
                self._defaults.update(parent._defaults)

        def _get_kwargs(self):
            names = ["prog", "usage", "description", "formatter_class", "conflict_handler", "add_help"]
            return [(name, getattr(self, name)) for name in names]

        def add_subparsers(self, **kwargs):
            """The subcommand argument; `add_parser(name)` on the result makes each subcommand."""
            if self._subparsers is not None:
                self.error("cannot have multiple subparser arguments")
            kwargs.setdefault("parser_class", type(self))
            if "title" in kwargs or "description" in kwargs:
                title = kwargs.pop("title", "subcommands")
                description = kwargs.pop("description", None)
                self._subparsers = self.add_argument_group(title, description)
            else:
                self._subparsers = self._positionals
            if kwargs.get("prog") is None:
                # Subcommands' usage starts with this program and the positionals before them.
                formatter = self._get_formatter()
                positionals = self._get_positional_actions()
                formatter.add_usage(self.usage, positionals, self._mutually_exclusive_groups, "")
                kwargs["prog"] = formatter.format_help().strip()
            action_name = kwargs.pop("action", "parsers")
            action_class = self._registry_get("action", action_name, _ACTIONS.get(action_name, action_name))
            action = action_class(option_strings=[], **kwargs)
            self._subparsers._add_action(action)
            return action

        def _add_action(self, action):
            if action.option_strings:
                self._optionals._add_action(action)
            else:
                self._positionals._add_action(action)
            return action

        def _get_optional_actions(self):
            return [action for action in self._actions if action.option_strings]

        def _get_positional_actions(self):
            return [action for action in self._actions if not action.option_strings]

        # Parsing

        def parse_args(self, args=None, namespace=None):
            """The Namespace of `args` (default `sys.argv[1:]`); anything unrecognised is an error."""
            args, argv = self.parse_known_args(args, namespace)
            if argv:
                self.error("unrecognized arguments: %s" % " ".join(argv))
            return args

        def parse_known_args(self, args=None, namespace=None):
            """(Namespace, the argument strings no argument took)."""
            if args is None:
                args = _sys.argv[1:]
            else:
                args = list(args)
            if namespace is None:
                namespace = Namespace()
            for action in self._actions:
                if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                    if action.default is not SUPPRESS:
                        setattr(namespace, action.dest, action.default)
            for dest in self._defaults:
                if not hasattr(namespace, dest):
                    setattr(namespace, dest, self._defaults[dest])
            if self.exit_on_error:
                try:
                    namespace, args = self._parse_known_args(args, namespace)
                except ArgumentError as err:
                    self.error(str(err))
            else:
                namespace, args = self._parse_known_args(args, namespace)
            if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
                args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
                delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
            return namespace, args

        def _parse_known_args(self, arg_strings, namespace):
            if self.fromfile_prefix_chars is not None:
                arg_strings = self._read_args_from_files(arg_strings)
            return _ParseRun(self, arg_strings, namespace).run()

        def _read_args_from_files(self, arg_strings):
            # `@args.txt` stands for the arguments in that file, one a line (files may nest).
            expanded = []
            for arg_string in arg_strings:
                if not arg_string or arg_string[0] not in self.fromfile_prefix_chars:
                    expanded.append(arg_string)
                    continue
                try:
                    with open(arg_string[1:]) as args_file:
                        file_args = []
                        for arg_line in args_file.read().splitlines():
                            file_args.extend(self.convert_arg_line_to_args(arg_line))
                except OSError as err:
                    self.error(str(err))
                expanded.extend(self._read_args_from_files(file_args))
            return expanded

        def convert_arg_line_to_args(self, arg_line):
            return [arg_line]

        def _parse_optional(self, arg_string):
            """(action or None, option string, explicit value or None) for an option-like string,
            None for a value."""
            if not arg_string or arg_string[0] not in self.prefix_chars:
                return None
            if arg_string in self._option_string_actions:
                return self._option_string_actions[arg_string], arg_string, None
            if len(arg_string) == 1:
                return None
            if "=" in arg_string:
                option_string, explicit_arg = arg_string.split("=", 1)
                if option_string in self._option_string_actions:
                    return self._option_string_actions[option_string], option_string, explicit_arg
            option_tuples = self._get_option_tuples(arg_string)
            if len(option_tuples) > 1:
                options = ", ".join([option_string for action, option_string, explicit_arg in option_tuples])
                self.error("ambiguous option: %s could match %s" % (arg_string, options))
            elif len(option_tuples) == 1:
                return option_tuples[0]
            if _is_negative_number(arg_string) and not self._has_negative_number_optionals:
                return None
            if " " in arg_string:
                return None
            return None, arg_string, None

        def _get_option_tuples(self, option_string):
            # Abbreviations: `--verb` for `--verbose`; `-vvv` as `-v` with the rest attached.
            result = []
            chars = self.prefix_chars
            if option_string[0] in chars and option_string[1] in chars:
                if self.allow_abbrev:
                    if "=" in option_string:
                        option_prefix, explicit_arg = option_string.split("=", 1)
                    else:
                        option_prefix, explicit_arg = option_string, None
                    for candidate in self._option_string_actions:
                        if candidate.startswith(option_prefix):
                            result.append((self._option_string_actions[candidate], candidate, explicit_arg))
            elif option_string[0] in chars and option_string[1] not in chars:
                short_prefix = option_string[:2]
                short_explicit_arg = option_string[2:]
                for candidate in self._option_string_actions:
                    if candidate == short_prefix:
                        result.append((self._option_string_actions[candidate], candidate, short_explicit_arg))
                    elif candidate.startswith(option_string):
                        result.append((self._option_string_actions[candidate], candidate, None))
            else:
                self.error("unexpected option string: %s" % option_string)
            return result

        def _match_argument(self, action, pattern):
            lengths = _match_groups([_nargs_pattern(action)], pattern)
            if lengths is None:
                nargs = action.nargs
                if nargs is None:
                    message = "expected one argument"
                elif nargs == OPTIONAL:
                    message = "expected at most one argument"
                elif nargs == ONE_OR_MORE:
                    message = "expected at least one argument"
                else:
                    message = _plural(nargs, "expected %s argument", "expected %s arguments") % nargs
                raise ArgumentError(action, message)
            return lengths[0]

        def _match_arguments_partial(self, actions, pattern):
            # As many of the positionals as can match, longest prefix of them first.
            for count in range(len(actions), 0, -1):
                lengths = _match_groups([_nargs_pattern(action) for action in actions[:count]], pattern)
                if lengths is not None:
                    return lengths
            return []

        def _get_values(self, action, arg_strings):
            if action.nargs not in [PARSER, REMAINDER]:
                if "--" in arg_strings:
                    arg_strings.remove("--")
            if not arg_strings and action.nargs == OPTIONAL:
                value = action.const if action.option_strings else action.default
                if isinstance(value, str):
                    value = self._get_value(action, value)
                    self._check_value(action, value)
            elif not arg_strings and action.nargs == ZERO_OR_MORE and not action.option_strings:
                value = action.default if action.default is not None else arg_strings
                self._check_value(action, value)
            elif len(arg_strings) == 1 and action.nargs in [None, OPTIONAL]:
                value = self._get_value(action, arg_strings[0])
                self._check_value(action, value)
            elif action.nargs == REMAINDER:
                value = [self._get_value(action, v) for v in arg_strings]
            elif action.nargs == PARSER:
                value = [self._get_value(action, v) for v in arg_strings]
                self._check_value(action, value[0])
            elif action.nargs == SUPPRESS:
                value = SUPPRESS
            else:
                value = [self._get_value(action, v) for v in arg_strings]
                for v in value:
                    self._check_value(action, v)
            return value

        def _get_value(self, action, arg_string):
            type_func = self._registry_get("type", action.type, action.type)
            if type_func is None:
                type_func = _identity
            if not callable(type_func):
                raise ArgumentError(action, "%r is not callable" % (type_func,))
            try:
                return type_func(arg_string)
            except ArgumentTypeError as err:
                raise ArgumentError(action, str(err))
            except (TypeError, ValueError):
                name = getattr(action.type, "__name__", repr(action.type))
                raise ArgumentError(action, "invalid %s value: %r" % (name, arg_string))

        def _check_value(self, action, value):
            if action.choices is not None and value not in action.choices:
                choices = ", ".join([repr(choice) for choice in action.choices])
                raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))

        # Help and errors

        def format_usage(self):
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
            return formatter.format_help()

        def format_help(self):
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
            formatter.add_text(self.description)
            for group in self._action_groups:
                formatter.start_section(group.title)
                formatter.add_text(group.description)
                formatter.add_arguments(group._group_actions)
                formatter.end_section()
            formatter.add_text(self.epilog)
            return formatter.format_help()

        def _get_formatter(self):
            return self.formatter_class(prog=self.prog)

        def print_usage(self, file=None):
            if file is None:
                file = _sys.stdout
            self._print_message(self.format_usage(), file)

        def print_help(self, file=None):
            if file is None:
                file = _sys.stdout
            self._print_message(self.format_help(), file)

        def _print_message(self, message, file=None):
            if message:
                if file is None:
                    file = _sys.stderr
                try:
                    file.write(message)
                except (AttributeError, OSError):
                    pass

        def exit(self, status=0, message=None):
            if message:
                self._print_message(message, _sys.stderr)
            _sys.exit(status)

        def error(self, message):
            """Prints the usage and `prog: error: message` on stderr, and exits with status 2."""
            self.print_usage(_sys.stderr)
            self.exit(2, "%s: error: %s\n" % (self.prog, message))


    class _ParseRun:
        """One parse: walks the argument strings, giving options their values and the gaps between
        them to the positionals."""

        def __init__(self, parser, arg_strings, namespace):
            self.parser = parser
            self.arg_strings = arg_strings
            self.namespace = namespace
            self.extras = []
            self.seen_actions = []
            self.seen_non_default_actions = []
            # For each argument of a mutually exclusive group, the others of its groups.
            self.conflicts = []
            for group in parser._mutually_exclusive_groups:
                group_actions = group._group_actions
                for index, action in enumerate(group_actions):
                    others = group_actions[:index] + group_actions[index + 1:]
                    self.conflicts.append((action, others))
            # Classify the strings: O for an option, A for a value, - for `--`.
            self.option_string_indices = {}
            letters = []
            index = 0
            while index < len(arg_strings):
                arg_string = arg_strings[index]
                if arg_string == "--":
                    letters.append("-")
                    for rest in arg_strings[index + 1:]:
                        letters.append("A")
                    break
                option_tuple = parser._parse_optional(arg_string)
                if option_tuple is None:
                    letters.append("A")
                else:
                    self.option_string_indices[index] = option_tuple
                    letters.append("O")
                index += 1
            self.pattern = "".join(letters)
            self.positionals = parser._get_positional_actions()

        def take_action(self, action, argument_strings, option_string=None):
            parser = self.parser
            if not _contains_action(self.seen_actions, action):
                self.seen_actions.append(action)
            values = parser._get_values(action, argument_strings)
            # An argument counts as given when its value is not its default object.
            if values is not action.default:
                if not _contains_action(self.seen_non_default_actions, action):
                    self.seen_non_default_actions.append(action)
                for conflicted, others in self.conflicts:
                    if conflicted is not action:
                        continue
                    for other in others:
                        if _contains_action(self.seen_non_default_actions, other):
                            raise ArgumentError(action, "not allowed with argument %s" % _get_action_name(other))
            if values is not SUPPRESS:
                action(parser, self.namespace, values, option_string)

        def consume_optional(self, start_index):
            parser = self.parser
            action, option_string, explicit_arg = self.option_string_indices[start_index]
            action_tuples = []
            while True:
                if action is None:
                    self.extras.append(self.arg_strings[start_index])
                    return start_index + 1
                if explicit_arg is not None:
                    arg_count = parser._match_argument(action, "A")
                    chars = parser.prefix_chars
                    if arg_count == 0 and option_string[1] not in chars and explicit_arg != "":
                        # `-vx` is `-v -x` when -v takes no value.
                        action_tuples.append((action, [], option_string))
                        option_string = option_string[0] + explicit_arg[0]
                        new_explicit_arg = explicit_arg[1:] or None
                        if option_string in parser._option_string_actions:
                            action = parser._option_string_actions[option_string]
                            explicit_arg = new_explicit_arg
                        else:
                            raise ArgumentError(action, "ignored explicit argument %r" % explicit_arg)
                    elif arg_count == 1:
                        stop = start_index + 1
                        action_tuples.append((action, [explicit_arg], option_string))
                        break
                    else:
                        raise ArgumentError(action, "ignored explicit argument %r" % explicit_arg)
                else:
                    start = start_index + 1
                    arg_count = parser._match_argument(action, self.pattern[start:])
                    stop = start + arg_count
                    action_tuples.append((action, self.arg_strings[start:stop], option_string))
                    break
            for action, args, option_string in action_tuples:
                self.take_action(action, args, option_string)
            return stop

        def consume_positionals(self, start_index):
            arg_counts = self.parser._match_arguments_partial(self.positionals, self.pattern[start_index:])
            for index in range(len(arg_counts)):
                action = self.positionals[index]
                arg_count = arg_counts[index]
                args = self.arg_strings[start_index:start_index + arg_count]
                start_index += arg_count
                self.take_action(action, args)
            self.positionals = self.positionals[len(arg_counts):]
            return start_index

        def run(self):
            parser = self.parser
            namespace = self.namespace
            indices = self.option_string_indices
            max_option_string_index = max(indices) if indices else -1
            start_index = 0
            while start_index <= max_option_string_index:
                next_option_string_index = min([index for index in indices if index >= start_index])
                if start_index != next_option_string_index:
                    positionals_end_index = self.consume_positionals(start_index)
                    if positionals_end_index > start_index:
                        start_index = positionals_end_index
                        continue
                    start_index = positionals_end_index
                if start_index not in indices:
                    self.extras.extend(self.arg_strings[start_index:next_option_string_index])
                    start_index = next_option_string_index
                start_index = self.consume_optional(start_index)
            stop_index = self.consume_positionals(start_index)
            self.extras.extend(self.arg_strings[stop_index:])

            required_actions = []
            for action in parser._actions:
                if _contains_action(self.seen_actions, action):
                    continue
                if action.required:
                    required_actions.append(_get_action_name(action))
                elif (
                    action.default is not None
                    and isinstance(action.default, str)
                    and hasattr(namespace, action.dest)
                    and action.default is getattr(namespace, action.dest)
                ):
                    # A string default goes through `type` as a given value would.
                    setattr(namespace, action.dest, parser._get_value(action, action.default))
            if required_actions:
                parser.error("the following arguments are required: %s" % ", ".join(required_actions))
            for group in parser._mutually_exclusive_groups:
                if not group.required:
                    continue
                given = False
                for action in group._group_actions:
                    if _contains_action(self.seen_non_default_actions, action):
                        given = True
                        break
                if not given:
                    names = [
                        _get_action_name(action) for action in group._group_actions if action.help is not SUPPRESS
                    ]
                    parser.error("one of the arguments %s is required" % " ".join(names))
            return namespace, self.extras
    """#
}
