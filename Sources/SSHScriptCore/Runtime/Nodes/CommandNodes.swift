import Foundation

/// A command form (LANGUAGE.md §3): builds the command text or vector, runs it on the local
/// session, records the result as the scope's last result and applies careful mode.
final class CommandNode: Expression {
  let dollars: Command.Dollars
  /// The text of the bare, string and f-string forms.
  let template: FStringNode?
  /// The value of `$(expr, …)` and its options (`nil` name: `**mapping`).
  let value: Expression?
  let options: [(name: String?, value: Expression)]

  init(
    dollars: Command.Dollars, template: FStringNode?, value: Expression?,
    options: [(name: String?, value: Expression)], span: Span
  ) {
    self.dollars = dollars
    self.template = template
    self.value = value
    self.options = options
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let request: CommandRequest
    if let template {
      request = try Self.textRequest(try template.render(frame), dollars)
    } else {
      request = try Self.expressionRequest(try value!.evaluate(frame), frame.interpreter)
    }
    let interpreter = frame.interpreter
    return try Self.run(
      request, options: try evaluatedOptions(frame), on: interpreter.sessions.top, interpreter, recordingIn: frame)
  }

  /// Applies the options (`timeout=`, `check=`, `input=`), runs the command on `session`,
  /// records its result in `frame`'s scope (when given) and raises in careful mode.
  static func run(
    _ request: CommandRequest, options: [(String, Value)], on session: Session, _ interpreter: Interpreter,
    recordingIn frame: Frame?
  ) throws -> Value {
    var request = request
    var check: Bool?
    for (name, value) in options {
      switch name {
      case "timeout":
        if value.isNone { continue }
        guard let seconds = NumericValue(value)?.double, seconds > 0 else {
          throw Interpreter.valueError("timeout must be a positive number of seconds")
        }
        request.timeout = seconds
      case "check":
        check = value.isNone ? nil : try interpreter.truthy(value)
      case "input":
        switch value {
        case .str(let text): request.input = Array(text.utf8)
        case .bytes(let data): request.input = data
        case .none: request.input = nil
        default: throw Interpreter.typeError("input must be str or bytes, not \(Runtime.typeName(value))")
        }
      default:
        throw Interpreter.typeError("$() got an unexpected keyword argument '\(name)'")
      }
    }
    request.careful = check ?? session.careful
    let outcome = try session.run(request, interpreter)
    let result = CommandResults.make(outcome, host: session.host)
    if let frame { CommandResults.record(result, frame) }
    if outcome.exitCode != 0 && request.careful { throw CommandResults.carefulError(result) }
    return result
  }

  /// §3.2: the dedented text; for `$$`, a `#!` first line names the interpreter.
  static func textRequest(_ raw: String, _ dollars: Command.Dollars) throws -> CommandRequest {
    let text = ShellSyntax.dedent(raw)
    switch dollars {
    case .one: return CommandRequest(kind: .oneDollar(text), command: text)
    case .two:
      if text.allSatisfy({ $0.isWhitespace }) { return CommandRequest(kind: .oneDollar(""), command: "") }
      return CommandRequest(kind: .twoDollars(text), command: text)
    }
  }

  static func expressionRequest(_ value: Value, _ interpreter: Interpreter) throws -> CommandRequest {
    switch value {
    case .str(let text): return try textRequest(text, .one)
    case .list, .tuple:
      let items = try interpreter.iterateToArray(value)
      let words = try items.map { item -> String in
        guard case .str(let word) = item else {
          throw Interpreter.typeError("command arguments must be str, not \(Runtime.typeName(item))")
        }
        return word
      }
      return CommandRequest(kind: .vector(words), command: words.map { ShellQuote.quote($0) }.joined(separator: " "))
    default:
      throw Interpreter.typeError("command must be str, list or tuple, not \(Runtime.typeName(value))")
    }
  }

  private func evaluatedOptions(_ frame: Frame) throws -> [(String, Value)] {
    var result: [(String, Value)] = []
    for (name, expression) in options {
      let value = try expression.evaluate(frame)
      if let name {
        result.append((name, value))
        continue
      }
      guard case .dict(let mapping) = value else {
        throw Interpreter.typeError("$() argument after ** must be a mapping, not \(Runtime.typeName(value))")
      }
      for (key, item) in mapping.storage {
        guard case .str(let keyName) = key.value else { throw Interpreter.typeError("keywords must be strings") }
        result.append((keyName, item))
      }
    }
    return result
  }
}

/// `$.name` outside a console (LANGUAGE.md §7): the results of the scope, `exit` and `break`,
/// and the members acting on the effective session (`DollarMembers`).
final class DollarAttributeNode: Expression {
  let name: String

  init(name: String, span: Span) {
    self.name = name
    super.init(span: span)
  }

  /// Names of later SSHScript versions, with what to use instead.
  private static let hints: [String: String] = [
    "stop": "use $.exit(code)", "set": "use $.careful()", "get": "use $.careful()", "client": "not available in sshs",
    "sftp": "not available in sshs",
  ]
  static let names = ["stdout", "stderr", "exitcode", "rawstdout", "rawstderr", "exit", "break"] + DollarMembers.names

  override func evaluate(_ frame: Frame) throws -> Value {
    switch name {
    case "stdout", "stderr", "exitcode", "rawstdout", "rawstderr":
      return try CommandResults.last(frame, reading: name).attributes[name] ?? Value.none
    case "exit", "break":
      let name = self.name
      let type = name == "exit" ? BuiltinTypes.sshScriptExit : BuiltinTypes.sshScriptBreak
      return .object(
        BuiltinFunction(name) { _, arguments in
          let values = try PythonSignature(name, ["code", "message"], required: 0).bind(arguments)
          let exit = ExceptionObject(cls: type, args: [values[0] ?? .int(0)])
          // Printed when the program ends, after `finally` blocks and `with` exits have run.
          exit.attributes["message"] = values[1] ?? .str("")
          throw ScriptException(exit)
        })
    default:
      if let found = DollarMembers.value(name, frame.interpreter, frame: frame) { return found }
      let hint = Self.hints[name].map { " (\($0))" } ?? ""
      let failure = Interpreter.attributeError("'$' object has no attribute '\(name)'\(hint)")
      if hint.isEmpty { failure.exception.hint = Suggestions.closest(to: name, in: Self.names.sorted()) }
      throw failure
    }
  }
}
