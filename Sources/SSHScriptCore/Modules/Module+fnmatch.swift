/// `fnmatch`: `fnmatch`, `fnmatchcase` and `filter` with the shell patterns of `glob`
/// (`FnmatchPattern`); case-sensitive, as on POSIX.
enum FnmatchModule {
  static let pythonOnlyNames: Set<String> = ["translate"]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "fnmatch", path: nil)
    let globals = module.globals
    /// The text of a name or pattern as `re` sees it; bytes are matched byte by byte.
    func scalars(_ value: Value) throws -> ([Unicode.Scalar], Bool) {
      switch value {
      case .str(let text): return (Array(text.unicodeScalars), false)
      case .bytes(let data): return (data.map { Unicode.Scalar($0) }, true)
      default:
        throw Interpreter.typeError("expected string or bytes-like object, got '\(Runtime.typeName(value))'")
      }
    }
    func matches(_ name: Value, _ pattern: Value) throws -> Bool {
      let (nameScalars, nameIsBytes) = try scalars(name)
      let (patternScalars, patternIsBytes) = try scalars(pattern)
      if nameIsBytes != patternIsBytes {
        throw Interpreter.typeError(
          patternIsBytes
            ? "cannot use a bytes pattern on a string-like object"
            : "cannot use a string pattern on a bytes-like object")
      }
      return FnmatchPattern(patternScalars).matches(nameScalars)
    }
    globals.function("fnmatch") { interpreter, arguments in
      let values = try PythonSignature("fnmatch", ["name", "pat"]).bind(arguments)
      let name = try PathArgument.generic(interpreter, values[0]!).value
      let pattern = try PathArgument.generic(interpreter, values[1]!).value
      return .bool(try matches(name, pattern))
    }
    globals.function("fnmatchcase") { _, arguments in
      let values = try PythonSignature("fnmatchcase", ["name", "pat"]).bind(arguments)
      return .bool(try matches(values[0]!, values[1]!))
    }
    globals.function("filter") { interpreter, arguments in
      let values = try PythonSignature("filter", ["names", "pat"]).bind(arguments)
      let pattern = try PathArgument.generic(interpreter, values[1]!).value
      var result: [Value] = []
      try interpreter.forEach(values[0]!) { name in
        let path = try PathArgument.generic(interpreter, name).value
        if try matches(path, pattern) { result.append(name) }
        return true
      }
      return .list(ListObject(result))
    }
    return module
  }
}
