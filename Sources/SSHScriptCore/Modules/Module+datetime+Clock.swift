/// The time-of-day side of `datetime`: `tzinfo`, `timezone`, `time` and `datetime`, with the
/// conversions between naive local time, aware times and POSIX timestamps.
extension DatetimeModule {
  static let clock = #"""
    # ---------------------------------------------------------------------------------------------

    class tzinfo:
        """The abstract base of time zones: subclasses give utcoffset(), dst() and tzname()."""

        def tzname(self, dt):
            raise NotImplementedError("a tzinfo subclass must implement tzname()")

        def utcoffset(self, dt):
            raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

        def dst(self, dt):
            raise NotImplementedError("a tzinfo subclass must implement dst()")

        def fromutc(self, dt):
            """The local time of dt, whose fields are in UTC (the default uses utcoffset() and dst())."""
            if not isinstance(dt, datetime):
                raise TypeError("fromutc: argument must be a datetime")
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            offset = dt.utcoffset()
            if offset is None:
                raise ValueError("fromutc: non-None utcoffset() result required")
            saving = dt.dst()
            if saving is None:
                raise ValueError("fromutc: non-None dst() result required")
            standard = offset - saving
            if standard:
                dt += standard
                saving = dt.dst()
                if saving is None:
                    raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
            return dt + saving


    class timezone(tzinfo):
        """A fixed offset from UTC, with an optional name."""

        def __init__(self, offset, name=None):
            if not isinstance(offset, timedelta):
                raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {_argument_type_name(offset)}")
            if name is not None and not isinstance(name, str):
                raise TypeError(f"timezone() argument 2 must be str, not {_argument_type_name(name)}")
            if not -_US_PER_DAY < offset._total < _US_PER_DAY:
                raise ValueError(
                    "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24),"
                    f" not {offset!r}."
                )
            self._offset = offset
            self._name = name

        def _check_argument(self, dt, method):
            if dt is not None and not isinstance(dt, datetime):
                raise TypeError(f"{method}(dt) argument must be a datetime instance or None, not {_type_name(dt)}")

        def utcoffset(self, dt):
            self._check_argument(dt, "utcoffset")
            return self._offset

        def dst(self, dt):
            self._check_argument(dt, "dst")
            return None

        def tzname(self, dt):
            self._check_argument(dt, "tzname")
            if self._name is not None:
                return self._name
            if not self._offset:
                return "UTC"
            return "UTC" + _format_offset(self._offset, ":")

        def fromutc(self, dt):
            if not isinstance(dt, datetime):
                raise TypeError("fromutc: argument must be a datetime")
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset

        def __repr__(self):
            if self._name is None:
                if not self._offset:
                    return "datetime.timezone.utc"
                return f"datetime.timezone({self._offset!r})"
            return f"datetime.timezone({self._offset!r}, {self._name!r})"

        def __str__(self):
            return self.tzname(None)

        def __eq__(self, other):
            if isinstance(other, timezone):
                return self._offset == other._offset
            return NotImplemented

        def __ne__(self, other):
            if isinstance(other, timezone):
                return self._offset != other._offset
            return NotImplemented

        def __hash__(self):
            return hash(self._offset)


    timezone.utc = timezone(_ZERO)
    timezone.min = timezone(-timedelta(hours=23, minutes=59))
    timezone.max = timezone(timedelta(hours=23, minutes=59))
    UTC = timezone.utc


    # ---------------------------------------------------------------------------------------------

    class time:
        """A time of day, optionally with a tzinfo."""

        def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
            self._hour, self._minute, self._second, self._microsecond, self._fold = _check_time_fields(
                hour, minute, second, microsecond, fold
            )
            _check_tzinfo(tzinfo)
            self._tzinfo = tzinfo

        @classmethod
        def fromisoformat(cls, text):
            if not isinstance(text, str):
                raise TypeError("fromisoformat: argument must be str")
            source = text
            if text.startswith("T"):
                text = text[1:]
            fields = _parse_iso_time(text)
            if fields is None:
                raise ValueError(f"Invalid isoformat string: {source!r}")
            return cls(*fields)

        @property
        def hour(self):
            return self._hour

        @property
        def minute(self):
            return self._minute

        @property
        def second(self):
            return self._second

        @property
        def microsecond(self):
            return self._microsecond

        @property
        def tzinfo(self):
            return self._tzinfo

        @property
        def fold(self):
            return self._fold

        def utcoffset(self):
            if self._tzinfo is None:
                return None
            return _check_offset(self._tzinfo.utcoffset(None), "utcoffset")

        def dst(self):
            if self._tzinfo is None:
                return None
            return _check_offset(self._tzinfo.dst(None), "dst")

        def tzname(self):
            return _call_tzname(self._tzinfo, None)

        def isoformat(self, timespec="auto"):
            text = _format_clock(self._hour, self._minute, self._second, self._microsecond, timespec)
            return text + _format_offset(self.utcoffset(), ":")

        def __str__(self):
            return self.isoformat()

        def __repr__(self):
            fields = [self._hour, self._minute]
            if self._second or self._microsecond:
                fields.append(self._second)
            if self._microsecond:
                fields.append(self._microsecond)
            text = _repr_name(self) + "(" + ", ".join(str(field) for field in fields)
            if self._tzinfo is not None:
                text += f", tzinfo={self._tzinfo!r}"
            if self._fold:
                text += ", fold=1"
            return text + ")"

        def strftime(self, fmt):
            _check_format_argument(fmt, "strftime")
            return _strftime(
                fmt, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond, self
            )

        def __format__(self, fmt):
            _check_format_argument(fmt, "__format__")
            if fmt:
                return self.strftime(fmt)
            return str(self)

        def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
            return type(self)(
                self._hour if hour is None else hour,
                self._minute if minute is None else minute,
                self._second if second is None else second,
                self._microsecond if microsecond is None else microsecond,
                self._tzinfo if tzinfo is True else tzinfo,
                fold=self._fold if fold is None else fold,
            )

        def _clock_microseconds(self):
            return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + self._microsecond

        def _compare(self, other, equality):
            """-1, 0 or 1; 2 for times that cannot be equal (naive against aware, for == and !=)."""
            mine = self._clock_microseconds()
            theirs = other._clock_microseconds()
            if self._tzinfo is not other._tzinfo:
                my_offset = self.utcoffset()
                their_offset = other.utcoffset()
                if (my_offset is None) != (their_offset is None):
                    if equality:
                        return 2
                    raise TypeError("can't compare offset-naive and offset-aware times")
                if my_offset is not None:
                    mine -= my_offset._total
                    theirs -= their_offset._total
            if mine < theirs:
                return -1
            return 1 if mine > theirs else 0

        def __eq__(self, other):
            if isinstance(other, time):
                return self._compare(other, True) == 0
            return NotImplemented

        def __ne__(self, other):
            if isinstance(other, time):
                return self._compare(other, True) != 0
            return NotImplemented

        def __lt__(self, other):
            if isinstance(other, time):
                return self._compare(other, False) < 0
            return NotImplemented

        def __le__(self, other):
            if isinstance(other, time):
                return self._compare(other, False) <= 0
            return NotImplemented

        def __gt__(self, other):
            if isinstance(other, time):
                return self._compare(other, False) > 0
            return NotImplemented

        def __ge__(self, other):
            if isinstance(other, time):
                return self._compare(other, False) >= 0
            return NotImplemented

        def __hash__(self):
            offset = self.utcoffset()
            if offset is None:
                return hash(self._clock_microseconds())
            return hash(self._clock_microseconds() - offset._total)

    time.min = time(0, 0, 0)
    time.max = time(23, 59, 59, 999999)
    time.resolution = timedelta(microseconds=1)


    # ---------------------------------------------------------------------------------------------

    class datetime(date):
        """A date and a time of day, optionally with a tzinfo (aware) or without (naive)."""

        def __init__(
            self, year=_MISSING, month=_MISSING, day=_MISSING, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
            *, fold=0
        ):
            self._year, self._month, self._day = _check_date_fields(year, month, day)
            self._hour, self._minute, self._second, self._microsecond, self._fold = _check_time_fields(
                hour, minute, second, microsecond, fold
            )
            if tzinfo is not None:
                _check_tzinfo(tzinfo)
            self._tzinfo = tzinfo

        @classmethod
        def _from_posix(cls, seconds, microsecond, utc, tz):
            fields = _time.gmtime(seconds) if utc else _time.localtime(seconds)
            # A leap second (61st second) becomes the 60th, as in CPython.
            second = min(fields.tm_sec, 59)
            fold = 0
            if not utc:
                # The second occurrence of a repeated local time has fold 1.
                wall = (_to_ordinal(fields.tm_year, fields.tm_mon, fields.tm_mday) - _EPOCH_ORDINAL) * 86400 + (
                    fields.tm_hour * 3600 + fields.tm_min * 60 + second
                )
                if _local_to_posix(wall, 0) != seconds:
                    fold = 1
            result = cls(
                fields.tm_year, fields.tm_mon, fields.tm_mday, fields.tm_hour, fields.tm_min, second, microsecond, tz,
                fold=fold,
            )
            if tz is not None:
                result = tz.fromutc(result)
            return result

        @classmethod
        def fromtimestamp(cls, timestamp, tz=None):
            _check_tzinfo(tz)
            seconds, microsecond = _split_timestamp(timestamp)
            return cls._from_posix(seconds, microsecond, tz is not None, tz)

        @classmethod
        def utcfromtimestamp(cls, timestamp):
            seconds, microsecond = _split_timestamp(timestamp)
            return cls._from_posix(seconds, microsecond, True, None)

        @classmethod
        def now(cls, tz=None):
            _check_tzinfo(tz)
            seconds, nanoseconds = divmod(_time.time_ns(), 1000000000)
            return cls._from_posix(seconds, nanoseconds // 1000, tz is not None, tz)

        @classmethod
        def utcnow(cls):
            seconds, nanoseconds = divmod(_time.time_ns(), 1000000000)
            return cls._from_posix(seconds, nanoseconds // 1000, True, None)

        @classmethod
        def today(cls):
            return cls.now()

        @classmethod
        def fromordinal(cls, ordinal):
            ordinal = _index(ordinal)
            if ordinal < 1:
                raise ValueError("ordinal must be >= 1")
            return cls(*_from_ordinal(ordinal))

        @classmethod
        def combine(cls, date, time, tzinfo=True):
            if not isinstance(date, _date_class):
                raise TypeError(f"combine() argument 1 must be datetime.date, not {_argument_type_name(date)}")
            if not isinstance(time, _time_class):
                raise TypeError(f"combine() argument 2 must be datetime.time, not {_argument_type_name(time)}")
            if tzinfo is True:
                tzinfo = time.tzinfo
            return cls(
                date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond, tzinfo,
                fold=time.fold,
            )

        @classmethod
        def fromisoformat(cls, text):
            if not isinstance(text, str):
                raise TypeError("fromisoformat: argument must be str")
            length = _iso_date_length(text)
            fields = _parse_iso_date(text[:length])
            if fields is not None and len(text) > length:
                clock = _parse_iso_time(text[length + 1:])
                fields = None if clock is None else fields + clock
            if fields is None:
                raise ValueError(f"Invalid isoformat string: {text!r}")
            return cls(*fields)

        @classmethod
        def strptime(cls, text, fmt):
            return cls(*_strptime(text, fmt))

        @property
        def hour(self):
            return self._hour

        @property
        def minute(self):
            return self._minute

        @property
        def second(self):
            return self._second

        @property
        def microsecond(self):
            return self._microsecond

        @property
        def tzinfo(self):
            return self._tzinfo

        @property
        def fold(self):
            return self._fold

        def date(self):
            return _date_class(self._year, self._month, self._day)

        def time(self):
            return _time_class(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

        def timetz(self):
            return _time_class(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

        def replace(
            self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None, tzinfo=True,
            *, fold=None
        ):
            return type(self)(
                self._year if year is None else year,
                self._month if month is None else month,
                self._day if day is None else day,
                self._hour if hour is None else hour,
                self._minute if minute is None else minute,
                self._second if second is None else second,
                self._microsecond if microsecond is None else microsecond,
                self._tzinfo if tzinfo is True else tzinfo,
                fold=self._fold if fold is None else fold,
            )

        def utcoffset(self):
            if self._tzinfo is None:
                return None
            return _check_offset(self._tzinfo.utcoffset(self), "utcoffset")

        def dst(self):
            if self._tzinfo is None:
                return None
            return _check_offset(self._tzinfo.dst(self), "dst")

        def tzname(self):
            return _call_tzname(self._tzinfo, self)

        def _naive_microseconds(self):
            """Microseconds since 0001-01-01 00:00 of the wall-clock fields, ignoring tzinfo."""
            days = _to_ordinal(self._year, self._month, self._day)
            seconds = (days * 24 + self._hour) * 3600 + self._minute * 60 + self._second
            return seconds * _US_PER_SECOND + self._microsecond

        def _local_posix(self):
            """POSIX seconds of this naive datetime read as local time."""
            return _local_to_posix(self._naive_microseconds() // _US_PER_SECOND - _EPOCH_ORDINAL * 86400, self._fold)

        def timestamp(self):
            offset = self.utcoffset()
            if offset is None:
                return self._local_posix() + self._microsecond / 1e6
            return (self - _EPOCH).total_seconds()

        def timetuple(self):
            saving = self.dst()
            flag = -1 if saving is None else (1 if saving else 0)
            return _struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, flag)

        def utctimetuple(self):
            offset = self.utcoffset()
            moment = self
            if offset:
                moment = self - offset
            return _struct_time(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second, 0)

        def astimezone(self, tz=None):
            if tz is not None and not isinstance(tz, tzinfo):
                raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{_type_name(tz)}'")
            own = self._tzinfo
            offset = None
            if own is not None:
                if own is tz:
                    return self
                offset = self.utcoffset()
            if offset is None:
                # A naive datetime is local time.
                own = _local_timezone(self._local_posix())
                if own is tz:
                    return self
                offset = own.utcoffset(None)
            utc = (self - offset).replace(tzinfo=None)
            if tz is None:
                tz = _local_timezone(utc._naive_microseconds() // _US_PER_SECOND - _EPOCH_ORDINAL * 86400)
            return tz.fromutc(utc.replace(tzinfo=tz))

        def isoformat(self, sep="T", timespec="auto"):
            if not isinstance(sep, str) or len(sep) != 1:
                raise TypeError(f"isoformat() argument 1 must be a unicode character, not {_argument_type_name(sep)}")
            clock = _format_clock(self._hour, self._minute, self._second, self._microsecond, timespec)
            return (
                f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}{clock}"
                + _format_offset(self.utcoffset(), ":")
            )

        def __str__(self):
            return self.isoformat(" ")

        def __repr__(self):
            fields = [self._year, self._month, self._day, self._hour, self._minute]
            if self._second or self._microsecond:
                fields.append(self._second)
            if self._microsecond:
                fields.append(self._microsecond)
            text = _repr_name(self) + "(" + ", ".join(str(field) for field in fields)
            if self._tzinfo is not None:
                text += f", tzinfo={self._tzinfo!r}"
            if self._fold:
                text += ", fold=1"
            return text + ")"

        def ctime(self):
            return _ctime(self._year, self._month, self._day, self._hour, self._minute, self._second)

        def strftime(self, fmt):
            _check_format_argument(fmt, "strftime")
            return _strftime(
                fmt, self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond, self
            )

        def __add__(self, other):
            if isinstance(other, timedelta):
                return self._shifted(other._total)
            return NotImplemented

        def __radd__(self, other):
            if isinstance(other, timedelta):
                return self._shifted(other._total)
            return NotImplemented

        def _shifted(self, microseconds):
            total = self._naive_microseconds() + microseconds
            ordinal, rest = divmod(total, _US_PER_DAY)
            if not 1 <= ordinal <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            seconds, microsecond = divmod(rest, _US_PER_SECOND)
            minutes, second = divmod(seconds, 60)
            hour, minute = divmod(minutes, 60)
            year, month, day = _from_ordinal(ordinal)
            return type(self)(year, month, day, hour, minute, second, microsecond, self._tzinfo)

        def __sub__(self, other):
            if isinstance(other, timedelta):
                return self._shifted(-other._total)
            if not isinstance(other, datetime):
                return NotImplemented
            difference = self._naive_microseconds() - other._naive_microseconds()
            if self._tzinfo is not other._tzinfo:
                my_offset = self.utcoffset()
                their_offset = other.utcoffset()
                if (my_offset is None) != (their_offset is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
                if my_offset is not None:
                    difference -= my_offset._total - their_offset._total
            return timedelta(0, 0, difference)

        def _compare(self, other, equality):
            """-1, 0 or 1; 2 for datetimes that cannot be equal (naive against aware, for == and !=)."""
            mine = self._naive_microseconds()
            theirs = other._naive_microseconds()
            if self._tzinfo is not other._tzinfo:
                my_offset = self.utcoffset()
                their_offset = other.utcoffset()
                if (my_offset is None) != (their_offset is None):
                    if equality:
                        return 2
                    raise TypeError("can't compare offset-naive and offset-aware datetimes")
                if my_offset is not None:
                    mine -= my_offset._total
                    theirs -= their_offset._total
            if mine < theirs:
                return -1
            return 1 if mine > theirs else 0

        def _ordering(self, other):
            """The comparison with other for <, <=, >, >=, or None when other is not a datetime."""
            if isinstance(other, datetime):
                return self._compare(other, False)
            if isinstance(other, date):
                raise TypeError(f"can't compare {_type_name(self)} to {_type_name(other)}")
            return None

        def __eq__(self, other):
            if isinstance(other, datetime):
                return self._compare(other, True) == 0
            if isinstance(other, date):
                return False
            return NotImplemented

        def __ne__(self, other):
            if isinstance(other, datetime):
                return self._compare(other, True) != 0
            if isinstance(other, date):
                return True
            return NotImplemented

        def __lt__(self, other):
            order = self._ordering(other)
            return NotImplemented if order is None else order < 0

        def __le__(self, other):
            order = self._ordering(other)
            return NotImplemented if order is None else order <= 0

        def __gt__(self, other):
            order = self._ordering(other)
            return NotImplemented if order is None else order > 0

        def __ge__(self, other):
            order = self._ordering(other)
            return NotImplemented if order is None else order >= 0

        def __hash__(self):
            offset = self.utcoffset()
            if offset is None:
                return hash(self._naive_microseconds())
            return hash(self._naive_microseconds() - offset._total)


    _date_class = date
    _time_class = time
    datetime.min = datetime(1, 1, 1)
    datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
    datetime.resolution = timedelta(microseconds=1)
    _EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
    """#
}
