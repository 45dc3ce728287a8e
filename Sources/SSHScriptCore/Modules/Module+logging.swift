/// `logging` (LANGUAGE.md §8.6), written in the Python subset: levels, records, formatters, handlers,
/// the logger tree and basicConfig, thread-safe with one module lock and a lock per handler. The
/// source is in three parts (this file, `+Handlers`, `+Loggers`), joined in definition order.
enum LoggingModule {
  static let source = [recordsAndFormatters, handlers, loggers].joined(separator: "\n")

  /// Levels, LogRecord and the formatters.
  static let recordsAndFormatters = #"""
    import sys
    import os
    import time
    import threading

    CRITICAL = 50
    FATAL = CRITICAL
    ERROR = 40
    WARNING = 30
    WARN = WARNING
    INFO = 20
    DEBUG = 10
    NOTSET = 0

    _levelToName = {
        CRITICAL: "CRITICAL",
        ERROR: "ERROR",
        WARNING: "WARNING",
        INFO: "INFO",
        DEBUG: "DEBUG",
        NOTSET: "NOTSET",
    }
    _nameToLevel = {
        "CRITICAL": CRITICAL,
        "FATAL": FATAL,
        "ERROR": ERROR,
        "WARN": WARNING,
        "WARNING": WARNING,
        "INFO": INFO,
        "DEBUG": DEBUG,
        "NOTSET": NOTSET,
    }

    BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

    # When True, a failure inside a handler is reported on stderr (and logging goes on).
    raiseExceptions = True
    logThreads = True
    logProcesses = True
    logMultiprocessing = True

    # Made when the module is first imported; relativeCreated counts from here.
    _startTime = time.time()

    # Guards the logger tree, handler lists and basicConfig; reentrant because handlers and
    # formatters may log.
    _lock = threading.RLock()


    def getLevelName(level):
        """The name of a level number ("Level 15" for an unnamed one), or the number of a name."""
        result = _levelToName.get(level)
        if result is not None:
            return result
        result = _nameToLevel.get(level)
        if result is not None:
            return result
        return "Level %s" % level


    def getLevelNamesMapping():
        return dict(_nameToLevel)


    def addLevelName(level, levelName):
        with _lock:
            _levelToName[level] = levelName
            _nameToLevel[levelName] = level


    def _checkLevel(level):
        if isinstance(level, int):
            return level
        if str(level) == level:
            if level not in _nameToLevel:
                raise ValueError("Unknown level: %r" % level)
            return _nameToLevel[level]
        raise TypeError("Level not an integer or a valid string: %r" % (level,))


    def _current_exception():
        """sys.exc_info(), or None when this build has no sys.exc_info."""
        exc_info = getattr(sys, "exc_info", None)
        if exc_info is None:
            return None
        return exc_info()


    def _handled_exception():
        """(exc_info, text) for the exception being handled: sys.exc_info() when this build has
        it, else the text of traceback.format_exc() when that exists, else (None, None)."""
        current = _current_exception()
        if current is not None:
            return current, None
        try:
            import traceback
        except ImportError:
            return None, None
        if not hasattr(traceback, "format_exc"):
            return None, None
        text = traceback.format_exc()
        if text[-1:] == "\n":
            text = text[:-1]
        return None, text


    # ---------------------------------------------------------------------------
    # Records and formatters
    # ---------------------------------------------------------------------------


    class LogRecord:
        """One logging event: the message and its arguments, where and when it happened."""

        def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None, **kwargs):
            created = time.time()
            self.name = name
            self.msg = msg
            # log.info("%(user)s", {"user": u}): a lone mapping is the argument for named fields.
            if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
                args = args[0]
            self.args = args
            self.levelname = getLevelName(level)
            self.levelno = level
            self.pathname = pathname
            self.filename = os.path.basename(pathname)
            self.module = os.path.splitext(self.filename)[0]
            self.exc_info = exc_info
            self.exc_text = None
            self.stack_info = sinfo
            self.lineno = lineno
            self.funcName = func
            self.created = created
            self.msecs = int((created - int(created)) * 1000) + 0.0
            self.relativeCreated = (created - _startTime) * 1000
            if logThreads:
                self.thread = threading.get_ident()
                self.threadName = threading.current_thread().name
            else:
                self.thread = None
                self.threadName = None
            self.processName = "MainProcess" if logMultiprocessing else None
            self.process = os.getpid() if logProcesses else None

        def getMessage(self):
            """The message with its arguments put in: `msg % args`."""
            msg = str(self.msg)
            if self.args:
                msg = msg % self.args
            return msg

        def __repr__(self):
            fields = (self.name, self.levelno, self.pathname, self.lineno, self.msg)
            return '<LogRecord: %s, %s, %s, %s, "%s">' % fields


    _logRecordFactory = LogRecord


    def setLogRecordFactory(factory):
        global _logRecordFactory
        _logRecordFactory = factory


    def getLogRecordFactory():
        return _logRecordFactory


    def makeLogRecord(dict):
        """A record whose attributes are the items of `dict` (for records sent elsewhere)."""
        rv = _logRecordFactory(None, None, "", 0, "", (), None, None)
        for key in dict:
            setattr(rv, key, dict[key])
        return rv


    def _field_names(fmt, opening, closing):
        """The field names of a `%(name)s` (or `{name}`) format."""
        names = []
        start = fmt.find(opening)
        while start >= 0:
            end = fmt.find(closing, start + len(opening))
            if end < 0:
                break
            names.append(fmt[start + len(opening):end])
            start = fmt.find(opening, end)
        return names


    def _skip_digits_or_star(fmt, i):
        if i < len(fmt) and fmt[i] == "*":
            return i + 1
        while i < len(fmt) and fmt[i].isdigit():
            i += 1
        return i


    def _has_percent_field(fmt):
        """True when `fmt` has a complete `%(name)<flags><width><.precision><conversion>` field."""
        start = fmt.find("%(")
        while start >= 0:
            i = start + 2
            while i < len(fmt) and (fmt[i].isalnum() or fmt[i] == "_"):
                i += 1
            if i > start + 2 and i < len(fmt) and fmt[i] == ")":
                i += 1
                while i < len(fmt) and fmt[i] in "#0+ -":
                    i += 1
                i = _skip_digits_or_star(fmt, i)
                if i < len(fmt) and fmt[i] == ".":
                    after = _skip_digits_or_star(fmt, i + 1)
                    if after > i + 1:
                        i = after
                if i < len(fmt) and fmt[i] in "diouxefgcrsa%":
                    return True
            start = fmt.find("%(", start + 1)
        return False


    class PercentStyle:
        default_format = "%(message)s"
        asctime_format = "%(asctime)s"
        asctime_search = "%(asctime)"

        def __init__(self, fmt, *, defaults=None):
            self._fmt = fmt or self.default_format
            self._defaults = defaults

        def usesTime(self):
            return self._fmt.find(self.asctime_search) >= 0

        def validate(self):
            if not _has_percent_field(self._fmt):
                raise ValueError("Invalid format '%s' for '%s' style" % (self._fmt, self.default_format[0]))

        def _format(self, record):
            values = dict(self._defaults, **vars(record)) if self._defaults else vars(record)
            return self._fmt % values

        def format(self, record):
            try:
                return self._format(record)
            except KeyError as e:
                raise ValueError("Formatting field not found in record: %s" % e)


    class StrFormatStyle(PercentStyle):
        default_format = "{message}"
        asctime_format = "{asctime}"
        asctime_search = "{asctime"

        def validate(self):
            if not _field_names(self._fmt, "{", "}"):
                raise ValueError("invalid format: no fields")

        def _format(self, record):
            values = dict(self._defaults, **vars(record)) if self._defaults else vars(record)
            return self._fmt.format(**values)


    class StringTemplateStyle(PercentStyle):
        default_format = "${message}"
        asctime_format = "${asctime}"
        asctime_search = "${asctime}"

        def usesTime(self):
            return self._fmt.find("$asctime") >= 0 or self._fmt.find(self.asctime_search) >= 0

        def validate(self):
            if "$" not in self._fmt:
                raise ValueError("invalid format: no fields")

        def _format(self, record):
            import string

            values = dict(self._defaults, **vars(record)) if self._defaults else vars(record)
            return string.Template(self._fmt).substitute(**values)


    _STYLES = {
        "%": (PercentStyle, BASIC_FORMAT),
        "{": (StrFormatStyle, "{levelname}:{name}:{message}"),
        "$": (StringTemplateStyle, "${levelname}:${name}:${message}"),
    }


    def _format_exception_only(exc_type, value):
        name = getattr(exc_type, "__qualname__", None) or getattr(exc_type, "__name__", str(exc_type))
        module = getattr(exc_type, "__module__", None)
        if module not in (None, "__main__", "builtins"):
            name = module + "." + name
        text = str(value)
        return name + ": " + text if text else name


    class Formatter:
        """Turns a record into text: `%(levelname)s:%(name)s:%(message)s` and the like."""

        converter = staticmethod(time.localtime)
        default_time_format = "%Y-%m-%d %H:%M:%S"
        default_msec_format = "%s,%03d"

        def __init__(self, fmt=None, datefmt=None, style="%", validate=True, *, defaults=None):
            if style not in _STYLES:
                raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
            self._style = _STYLES[style][0](fmt, defaults=defaults)
            if validate:
                self._style.validate()
            self._fmt = self._style._fmt
            self.datefmt = datefmt

        def formatTime(self, record, datefmt=None):
            """`2024-01-02 03:04:05,678`, or `time.strftime(datefmt)` of the record's time."""
            ct = self.converter(record.created)
            if datefmt:
                return time.strftime(datefmt, ct)
            s = time.strftime(self.default_time_format, ct)
            if self.default_msec_format:
                s = self.default_msec_format % (s, record.msecs)
            return s

        def formatException(self, ei):
            """The traceback text of an (type, value, traceback) triple."""
            try:
                import traceback
            except ImportError:
                traceback = None
            if traceback is not None and hasattr(traceback, "format_exception"):
                text = "".join(traceback.format_exception(ei[0], ei[1], ei[2]))
            else:
                # Without a traceback module only the exception line can be shown (what CPython
                # prints for an exception without a traceback).
                text = _format_exception_only(ei[0], ei[1])
            if text[-1:] == "\n":
                text = text[:-1]
            return text

        def usesTime(self):
            return self._style.usesTime()

        def formatMessage(self, record):
            return self._style.format(record)

        def formatStack(self, stack_info):
            return stack_info

        def format(self, record):
            """The record's text; sets record.message (and record.asctime when the format uses it)."""
            record.message = record.getMessage()
            if self.usesTime():
                record.asctime = self.formatTime(record, self.datefmt)
            s = self.formatMessage(record)
            if record.exc_info:
                if not record.exc_text:
                    record.exc_text = self.formatException(record.exc_info)
            if record.exc_text:
                if s[-1:] != "\n":
                    s = s + "\n"
                s = s + record.exc_text
            if record.stack_info:
                if s[-1:] != "\n":
                    s = s + "\n"
                s = s + self.formatStack(record.stack_info)
            return s


    _defaultFormatter = Formatter()


    class BufferingFormatter:
        """Formats a batch of records, with an optional header and footer."""

        def __init__(self, linefmt=None):
            self.linefmt = linefmt if linefmt else _defaultFormatter

        def formatHeader(self, records):
            return ""

        def formatFooter(self, records):
            return ""

        def format(self, records):
            rv = ""
            if len(records) > 0:
                rv = rv + self.formatHeader(records)
                for record in records:
                    rv = rv + self.linefmt.format(record)
                rv = rv + self.formatFooter(records)
            return rv
    """#
}
