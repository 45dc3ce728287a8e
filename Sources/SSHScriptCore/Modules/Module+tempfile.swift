import Foundation

/// `tempfile` (LANGUAGE.md §8.6): `mkdtemp`, `mkstemp`, `gettempdir`, `TemporaryDirectory`,
/// `NamedTemporaryFile`, `TemporaryFile`.
enum TempfileModule {
  static let pythonOnlyNames: Set<String> = ["SpooledTemporaryFile", "mktemp"]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "tempfile", path: nil)
    let globals = module.globals
    globals["tempdir"] = Value.none
    globals["template"] = .str("tmp")
    globals["TMP_MAX"] = .int(10000)

    func temporaryDirectory() throws -> String {
      if case .str(let cached)? = globals["tempdir"] { return cached }
      let found = try findTemporaryDirectory(interpreter)
      globals["tempdir"] = .str(found)
      return found
    }
    globals.function("gettempdir") { _, arguments in
      _ = try PythonSignature("gettempdir", []).bind(arguments)
      return .str(try temporaryDirectory())
    }
    globals.function("gettempdirb") { _, arguments in
      _ = try PythonSignature("gettempdirb", []).bind(arguments)
      return .bytes(Array(try temporaryDirectory().utf8))
    }
    globals.function("gettempprefix") { _, arguments in
      _ = try PythonSignature("gettempprefix", []).bind(arguments)
      return .str("tmp")
    }
    globals.function("gettempprefixb") { _, arguments in
      _ = try PythonSignature("gettempprefixb", []).bind(arguments)
      return .bytes(Array("tmp".utf8))
    }

    /// `_sanitize_params`: (prefix, suffix, dir) as bytes, and whether the result is bytes.
    func parameters(_ values: [Value?], _ interpreter: Interpreter) throws -> ([UInt8], [UInt8], [UInt8], Bool) {
      let suffix = values[0] ?? Value.none
      let prefix = values[1] ?? Value.none
      let directory = values[2] ?? Value.none
      var kinds: Set<Bool> = []
      var parts: [[UInt8]?] = []
      for value in [prefix, suffix, directory] {
        if value.isNone {
          parts.append(nil)
          continue
        }
        guard let path = try PathArgument.fspath(interpreter, value) else {
          throw Interpreter.typeError("expected str, bytes or os.PathLike object, not \(Runtime.typeName(value))")
        }
        kinds.insert(path.isBytes)
        parts.append(path.bytes)
      }
      if kinds.count > 1 { throw Interpreter.typeError("Can't mix bytes and non-bytes in path components.") }
      return (
        parts[0] ?? Array("tmp".utf8), parts[1] ?? [], try parts[2] ?? Array(temporaryDirectory().utf8),
        kinds.first ?? false
      )
    }
    func result(_ path: [UInt8], _ isBytes: Bool) -> Value {
      isBytes ? .bytes(path) : .str(String(decoding: path, as: UTF8.self))
    }

    func makeDirectory(_ prefix: [UInt8], _ suffix: [UInt8], _ directory: [UInt8]) throws -> [UInt8] {
      for _ in 0..<10000 {
        let path = OSPathModule.join(directory, prefix + randomName() + suffix)
        let argument = PathArgument(value: .str(String(decoding: path, as: UTF8.self)), bytes: path, isBytes: false)
        if try argument.withCString({ mkdir($0, 0o700) }) == 0 { return path }
        if errno == EEXIST { continue }
        throw OSErrors.current(argument.value)
      }
      throw Interpreter.error(BuiltinTypes.fileExistsError, "No usable temporary directory name found")
    }

    globals.function("mkdtemp") { interpreter, arguments in
      let values = try PythonSignature("mkdtemp", ["suffix", "prefix", "dir"], required: 0).bind(arguments)
      let (prefix, suffix, directory, isBytes) = try parameters(values, interpreter)
      return result(try makeDirectory(prefix, suffix, directory), isBytes)
    }
    /// A new file, opened read-write by this process only: its descriptor and path.
    func makeFile(_ prefix: [UInt8], _ suffix: [UInt8], _ directory: [UInt8]) throws -> (Int32, [UInt8]) {
      for _ in 0..<10000 {
        let path = OSPathModule.join(directory, prefix + randomName() + suffix)
        let argument = PathArgument(value: .str(String(decoding: path, as: UTF8.self)), bytes: path, isBytes: false)
        let descriptor = try argument.withCString { open($0, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        if descriptor >= 0 { return (descriptor, path) }
        if errno == EEXIST { continue }
        throw OSErrors.current(argument.value)
      }
      throw Interpreter.error(BuiltinTypes.fileExistsError, "No usable temporary file name found")
    }
    globals.function("mkstemp") { interpreter, arguments in
      let values = try PythonSignature("mkstemp", ["suffix", "prefix", "dir", "text"], required: 0).bind(arguments)
      let (prefix, suffix, directory, isBytes) = try parameters(values, interpreter)
      let (descriptor, path) = try makeFile(prefix, suffix, directory)
      return .tuple([.int(Int(descriptor)), result(path, isBytes)])
    }

    /// `NamedTemporaryFile` / `TemporaryFile`: the file object `open()` makes on the new descriptor.
    let fileParameters = [
      "mode", "buffering", "encoding", "newline", "suffix", "prefix", "dir", "delete",
    ]
    func openTemporary(_ interpreter: Interpreter, _ values: [Value?]) throws -> (FileObject, [UInt8], Bool) {
      let (prefix, suffix, directory, isBytes) = try parameters([values[4], values[5], values[6]], interpreter)
      let (descriptor, path) = try makeFile(prefix, suffix, directory)
      var options: [(name: String, value: Value)] = [("closefd", .true)]
      if let encoding = values[2], !encoding.isNone { options.append(("encoding", encoding)) }
      if let newline = values[3], !newline.isNone { options.append(("newline", newline)) }
      if let errors = values[8], !errors.isNone { options.append(("errors", errors)) }
      var arguments = CallArguments([.int(Int(descriptor)), values[0] ?? .str("w+b")], keywords: options)
      let opened: Value
      do {
        opened = try interpreter.call(.object(FileMethods.open), &arguments)
      } catch {
        close(descriptor)
        unlink(String(decoding: path, as: UTF8.self))
        throw error
      }
      guard case .object(let file as FileObject) = opened else { throw Interpreter.typeError("open() failed") }
      return (file, path, isBytes)
    }
    let wrapperType = makeWrapperType()
    globals.function("NamedTemporaryFile") { interpreter, arguments in
      let values = try PythonSignature("NamedTemporaryFile", fileParameters, required: 0, keywordOnly: ["errors"])
        .bind(arguments)
      let (file, path, isBytes) = try openTemporary(interpreter, values)
      let wrapper = Instance(cls: wrapperType)
      wrapper.attributes["file"] = .object(file)
      wrapper.attributes["name"] = result(path, isBytes)
      wrapper.attributes["delete"] = .bool(try values[7].map { try interpreter.truthy($0) } ?? true)
      return .object(wrapper)
    }
    globals.function("TemporaryFile") { interpreter, arguments in
      let values = try PythonSignature(
        "TemporaryFile", Array(fileParameters.dropLast()), required: 0, keywordOnly: ["errors"]
      ).bind(arguments)
      let (file, path, _) = try openTemporary(interpreter, values + [nil])
      // Unlinked at once: the file lives as long as its descriptor.
      unlink(String(decoding: path, as: UTF8.self))
      return .object(file)
    }

    let directoryType = TypeObject.moduleClass("TemporaryDirectory", module: "tempfile")
    directoryType.method("__init__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, directoryType, "__init__")
      let values = try PythonSignature(
        "TemporaryDirectory.__init__", ["suffix", "prefix", "dir", "ignore_cleanup_errors"], required: 0, self: true
      ).bind(arguments)
      let (prefix, suffix, directory, isBytes) = try parameters(values, interpreter)
      let ignoreErrors = try values[3].map { try interpreter.truthy($0) } ?? false
      instance.attributes["name"] = result(try makeDirectory(prefix, suffix, directory), isBytes)
      instance.attributes["_ignore_cleanup_errors"] = .bool(ignoreErrors)
      return .none
    }
    func cleanup(_ instance: Instance) throws {
      guard let name = instance.attributes["name"], instance.attributes["_closed"] == nil else { return }
      instance.attributes["_closed"] = .true
      let path = try PathArgument.generic(interpreter, name)
      do {
        try removeTree(path.bytes)
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.osError) {
        if case .bool(true)? = instance.attributes["_ignore_cleanup_errors"] { return }
        if failure.exception.isInstance(of: BuiltinTypes.fileNotFoundError) { return }
        throw failure
      }
    }
    directoryType.method("__enter__") { _, arguments in
      let instance = try moduleInstance(&arguments, directoryType, "__enter__")
      return instance.attributes["name"] ?? Value.none
    }
    directoryType.method("__exit__") { _, arguments in
      try cleanup(try moduleInstance(&arguments, directoryType, "__exit__"))
      return .none
    }
    directoryType.method("cleanup") { _, arguments in
      try cleanup(try moduleInstance(&arguments, directoryType, "cleanup"))
      return .none
    }
    directoryType.method("__repr__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, directoryType, "__repr__")
      return .str("<TemporaryDirectory \(try interpreter.repr(instance.attributes["name"] ?? Value.none))>")
    }
    globals["TemporaryDirectory"] = .object(directoryType)
    return module
  }

  /// `tempfile._TemporaryFileWrapper`: the file (`.file`) with its path (`.name`); other
  /// attributes are the file's. Closing it removes the file unless `delete=False`.
  private static func makeWrapperType() -> TypeObject {
    let type = TypeObject.moduleClass("_TemporaryFileWrapper", module: "tempfile")
    func file(_ instance: Instance) -> Value { instance.attributes["file"] ?? Value.none }
    func close(_ interpreter: Interpreter, _ instance: Instance) throws {
      _ = try interpreter.call(try interpreter.getAttribute(file(instance), "close"), [])
      guard case .bool(true)? = instance.attributes["delete"], instance.attributes["_removed"] == nil,
        let name = instance.attributes["name"]
      else { return }
      instance.attributes["_removed"] = .true
      let path = try PathArgument.generic(interpreter, name)
      _ = try path.withCString { unlink($0) }
    }
    type.method("__getattr__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__getattr__")
      guard case .str(let name)? = arguments.positional.first else { throw Interpreter.typeError("attribute name") }
      return try interpreter.getAttribute(file(instance), name)
    }
    type.method("close") { interpreter, arguments in
      try close(interpreter, try moduleInstance(&arguments, type, "close"))
      return .none
    }
    type.method("__enter__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__enter__")
      _ = try interpreter.call(try interpreter.getAttribute(file(instance), "__enter__"), [])
      return .object(instance)
    }
    type.method("__exit__") { interpreter, arguments in
      try close(interpreter, try moduleInstance(&arguments, type, "__exit__"))
      return .none
    }
    type.method("__iter__") { _, arguments in
      file(try moduleInstance(&arguments, type, "__iter__"))
    }
    return type
  }

  /// Eight characters from CPython's alphabet.
  static func randomName() -> [UInt8] {
    let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789_".utf8)
    var generator = SystemRandomNumberGenerator()
    return (0..<8).map { _ in characters[Int(generator.next(upperBound: UInt(characters.count)))] }
  }

  /// `tempfile._get_default_tempdir`: `$TMPDIR`, `$TEMP`, `$TMP`, then the usual places, then
  /// the current directory; the first one where a file can be created.
  static func findTemporaryDirectory(_ interpreter: Interpreter) throws -> String {
    var candidates: [String] = []
    for name in ["TMPDIR", "TEMP", "TMP"] {
      if let value = OSPathModule.environmentValue(interpreter, name), !value.isEmpty { candidates.append(value) }
    }
    candidates += ["/tmp", "/var/tmp", "/usr/tmp"]
    let current = try OSModule.currentDirectory()
    candidates.append(current)
    for candidate in candidates {
      let directory =
        candidate == "." ? candidate : String(decoding: try OSPathModule.absolute(Array(candidate.utf8)), as: UTF8.self)
      let probe = OSPathModule.join(Array(directory.utf8), Array("tmp".utf8) + randomName())
      let path = String(decoding: probe, as: UTF8.self)
      let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if descriptor >= 0 {
        close(descriptor)
        unlink(path)
        return directory
      }
    }
    throw Interpreter.error(
      BuiltinTypes.fileNotFoundError,
      "No usable temporary directory found in [" + candidates.map(PythonRepr.string).joined(separator: ", ") + "]")
  }

  /// Removes a file or a directory tree (without following symbolic links).
  static func removeTree(_ path: [UInt8]) throws {
    let argument = PathArgument(value: .str(String(decoding: path, as: UTF8.self)), bytes: path, isBytes: false)
    let info = try OSModule.statPath(argument, follow: false)
    if OSModule.isDirectory(info) {
      for name in try OSModule.listDirectory(argument) { try removeTree(OSPathModule.join(path, name)) }
      guard try argument.withCString({ rmdir($0) }) == 0 else { throw OSErrors.current(argument.value) }
    } else {
      guard try argument.withCString({ unlink($0) }) == 0 else { throw OSErrors.current(argument.value) }
    }
  }
}
