/// `datetime` (LANGUAGE.md §8.6), written in the Python subset after the documented behaviour of
/// CPython 3.11's module. The text is in three parts: here the calendar arithmetic, the argument
/// checks, `timedelta` and `date`; `tzinfo`, `timezone`, `time` and `datetime` in
/// Module+datetime+Clock.swift; fromisoformat, strftime and strptime in
/// Module+datetime+Formatting.swift. Local time comes from the time module (the C library's zone
/// tables); month and day names are English, as CPython's in the C locale.
enum DatetimeModule {
  static let source = calendar + "\n" + clock + "\n" + formatting

  private static let calendar = #"""
    import time as _time

    MINYEAR = 1
    MAXYEAR = 9999

    _MAX_ORDINAL = 3652059  # date(9999, 12, 31).toordinal()
    _US_PER_SECOND = 1000000
    _US_PER_DAY = 86400000000
    _MAX_DELTA_DAYS = 999999999

    # The default of the required date fields, so that a missing one has CPython's message.
    _MISSING = object()

    _DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    _DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

    # English names, as CPython prints them in the C locale; index 0 is Monday / January.
    _DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    _DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    _MONTH_NAMES = (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    )
    _MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


    # ---------------------------------------------------------------------------------------------
    # Calendar arithmetic on the proleptic Gregorian calendar; ordinal 1 is 0001-01-01, a Monday.

    def _is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


    def _days_in_month(year, month):
        if month == 2 and _is_leap(year):
            return 29
        return _DAYS_IN_MONTH[month]


    def _days_before_month(year, month):
        if month > 2 and _is_leap(year):
            return _DAYS_BEFORE_MONTH[month] + 1
        return _DAYS_BEFORE_MONTH[month]


    def _days_before_year(year):
        previous = year - 1
        return previous * 365 + previous // 4 - previous // 100 + previous // 400


    def _to_ordinal(year, month, day):
        return _days_before_year(year) + _days_before_month(year, month) + day


    def _from_ordinal(ordinal):
        """(year, month, day) of a day number."""
        # Count whole 400-year cycles (146097 days), centuries, 4-year cycles and years. The last
        # year of a 4-year cycle, and the last century of a 400-year cycle, are a day longer than the
        # divisor: a remainder equal to the count of periods means the last day of the cycle.
        days = ordinal - 1
        cycles400, days = divmod(days, 146097)
        centuries, days = divmod(days, 36524)
        cycles4, days = divmod(days, 1461)
        years, days = divmod(days, 365)
        year = cycles400 * 400 + centuries * 100 + cycles4 * 4 + years + 1
        if years == 4 or centuries == 4:
            return year - 1, 12, 31
        # No month is longer than 32 days, so this estimate is never past the right month.
        leap_day = 1 if _is_leap(year) else 0
        month = days // 32 + 1
        while month < 12 and days >= _DAYS_BEFORE_MONTH[month + 1] + (leap_day if month >= 2 else 0):
            month += 1
        return year, month, days - _DAYS_BEFORE_MONTH[month] - (leap_day if month > 2 else 0) + 1


    def _weekday(year, month, day):
        return (_to_ordinal(year, month, day) + 6) % 7


    def _iso_week1_monday(year):
        """The ordinal of the Monday that starts ISO week 1: the week with the year's first Thursday."""
        first = _to_ordinal(year, 1, 1)
        weekday = (first + 6) % 7
        monday = first - weekday
        if weekday > 3:
            monday += 7
        return monday


    def _iso_calendar(year, month, day):
        ordinal = _to_ordinal(year, month, day)
        week1 = _iso_week1_monday(year)
        week, weekday = divmod(ordinal - week1, 7)
        if week < 0:
            year -= 1
            week, weekday = divmod(ordinal - _iso_week1_monday(year), 7)
        elif week >= 52 and ordinal >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return year, week + 1, weekday + 1


    # ---------------------------------------------------------------------------------------------
    # Argument checks, with the messages of CPython's C implementation.

    def _type_name(value):
        """The name CPython's messages give the type of value (its C types carry the module)."""
        cls = type(value)
        if cls.__module__ == __name__:
            return "datetime." + cls.__name__
        return cls.__name__


    def _argument_type_name(value):
        """The type name in CPython's "argument 1 must be str, not ..." messages, which say None."""
        return "None" if value is None else _type_name(value)


    def _repr_name(value):
        """The class name a repr starts with: `datetime.date`, or a subclass's own name."""
        cls = type(value)
        if cls.__module__ == __name__:
            return "datetime." + cls.__name__
        return cls.__qualname__


    def _index(value):
        if isinstance(value, int):
            return int(value)
        raise TypeError(f"'{_type_name(value)}' object cannot be interpreted as an integer")


    def _check_date_fields(year, month, day):
        # Constructors run on every result of arithmetic: ints take the short way.
        if type(year) is not int or type(month) is not int or type(day) is not int:
            for position, name, value in ((1, "year", year), (2, "month", month), (3, "day", day)):
                if value is _MISSING:
                    raise TypeError(f"function missing required argument '{name}' (pos {position})")
            year = _index(year)
            month = _index(month)
            day = _index(day)
        if year < MINYEAR or year > MAXYEAR:
            raise ValueError(f"year {year} is out of range")
        if month < 1 or month > 12:
            raise ValueError("month must be in 1..12")
        if day < 1 or (day > _DAYS_IN_MONTH[month] and not (month == 2 and day == 29 and _is_leap(year))):
            raise ValueError("day is out of range for month")
        return year, month, day


    def _check_time_fields(hour, minute, second, microsecond, fold):
        if (
            type(hour) is not int or type(minute) is not int or type(second) is not int
            or type(microsecond) is not int or type(fold) is not int
        ):
            hour = _index(hour)
            minute = _index(minute)
            second = _index(second)
            microsecond = _index(microsecond)
            fold = _index(fold)
        if hour < 0 or hour > 23:
            raise ValueError("hour must be in 0..23")
        if minute < 0 or minute > 59:
            raise ValueError("minute must be in 0..59")
        if second < 0 or second > 59:
            raise ValueError("second must be in 0..59")
        if microsecond < 0 or microsecond > 999999:
            raise ValueError("microsecond must be in 0..999999")
        if fold != 0 and fold != 1:
            raise ValueError("fold must be either 0 or 1")
        return hour, minute, second, microsecond, fold


    def _check_tzinfo(tz):
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{_type_name(tz)}'")


    def _check_offset(offset, method):
        """What a tzinfo's utcoffset() or dst() returned: None or a timedelta under a day."""
        if offset is None:
            return None
        if not isinstance(offset, timedelta):
            raise TypeError(f"tzinfo.{method}() must return None or timedelta, not '{_type_name(offset)}'")
        if not -_US_PER_DAY < offset._total < _US_PER_DAY:
            raise ValueError(
                "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24),"
                f" not {offset!r}."
            )
        return offset


    def _call_tzname(tz, argument):
        if tz is None:
            return None
        name = tz.tzname(argument)
        if name is not None and not isinstance(name, str):
            raise TypeError(f"tzinfo.tzname() must return None or a string, not '{_type_name(name)}'")
        return name


    def _divide_and_round(numerator, denominator):
        """numerator / denominator rounded to the nearest int, ties to even, in exact arithmetic."""
        quotient, remainder = divmod(numerator, denominator)
        twice = remainder * 2
        if denominator > 0:
            above = twice > denominator
        else:
            above = twice < denominator
        if above or (twice == denominator and quotient % 2 == 1):
            quotient += 1
        return quotient


    def _format_offset(offset, separator):
        """+HH:MM, with :SS and .ffffff when they are not zero; "" for None."""
        if offset is None:
            return ""
        sign = "+"
        if offset.days < 0:
            sign = "-"
            offset = -offset
        minutes, seconds = divmod(offset.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{sign}{hours:02d}{separator}{minutes:02d}"
        if seconds or offset.microseconds:
            text += f"{separator}{seconds:02d}"
            if offset.microseconds:
                text += f".{offset.microseconds:06d}"
        return text


    def _format_clock(hour, minute, second, microsecond, timespec):
        if timespec == "auto":
            timespec = "microseconds" if microsecond else "seconds"
        if timespec == "hours":
            return f"{hour:02d}"
        if timespec == "minutes":
            return f"{hour:02d}:{minute:02d}"
        if timespec == "seconds":
            return f"{hour:02d}:{minute:02d}:{second:02d}"
        if timespec == "milliseconds":
            return f"{hour:02d}:{minute:02d}:{second:02d}.{microsecond // 1000:03d}"
        if timespec == "microseconds":
            return f"{hour:02d}:{minute:02d}:{second:02d}.{microsecond:06d}"
        raise ValueError("Unknown timespec value")


    def _check_format_argument(fmt, method):
        if not isinstance(fmt, str):
            raise TypeError(f"{method}() argument 1 must be str, not {_argument_type_name(fmt)}")


    # ---------------------------------------------------------------------------------------------
    # Timestamps and the local time zone, through the time module (the C library's tables).

    def _split_timestamp(timestamp):
        """(whole seconds, microseconds) of a POSIX timestamp, rounded half to even as CPython."""
        if isinstance(timestamp, int):
            return int(timestamp), 0
        if not isinstance(timestamp, float):
            raise TypeError(f"'{_type_name(timestamp)}' object cannot be interpreted as an integer")
        if timestamp != timestamp:
            raise ValueError("Invalid value NaN (not a number)")
        if timestamp in (_INFINITY, -_INFINITY):
            raise OverflowError("timestamp out of range for platform time_t")
        seconds = int(timestamp)
        microseconds = round((timestamp - seconds) * 1e6)
        if microseconds >= _US_PER_SECOND:
            seconds += 1
            microseconds -= _US_PER_SECOND
        elif microseconds < 0:
            seconds -= 1
            microseconds += _US_PER_SECOND
        return seconds, microseconds


    def _local_timezone(seconds):
        """The fixed-offset timezone the local zone has at a POSIX time, named as the C library does."""
        local = _time.localtime(seconds)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)


    def _local_seconds(year, month, day, hour, minute, second):
        """POSIX seconds of a local wall-clock time as the C library's mktime reads it (for %s)."""
        return int(_time.mktime((year, month, day, hour, minute, second, 0, 1, -1)))


    def _utc_offset_at(seconds):
        return _time.localtime(seconds).tm_gmtoff


    def _local_to_posix(wall, fold):
        """POSIX seconds of a local wall-clock time given as seconds since 1970-01-01 00:00.

        As PEP 495 says: a time that happens twice (clocks set back) is its first occurrence for
        fold 0 and its second for fold 1; a time that never happens (clocks set forward) is read with
        the offset from before the change for fold 0 and from after it for fold 1.
        """
        before = _utc_offset_at(wall - 86400)
        after = _utc_offset_at(wall + 86400)
        first = wall - before
        if before == after:
            return first
        second = wall - after
        first_happens = _utc_offset_at(first) == before
        second_happens = _utc_offset_at(second) == after
        if first_happens and second_happens:
            return min(first, second) if fold == 0 else max(first, second)
        if first_happens:
            return first
        if second_happens:
            return second
        return first if fold == 0 else second


    _INFINITY = float("inf")
    _EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()


    # ---------------------------------------------------------------------------------------------

    class timedelta:
        """A duration, kept as days, seconds (0..86399) and microseconds (0..999999)."""

        def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
            if (
                type(days) is int and type(seconds) is int and type(microseconds) is int
                and type(milliseconds) is int and type(minutes) is int and type(hours) is int and type(weeks) is int
            ):
                total = (
                    ((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds) * _US_PER_SECOND
                    + milliseconds * 1000 + microseconds
                )
            else:
                total = _mixed_microseconds(
                    (
                        (microseconds, 1, "microseconds"),
                        (milliseconds, 1000, "milliseconds"),
                        (seconds, _US_PER_SECOND, "seconds"),
                        (minutes, 60 * _US_PER_SECOND, "minutes"),
                        (hours, 3600 * _US_PER_SECOND, "hours"),
                        (days, _US_PER_DAY, "days"),
                        (weeks, 7 * _US_PER_DAY, "weeks"),
                    )
                )
            day_count, rest = divmod(total, _US_PER_DAY)
            if day_count >= 2147483648 or day_count < -2147483648:
                raise OverflowError("Python int too large to convert to C int")
            if abs(day_count) > _MAX_DELTA_DAYS:
                raise OverflowError(f"days={day_count}; must have magnitude <= {_MAX_DELTA_DAYS}")
            self._days = day_count
            self._seconds, self._microseconds = divmod(rest, _US_PER_SECOND)
            self._total = total

        @property
        def days(self):
            return self._days

        @property
        def seconds(self):
            return self._seconds

        @property
        def microseconds(self):
            return self._microseconds

        def total_seconds(self):
            return self._total / _US_PER_SECOND

        def __repr__(self):
            parts = []
            if self._days:
                parts.append(f"days={self._days}")
            if self._seconds:
                parts.append(f"seconds={self._seconds}")
            if self._microseconds:
                parts.append(f"microseconds={self._microseconds}")
            if not parts:
                parts.append("0")
            return _repr_name(self) + "(" + ", ".join(parts) + ")"

        def __str__(self):
            minutes, second = divmod(self._seconds, 60)
            hour, minute = divmod(minutes, 60)
            text = f"{hour}:{minute:02d}:{second:02d}"
            if self._microseconds:
                text += f".{self._microseconds:06d}"
            if self._days:
                plural = "" if abs(self._days) == 1 else "s"
                text = f"{self._days} day{plural}, " + text
            return text

        def __add__(self, other):
            if isinstance(other, timedelta):
                return timedelta(0, 0, self._total + other._total)
            return NotImplemented

        def __radd__(self, other):
            if isinstance(other, timedelta):
                return timedelta(0, 0, self._total + other._total)
            return NotImplemented

        def __sub__(self, other):
            if isinstance(other, timedelta):
                return timedelta(0, 0, self._total - other._total)
            return NotImplemented

        def __rsub__(self, other):
            if isinstance(other, timedelta):
                return timedelta(0, 0, other._total - self._total)
            return NotImplemented

        def __neg__(self):
            return timedelta(0, 0, -self._total)

        def __pos__(self):
            return self

        def __abs__(self):
            if self._total < 0:
                return timedelta(0, 0, -self._total)
            return self

        def __mul__(self, other):
            if isinstance(other, int):
                return timedelta(0, 0, self._total * other)
            if isinstance(other, float):
                numerator, denominator = other.as_integer_ratio()
                return timedelta(0, 0, _divide_and_round(self._total * numerator, denominator))
            return NotImplemented

        def __rmul__(self, other):
            return self.__mul__(other)

        def __truediv__(self, other):
            if isinstance(other, timedelta):
                if not other._total:
                    raise ZeroDivisionError("division by zero")
                return self._total / other._total
            if isinstance(other, int):
                if not other:
                    raise ZeroDivisionError("integer division or modulo by zero")
                return timedelta(0, 0, _divide_and_round(self._total, other))
            if isinstance(other, float):
                numerator, denominator = other.as_integer_ratio()
                if not numerator:
                    raise ZeroDivisionError("integer division or modulo by zero")
                return timedelta(0, 0, _divide_and_round(denominator * self._total, numerator))
            return NotImplemented

        def __floordiv__(self, other):
            if isinstance(other, timedelta):
                if not other._total:
                    raise ZeroDivisionError("integer division or modulo by zero")
                return self._total // other._total
            if isinstance(other, int):
                if not other:
                    raise ZeroDivisionError("integer division or modulo by zero")
                return timedelta(0, 0, self._total // other)
            return NotImplemented

        def __mod__(self, other):
            if isinstance(other, timedelta):
                if not other._total:
                    raise ZeroDivisionError("integer modulo by zero")
                return timedelta(0, 0, self._total % other._total)
            return NotImplemented

        def __divmod__(self, other):
            if isinstance(other, timedelta):
                if not other._total:
                    raise ZeroDivisionError("integer division or modulo by zero")
                quotient, remainder = divmod(self._total, other._total)
                return quotient, timedelta(0, 0, remainder)
            return NotImplemented

        def __eq__(self, other):
            if isinstance(other, timedelta):
                return self._total == other._total
            return NotImplemented

        def __ne__(self, other):
            if isinstance(other, timedelta):
                return self._total != other._total
            return NotImplemented

        def __lt__(self, other):
            if isinstance(other, timedelta):
                return self._total < other._total
            return NotImplemented

        def __le__(self, other):
            if isinstance(other, timedelta):
                return self._total <= other._total
            return NotImplemented

        def __gt__(self, other):
            if isinstance(other, timedelta):
                return self._total > other._total
            return NotImplemented

        def __ge__(self, other):
            if isinstance(other, timedelta):
                return self._total >= other._total
            return NotImplemented

        def __hash__(self):
            return hash(self._total)

        def __bool__(self):
            return self._total != 0


    def _mixed_microseconds(components):
        """The microseconds of timedelta arguments some of which are floats, rounded as CPython."""
        # Integer parts are summed exactly; only the sub-microsecond remainders of floats are summed
        # as floats, and the total is rounded once, half to even.
        whole = 0
        leftover = 0.0
        for value, factor, name in components:
            if isinstance(value, int):
                whole += value * factor
            elif isinstance(value, float):
                integral = int(value)
                whole += integral * factor
                scaled = (value - integral) * factor
                scaled_integral = int(scaled)
                whole += scaled_integral
                leftover += scaled - scaled_integral
            else:
                raise TypeError(f"unsupported type for timedelta {name} component: {_type_name(value)}")
        if leftover:
            rounded = round(leftover)
            if abs(rounded - leftover) == 0.5:
                # Exactly halfway: choose the neighbour that makes the whole count even.
                lower = int(leftover // 1)
                rounded = lower if (whole + lower) % 2 == 0 else lower + 1
            whole += int(rounded)
        return whole


    timedelta.min = timedelta(-_MAX_DELTA_DAYS)
    timedelta.max = timedelta(days=_MAX_DELTA_DAYS, hours=23, minutes=59, seconds=59, microseconds=999999)
    timedelta.resolution = timedelta(microseconds=1)
    _ONE_DAY = timedelta(1)
    _ZERO = timedelta(0)


    # ---------------------------------------------------------------------------------------------

    class _IsoCalendarDate:
        """What date.isocalendar() returns: a (year, week, weekday) triple with named fields."""

        def __init__(self, year, week, weekday):
            self._fields = (year, week, weekday)

        @property
        def year(self):
            return self._fields[0]

        @property
        def week(self):
            return self._fields[1]

        @property
        def weekday(self):
            return self._fields[2]

        def __iter__(self):
            return iter(self._fields)

        def __len__(self):
            return 3

        def __getitem__(self, index):
            return self._fields[index]

        def __eq__(self, other):
            if isinstance(other, _IsoCalendarDate):
                return self._fields == other._fields
            if isinstance(other, tuple):
                return self._fields == other
            return NotImplemented

        def __hash__(self):
            return hash(self._fields)

        def __repr__(self):
            year, week, weekday = self._fields
            return f"datetime.IsoCalendarDate(year={year}, week={week}, weekday={weekday})"


    class date:
        """A day of the proleptic Gregorian calendar."""

        def __init__(self, year=_MISSING, month=_MISSING, day=_MISSING):
            self._year, self._month, self._day = _check_date_fields(year, month, day)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(_time.time())

        @classmethod
        def fromtimestamp(cls, timestamp):
            if timestamp is None:
                raise TypeError("'NoneType' object cannot be interpreted as an integer")
            # time.localtime rounds a float down, as date.fromtimestamp does.
            local = _time.localtime(timestamp)
            return cls(local.tm_year, local.tm_mon, local.tm_mday)

        @classmethod
        def fromordinal(cls, ordinal):
            ordinal = _index(ordinal)
            if ordinal < 1:
                raise ValueError("ordinal must be >= 1")
            return cls(*_from_ordinal(ordinal))

        @classmethod
        def fromisoformat(cls, text):
            if not isinstance(text, str):
                raise TypeError("fromisoformat: argument must be str")
            if len(text) not in (7, 8, 10):
                raise ValueError(f"Invalid isoformat string: {text!r}")
            fields = _parse_iso_date(text)
            if fields is None:
                raise ValueError(f"Invalid isoformat string: {text!r}")
            return cls(*fields)

        @classmethod
        def fromisocalendar(cls, year, week, day):
            return cls(*_from_iso_calendar(year, week, day))

        @property
        def year(self):
            return self._year

        @property
        def month(self):
            return self._month

        @property
        def day(self):
            return self._day

        def toordinal(self):
            return _to_ordinal(self._year, self._month, self._day)

        def weekday(self):
            return (self.toordinal() + 6) % 7

        def isoweekday(self):
            return (self.toordinal() + 6) % 7 + 1

        def isocalendar(self):
            return _IsoCalendarDate(*_iso_calendar(self._year, self._month, self._day))

        def isoformat(self):
            return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

        def __str__(self):
            return self.isoformat()

        def __repr__(self):
            return f"{_repr_name(self)}({self._year}, {self._month}, {self._day})"

        def ctime(self):
            return _ctime(self._year, self._month, self._day, 0, 0, 0)

        def strftime(self, fmt):
            _check_format_argument(fmt, "strftime")
            return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, None)

        def __format__(self, fmt):
            _check_format_argument(fmt, "__format__")
            if fmt:
                return self.strftime(fmt)
            return str(self)

        def timetuple(self):
            return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

        def replace(self, year=None, month=None, day=None):
            return type(self)(
                self._year if year is None else year,
                self._month if month is None else month,
                self._day if day is None else day,
            )

        def __add__(self, other):
            if isinstance(other, timedelta):
                ordinal = self.toordinal() + other.days
                if not 1 <= ordinal <= _MAX_ORDINAL:
                    raise OverflowError("date value out of range")
                return type(self)(*_from_ordinal(ordinal))
            return NotImplemented

        def __radd__(self, other):
            return self.__add__(other)

        def __sub__(self, other):
            if isinstance(other, timedelta):
                ordinal = self.toordinal() - other.days
                if not 1 <= ordinal <= _MAX_ORDINAL:
                    raise OverflowError("date value out of range")
                return type(self)(*_from_ordinal(ordinal))
            if isinstance(other, date) and not isinstance(other, datetime):
                return timedelta(self.toordinal() - other.toordinal())
            return NotImplemented

        # A datetime is a date too, but the two never compare: datetime's methods decide (False for
        # ==, an error for ordering), so these step aside for it.
        def _comparable(self, other):
            return isinstance(other, date) and not isinstance(other, datetime)

        def _key(self):
            return (self._year, self._month, self._day)

        def __eq__(self, other):
            if self._comparable(other):
                return self._key() == other._key()
            return NotImplemented

        def __ne__(self, other):
            if self._comparable(other):
                return self._key() != other._key()
            return NotImplemented

        def __lt__(self, other):
            if self._comparable(other):
                return self._key() < other._key()
            return NotImplemented

        def __le__(self, other):
            if self._comparable(other):
                return self._key() <= other._key()
            return NotImplemented

        def __gt__(self, other):
            if self._comparable(other):
                return self._key() > other._key()
            return NotImplemented

        def __ge__(self, other):
            if self._comparable(other):
                return self._key() >= other._key()
            return NotImplemented

        def __hash__(self):
            return hash(self._key())


    date.min = date(1, 1, 1)
    date.max = date(9999, 12, 31)
    date.resolution = timedelta(days=1)


    def _from_iso_calendar(year, week, day):
        year = _index(year)
        week = _index(week)
        day = _index(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError(f"Year is out of range: {year}")
        if not 0 < week < 53:
            # Week 53 exists in years starting on a Thursday, and leap years starting on a Wednesday.
            first_weekday = _weekday(year, 1, 1)
            if week != 53 or not (first_weekday == 3 or (first_weekday == 2 and _is_leap(year))):
                raise ValueError(f"Invalid week: {week}")
        if not 0 < day < 8:
            raise ValueError(f"Invalid day: {day} (range is [1, 7])")
        ordinal = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
        if ordinal > _MAX_ORDINAL:
            raise ValueError(f"year {year + 1} is out of range")
        return _from_ordinal(ordinal)


    def _struct_time(year, month, day, hour, minute, second, dst):
        yday = _days_before_month(year, month) + day
        return _time.struct_time((year, month, day, hour, minute, second, _weekday(year, month, day), yday, dst))


    def _ctime(year, month, day, hour, minute, second):
        weekday = _DAY_ABBREVIATIONS[_weekday(year, month, day)]
        return (
            f"{weekday} {_MONTH_ABBREVIATIONS[month - 1]} {day:2d} {hour:02d}:{minute:02d}:{second:02d} {year:04d}"
        )
    """#
}
