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
    return try Self.run(request, options: try evaluatedOptions(frame), frame)
  }

  /// Applies the options (`timeout=`, `check=`, `input=`), runs the command, records its result
  /// in `frame`'s scope and raises in careful mode.
  static func run(_ request: CommandRequest, options: [(String, Value)], _ frame: Frame) throws -> Value {
    let interpreter = frame.interpreter
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
    request.careful = check ?? interpreter.careful
    let outcome = try LocalCommand.run(request, interpreter)
    let result = CommandResults.make(outcome)
    CommandResults.record(result, frame)
    if outcome.exitCode != 0 && (check ?? interpreter.careful) { throw CommandResults.carefulError(result) }
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

/// `$.name` outside a console (LANGUAGE.md §7), on the local session.
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
  static let names = [
    "stdout", "stderr", "exitcode", "rawstdout", "rawstderr", "careful", "quote", "host", "username", "connected",
    "exit", "break", "trim", "thread", "exec_command", "logger", "session", "port", "parent", "enter", "shell",
    "iterate", "sudo", "su",
  ]

  override func evaluate(_ frame: Frame) throws -> Value {
    switch name {
    case "stdout", "stderr", "exitcode", "rawstdout", "rawstderr":
      return try CommandResults.last(frame, reading: name).attributes[name] ?? Value.none
    case "careful":
      return .object(
        BuiltinFunction("careful") { interpreter, arguments in
          try ArgumentReader.exactlyAtMost(1, "careful", arguments)
          guard let flag = arguments.positional.first, !flag.isNone else { return .bool(interpreter.careful) }
          interpreter.careful = try interpreter.truthy(flag)
          return .none
        })
    case "quote":
      return .object(
        BuiltinFunction("quote") { interpreter, arguments in
          try ArgumentReader.exactly(1, "quote", arguments)
          return .str(ShellQuote.quote(arguments.positional[0], interpreter))
        })
    case "exec_command":
      // `$.exec_command(cmd, timeout=None, check=None, input=None)`: as `$(cmd, …)`.
      return .object(
        BuiltinFunction("exec_command") { interpreter, arguments in
          let values = try PythonSignature("exec_command", ["cmd", "timeout", "check", "input"], required: 1)
            .bind(arguments)
          let request = try CommandNode.expressionRequest(values[0]!, interpreter)
          let options = zip(["timeout", "check", "input"], values.dropFirst()).compactMap { name, value in
            value.map { (name, $0) }
          }
          return try CommandNode.run(request, options: options, frame)
        })
    case "thread":
      // SSHScript 2.0's `$.thread(target=…, args=…)`: a `threading.Thread`.
      return .object(
        BuiltinFunction("thread") { interpreter, arguments in
          var arguments = arguments
          return try interpreter.call(.object(ThreadingModule.threadType), &arguments)
        })
    case "logger": return .object(Instance(cls: DollarLogger.type))
    case "enter":
      return .object(ConsoleType.enter(inside: nil))
    case "sudo", "su":
      return .object(ConsoleType.elevation(name, inside: nil))
    case "iterate":
      return .object(ConsoleType.iterate(inside: nil))
    case "shell":
      return .object(
        BuiltinFunction("shell") { interpreter, arguments in
          let values = try PythonSignature("shell", ["command", "timeout"], required: 0).bind(arguments)
          var text: String?
          if case .str(let command)? = values[0] { text = command }
          var limit = 10.0
          if let value = values[1], !value.isNone {
            guard let seconds = NumericValue(value)?.double, seconds > 0 else {
              throw Interpreter.valueError("timeout must be a positive number of seconds")
            }
            limit = seconds
          }
          return .object(try ConsoleObject.open(header: text, interpreter, startTimeout: limit))
        })
    case "host": return .none
    case "connected": return .false
    case "username": return .str(LocalSession.userName)
    case "session": return frame.interpreter.localSession
    case "port", "parent": return .none
    case "exit", "break":
      let name = self.name
      let type = name == "exit" ? BuiltinTypes.sshScriptExit : BuiltinTypes.sshScriptBreak
      return .object(
        BuiltinFunction(name) { interpreter, arguments in
          let values = try PythonSignature(name, ["code", "message"], required: 0).bind(arguments)
          let exit = ExceptionObject(cls: type, args: [values[0] ?? .int(0)])
          // Printed when the program ends, after `finally` blocks and `with` exits have run.
          exit.attributes["message"] = values[1] ?? .str("")
          throw ScriptException(exit)
        })
    case "trim":
      return .object(
        BuiltinFunction("trim") { _, arguments in
          try ArgumentReader.exactly(1, "trim", arguments)
          guard case .str(let text) = arguments.positional[0] else {
            throw Interpreter.typeError("trim() argument must be str")
          }
          return .str(ShellSyntax.trimTerminalCodes(text))
        })
    default:
      let hint = Self.hints[name].map { " (\($0))" } ?? ""
      let failure = Interpreter.attributeError("'$' object has no attribute '\(name)'\(hint)")
      if hint.isEmpty { failure.exception.hint = Suggestions.closest(to: name, in: Self.names) }
      throw failure
    }
  }
}
