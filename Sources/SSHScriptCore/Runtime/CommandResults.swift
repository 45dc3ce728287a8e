/// `CommandResult` (LANGUAGE.md §4.2): the `(stdout, stderr, exitcode)` of a command, with its
/// other facts as attributes; the last result of a scope (§4.1); careful mode's error (§4.3).
enum CommandResults {
  /// Indexes, unpacks, compares and hashes as the tuple `(stdout, stderr, exitcode)`.
  nonisolated(unsafe) static let type: TypeObject = {
    let type = StructSequence.makeType("CommandResult", module: "builtins", fields: ["stdout", "stderr", "exitcode"])
    let repr = BuiltinFunction("__repr__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__repr__")
      let shown = try ["command", "exitcode", "stdout", "stderr"].map {
        "\($0)=" + (try interpreter.repr(instance.attributes[$0] ?? Value.none))
      }
      return .str("CommandResult(" + shown.joined(separator: ", ") + ")")
    }
    type.dict["__repr__"] = .object(repr)
    type.dict["__str__"] = .object(repr)
    return type
  }()

  /// `terminal`: console output, whose text has every `\r\n` turned into `\n` (LANGUAGE.md
  /// §5.3; the raw members keep the bytes). `exitCode` replaces the number (`None` for lines
  /// sent to an `enter` program).
  static func make(_ outcome: CommandOutcome, host: String?, terminal: Bool = false, exitCode: Value? = nil) -> Value {
    var stdout = String(decoding: outcome.stdout, as: UTF8.self)
    var stderr = String(decoding: outcome.stderr, as: UTF8.self)
    if terminal {
      stdout = stdout.replacingOccurrences(of: "\r\n", with: "\n")
      stderr = stderr.replacingOccurrences(of: "\r\n", with: "\n")
    }
    let code = exitCode ?? .int(outcome.exitCode)
    return StructSequence.make(
      type,
      [
        ("stdout", .str(stdout)), ("stderr", .str(stderr)), ("exitcode", code),
        ("ok", .bool(code.isNone || outcome.exitCode == 0)), ("rawstdout", .bytes(outcome.stdout)),
        ("rawstderr", .bytes(outcome.stderr)), ("command", .str(outcome.command)),
        ("host", host.map { .str($0) } ?? Value.none),
        ("duration", .float(outcome.duration)),
      ])
  }

  /// Records `result` as the last result of the running scope: the function invocation, or the
  /// module for top-level code (class bodies and comprehensions use the module's).
  static func record(_ result: Value, _ frame: Frame) {
    if isFunctionInvocation(frame) { frame.lastResult = result } else { frame.module.lastResult = result }
  }

  /// Module code and class bodies run in frames of their own too, but keep results in the module.
  private static func isFunctionInvocation(_ frame: Frame) -> Bool {
    guard let code = frame.code else { return false }
    return code.name != "<module>"
  }

  /// The last result visible from `frame`: its own, else that of the invocations that lexically
  /// enclose it (while they run), else its module's.
  static func last(_ frame: Frame, reading name: String) throws -> Instance {
    var scope: Frame? = frame
    var found: Value?
    while let current = scope, found == nil {
      found = current.lastResult
      scope = current.enclosing
    }
    guard case .object(let instance as Instance)? = found ?? frame.module.lastResult else {
      throw Interpreter.error(
        BuiltinTypes.nameError, "$.\(name) is not available: no command has run yet in this scope")
    }
    return instance
  }

  /// Careful mode's `SSHScriptError`, carrying the command's facts.
  static func carefulError(_ result: Value) -> ScriptException {
    guard case .object(let instance as Instance) = result else {
      return Interpreter.error(BuiltinTypes.sshScriptError, "")
    }
    func attribute(_ name: String) -> Value { instance.attributes[name] ?? Value.none }
    var message = ""
    if case .str(let stderr) = attribute("stderr") {
      message = String(stderr.reversed().drop(while: { $0.isWhitespace }).reversed())
    }
    if message.isEmpty, case .int(let code) = attribute("exitcode"), case .str(let command) = attribute("command") {
      message = "command failed with exit code \(code): \(command)"
    }
    let exception = ExceptionObject(cls: BuiltinTypes.sshScriptError, args: [.str(message)])
    exception.attributes["code"] = attribute("exitcode")
    exception.attributes["exitcode"] = attribute("exitcode")
    exception.attributes["stdout"] = attribute("stdout")
    exception.attributes["stderr"] = attribute("stderr")
    exception.attributes["command"] = attribute("command")
    exception.attributes["host"] = attribute("host")
    exception.attributes["result"] = result
    return ScriptException(exception)
  }
}
