/// `traceback` (LANGUAGE.md §8.6, extended): `format_exc`, `print_exc`, `format_exception`,
/// `print_exception`, `format_exception_only`, with the text of an uncaught exception.
enum TracebackModule {
  static let pythonOnlyNames: Set<String> = [
    "format_tb", "extract_tb", "extract_stack", "format_stack", "print_stack", "print_tb", "walk_tb", "walk_stack",
    "TracebackException", "StackSummary", "FrameSummary", "format_list", "print_list", "print_last", "clear_frames",
  ]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "traceback", path: nil)
    let globals = module.globals
    globals.function("format_exc") { interpreter, arguments in
      _ = try PythonSignature("format_exc", ["limit", "chain"], required: 0).bind(arguments)
      return .str(text(interpreter, interpreter.handledExceptions.last))
    }
    globals.function("print_exc") { interpreter, arguments in
      let values = try PythonSignature("print_exc", ["limit", "file", "chain"], required: 0).bind(arguments)
      try write(interpreter, text(interpreter, interpreter.handledExceptions.last), to: values[1])
      return .none
    }
    globals.function("format_exception") { interpreter, arguments in
      let values = try PythonSignature("format_exception", ["exc", "value", "tb", "limit", "chain"], required: 1)
        .bind(arguments)
      let exception = try chosen(values[0]!, values[1])
      return .list(ListObject(chunks(text(interpreter, exception)).map { .str($0) }))
    }
    globals.function("print_exception") { interpreter, arguments in
      let values = try PythonSignature(
        "print_exception", ["exc", "value", "tb", "limit", "file", "chain"], required: 1
      ).bind(arguments)
      try write(interpreter, text(interpreter, try chosen(values[0]!, values[1])), to: values[4])
      return .none
    }
    globals.function("format_exception_only") { interpreter, arguments in
      let values = try PythonSignature("format_exception_only", ["exc", "value"], required: 1).bind(arguments)
      guard let exception = try chosen(values[0]!, values[1]) else {
        return .list(ListObject([.str("NoneType: None\n")]))
      }
      return .list(ListObject([.str(interpreter.exceptionLine(exception) + "\n")]))
    }
    return module
  }

  /// The exception of `format_exception(exc)` or of the older `(type, value, tb)` form.
  private static func chosen(_ first: Value, _ value: Value?) throws -> ExceptionObject? {
    let candidate = (value.map { $0.isNone ? first : $0 }) ?? first
    if case .object(let exception as ExceptionObject) = candidate { return exception }
    if candidate.isNone { return nil }
    throw Interpreter.typeError("Exception expected for value, \(Runtime.typeName(candidate)) found")
  }

  private static func text(_ interpreter: Interpreter, _ exception: ExceptionObject?) -> String {
    guard let exception else { return "NoneType: None\n" }
    return interpreter.formatTraceback(exception)
  }

  /// The pieces `format_exception` returns: the header, one per frame (its source line with it),
  /// the chaining messages, and the exception line.
  private static func chunks(_ text: String) -> [String] {
    var result: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      let piece = line + "\n"
      if line.hasPrefix("    "), let last = result.last, last.hasPrefix("  File ") {
        result[result.count - 1] += piece
      } else {
        result.append(String(piece))
      }
    }
    return result
  }

  private static func write(_ interpreter: Interpreter, _ text: String, to file: Value?) throws {
    if let file, !file.isNone {
      _ = try interpreter.call(try interpreter.getAttribute(file, "write"), [.str(text)])
    } else {
      interpreter.writeStderr(text)
    }
  }
}
