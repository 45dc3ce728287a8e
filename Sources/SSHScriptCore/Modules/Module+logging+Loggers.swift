extension LoggingModule {
  /// Loggers, the manager of their tree, basicConfig and the module-level functions.
  static let loggers = #"""
    # ---------------------------------------------------------------------------
    # Loggers
    # ---------------------------------------------------------------------------


    class Logger(Filterer):
        """A named channel; records go to its handlers and, while `propagate`, to its ancestors'."""

        def __init__(self, name, level=NOTSET):
            Filterer.__init__(self)
            self.name = name
            self.level = _checkLevel(level)
            self.parent = None
            self.propagate = True
            self.handlers = []
            self.disabled = False
            self._cache = {}

        def setLevel(self, level):
            self.level = _checkLevel(level)
            self.manager._clear_cache()

        def debug(self, msg, *args, **kwargs):
            if self.isEnabledFor(DEBUG):
                self._log(DEBUG, msg, args, **kwargs)

        def info(self, msg, *args, **kwargs):
            if self.isEnabledFor(INFO):
                self._log(INFO, msg, args, **kwargs)

        def warning(self, msg, *args, **kwargs):
            if self.isEnabledFor(WARNING):
                self._log(WARNING, msg, args, **kwargs)

        def warn(self, msg, *args, **kwargs):
            self.warning(msg, *args, **kwargs)

        def error(self, msg, *args, **kwargs):
            if self.isEnabledFor(ERROR):
                self._log(ERROR, msg, args, **kwargs)

        def exception(self, msg, *args, exc_info=True, **kwargs):
            """An ERROR record with the traceback of the exception being handled."""
            self.error(msg, *args, exc_info=exc_info, **kwargs)

        def critical(self, msg, *args, **kwargs):
            if self.isEnabledFor(CRITICAL):
                self._log(CRITICAL, msg, args, **kwargs)

        fatal = critical

        def log(self, level, msg, *args, **kwargs):
            if not isinstance(level, int):
                if raiseExceptions:
                    raise TypeError("level must be an integer")
                return
            if self.isEnabledFor(level):
                self._log(level, msg, args, **kwargs)

        def findCaller(self, stack_info=False, stacklevel=1):
            # sshs cannot inspect the caller's frame: the values CPython uses when it cannot
            # find one.
            return "(unknown file)", 0, "(unknown function)", None

        def makeRecord(self, name, level, fn, lno, msg, args, exc_info, func=None, extra=None, sinfo=None):
            rv = _logRecordFactory(name, level, fn, lno, msg, args, exc_info, func, sinfo)
            if extra is not None:
                for key in extra:
                    if key in ["message", "asctime"] or hasattr(rv, key):
                        raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                    setattr(rv, key, extra[key])
            return rv

        def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
            fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
            exc_text = None
            if exc_info:
                if isinstance(exc_info, BaseException):
                    exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
                elif not isinstance(exc_info, tuple):
                    exc_info, exc_text = _handled_exception()
            record = self.makeRecord(self.name, level, fn, lno, msg, args, exc_info, func, extra, sinfo)
            if exc_text is not None:
                record.exc_text = exc_text
            self.handle(record)

        def handle(self, record):
            if (not self.disabled) and self.filter(record):
                self.callHandlers(record)

        def addHandler(self, hdlr):
            with _lock:
                if hdlr not in self.handlers:
                    self.handlers.append(hdlr)

        def removeHandler(self, hdlr):
            with _lock:
                if hdlr in self.handlers:
                    self.handlers.remove(hdlr)

        def hasHandlers(self):
            logger = self
            while logger:
                if logger.handlers:
                    return True
                if not logger.propagate:
                    return False
                logger = logger.parent
            return False

        def callHandlers(self, record):
            """Gives the record to each handler of this logger and its ancestors (up to one with
            propagate False) whose level it reaches; with no handler at all, to lastResort."""
            logger = self
            found = 0
            while logger:
                for handler in logger.handlers:
                    found = found + 1
                    if record.levelno >= handler.level:
                        handler.handle(record)
                if not logger.propagate:
                    logger = None
                else:
                    logger = logger.parent
            if found == 0:
                if lastResort:
                    if record.levelno >= lastResort.level:
                        lastResort.handle(record)
                elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
                    sys.stderr.write('No handlers could be found for logger "%s"\n' % self.name)
                    self.manager.emittedNoHandlerWarning = True

        def getEffectiveLevel(self):
            """The first level set on this logger or an ancestor (NOTSET if none is)."""
            logger = self
            while logger:
                if logger.level:
                    return logger.level
                logger = logger.parent
            return NOTSET

        def isEnabledFor(self, level):
            # The answer per level is cached (a skipped debug() call is then one dict lookup); any
            # setLevel() or disable() clears the caches of every logger.
            if self.disabled:
                return False
            cache = self._cache
            if level in cache:
                return cache[level]
            with _lock:
                if self.manager.disable >= level:
                    enabled = False
                else:
                    enabled = level >= self.getEffectiveLevel()
                cache[level] = enabled
            return enabled

        def getChild(self, suffix):
            if self.root is not self:
                suffix = ".".join((self.name, suffix))
            return self.manager.getLogger(suffix)

        def __repr__(self):
            level = getLevelName(self.getEffectiveLevel())
            return "<%s %s (%s)>" % (type(self).__name__, self.name, level)


    class RootLogger(Logger):
        """The logger at the top of the tree, named "root"."""

        def __init__(self, level):
            Logger.__init__(self, "root", level)


    _loggerClass = Logger


    def setLoggerClass(klass):
        global _loggerClass
        if klass != Logger and not issubclass(klass, Logger):
            raise TypeError("logger not derived from logging.Logger: " + klass.__name__)
        _loggerClass = klass


    def getLoggerClass():
        return _loggerClass


    class Manager:
        """The tree of loggers by dotted name: `a.b` is a child of `a`, whichever is made first."""

        def __init__(self, rootnode):
            self.root = rootnode
            self.disable = 0
            self.emittedNoHandlerWarning = False
            self.loggerDict = {}
            self.loggerClass = None

        def getLogger(self, name):
            if not isinstance(name, str):
                raise TypeError("A logger name must be a string")
            with _lock:
                if name in self.loggerDict:
                    return self.loggerDict[name]
                logger = (self.loggerClass or _loggerClass)(name)
                logger.manager = self
                self.loggerDict[name] = logger
                self._link(logger)
                return logger

        def setLoggerClass(self, klass):
            self.loggerClass = klass

        def _link(self, logger):
            # The parent is the nearest existing ancestor; existing descendants whose parent is
            # above the new logger now hang from it.
            name = logger.name
            parent = self.root
            index = name.rfind(".")
            while index > 0:
                prefix = name[:index]
                if prefix in self.loggerDict:
                    parent = self.loggerDict[prefix]
                    break
                index = name.rfind(".", 0, index)
            logger.parent = parent
            beneath = name + "."
            for other in self.loggerDict.values():
                if other is logger or not other.name.startswith(beneath):
                    continue
                if other.parent is self.root or not other.parent.name.startswith(beneath):
                    other.parent = logger

        def _clear_cache(self):
            with _lock:
                for logger in self.loggerDict.values():
                    logger._cache.clear()
                self.root._cache.clear()


    root = RootLogger(WARNING)
    Logger.root = root
    Logger.manager = Manager(Logger.root)


    def getLogger(name=None):
        """The logger named `name` (made on first use), or the root logger."""
        if not name or isinstance(name, str) and name == root.name:
            return root
        return Logger.manager.getLogger(name)


    class LoggerAdapter:
        """A logger that adds `extra` to every record."""

        def __init__(self, logger, extra=None):
            self.logger = logger
            self.extra = extra

        def process(self, msg, kwargs):
            kwargs["extra"] = self.extra
            return msg, kwargs

        def debug(self, msg, *args, **kwargs):
            self.log(DEBUG, msg, *args, **kwargs)

        def info(self, msg, *args, **kwargs):
            self.log(INFO, msg, *args, **kwargs)

        def warning(self, msg, *args, **kwargs):
            self.log(WARNING, msg, *args, **kwargs)

        def warn(self, msg, *args, **kwargs):
            self.warning(msg, *args, **kwargs)

        def error(self, msg, *args, **kwargs):
            self.log(ERROR, msg, *args, **kwargs)

        def exception(self, msg, *args, exc_info=True, **kwargs):
            self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

        def critical(self, msg, *args, **kwargs):
            self.log(CRITICAL, msg, *args, **kwargs)

        def log(self, level, msg, *args, **kwargs):
            if self.isEnabledFor(level):
                msg, kwargs = self.process(msg, kwargs)
                self.logger.log(level, msg, *args, **kwargs)

        def isEnabledFor(self, level):
            return self.logger.isEnabledFor(level)

        def setLevel(self, level):
            self.logger.setLevel(level)

        def getEffectiveLevel(self):
            return self.logger.getEffectiveLevel()

        def hasHandlers(self):
            return self.logger.hasHandlers()

        @property
        def name(self):
            return self.logger.name

        def __repr__(self):
            logger = self.logger
            level = getLevelName(logger.getEffectiveLevel())
            return "<%s %s (%s)>" % (type(self).__name__, logger.name, level)


    # ---------------------------------------------------------------------------
    # Configuration and the module-level functions
    # ---------------------------------------------------------------------------


    def basicConfig(**kwargs):
        """Gives the root logger a handler (stderr, `stream=` or `filename=`) with a formatter,
        unless it has one already (or `force=True`); `level=` sets the root level."""
        with _lock:
            force = kwargs.pop("force", False)
            encoding = kwargs.pop("encoding", None)
            errors = kwargs.pop("errors", "backslashreplace")
            if force:
                for h in root.handlers[:]:
                    root.removeHandler(h)
                    h.close()
            if len(root.handlers) == 0:
                handlers = kwargs.pop("handlers", None)
                if handlers is None:
                    if "stream" in kwargs and "filename" in kwargs:
                        raise ValueError("'stream' and 'filename' should not be specified together")
                else:
                    if "stream" in kwargs or "filename" in kwargs:
                        raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
                if handlers is None:
                    filename = kwargs.pop("filename", None)
                    mode = kwargs.pop("filemode", "a")
                    if filename:
                        if "b" in mode:
                            errors = None
                        h = FileHandler(filename, mode, encoding=encoding, errors=errors)
                    else:
                        stream = kwargs.pop("stream", None)
                        h = StreamHandler(stream)
                    handlers = [h]
                dfs = kwargs.pop("datefmt", None)
                style = kwargs.pop("style", "%")
                if style not in _STYLES:
                    raise ValueError("Style must be one of: %s" % ",".join(_STYLES.keys()))
                fs = kwargs.pop("format", _STYLES[style][1])
                fmt = Formatter(fs, dfs, style)
                for h in handlers:
                    if h.formatter is None:
                        h.setFormatter(fmt)
                    root.addHandler(h)
                level = kwargs.pop("level", None)
                if level is not None:
                    root.setLevel(level)
                if kwargs:
                    keys = ", ".join(kwargs.keys())
                    raise ValueError("Unrecognised argument(s): %s" % keys)


    def critical(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.critical(msg, *args, **kwargs)


    fatal = critical


    def error(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.error(msg, *args, **kwargs)


    def exception(msg, *args, exc_info=True, **kwargs):
        error(msg, *args, exc_info=exc_info, **kwargs)


    def warning(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.warning(msg, *args, **kwargs)


    def warn(msg, *args, **kwargs):
        warning(msg, *args, **kwargs)


    def info(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.info(msg, *args, **kwargs)


    def debug(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.debug(msg, *args, **kwargs)


    def log(level, msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.log(level, msg, *args, **kwargs)


    def disable(level=CRITICAL):
        """Drops every record at `level` and below, whatever the loggers' levels."""
        root.manager.disable = level
        root.manager._clear_cache()


    def shutdown(handlerList=None):
        """Flushes and closes every handler made so far."""
        if handlerList is None:
            handlerList = _handlerList
        for h in reversed(handlerList[:]):
            try:
                h.acquire()
                try:
                    h.flush()
                    h.close()
                finally:
                    h.release()
            except (OSError, ValueError):
                pass


    def captureWarnings(capture):
        pass
    """#
}
