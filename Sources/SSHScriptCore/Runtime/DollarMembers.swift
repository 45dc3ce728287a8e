import Foundation

/// The members of `$` that act on a session (LANGUAGE.md §7): `$.name` gives them for the
/// running thread's effective session, `s.name` for the session `s` (§6.6) and `c.name` for the
/// session of console `c` (§5.4). The result properties (`$.stdout`, …), `exit`, `break` and
/// `include` belong to `$` alone (`DollarAttributeNode`).
enum DollarMembers {
  /// The names given here, for suggestions and for the lookup on sessions.
  static let names: Set<String> = [
    "bind", "careful", "close", "connect", "connected", "disconnect", "download", "enter", "exec_command", "host",
    "iterate", "logger", "open", "parent", "pkey", "port", "quote", "session", "shell", "su", "sudo", "thread", "trim",
    "upload", "username",
  ]

  /// The member `name` for the effective session of the thread that evaluates it; nil when `$`
  /// has no such member. Functions look the session up when called, so `s.bind($.shell)` acts
  /// on `s`. `frame` receives the results of `exec_command` (nil: not recorded, as for `s.exec_command`).
  static func value(_ name: String, _ interpreter: Interpreter, frame: Frame?) -> Value? {
    let session = interpreter.sessions.top
    switch name {
    case "host": return session.host.map { .str($0) } ?? Value.none
    case "username": return .str(session.username)
    case "port": return session.port.map { .int($0) } ?? Value.none
    case "connected": return .bool(session.connected)
    case "parent": return session.parent.map { .object($0) } ?? Value.none
    case "session": return .object(session)
    case "logger": return .object(Instance(cls: DollarLogger.type))
    case "careful":
      return function("careful") { interpreter, arguments in
        try ArgumentReader.exactlyAtMost(1, "careful", arguments)
        return try careful(interpreter.sessions.top, arguments.positional.first, interpreter)
      }
    case "bind":
      return function("bind") { interpreter, arguments in
        try ArgumentReader.exactly(1, "bind", arguments)
        return try SessionType.bind(interpreter.sessions.top, arguments.positional[0], interpreter)
      }
    case "close", "disconnect":
      return function(name) { interpreter, arguments in
        try ArgumentReader.exactly(0, name, arguments)
        try closeEffective(interpreter)
        return .none
      }
    case "exec_command":
      return function("exec_command") { interpreter, arguments in
        try execCommand(arguments, on: interpreter.sessions.top, interpreter, recordingIn: frame)
      }
    case "quote":
      return function("quote") { interpreter, arguments in
        try ArgumentReader.exactly(1, "quote", arguments)
        return .str(ShellQuote.quote(arguments.positional[0], interpreter))
      }
    case "trim":
      return function("trim") { _, arguments in
        try ArgumentReader.exactly(1, "trim", arguments)
        guard case .str(let text) = arguments.positional[0] else {
          throw Interpreter.typeError("trim() argument must be str")
        }
        return .str(ShellSyntax.trimTerminalCodes(text))
      }
    case "thread":
      // SSHScript 2.0's `$.thread(target=…, args=…)`: a `threading.Thread`, which starts on
      // the session effective now (§6.7).
      return function("thread") { interpreter, arguments in
        var arguments = arguments
        return try interpreter.call(.object(ThreadingModule.threadType), &arguments)
      }
    case "enter": return .object(ConsoleType.enter(inside: nil))
    case "sudo", "su": return .object(ConsoleType.elevation(name, inside: nil))
    case "iterate": return .object(ConsoleType.iterate(inside: nil))
    case "shell":
      return function("shell") { interpreter, arguments in
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
      }
    case "upload", "download":
      return function(name) { interpreter, arguments in
        guard interpreter.sessions.top.connected else {
          throw Interpreter.error(
            BuiltinTypes.sshScriptError, "\(name)() needs a connected session; use it inside with $.connect(...)")
        }
        return try name == "upload"
          ? FileTransfer.upload(arguments, interpreter) : FileTransfer.download(arguments, interpreter)
      }
    case "connect", "open":
      return function(name) { interpreter, arguments in
        try SessionConnect.connect(arguments, from: interpreter.sessions.top, interpreter)
      }
    case "pkey":
      return function(name) { _, _ in throw notInThisBuild("$.\(name)()") }
    default:
      return nil
    }
  }

  /// `careful(flag=None)` of a session: the flag, or sets it.
  static func careful(_ session: Session, _ flag: Value?, _ interpreter: Interpreter) throws -> Value {
    guard let flag, !flag.isNone else { return .bool(session.careful) }
    session.careful = try interpreter.truthy(flag)
    return .none
  }

  /// `exec_command(cmd, timeout=None, check=None, input=None)`: as `$(cmd, …)` on `session`.
  static func execCommand(
    _ arguments: CallArguments, on session: Session, _ interpreter: Interpreter, recordingIn frame: Frame?
  ) throws -> Value {
    let values = try PythonSignature("exec_command", ["cmd", "timeout", "check", "input"], required: 1)
      .bind(arguments)
    let request = try CommandNode.expressionRequest(values[0]!, interpreter)
    let options = zip(["timeout", "check", "input"], values.dropFirst()).compactMap { name, value in
      value.map { (name, $0) }
    }
    return try CommandNode.run(request, options: options, on: session, interpreter, recordingIn: frame)
  }

  /// `$.close()`: closes the effective session and pops it (§6.1); the session a thread started
  /// with stays.
  private static func closeEffective(_ interpreter: Interpreter) throws {
    guard interpreter.sessions.count > 1 else {
      throw Interpreter.error(BuiltinTypes.sshScriptError, "cannot close the session this thread started with")
    }
    let session = interpreter.sessions.top
    try session.close()
    SessionType.closeAll(interpreter.sessions.pop(through: session))
  }

  /// A part of the SSH runtime this build does not have yet.
  private static func notInThisBuild(_ what: String) -> ScriptException {
    Interpreter.error(BuiltinTypes.notImplementedError, "\(what) is not supported yet in this version of sshs")
  }

  private static func function(_ name: String, _ body: @escaping BuiltinFunction.Body) -> Value {
    .object(BuiltinFunction(name, body))
  }
}
