import Foundation

/// `open()` and the methods of file objects (LANGUAGE.md §8.3), with CPython's messages.
enum FileMethods {
  nonisolated(unsafe) static let open = BuiltinFunction("open") { interpreter, arguments in
    let values = try PythonSignature(
      "open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], required: 1
    ).bind(arguments)
    let file = values[0]!
    var mode = "r"
    if let given = values[1] {
      guard case .str(let text) = given else {
        throw Interpreter.typeError("open() argument 'mode' must be str, not \(Runtime.typeName(given))")
      }
      mode = text
    }
    let parsed = try OpenMode(mode)
    func optionalString(_ value: Value?, _ name: String) throws -> String? {
      guard let value, !value.isNone else { return nil }
      guard case .str(let text) = value else {
        throw Interpreter.typeError("open() argument '\(name)' must be str or None, not \(Runtime.typeName(value))")
      }
      return text
    }
    let encoding = try optionalString(values[3], "encoding")
    let errors = try optionalString(values[4], "errors")
    let newline = try optionalString(values[5], "newline")
    if parsed.binary {
      if encoding != nil { throw Interpreter.valueError("binary mode doesn't take an encoding argument") }
      if errors != nil { throw Interpreter.valueError("binary mode doesn't take an errors argument") }
      if newline != nil { throw Interpreter.valueError("binary mode doesn't take a newline argument") }
    }
    if let newline, !["", "\n", "\r", "\r\n"].contains(newline) {
      throw Interpreter.valueError("illegal newline value: \(newline)")
    }
    let codec = try Codecs.name(encoding.map { .str($0) })
    let handler = try Codecs.mode(errors.map { .str($0) })
    if let opener = values[7], !opener.isNone { throw Interpreter.unsupported("open() with an opener") }
    let closesDescriptor = try values[6].map { try interpreter.truthy($0) } ?? true

    let descriptor: Int32
    if case .int(let number) = file {
      descriptor = Int32(truncatingIfNeeded: number)
      if fcntl(descriptor, F_GETFD) < 0 { throw OSErrors.current() }
    } else {
      if !closesDescriptor { throw Interpreter.valueError("Cannot use closefd=False with file name") }
      let path = try PathArgument.generic(interpreter, file)
      let flags = parsed.flags
      descriptor = try path.withCString { pointer in interpreter.blocking { Foundation.open(pointer, flags, 0o666) } }
      if descriptor < 0 { throw OSErrors.current(file) }
      var status = stat()
      if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        Foundation.close(descriptor)
        throw OSErrors.make(EISDIR, file)
      }
    }
    let object = FileObject(
      descriptor: descriptor, name: file, mode: parsed.binary ? parsed.binaryModeName : mode, isBinary: parsed.binary,
      canRead: parsed.readable,
      canWrite: parsed.writable, encoding: codec, encodingName: encoding ?? "UTF-8", errors: handler,
      universalNewlines: newline == nil,
      carriageReturnEndsLines: newline != "\n", closesDescriptor: closesDescriptor)
    if parsed.appending { _ = lseek(descriptor, 0, SEEK_END) }
    return .object(object)
  }

  /// A checked `open()` mode: exactly one of r/w/a/x, at most one `+`, text or binary.
  struct OpenMode {
    var readable = false
    var writable = false
    var appending = false
    var binary = false
    var flags: Int32 = O_CLOEXEC
    private var creating = false

    /// A binary file's `mode` as CPython's `FileIO` spells it: `rb`, `wb`, `ab`, `xb`, `rb+`…
    var binaryModeName: String {
      let base = creating ? "xb" : appending ? "ab" : readable ? "rb" : "wb"
      return base + (readable && writable ? "+" : "")
    }

    init(_ mode: String) throws {
      var seen = Set<Character>()
      for character in mode {
        guard "rwaxbt+U".contains(character), !seen.contains(character) else {
          throw Interpreter.valueError("invalid mode: '\(mode)'")
        }
        seen.insert(character)
      }
      let kinds = seen.intersection(["r", "w", "a", "x"])
      if seen.contains("t") && seen.contains("b") {
        throw Interpreter.valueError("can't have text and binary mode at once")
      }
      guard kinds.count == 1, let kind = kinds.first else {
        throw Interpreter.valueError("must have exactly one of create/read/write/append mode")
      }
      binary = seen.contains("b")
      let update = seen.contains("+")
      switch kind {
      case "r": readable = true
      case "w": writable = true
      case "a":
        writable = true
        appending = true
      default:
        writable = true
        creating = true
      }
      if update {
        readable = true
        writable = true
      }
      flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY
      switch kind {
      case "w": flags |= O_CREAT | O_TRUNC
      case "a": flags |= O_CREAT | O_APPEND
      case "x": flags |= O_CREAT | O_EXCL
      default: break
      }
    }
  }

  static func install() {
    for type in [FileObject.textType, FileObject.readerType, FileObject.writerType, FileObject.randomType] {
      installMethods(type)
    }
  }

  private static func file(_ arguments: inout CallArguments, _ method: String) throws -> FileObject {
    guard case .object(let file as FileObject)? = arguments.positional.first else {
      throw Interpreter.typeError("descriptor '\(method)' requires a file object")
    }
    arguments.positional.removeFirst()
    return file
  }

  /// A size argument: `None` or negative means "all".
  private static func size(_ interpreter: Interpreter, _ value: Value?) throws -> Int {
    guard let value, !value.isNone else { return -1 }
    guard case .int(let number) = value else {
      throw Interpreter.typeError("argument should be integer or None, not '\(Runtime.typeName(value))'")
    }
    return number
  }

  private static func installMethods(_ type: TypeObject) {
    func add(
      _ name: String, _ body: @escaping (Interpreter, FileObject, [Value?]) throws -> Value, _ parameters: [String] = []
    ) {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let file = try file(&arguments, name)
        let values = try PythonSignature(name, parameters, required: 0).bind(arguments)
        return try body(interpreter, file, values)
      }
    }
    add(
      "read",
      { interpreter, file, values in
        try file.checkReadable()
        let count = try size(interpreter, values[0])
        if file.isBinary {
          return .bytes(count < 0 ? try file.readAllBytes(interpreter) : try file.readBytes(count, interpreter))
        }
        if count < 0 { return .str(try file.decode(try file.readAllBytes(interpreter), interpreter)) }
        return .str(try file.readCharacters(count, interpreter))
      }, ["size"])
    add(
      "readline",
      { interpreter, file, values in
        try file.checkReadable()
        let line = try file.readLineBytes(interpreter, limit: try size(interpreter, values[0]))
        return try file.value(of: line, interpreter)
      }, ["size"])
    add(
      "readlines",
      { interpreter, file, values in
        try file.checkReadable()
        let hint = try size(interpreter, values[0])
        var lines: [Value] = []
        var total = 0
        while true {
          let line = try file.readLineBytes(interpreter)
          if line.isEmpty { break }
          lines.append(try file.value(of: line, interpreter))
          total += line.count
          if hint > 0 && total >= hint { break }
        }
        return .list(ListObject(lines))
      }, ["hint"])
    add(
      "write",
      { interpreter, file, values in
        try file.checkWritable()
        guard let value = values[0] else { throw Interpreter.typeError("write() takes exactly one argument (0 given)") }
        return .int(try write(value, to: file, interpreter))
      }, ["s"])
    add(
      "writelines",
      { interpreter, file, values in
        try file.checkWritable()
        guard let lines = values[0] else {
          throw Interpreter.typeError("writelines() takes exactly one argument (0 given)")
        }
        for line in try interpreter.iterateToArray(lines) { _ = try write(line, to: file, interpreter) }
        return .none
      }, ["lines"])
    add(
      "flush",
      { interpreter, file, _ in
        try file.checkOpen()
        try file.flushBuffer(interpreter)
        return .none
      })
    add(
      "close",
      { interpreter, file, _ in
        try file.close(interpreter)
        return .none
      })
    add(
      "seek",
      { interpreter, file, values in
        try file.checkOpen()
        guard let offsetValue = values[0] else {
          throw Interpreter.typeError("seek expected at least 1 argument, got 0")
        }
        let offset = try interpreter.asIndex(offsetValue, "offset")
        let whence = try values[1].map { try interpreter.asIndex($0, "whence") } ?? 0
        guard (0...2).contains(whence) else {
          throw Interpreter.valueError("invalid whence (\(whence), should be 0, 1 or 2)")
        }
        if !file.isBinary && whence != 0 && offset != 0 {
          throw Interpreter.error(
            FileObject.unsupportedOperation, "can't do nonzero \(whence == 1 ? "cur" : "end")-relative seeks")
        }
        return .int(try file.seek(offset, whence: Int32(whence), interpreter))
      }, ["offset", "whence"])
    add(
      "tell",
      { interpreter, file, _ in
        try file.checkOpen()
        return .int(try file.tell(interpreter))
      })
    add(
      "truncate",
      { interpreter, file, values in
        try file.checkWritable()
        let size = try values[0].flatMap { $0.isNone ? nil : try interpreter.asIndex($0, "size") }
        return .int(try file.truncate(size, interpreter))
      }, ["size"])
    add(
      "fileno",
      { _, file, _ in
        try file.checkOpen()
        return .int(Int(file.descriptor))
      })
    add(
      "isatty",
      { _, file, _ in
        try file.checkOpen()
        return .bool(isatty(file.descriptor) == 1)
      })
    add(
      "readable",
      { _, file, _ in
        try file.checkOpen()
        return .bool(file.canRead)
      })
    add(
      "writable",
      { _, file, _ in
        try file.checkOpen()
        return .bool(file.canWrite)
      })
    add(
      "seekable",
      { _, file, _ in
        try file.checkOpen()
        return .bool(lseek(file.descriptor, 0, SEEK_CUR) >= 0)
      })
    add(
      "__enter__",
      { _, file, _ in
        try file.checkOpen()
        return .object(file)
      })
    BuiltinMethods.add(type, "__exit__") { interpreter, arguments in
      try file(&arguments, "__exit__").close(interpreter)
      return .none
    }
    add(
      "__iter__",
      { _, file, _ in
        try file.checkOpen()
        return .object(file)
      })
    add(
      "__next__",
      { interpreter, file, _ in
        try file.checkReadable()
        let line = try file.readLineBytes(interpreter)
        if line.isEmpty { throw ScriptException(ExceptionObject(cls: BuiltinTypes.stopIteration, args: [])) }
        return try file.value(of: line, interpreter)
      })
    add(
      "__repr__",
      { interpreter, file, _ in
        let kind = file.pyType.name
        let encoding = file.isBinary ? "" : " encoding='\(file.encodingName)'"
        let mode = file.isBinary ? "" : " mode='\(file.mode)'"
        return .str("<_io.\(kind) name=\(try interpreter.repr(file.name))\(mode)\(encoding)>")
      })
    for (name, value) in [
      ("name", { (file: FileObject) in file.name }), ("mode", { .str($0.mode) }), ("closed", { .bool($0.closed) }),
      ("encoding", { .str($0.encodingName) }), ("errors", { .str($0.errors) }),
    ] as [(String, (FileObject) -> Value)] {
      type.dict[name] = .object(
        PropertyObject(
          getter: .object(
            BuiltinFunction(name) { _, arguments in
              value(try file(&arguments, name))
            }), setter: nil, deleter: nil))
    }
  }

  /// Writes a str (text mode) or bytes (binary mode); the count of characters or bytes.
  private static func write(_ value: Value, to file: FileObject, _ interpreter: Interpreter) throws -> Int {
    switch value {
    case .str(let text) where !file.isBinary:
      try file.write(
        try Codecs.encode(text, encoding: .str(file.encoding), errors: .str(file.errors), interpreter), interpreter)
      return text.unicodeScalars.count
    case .bytes(let data) where file.isBinary:
      try file.write(data, interpreter)
      return data.count
    default:
      if file.isBinary {
        throw Interpreter.typeError("a bytes-like object is required, not '\(Runtime.typeName(value))'")
      }
      throw Interpreter.typeError("write() argument must be str, not \(Runtime.typeName(value))")
    }
  }
}
