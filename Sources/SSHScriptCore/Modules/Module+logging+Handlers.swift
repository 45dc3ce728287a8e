extension LoggingModule {
  /// Filters and the handlers.
  static let handlers = #"""
    # ---------------------------------------------------------------------------
    # Filters and handlers
    # ---------------------------------------------------------------------------


    class Filter:
        """Passes records of the logger `name` and its descendants (every record when empty)."""

        def __init__(self, name=""):
            self.name = name
            self.nlen = len(name)

        def filter(self, record):
            if self.nlen == 0:
                return True
            if self.name == record.name:
                return True
            if not record.name.startswith(self.name):
                return False
            return record.name[self.nlen] == "."


    class Filterer:
        """Something with a list of filters (loggers and handlers)."""

        def __init__(self):
            self.filters = []

        def addFilter(self, filter):
            if filter not in self.filters:
                self.filters.append(filter)

        def removeFilter(self, filter):
            if filter in self.filters:
                self.filters.remove(filter)

        def filter(self, record):
            """False when a filter rejects the record. A filter is an object with `filter(record)`
            or a plain function of the record."""
            for f in self.filters:
                if hasattr(f, "filter"):
                    result = f.filter(record)
                else:
                    result = f(record)
                if not result:
                    return False
            return True


    _handlers = {}
    _handlerList = []


    class Handler(Filterer):
        """Where records go; subclasses implement emit(record)."""

        def __init__(self, level=NOTSET):
            Filterer.__init__(self)
            self._name = None
            self.level = _checkLevel(level)
            self.formatter = None
            self._closed = False
            self.createLock()
            with _lock:
                _handlerList.append(self)

        def get_name(self):
            return self._name

        def set_name(self, name):
            with _lock:
                if self._name in _handlers:
                    del _handlers[self._name]
                self._name = name
                if name:
                    _handlers[name] = self

        name = property(get_name, set_name)

        def createLock(self):
            self.lock = threading.RLock()

        def acquire(self):
            if self.lock:
                self.lock.acquire()

        def release(self):
            if self.lock:
                self.lock.release()

        def setLevel(self, level):
            self.level = _checkLevel(level)

        def format(self, record):
            fmt = self.formatter if self.formatter else _defaultFormatter
            return fmt.format(record)

        def emit(self, record):
            raise NotImplementedError("emit must be implemented by Handler subclasses")

        def handle(self, record):
            """Emits the record, under the handler's lock, if the filters pass it."""
            rv = self.filter(record)
            if rv:
                with self.lock:
                    self.emit(record)
            return rv

        def setFormatter(self, fmt):
            self.formatter = fmt

        def flush(self):
            pass

        def close(self):
            with _lock:
                self._closed = True
                if self._name and self._name in _handlers:
                    del _handlers[self._name]

        def handleError(self, record):
            """A failure while emitting: reported on stderr, and logging goes on."""
            if raiseExceptions and sys.stderr:
                exc_info, text = _handled_exception()
                try:
                    sys.stderr.write("--- Logging error ---\n")
                    if exc_info is not None:
                        text = Formatter().formatException(exc_info)
                    if text is not None:
                        sys.stderr.write(text + "\n")
                    sys.stderr.write("Message: %r\nArguments: %s\n" % (record.msg, record.args))
                except Exception:
                    pass

        def __repr__(self):
            level = getLevelName(self.level)
            return "<%s (%s)>" % (type(self).__name__, level)


    class StreamHandler(Handler):
        """Writes each record and a newline to a stream (sys.stderr by default)."""

        terminator = "\n"

        def __init__(self, stream=None):
            Handler.__init__(self)
            if stream is None:
                stream = sys.stderr
            self.stream = stream

        def flush(self):
            with self.lock:
                if self.stream and hasattr(self.stream, "flush"):
                    self.stream.flush()

        def emit(self, record):
            try:
                msg = self.format(record)
                self.stream.write(msg + self.terminator)
                self.flush()
            except RecursionError:
                raise
            except Exception:
                self.handleError(record)

        def setStream(self, stream):
            """Replaces the stream (flushing the old one); returns the old stream, or None when
            it is the same."""
            if stream is self.stream:
                return None
            result = self.stream
            with self.lock:
                self.flush()
                self.stream = stream
            return result

        def __repr__(self):
            level = getLevelName(self.level)
            name = str(getattr(self.stream, "name", ""))
            if name:
                name += " "
            return "<%s %s(%s)>" % (type(self).__name__, name, level)


    class FileHandler(StreamHandler):
        """Appends records to a file (opened with open(), on first use when delay=True)."""

        def __init__(self, filename, mode="a", encoding=None, delay=False, errors=None):
            filename = os.fspath(filename)
            self.baseFilename = os.path.abspath(filename)
            self.mode = mode
            self.encoding = encoding
            self.errors = errors
            self.delay = delay
            self._builtin_open = open
            if delay:
                Handler.__init__(self)
                self.stream = None
            else:
                StreamHandler.__init__(self, self._open())

        def _open(self):
            # Only the options that are set are passed, for open() implementations that lack some.
            options = {}
            if self.encoding is not None:
                options["encoding"] = self.encoding
            if self.errors is not None:
                options["errors"] = self.errors
            return self._builtin_open(self.baseFilename, self.mode, **options)

        def close(self):
            with self.lock:
                try:
                    if self.stream:
                        try:
                            self.flush()
                        finally:
                            stream = self.stream
                            self.stream = None
                            if hasattr(stream, "close"):
                                stream.close()
                finally:
                    StreamHandler.close(self)

        def emit(self, record):
            if self.stream is None:
                if self.mode != "w" or not self._closed:
                    self.stream = self._open()
            if self.stream:
                StreamHandler.emit(self, record)

        def __repr__(self):
            level = getLevelName(self.level)
            return "<%s %s (%s)>" % (type(self).__name__, self.baseFilename, level)


    class _StderrHandler(StreamHandler):
        """The handler of last resort: whatever sys.stderr is at the time of the call."""

        def __init__(self, level=NOTSET):
            Handler.__init__(self, level)

        @property
        def stream(self):
            return sys.stderr


    _defaultLastResort = _StderrHandler(WARNING)
    lastResort = _defaultLastResort


    class NullHandler(Handler):
        """Discards records (for libraries that leave configuration to the application)."""

        def handle(self, record):
            pass

        def emit(self, record):
            pass

        def createLock(self):
            self.lock = None
    """#
}
