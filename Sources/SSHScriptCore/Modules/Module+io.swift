/// `io` (LANGUAGE.md §8.6, extended): `StringIO` and `BytesIO`, written in the Python subset, and
/// `open`/`UnsupportedOperation` from the built-in file objects (`_io`).
enum IOModule {
  /// `_io`: what `io` takes from Swift.
  static func makeNative(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "_io", path: nil)
    module.globals["open"] = .object(FileMethods.open)
    module.globals["UnsupportedOperation"] = .object(FileObject.unsupportedOperation)
    module.globals["TextIOWrapper"] = .object(FileObject.textType)
    module.globals["BufferedReader"] = .object(FileObject.readerType)
    module.globals["BufferedWriter"] = .object(FileObject.writerType)
    return module
  }

  static let source = #"""
    from _io import open, UnsupportedOperation, TextIOWrapper, BufferedReader, BufferedWriter

    SEEK_SET = 0
    SEEK_CUR = 1
    SEEK_END = 2


    class _MemoryFile:
        """The buffer of StringIO and BytesIO: appends are cheap, other writes rebuild it."""

        _empty = ""
        _closed_message = "I/O operation on closed file."

        def __init__(self, initial):
            self._chunks = [initial] if initial else []
            self._length = len(initial)
            self._position = 0
            self.closed = False

        def _value(self):
            if len(self._chunks) != 1:
                self._chunks = [self._empty.join(self._chunks)]
            return self._chunks[0] if self._chunks else self._empty

        def _check(self):
            if self.closed:
                raise ValueError(self._closed_message)

        def getvalue(self):
            self._check()
            return self._value()

        def write(self, data):
            self._check()
            if not isinstance(data, type(self._empty)):
                self._wrong_type(data)
            if self._position == self._length:
                self._chunks.append(data)
            else:
                value = self._value()
                if self._position > self._length:
                    value = value + self._padding(self._position - self._length)
                value = value[: self._position] + data + value[self._position + len(data):]
                self._chunks = [value]
            self._position += len(data)
            self._length = max(self._length, self._position)
            return len(data)

        def writelines(self, lines):
            for line in lines:
                self.write(line)

        def read(self, size=-1):
            self._check()
            value = self._value()
            end = self._length if size is None or size < 0 else min(self._length, self._position + size)
            result = value[self._position:end]
            self._position = max(self._position, end)
            return result

        def readline(self, size=-1):
            self._check()
            value = self._value()
            end = value.find(self._newline, self._position)
            end = self._length if end < 0 else end + 1
            if size is not None and size >= 0:
                end = min(end, self._position + size)
            result = value[self._position:end]
            self._position = max(self._position, end)
            return result

        def readlines(self, hint=-1):
            lines = []
            total = 0
            while True:
                line = self.readline()
                if not line:
                    return lines
                lines.append(line)
                total += len(line)
                if hint is not None and 0 < hint <= total:
                    return lines

        def seek(self, position, whence=0):
            self._check()
            if whence == 0:
                if position < 0:
                    raise ValueError(f"Negative seek position {position}")
                self._position = position
            elif whence == 1:
                if position != 0:
                    raise OSError("Can't do nonzero cur-relative seeks")
            elif whence == 2:
                if position != 0:
                    raise OSError("Can't do nonzero end-relative seeks")
                self._position = self._length
            else:
                raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
            return self._position

        def tell(self):
            self._check()
            return self._position

        def truncate(self, size=None):
            self._check()
            size = self._position if size is None else size
            if size < 0:
                raise ValueError(f"Negative size value {size}")
            if size < self._length:
                self._chunks = [self._value()[:size]]
                self._length = size
            return size

        def close(self):
            self.closed = True

        def flush(self):
            self._check()

        def readable(self):
            self._check()
            return True

        def writable(self):
            self._check()
            return True

        def seekable(self):
            self._check()
            return True

        def isatty(self):
            self._check()
            return False

        def __iter__(self):
            self._check()
            return self

        def __next__(self):
            line = self.readline()
            if not line:
                raise StopIteration
            return line

        def __enter__(self):
            self._check()
            return self

        def __exit__(self, *exc):
            self.close()


    class StringIO(_MemoryFile):
        _empty = ""
        _newline = "\n"
        _closed_message = "I/O operation on closed file"

        def __init__(self, initial_value="", newline="\n"):
            if initial_value is None:
                initial_value = ""
            if not isinstance(initial_value, str):
                raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
            super().__init__(initial_value)

        def _wrong_type(self, data):
            raise TypeError(f"string argument expected, got '{type(data).__name__}'")

        def _padding(self, count):
            return "\0" * count


    class BytesIO(_MemoryFile):
        _empty = b""
        _newline = b"\n"

        def __init__(self, initial_bytes=b""):
            if initial_bytes is None:
                initial_bytes = b""
            if not isinstance(initial_bytes, bytes):
                raise TypeError(f"a bytes-like object is required, not '{type(initial_bytes).__name__}'")
            super().__init__(initial_bytes)

        def _wrong_type(self, data):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")

        def _padding(self, count):
            return b"\0" * count

        def getbuffer(self):
            return self.getvalue()
    """#
}
