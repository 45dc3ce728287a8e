/// The text side of `datetime`: ISO 8601 parsing for `fromisoformat`, the C library's `strftime`
/// directives (with glibc's flags) and `strptime`, which matches each directive as CPython's
/// regular expression for it would, backtracking alike.
extension DatetimeModule {
  static let formatting = #"""
    # ---------------------------------------------------------------------------------------------
    # ISO 8601 parsing for fromisoformat (the forms CPython 3.11 accepts). The parsers return None
    # for text that is not ISO 8601; the callers turn that into "Invalid isoformat string".

    def _digits_value(text, start, count):
        """The number written by count ASCII digits at start, or None."""
        digits = text[start:start + count]
        if len(digits) == count and digits.isascii() and digits.isdigit():
            return int(digits)
        return None


    def _iso_date_length(text):
        """Where the date ends in a datetime string: the separator is any one character after it."""
        if len(text) == 7:
            return 7
        if len(text) > 4 and text[4] == "-":
            if len(text) > 5 and text[5] == "W":
                # YYYY-Www, or YYYY-Www-D unless what follows the second hyphen reads as a time.
                if len(text) > 8 and text[8] == "-":
                    if len(text) > 10 and "0" <= text[10] <= "9":
                        return 8
                    return 10
                return 8
            return 10
        if len(text) > 4 and text[4] == "W":
            # YYYYWww or YYYYWwwD: count the digits that follow.
            end = 7
            while end < len(text) and "0" <= text[end] <= "9":
                end += 1
            if end < 9:
                return end
            return 7 if end % 2 == 0 else 8
        return 8


    def _parse_iso_date(text):
        """(year, month, day) of YYYY-MM-DD, YYYYMMDD, or an ISO week date; None when malformed."""
        year = _digits_value(text, 0, 4)
        if year is None:
            return None
        extended = len(text) > 4 and text[4] == "-"
        position = 5 if extended else 4
        if position < len(text) and text[position] == "W":
            week = _digits_value(text, position + 1, 2)
            if week is None:
                return None
            position += 3
            day = 1
            if position < len(text):
                if extended:
                    if text[position] != "-":
                        return None
                    position += 1
                day = _digits_value(text, position, 1)
                if day is None:
                    return None
                position += 1
            if position != len(text):
                return None
            try:
                return _from_iso_calendar(year, week, day)
            except ValueError:
                return None
        month = _digits_value(text, position, 2)
        if month is None:
            return None
        position += 2
        if extended:
            if position >= len(text) or text[position] != "-":
                return None
            position += 1
        day = _digits_value(text, position, 2)
        if day is None or position + 2 != len(text):
            return None
        return (year, month, day)


    def _parse_clock(text, bare_point=False):
        """(hour, minute, second, microsecond) of HH[:MM[:SS[.f+]]] or the same without colons.

        bare_point accepts a decimal point without digits, as CPython does before an offset.
        """
        hour = _digits_value(text, 0, 2)
        if hour is None:
            return None
        fields = [hour, 0, 0, 0]
        position = 2
        colons = len(text) > 2 and text[2] == ":"
        for index in (1, 2):
            if position == len(text):
                return tuple(fields)
            if text[position] in ".,":
                # CPython takes a fraction after any field as microseconds.
                break
            if colons:
                if text[position] != ":":
                    return None
                position += 1
            value = _digits_value(text, position, 2)
            if value is None:
                return None
            fields[index] = value
            position += 2
        if position == len(text):
            return tuple(fields)
        if text[position] not in ".,":
            return None
        position += 1
        digits = text[position:]
        if not digits and bare_point:
            return tuple(fields)
        if not digits or not all("0" <= character <= "9" for character in digits):
            return None
        # Digits past microseconds are dropped, not rounded.
        fields[3] = int((digits + "00000")[:6])
        return tuple(fields)


    def _parse_iso_time(text):
        """(hour, minute, second, microsecond, tzinfo) of an ISO time with an optional offset."""
        zone_start = len(text)
        for sign in "+-Z":
            found = text.find(sign)
            if 0 <= found < zone_start:
                zone_start = found
        clock = _parse_clock(text[:zone_start], zone_start < len(text))
        if clock is None:
            return None
        if zone_start == len(text):
            return clock + (None,)
        if text[zone_start] == "Z":
            if zone_start != len(text) - 1:
                return None
            return clock + (timezone.utc,)
        zone = text[zone_start + 1:]
        if len(zone) not in (2, 4, 5, 6) and len(zone) < 8:
            return None
        parts = _parse_clock(zone)
        if parts is None:
            return None
        hours, minutes, seconds, microseconds = parts
        sign = -1 if text[zone_start] == "-" else 1
        if not (hours or minutes or seconds or microseconds):
            return clock + (timezone.utc,)
        offset = timedelta(hours=hours, minutes=minutes, seconds=seconds, microseconds=microseconds)
        return clock + (timezone(offset if sign > 0 else -offset),)


    # ---------------------------------------------------------------------------------------------
    # strftime: the C library's directives (glibc's flags - _ 0 ^ # and widths), in English.

    def _strftime(fmt, year, month, day, hour, minute, second, microsecond, source):
        """Formats fields; source answers utcoffset() and tzname() for %z and %Z (None for a date)."""
        pieces = []
        for piece in _strftime_pieces(fmt):
            if type(piece) is str:
                pieces.append(piece)
                continue
            directive, flag, width, written = piece
            text = _strftime_directive(
                directive, flag, width, year, month, day, hour, minute, second, microsecond, source
            )
            pieces.append(written if text is None else text)
        return "".join(pieces)


    _STRFTIME_FORMATS = {}


    def _strftime_pieces(fmt):
        """A format split into literal text and (directive, flags, width, text as written) tuples."""
        pieces = _STRFTIME_FORMATS.get(fmt)
        if pieces is not None:
            return pieces
        pieces = []
        length = len(fmt)
        index = 0
        while index < length:
            if fmt[index] != "%":
                start = index
                while index < length and fmt[index] != "%":
                    index += 1
                pieces.append(fmt[start:index])
                continue
            start = index
            index += 1
            flag = ""
            while index < length and fmt[index] in "-_0^#":
                flag += fmt[index]
                index += 1
            width_start = index
            while index < length and "0" <= fmt[index] <= "9":
                index += 1
            width = int(fmt[width_start:index]) if index > width_start else None
            if index < length and fmt[index] in "EO":
                index += 1
            if index >= length:
                pieces.append(fmt[start:])
                break
            index += 1
            pieces.append((fmt[index - 1], flag, width, fmt[start:index]))
        if len(_STRFTIME_FORMATS) >= 100:
            _STRFTIME_FORMATS.clear()
        _STRFTIME_FORMATS[fmt] = pieces
        return pieces


    def _pad_number(value, flag, width, default_width, default_pad):
        if not flag and width is None and value >= 0:
            digits = str(value)
            if len(digits) < default_width:
                return default_pad * (default_width - len(digits)) + digits
            return digits
        digits = str(abs(value))
        sign = "-" if value < 0 else ""
        pad = default_pad
        if "_" in flag:
            pad = " "
        elif "0" in flag:
            pad = "0"
        target = default_width if width is None else width
        if "-" in flag and width is None:
            target = 0
        text = sign + digits
        if len(text) < target:
            if pad == "0" and "-" not in flag:
                text = sign + "0" * (target - len(text)) + digits
            else:
                text = " " * (target - len(text)) + text
        return text


    def _pad_text(text, flag, width, upper):
        if upper or "^" in flag:
            text = text.upper()
        if width is not None and len(text) < width:
            text = ("0" if "0" in flag else " ") * (width - len(text)) + text
        return text


    def _strftime_directive(directive, flag, width, year, month, day, hour, minute, second, microsecond, source):
        """The text of one directive, or None for one the C library does not know (kept as written)."""
        upper = "#" in flag
        if directive == "Y":
            return _pad_number(year, flag, width, 1, "0")
        if directive == "m":
            return _pad_number(month, flag, width, 2, "0")
        if directive == "d":
            return _pad_number(day, flag, width, 2, "0")
        if directive == "H":
            return _pad_number(hour, flag, width, 2, "0")
        if directive == "M":
            return _pad_number(minute, flag, width, 2, "0")
        if directive == "S":
            return _pad_number(second, flag, width, 2, "0")
        if directive == "f":
            return f"{microsecond:06d}"
        if directive == "y":
            return _pad_number(year % 100, flag, width, 2, "0")
        if directive == "a":
            return _pad_text(_DAY_ABBREVIATIONS[_weekday(year, month, day)], flag, width, upper)
        if directive == "A":
            return _pad_text(_DAY_NAMES[_weekday(year, month, day)], flag, width, upper)
        if directive == "b" or directive == "h":
            return _pad_text(_MONTH_ABBREVIATIONS[month - 1], flag, width, upper)
        if directive == "B":
            return _pad_text(_MONTH_NAMES[month - 1], flag, width, upper)
        if directive == "I" or directive == "l":
            twelve = hour % 12 or 12
            return _pad_number(twelve, flag, width, 2, "0" if directive == "I" else " ")
        if directive == "k":
            return _pad_number(hour, flag, width, 2, " ")
        if directive == "e":
            return _pad_number(day, flag, width, 2, " ")
        if directive == "p" or directive == "P":
            text = "AM" if hour < 12 else "PM"
            if directive == "P" or upper:
                text = text.lower()
            return _pad_text(text, flag.replace("#", ""), width, False)
        if directive == "j":
            return _pad_number(_days_before_month(year, month) + day, flag, width, 3, "0")
        if directive == "w":
            return _pad_number((_weekday(year, month, day) + 1) % 7, flag, width, 1, "0")
        if directive == "u":
            return _pad_number(_weekday(year, month, day) + 1, flag, width, 1, "0")
        if directive == "U" or directive == "W":
            yday = _days_before_month(year, month) + day - 1
            weekday = _weekday(year, month, day)
            if directive == "U":
                weekday = (weekday + 1) % 7
            return _pad_number((yday + 7 - weekday) // 7, flag, width, 2, "0")
        if directive == "G" or directive == "g" or directive == "V":
            iso_year, iso_week, _ = _iso_calendar(year, month, day)
            if directive == "G":
                return _pad_number(iso_year, flag, width, 1, "0")
            if directive == "g":
                return _pad_number(iso_year % 100, flag, width, 2, "0")
            return _pad_number(iso_week, flag, width, 2, "0")
        if directive == "C":
            return _pad_number(year // 100, flag, width, 1, "0")
        if directive == "z":
            offset = None if source is None else source.utcoffset()
            return _format_offset(offset, "")
        if directive == "Z":
            name = None if source is None else source.tzname()
            return "" if name is None else name
        if directive == "s":
            return str(_local_seconds(year, month, day, hour, minute, second))
        composite = _STRFTIME_COMPOSITES.get(directive)
        if composite is not None:
            text = _strftime(composite, year, month, day, hour, minute, second, microsecond, source)
            return _pad_text(text, flag, width, upper)
        if directive == "n":
            return "\n"
        if directive == "t":
            return "\t"
        if directive == "%":
            return "%"
        return None


    # The C locale's composite formats.
    _STRFTIME_COMPOSITES = {
        "c": "%a %b %e %H:%M:%S %Y",
        "x": "%m/%d/%y",
        "X": "%H:%M:%S",
        "D": "%m/%d/%y",
        "F": "%Y-%m-%d",
        "T": "%H:%M:%S",
        "R": "%H:%M",
        "r": "%I:%M:%S %p",
    }


    # ---------------------------------------------------------------------------------------------
    # strptime: each directive matches what CPython's regular expression for it matches, tried in
    # the same order, with backtracking, so ambiguous input (`%Y%m%d` on 2024115) parses alike.

    _STRPTIME_COMPOSITES = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}

    # For each numeric directive: the alternatives in the order they are tried, as
    # (digit count, lowest, highest).
    _STRPTIME_NUMBERS = {
        "d": ((2, 1, 31), (1, 1, 9)),
        "m": ((2, 1, 12), (1, 1, 9)),
        "H": ((2, 0, 23), (1, 0, 9)),
        "I": ((2, 1, 12), (1, 1, 9)),
        "M": ((2, 0, 59), (1, 0, 9)),
        "S": ((2, 0, 61), (1, 0, 9)),
        "j": ((3, 1, 366), (2, 1, 99), (1, 1, 9)),
        "U": ((2, 0, 53), (1, 0, 9)),
        "W": ((2, 0, 53), (1, 0, 9)),
        "V": ((2, 1, 53), (1, 0, 9)),
        "f": ((6, 0, 999999), (5, 0, 99999), (4, 0, 9999), (3, 0, 999), (2, 0, 99), (1, 0, 9)),
        "y": ((2, 0, 99),),
        "Y": ((4, 0, 9999),),
        "G": ((4, 0, 9999),),
        "w": ((1, 0, 6),),
        "u": ((1, 1, 7),),
    }


    def _lowered(names):
        return tuple(name.lower() for name in names)


    _STRPTIME_NAMES = {
        "a": _lowered(_DAY_ABBREVIATIONS),
        "A": _lowered(_DAY_NAMES),
        "b": _lowered(_MONTH_ABBREVIATIONS),
        "B": _lowered(_MONTH_NAMES),
        "p": ("am", "pm"),
    }


    def _strptime_tokens(fmt, tokens):
        """Splits a format into ("text", s), ("space",) and ("directive", c) tokens."""
        index = 0
        length = len(fmt)
        while index < length:
            character = fmt[index]
            if character.isspace():
                while index < length and fmt[index].isspace():
                    index += 1
                tokens.append(("space", None))
            elif character == "%":
                if index + 1 >= length:
                    raise ValueError(f"stray % in format '{fmt}'")
                directive = fmt[index + 1]
                index += 2
                if directive == "%":
                    tokens.append(("text", "%"))
                elif directive in _STRPTIME_COMPOSITES:
                    _strptime_tokens(_STRPTIME_COMPOSITES[directive], tokens)
                elif directive in _STRPTIME_NUMBERS or directive in _STRPTIME_NAMES or directive in "zZ":
                    tokens.append(("directive", directive))
                else:
                    if directive.isspace():
                        directive = "%"
                    raise ValueError(f"'{directive}' is a bad directive in format '{fmt}'")
            else:
                lowered = character.lower()
                tokens.append(("text", lowered if len(lowered) == 1 else character))
                index += 1
        return tokens


    def _zone_names():
        names = ["utc", "gmt", _time.tzname[0].lower()]
        if _time.daylight:
            names.append(_time.tzname[1].lower())
        return names


    _DIGIT_VALUES = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}


    def _number_at(chars, start, count):
        """The number written by count ASCII digits at start of a list of characters, or None."""
        if start + count > len(chars):
            return None
        value = 0
        for index in range(start, start + count):
            digit = _DIGIT_VALUES.get(chars[index])
            if digit is None:
                return None
            value = value * 10 + digit
        return value


    def _offset_candidates(chars, position):
        """The ends of what %z matches at position, longest first: Z, or ±HH[:]MM[[:]SS[.ffffff]]."""
        length = len(chars)
        if position < length and chars[position] == "Z":
            return [position + 1]
        if position >= length or chars[position] not in "+-":
            return []
        at = position + 1
        if _number_at(chars, at, 2) is None:
            return []
        at += 2
        if at < length and chars[at] == ":":
            at += 1
        minutes = _number_at(chars, at, 2)
        if minutes is None or minutes > 59:
            return []
        at += 2
        ends = [at]
        seconds_at = at + 1 if at < length and chars[at] == ":" else at
        seconds = _number_at(chars, seconds_at, 2)
        if seconds is not None and seconds <= 59:
            after_seconds = seconds_at + 2
            ends.insert(0, after_seconds)
            if after_seconds < length and chars[after_seconds] == ".":
                digits = 0
                while digits < 6 and _number_at(chars, after_seconds + 1 + digits, 1) is not None:
                    digits += 1
                for count in range(digits, 0, -1):
                    ends.insert(len(ends) - 2, after_seconds + 1 + count)
        return ends


    def _candidates(directive, chars, lowered, position, first_only):
        """The ends of what a directive matches at position, in the order CPython tries them."""
        numbers = _STRPTIME_NUMBERS.get(directive)
        if numbers is not None:
            ends = []
            for count, lowest, highest in numbers:
                value = _number_at(chars, position, count)
                if value is not None and lowest <= value <= highest:
                    ends.append(position + count)
                    if first_only:
                        return ends
            if directive == "d" and position < len(chars) and chars[position] == " ":
                value = _number_at(chars, position + 1, 1)
                if value is not None and value >= 1:
                    ends.append(position + 2)
            return ends
        if directive == "z":
            return _offset_candidates(chars, position)
        names = _zone_names() if directive == "Z" else _STRPTIME_NAMES[directive]
        ends = []
        for name in sorted(names, key=len, reverse=True):
            if name and "".join(lowered[position:position + len(name)]) == name:
                ends.append(position + len(name))
                if first_only:
                    return ends
        return ends


    def _strptime_first_match(tokens, chars, lowered):
        """The match where every token takes what it prefers, as (end, found), or None if it fails.

        It is the first match the backtracking search would try, so when it succeeds it is the answer.
        """
        found = {}
        position = 0
        length = len(chars)
        for kind, value in tokens:
            if kind == "text":
                if position >= length or lowered[position] != value:
                    return None
                position += 1
            elif kind == "space":
                start = position
                while position < length and chars[position].isspace():
                    position += 1
                if position == start:
                    return None
            else:
                ends = _candidates(value, chars, lowered, position, True)
                if not ends:
                    return None
                found[value] = (position, ends[0])
                position = ends[0]
        return position, found


    def _strptime_match(tokens, token_index, chars, lowered, position, found):
        """The end of the first match of tokens[token_index:] at position, or -1; fills found."""
        if token_index == len(tokens):
            return position
        kind, value = tokens[token_index]
        if kind == "text":
            if position < len(chars) and lowered[position] == value:
                return _strptime_match(tokens, token_index + 1, chars, lowered, position + 1, found)
            return -1
        if kind == "space":
            end = position
            while end < len(chars) and chars[end].isspace():
                end += 1
            while end > position:
                result = _strptime_match(tokens, token_index + 1, chars, lowered, end, found)
                if result >= 0:
                    return result
                end -= 1
            return -1
        for end in _candidates(value, chars, lowered, position, False):
            found[value] = (position, end)
            result = _strptime_match(tokens, token_index + 1, chars, lowered, end, found)
            if result >= 0:
                return result
        found.pop(value, None)
        return -1


    _STRPTIME_FORMATS = {}


    def _strptime(text, fmt):
        """The datetime constructor arguments for text parsed with fmt."""
        if not isinstance(text, str):
            raise TypeError(f"strptime() argument 1 must be str, not {_argument_type_name(text)}")
        if not isinstance(fmt, str):
            raise TypeError(f"strptime() argument 2 must be str, not {_argument_type_name(fmt)}")
        tokens = _STRPTIME_FORMATS.get(fmt)
        if tokens is None:
            tokens = _strptime_tokens(fmt, [])
            if len(_STRPTIME_FORMATS) >= 100:
                _STRPTIME_FORMATS.clear()
            _STRPTIME_FORMATS[fmt] = tokens
        # Lists of characters, because they index in constant time.
        chars = list(text)
        lowered = list(text.lower())
        if len(lowered) != len(chars):
            # A character whose lower case is longer than one character keeps its case.
            lowered = [character.lower() if len(character.lower()) == 1 else character for character in chars]
        first = _strptime_first_match(tokens, chars, lowered)
        if first is None:
            spans = {}
            end = _strptime_match(tokens, 0, chars, lowered, 0, spans)
        else:
            end, spans = first
        if end < 0:
            raise ValueError(f"time data {text!r} does not match format {fmt!r}")
        if end != len(text):
            raise ValueError(f"unconverted data remains: {text[end:]}")
        found = {}
        for directive, span in spans.items():
            found[directive] = text[span[0]:span[1]]

        year = None
        month = day = 1
        hour = minute = second = fraction = 0
        weekday = julian = week_number = None
        week_starts_monday = True
        iso_year = iso_week = None
        offset = None
        zone_name = None
        for directive, value in found.items():
            if directive == "y":
                year = int(value)
                year += 2000 if year <= 68 else 1900
            elif directive == "Y":
                year = int(value)
            elif directive == "G":
                iso_year = int(value)
            elif directive == "m":
                month = int(value)
            elif directive == "B" or directive == "b":
                month = _STRPTIME_NAMES[directive].index(value.lower()) + 1
            elif directive == "d":
                day = int(value)
            elif directive == "H":
                hour = int(value)
            elif directive == "I":
                hour = int(value)
                meridian = found.get("p", "").lower()
                # Without %p, 12 is midnight, as with "am".
                if meridian == "pm":
                    if hour != 12:
                        hour += 12
                elif hour == 12:
                    hour = 0
            elif directive == "M":
                minute = int(value)
            elif directive == "S":
                second = int(value)
            elif directive == "f":
                fraction = int(value + "0" * (6 - len(value)))
            elif directive == "A" or directive == "a":
                weekday = _STRPTIME_NAMES[directive].index(value.lower())
            elif directive == "w":
                weekday = (int(value) + 6) % 7
            elif directive == "u":
                weekday = int(value) - 1
            elif directive == "j":
                julian = int(value)
            elif directive == "U" or directive == "W":
                week_number = int(value)
                week_starts_monday = directive == "W"
            elif directive == "V":
                iso_week = int(value)
            elif directive == "z":
                offset = _strptime_offset(value)
            elif directive == "Z":
                zone_name = value

        if year is None and iso_year is not None:
            if iso_week is None or weekday is None:
                raise ValueError(
                    "ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive"
                    " ('%A', '%a', '%w', or '%u')."
                )
            if julian is not None:
                raise ValueError(
                    "Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead."
                )
        elif week_number is None and iso_week is not None:
            if weekday is None:
                raise ValueError(
                    "ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive"
                    " ('%A', '%a', '%w', or '%u')."
                )
            raise ValueError(
                "ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead."
            )

        # Without a year, February 29 is worked out in 1904 and then checked against 1900 (not a leap
        # year), as CPython does.
        leap_day_without_year = year is None and month == 2 and day == 29
        if year is None:
            year = 1904 if leap_day_without_year else 1900
        if julian is None and weekday is not None:
            if week_number is not None:
                julian = _julian_of_week(year, week_number, weekday, week_starts_monday)
                if julian <= 0:
                    year -= 1
                    julian += 366 if _is_leap(year) else 365
            elif iso_year is not None and iso_week is not None:
                if iso_year < MINYEAR:
                    raise ValueError(f"year {iso_year} is out of range")
                # Week numbers are not checked: week 0 or 53 counts on from ISO week 1.
                year, month, day = _from_ordinal(_iso_week1_monday(iso_year) + (iso_week - 1) * 7 + weekday)
        if julian is not None:
            year, month, day = _from_ordinal(julian - 1 + _to_ordinal(year, 1, 1))
        if leap_day_without_year:
            year = 1900

        zone = None
        if offset is not None:
            zone = timezone(offset, zone_name) if zone_name else timezone(offset)
        return (year, month, day, hour, minute, second, fraction, zone)


    def _julian_of_week(year, week_number, weekday, week_starts_monday):
        """The day of the year of weekday (Monday 0) in week week_number of %U (Sunday) or %W (Monday)."""
        first_weekday = _weekday(year, 1, 1)
        if not week_starts_monday:
            first_weekday = (first_weekday + 1) % 7
            weekday = (weekday + 1) % 7
        if week_number == 0:
            return 1 + weekday - first_weekday
        week0_length = (7 - first_weekday) % 7
        return 1 + week0_length + 7 * (week_number - 1) + weekday


    def _strptime_offset(value):
        """The timedelta of a %z match: Z, ±HHMM[SS[.ffffff]] or the same with colons."""
        if value == "Z":
            return timedelta(0)
        digits = value[1:]
        if len(digits) > 2 and digits[2] == ":":
            digits = digits[:2] + digits[3:]
            if len(digits) > 4:
                if digits[4] != ":":
                    raise ValueError(f"Inconsistent use of : in {value}")
                digits = digits[:4] + digits[5:]
        hours = int(digits[0:2])
        minutes = int(digits[2:4])
        seconds = int(digits[4:6] or "0")
        fraction = digits[7:]
        microseconds = int(fraction + "0" * (6 - len(fraction)))
        offset = timedelta(hours=hours, minutes=minutes, seconds=seconds, microseconds=microseconds)
        return -offset if value[0] == "-" else offset
    """#
}
