extension ArgparseModule {
  /// Text wrapping (as textwrap does it) and the help formatters.
  static let helpFormatting = #"""
    # ---------------------------------------------------------------------------
    # Text wrapping, as textwrap.wrap does it for the help text argparse gives it: the text has
    # its whitespace collapsed to single spaces already.
    # ---------------------------------------------------------------------------

    _WRAP_WHITESPACE = "\t\n\x0b\x0c\r "
    _WORD_PUNCTUATION = "!\"'&.,?"


    def _is_word_char(c):
        return c.isalnum() or c == "_"


    def _is_letter(c):
        # textwrap's "letter" is a word character that is not a digit.
        return c == "_" or c.isalpha()


    def _char_at(chars, i):
        return chars[i] if 0 <= i < len(chars) else ""


    def _em_dash_end(chars, i):
        """The end of two or more hyphens at i that are followed by a word character, else -1."""
        j = i
        while j < len(chars) and chars[j] == "-":
            j += 1
        if j - i >= 2 and j < len(chars) and _is_word_char(chars[j]):
            return j
        return -1


    def _joining_hyphen(chars, j):
        """True when the hyphen at j joins two words (`long-option`): textwrap may break after it."""
        before = _is_letter(_char_at(chars, j - 2)) and _is_letter(_char_at(chars, j - 1))
        if not before:
            before = _is_letter(_char_at(chars, j - 3)) and _char_at(chars, j - 2) == "-"
            before = before and _is_letter(_char_at(chars, j - 1))
        if not before or not _is_letter(_char_at(chars, j + 1)):
            return False
        after = _char_at(chars, j + 2)
        return _is_letter(after) or (after == "-" and _is_letter(_char_at(chars, j + 3)))


    def _split_word(word):
        """The chunks textwrap makes of one word: it may break after a hyphen that joins two words,
        and around an em-dash (`--`) between words."""
        chars = list(word)
        chunks = []
        start = 0
        while start < len(chars):
            end = -1
            if start > 0 and (_is_word_char(chars[start - 1]) or chars[start - 1] in _WORD_PUNCTUATION):
                end = _em_dash_end(chars, start)
            if end < 0:
                end = start + 1
                while end < len(chars):
                    if chars[end] == "-" and _joining_hyphen(chars, end):
                        end += 1
                        break
                    previous = chars[end - 1]
                    if (_is_word_char(previous) or previous in _WORD_PUNCTUATION) and _em_dash_end(chars, end) > 0:
                        break
                    end += 1
            chunks.append(word[start:end])
            start = end
        return chunks


    def _split_chunks(text):
        """Words, their hyphenated parts and the spaces between them, for `_wrap`."""
        chunks = []
        for index, word in enumerate(text.split(" ")):
            if index:
                chunks.append(" ")
            if word:
                chunks.extend(_split_word(word))
        return chunks


    def _wrap(text, width, indent=""):
        """The lines of `text` (whitespace collapsed to single spaces, as argparse does first) filled
        greedily to `width` columns, each starting with `indent`, as textwrap.wrap fills them."""
        chunks = _split_chunks(text)
        chunks.reverse()
        lines = []
        while chunks:
            line = []
            length = 0
            room = width - len(indent)
            # Whitespace that would start a line other than the first is dropped.
            if lines and chunks[-1].strip() == "":
                chunks.pop()
            while chunks:
                size = len(chunks[-1])
                if length + size > room:
                    break
                line.append(chunks.pop())
                length += size
            if chunks and len(chunks[-1]) > room:
                # A word longer than a line is cut where the line is full, or after its last hyphen
                # that fits (when something other than hyphens comes before it).
                space = room - length if room >= 1 else 1
                word = chunks[-1]
                end = space
                hyphen = word.rfind("-", 0, space)
                if hyphen > 0 and word[:hyphen].strip("-"):
                    end = hyphen + 1
                line.append(word[:end])
                chunks[-1] = word[end:]
            if line and line[-1].strip() == "":
                line.pop()
            if line:
                lines.append(indent + "".join(line))
        return lines


    def _collapse_whitespace(text):
        return " ".join(text.split()).strip()


    def _terminal_columns():
        """COLUMNS from the environment, else 80 (sshs does not ask the terminal)."""
        try:
            columns = int(_os.environ.get("COLUMNS", ""))
        except ValueError:
            columns = 0
        return columns if columns > 0 else 80


    def _plural(count, one, many):
        return one if count == 1 else many


    # ---------------------------------------------------------------------------
    # Help formatting
    # ---------------------------------------------------------------------------


    class _Section:
        def __init__(self, formatter, parent, heading=None):
            self.formatter = formatter
            self.parent = parent
            self.heading = heading
            self.items = []

        def format_help(self):
            formatter = self.formatter
            if self.parent is not None:
                formatter._indent()
            item_help = formatter._join_parts([function(*args) for function, args in self.items])
            if self.parent is not None:
                formatter._dedent()
            if not item_help:
                return ""
            heading = ""
            if self.heading is not SUPPRESS and self.heading is not None:
                heading = " " * formatter._current_indent + self.heading + ":\n"
            return formatter._join_parts(["\n", heading, item_help, "\n"])


    class HelpFormatter:
        """Lays out usage and help. The parts are collected first and rendered at the end, so
        the help column can depend on the longest invocation of all the arguments."""

        def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
            if width is None:
                width = _terminal_columns() - 2
            self._prog = prog
            self._indent_increment = indent_increment
            self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
            self._width = width
            self._current_indent = 0
            self._level = 0
            self._action_max_length = 0
            self._root_section = _Section(self, None)
            self._current_section = self._root_section

        def _indent(self):
            self._current_indent += self._indent_increment
            self._level += 1

        def _dedent(self):
            self._current_indent -= self._indent_increment
            self._level -= 1

        def _add_item(self, function, args):
            self._current_section.items.append((function, args))

        def start_section(self, heading):
            self._indent()
            section = _Section(self, self._current_section, heading)
            self._add_item(section.format_help, [])
            self._current_section = section

        def end_section(self):
            self._current_section = self._current_section.parent
            self._dedent()

        def add_text(self, text):
            if text is not SUPPRESS and text is not None:
                self._add_item(self._format_text, [text])

        def add_usage(self, usage, actions, groups, prefix=None):
            if usage is not SUPPRESS:
                self._add_item(self._format_usage, [usage, actions, groups, prefix])

        def add_argument(self, action):
            if action.help is SUPPRESS:
                return
            invocations = [self._format_action_invocation(action)]
            subactions = self._subactions(action)
            if subactions:
                self._indent()
                for subaction in subactions:
                    invocations.append(self._format_action_invocation(subaction))
                self._dedent()
            length = max([len(invocation) for invocation in invocations]) + self._current_indent
            self._action_max_length = max(self._action_max_length, length)
            self._add_item(self._format_action, [action])

        def add_arguments(self, actions):
            for action in actions:
                self.add_argument(action)

        def format_help(self):
            text = self._root_section.format_help()
            if text:
                while "\n\n\n" in text:
                    text = text.replace("\n\n\n", "\n\n")
                text = text.strip("\n") + "\n"
            return text

        def _join_parts(self, parts):
            return "".join([part for part in parts if part and part is not SUPPRESS])

        # Usage

        def _format_usage(self, usage, actions, groups, prefix):
            if prefix is None:
                prefix = "usage: "
            if usage is not None:
                usage = usage % {"prog": self._prog}
            elif not actions:
                usage = self._prog
            else:
                prog = self._prog
                optionals = [action for action in actions if action.option_strings]
                positionals = [action for action in actions if not action.option_strings]
                action_usage = self._format_actions_usage(optionals + positionals, groups)
                usage = " ".join([part for part in [prog, action_usage] if part])
                text_width = self._width - self._current_indent
                if len(prefix) + len(usage) > text_width:
                    usage = self._wrap_usage(prog, prefix, optionals, positionals, groups, text_width)
            return prefix + usage + "\n\n"

        def _wrap_usage(self, prog, prefix, optionals, positionals, groups, text_width):
            optional_parts = _usage_parts(self._format_actions_usage(optionals, groups))
            positional_parts = _usage_parts(self._format_actions_usage(positionals, groups))

            def lines_of(parts, indent, first_prefix=None):
                lines = []
                line = []
                length = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
                for part in parts:
                    if length + 1 + len(part) > text_width and line:
                        lines.append(indent + " ".join(line))
                        line = []
                        length = len(indent) - 1
                    line.append(part)
                    length += len(part) + 1
                if line:
                    lines.append(indent + " ".join(line))
                if first_prefix is not None:
                    lines[0] = lines[0][len(indent):]
                return lines

            if len(prefix) + len(prog) <= 0.75 * text_width:
                # Continuation lines line up after the program name.
                indent = " " * (len(prefix) + len(prog) + 1)
                if optional_parts:
                    lines = lines_of([prog] + optional_parts, indent, prefix)
                    lines.extend(lines_of(positional_parts, indent))
                elif positional_parts:
                    lines = lines_of([prog] + positional_parts, indent, prefix)
                else:
                    lines = [prog]
            else:
                indent = " " * len(prefix)
                parts = optional_parts + positional_parts
                lines = lines_of(parts, indent)
                if len(lines) > 1:
                    lines = []
                    lines.extend(lines_of(optional_parts, indent))
                    lines.extend(lines_of(positional_parts, indent))
                lines = [prog] + lines
            return "\n".join(lines)

        def _format_actions_usage(self, actions, groups):
            # Mutually exclusive groups whose actions appear together are bracketed as one part:
            # `[-a | -b]`, or `(-a | -b)` when the group is required.
            grouped = []
            inserts = {}
            for group in groups:
                if not group._group_actions:
                    raise ValueError("empty group " + repr(group))
                first = group._group_actions[0]
                start = -1
                for index in range(len(actions)):
                    if actions[index] is first:
                        start = index
                        break
                if start < 0:
                    continue
                end = start + len(group._group_actions)
                if not _same_actions(actions[start:end], group._group_actions):
                    continue
                grouped.extend(group._group_actions)
                opening, closing = ("(", ")") if group.required else ("[", "]")
                inserts[start] = inserts[start] + " " + opening if start in inserts else opening
                inserts[end] = inserts[end] + closing if end in inserts else closing
                for index in range(start + 1, end):
                    inserts[index] = "|"

            parts = []
            for index, action in enumerate(actions):
                in_group = _contains_action(grouped, action)
                if action.help is SUPPRESS:
                    parts.append(None)
                    if inserts.get(index) == "|":
                        inserts.pop(index)
                    elif inserts.get(index + 1) == "|":
                        inserts.pop(index + 1)
                elif not action.option_strings:
                    part = self._format_args(action, self._get_default_metavar_for_positional(action))
                    if in_group and part[:1] == "[" and part[-1:] == "]":
                        part = part[1:-1]
                    parts.append(part)
                else:
                    if action.nargs == 0:
                        part = action.format_usage()
                    else:
                        metavar = self._format_args(action, self._get_default_metavar_for_optional(action))
                        part = action.option_strings[0] + " " + metavar
                    if not action.required and not in_group:
                        part = "[" + part + "]"
                    parts.append(part)
            for index in sorted(inserts, reverse=True):
                parts[index:index] = [inserts[index]]
            text = " ".join([part for part in parts if part is not None])
            return _tidy_brackets(text).strip()

        # Text and arguments

        def _format_text(self, text):
            if "%(prog)" in text:
                text = text % {"prog": self._prog}
            text_width = max(self._width - self._current_indent, 11)
            indent = " " * self._current_indent
            return self._fill_text(text, text_width, indent) + "\n\n"

        def _format_action(self, action):
            help_position = min(self._action_max_length + 2, self._max_help_position)
            help_width = max(self._width - help_position, 11)
            action_width = help_position - self._current_indent - 2
            header = self._format_action_invocation(action)
            indent_first = 0
            if not action.help:
                header = " " * self._current_indent + header + "\n"
            elif len(header) <= action_width:
                header = " " * self._current_indent + header.ljust(action_width) + "  "
            else:
                header = " " * self._current_indent + header + "\n"
                indent_first = help_position
            parts = [header]
            if action.help:
                help_text = self._expand_help(action)
                if help_text:
                    help_lines = self._split_lines(help_text, help_width)
                    parts.append(" " * indent_first + help_lines[0] + "\n")
                    for line in help_lines[1:]:
                        parts.append(" " * help_position + line + "\n")
            elif not header.endswith("\n"):
                parts.append("\n")
            subactions = self._subactions(action)
            if subactions:
                self._indent()
                for subaction in subactions:
                    parts.append(self._format_action(subaction))
                self._dedent()
            return self._join_parts(parts)

        def _subactions(self, action):
            get_subactions = getattr(action, "_get_subactions", None)
            return get_subactions() if get_subactions is not None else []

        def _format_action_invocation(self, action):
            if not action.option_strings:
                default = self._get_default_metavar_for_positional(action)
                return self._metavar_formatter(action, default)(1)[0]
            if action.nargs == 0:
                return ", ".join(action.option_strings)
            args_string = self._format_args(action, self._get_default_metavar_for_optional(action))
            return ", ".join([option + " " + args_string for option in action.option_strings])

        def _metavar_formatter(self, action, default_metavar):
            if action.metavar is not None:
                result = action.metavar
            elif action.choices is not None:
                result = "{" + ",".join([str(choice) for choice in action.choices]) + "}"
            else:
                result = default_metavar

            def format(tuple_size):
                if isinstance(result, tuple):
                    return result
                return (result,) * tuple_size

            return format

        def _format_args(self, action, default_metavar):
            get_metavar = self._metavar_formatter(action, default_metavar)
            nargs = action.nargs
            if nargs is None:
                return "%s" % get_metavar(1)
            if nargs == OPTIONAL:
                return "[%s]" % get_metavar(1)
            if nargs == ZERO_OR_MORE:
                metavar = get_metavar(1)
                if len(metavar) == 2:
                    return "[%s [%s ...]]" % metavar
                return "[%s ...]" % metavar
            if nargs == ONE_OR_MORE:
                return "%s [%s ...]" % get_metavar(2)
            if nargs == REMAINDER:
                return "..."
            if nargs == PARSER:
                return "%s ..." % get_metavar(1)
            if nargs == SUPPRESS:
                return ""
            try:
                formats = ["%s"] * nargs
            except TypeError:
                raise ValueError("invalid nargs value") from None
            return " ".join(formats) % get_metavar(nargs)

        def _expand_help(self, action):
            params = dict(vars(action), prog=self._prog)
            for name in list(params):
                if params[name] is SUPPRESS:
                    del params[name]
            for name in list(params):
                if hasattr(params[name], "__name__"):
                    params[name] = params[name].__name__
            if params.get("choices") is not None:
                params["choices"] = ", ".join([str(choice) for choice in params["choices"]])
            return self._get_help_string(action) % params

        def _split_lines(self, text, width):
            return _wrap(_collapse_whitespace(text), width)

        def _fill_text(self, text, width, indent):
            return "\n".join(_wrap(_collapse_whitespace(text), width, indent))

        def _get_help_string(self, action):
            return action.help

        def _get_default_metavar_for_optional(self, action):
            return action.dest.upper()

        def _get_default_metavar_for_positional(self, action):
            return action.dest


    class RawDescriptionHelpFormatter(HelpFormatter):
        """Keeps the description and epilog as written."""

        def _fill_text(self, text, width, indent):
            return "".join([indent + line for line in text.splitlines(True)])


    class RawTextHelpFormatter(RawDescriptionHelpFormatter):
        """Keeps every help text as written."""

        def _split_lines(self, text, width):
            return text.splitlines()


    class ArgumentDefaultsHelpFormatter(HelpFormatter):
        """Appends ` (default: ...)` to the help of arguments that have a default."""

        def _get_help_string(self, action):
            help = action.help
            if help is None:
                help = ""
            if "%(default)" not in help and action.default is not SUPPRESS:
                if action.option_strings or action.nargs in [OPTIONAL, ZERO_OR_MORE]:
                    help += " (default: %(default)s)"
            return help


    class MetavarTypeHelpFormatter(HelpFormatter):
        """Uses the name of each argument's type as its metavar."""

        def _get_default_metavar_for_optional(self, action):
            return action.type.__name__

        def _get_default_metavar_for_positional(self, action):
            return action.type.__name__


    def _usage_parts(text):
        """Splits a usage text into parts that wrapping keeps whole: a bracketed group such as
        `[-a | -b]` or `(-x X)` up to the closing bracket that ends a word, else a word."""
        chars = list(text)
        parts = []
        i = 0
        n = len(chars)
        while i < n:
            if chars[i] == " ":
                i += 1
                continue
            end = -1
            if chars[i] in "([":
                closing = ")" if chars[i] == "(" else "]"
                k = i + 1
                while k < n and end < 0:
                    if chars[k] == closing:
                        j = k
                        while j < n and chars[j] == closing:
                            j += 1
                        if j == n or chars[j] == " ":
                            end = j
                        k = j
                    else:
                        k += 1
            if end < 0:
                end = i
                while end < n and chars[end] != " ":
                    end += 1
            parts.append(text[i:end])
            i = end
        return parts


    def _tidy_brackets(text):
        """No space just inside a bracket, and no empty bracket pairs."""
        text = text.replace("[ ", "[").replace("( ", "(").replace(" ]", "]").replace(" )", ")")
        chars = list(text)
        out = []
        i = 0
        while i < len(chars):
            c = chars[i]
            if c in "[(":
                j = i + 1
                while j < len(chars) and chars[j] == " ":
                    j += 1
                if j < len(chars) and chars[j] in "])":
                    i = j + 1
                    continue
            out.append(c)
            i += 1
        return "".join(out)


    def _same_actions(left, right):
        if len(left) != len(right):
            return False
        for index in range(len(left)):
            if left[index] is not right[index]:
                return False
        return True


    def _contains_action(actions, action):
        for candidate in actions:
            if candidate is action:
                return True
        return False
    """#
}
