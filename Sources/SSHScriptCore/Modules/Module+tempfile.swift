import Foundation

/// `tempfile` (LANGUAGE.md §8.6): `mkdtemp`, `mkstemp`, `gettempdir`, `TemporaryDirectory`.
/// `NamedTemporaryFile` needs file objects, which this build does not have yet.
enum TempfileModule {
  static let pythonOnlyNames: Set<String> = [
    "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "mktemp",
  ]

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
    globals.function("mkstemp") { interpreter, arguments in
      let values = try PythonSignature("mkstemp", ["suffix", "prefix", "dir", "text"], required: 0).bind(arguments)
      let (prefix, suffix, directory, isBytes) = try parameters(values, interpreter)
      for _ in 0..<10000 {
        let path = OSPathModule.join(directory, prefix + randomName() + suffix)
        let argument = PathArgument(value: .str(String(decoding: path, as: UTF8.self)), bytes: path, isBytes: false)
        let descriptor = try argument.withCString { open($0, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        if descriptor >= 0 { return .tuple([.int(Int(descriptor)), result(path, isBytes)]) }
        if errno == EEXIST { continue }
        throw OSErrors.current(argument.value)
      }
      throw Interpreter.error(BuiltinTypes.fileExistsError, "No usable temporary file name found")
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
