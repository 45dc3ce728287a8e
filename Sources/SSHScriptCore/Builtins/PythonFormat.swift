/// Python's string formatting: the format-spec mini-language (`format()`, f-strings,
/// `str.format`) and printf-style `%` formatting.
enum PythonFormat {
  /// `format(value, spec)`.
  static func format(_ value: Value, _ spec: String, _ interpreter: Interpreter) throws -> String {
    if spec.isEmpty { return try interpreter.str(value) }
    throw Interpreter.unsupported("format specifications")
  }

  /// `template % arguments`.
  static func percent(_ template: String, _ arguments: Value, _ interpreter: Interpreter) throws -> String {
    throw Interpreter.unsupported("%-formatting")
  }

  /// `template.format(*args, **kwargs)`.
  static func strFormat(_ template: String, _ arguments: CallArguments, _ interpreter: Interpreter) throws -> String {
    throw Interpreter.unsupported("str.format")
  }
}
