import Foundation

/// The class of consoles (LANGUAGE.md §5.4): the call and its aliases, the members of the
/// latest call, raw terminal I/O, `expect`, and the context-manager protocol (a console returned
/// by `$.enter(…)` or `c.shell()` is left by `with`).
enum ConsoleType {
  nonisolated(unsafe) static let type: TypeObject = {
    let type = TypeObject.moduleClass("Console", module: "sshs")
    install(type)
    return type
  }()

  /// Names a console answers itself; inside a console block `$.name` means `c.name` for these.
  static let members: Set<String> = [
    "stdout", "stderr", "exitcode", "rawstdout", "rawstderr", "sendline", "exec_command", "send", "input", "expect",
    "expectStdout", "expectStderr", "wait", "send_signal", "careful", "shell", "close", "closed", "host", "session",
    "enter", "iterate", "sudo", "su",
  ]

  /// An optional argument: nil when not given or `None`.
  private static func given(_ value: Value?) -> Value? { value.flatMap { $0.isNone ? nil : $0 } }

  /// `enter(command, expect=None, input=None, exit=None, prompt=None)`, on `$` (`inside` nil) or
  /// on a console.
  static func enter(inside parent: ConsoleObject?) -> BuiltinFunction {
    BuiltinFunction("enter") { interpreter, arguments in
      let values = try PythonSignature("enter", ["command", "expect", "input", "exit", "prompt"], required: 1)
        .bind(arguments)
      guard case .str(let command)? = values[0] else { throw Interpreter.typeError("enter() command must be str") }
      return .object(
        try ConsoleObject.enter(
          command, expect: given(values[1]), input: given(values[2]), exit: given(values[3]),
          prompt: given(values[4]), interpreter, inside: parent))
    }
  }

  /// `iterate(command, stdout=None, stderr=None, exit=None)`, on `$` or on a console.
  static func iterate(inside parent: ConsoleObject?) -> BuiltinFunction {
    BuiltinFunction("iterate") { interpreter, arguments in
      let values = try PythonSignature("iterate", ["command", "stdout", "stderr", "exit"], required: 1).bind(arguments)
      guard case .str(let command)? = values[0] else { throw Interpreter.typeError("iterate() command must be str") }
      return .object(
        try IterateObject.start(
          command, stdout: given(values[1]), stderr: given(values[2]), exit: given(values[3]), interpreter,
          inside: parent))
    }
  }

  /// `sudo(password=None, expect=None, failureExpect=None, initials=None)` and
  /// `su(username, …)`, on `$` (`inside` nil) or on a console.
  static func elevation(_ name: String, inside parent: ConsoleObject?) -> BuiltinFunction {
    BuiltinFunction(name) { interpreter, arguments in
      let parameters = ["password", "expect", "failureExpect", "initials"]
      let isSu = name == "su"
      let values = try PythonSignature(name, (isSu ? ["username"] : []) + parameters, required: isSu ? 1 : 0)
        .bind(arguments)
      func given(_ index: Int) -> Value? { values[index + (isSu ? 1 : 0)].flatMap { $0.isNone ? nil : $0 } }
      var kind = ConsoleObject.Elevation.sudo
      if isSu {
        guard case .str(let user)? = values[0] else { throw Interpreter.typeError("su() username must be str") }
        kind = .su(user)
      }
      let request = ConsoleObject.ElevationRequest(
        kind: kind, password: given(0), expect: given(1), failureExpect: given(2), initials: given(3))
      return .object(try ConsoleObject.elevate(request, inside: parent, interpreter))
    }
  }

  private static func console(_ arguments: inout CallArguments, _ method: String) throws -> ConsoleObject {
    guard case .object(let object as ConsoleObject) = try BuiltinMethods.receiver(&arguments, "Console", method) else {
      throw Interpreter.typeError("descriptor '\(method)' requires a 'Console' object")
    }
    return object
  }

  private static func seconds(_ value: Value?, _ name: String) throws -> Double? {
    guard let value, !value.isNone else { return nil }
    guard let number = NumericValue(value)?.double, number >= 0 else {
      throw Interpreter.valueError("\(name) must be a non-negative number of seconds")
    }
    return number
  }

  private static func flag(_ value: Value?, _ interpreter: Interpreter, default fallback: Bool) throws -> Bool {
    guard let value, !value.isNone else { return fallback }
    return try interpreter.truthy(value)
  }

  private static func install(_ type: TypeObject) {
    let run: BuiltinFunction.Body = { interpreter, arguments in
      let target = try console(&arguments, "__call__")
      let values = try PythonSignature("Console", ["cmd", "timeout", "check"], required: 1).bind(arguments)
      let check = try values[2].flatMap { $0.isNone ? nil : try interpreter.truthy($0) }
      let timeout = try seconds(values[1], "timeout")
      return try target.serialised(interpreter) {
        try target.run(values[0]!, timeout: timeout, check: check, interpreter)
      }
    }
    for name in ["__call__", "sendline", "exec_command"] { BuiltinMethods.add(type, name, run) }
    BuiltinMethods.add(type, "send") { interpreter, arguments in
      let target = try console(&arguments, "send")
      let values = try PythonSignature("send", ["text"]).bind(arguments)
      try target.checkUsable()
      target.console.send(try ConsoleObject.bytes(values[0]!, interpreter))
      return .none
    }
    BuiltinMethods.add(type, "input") { interpreter, arguments in
      let target = try console(&arguments, "input")
      let values = try PythonSignature("input", ["text"], required: 0).bind(arguments)
      try target.checkUsable()
      target.console.send(try ConsoleObject.bytes(values[0] ?? .str(""), interpreter) + [10])
      return .none
    }
    for (name, streams) in [("expect", [0, 1]), ("expectStdout", [0]), ("expectStderr", [1])] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let target = try console(&arguments, name)
        let parameters =
          streams.count == 2 ? ["pattern", "timeout", "stdout", "stderr", "silent"] : ["pattern", "timeout", "silent"]
        let values = try PythonSignature(name, parameters, required: 1).bind(arguments)
        var chosen = streams
        var silent = values[2]
        if streams.count == 2 {
          chosen = []
          if try flag(values[2], interpreter, default: true) { chosen.append(0) }
          if try flag(values[3], interpreter, default: true) { chosen.append(1) }
          silent = values[4]
        }
        let timeout = values[1] == nil ? 60 : try seconds(values[1], "timeout")
        let quiet = try flag(silent, interpreter, default: false)
        return try target.serialised(interpreter) {
          try target.expect(values[0]!, timeout: timeout, streams: chosen, silent: quiet, interpreter)
        }
      }
    }
    BuiltinMethods.add(type, "wait") { interpreter, arguments in
      let target = try console(&arguments, "wait")
      let values = try PythonSignature("wait", ["seconds", "timeout"], required: 1).bind(arguments)
      try target.checkUsable()
      let quiet = try seconds(values[0], "seconds") ?? 0
      let limit = try seconds(values[1], "timeout")
      try target.serialised(interpreter) { try target.waitQuiet(quiet, timeout: limit, interpreter) }
      return .none
    }
    BuiltinMethods.add(type, "send_signal") { _, arguments in
      let target = try console(&arguments, "send_signal")
      let values = try PythonSignature("send_signal", ["sig"]).bind(arguments)
      try target.checkUsable()
      target.console.transport.process.signalForeground(try signalNumber(values[0]!))
      return .none
    }
    BuiltinMethods.add(type, "careful") { interpreter, arguments in
      let target = try console(&arguments, "careful")
      let values = try PythonSignature("careful", ["flag"], required: 0).bind(arguments)
      guard let flag = values[0], !flag.isNone else { return .bool(target.careful) }
      target.careful = try interpreter.truthy(flag)
      return .none
    }
    BuiltinMethods.add(type, "shell") { interpreter, arguments in
      let target = try console(&arguments, "shell")
      let values = try PythonSignature("shell", ["command"], required: 0).bind(arguments)
      var text: String?
      if case .str(let command)? = values[0] { text = command }
      return .object(try ConsoleObject.open(header: text, interpreter, inside: target))
    }
    BuiltinMethods.add(type, "enter") { interpreter, arguments in
      let target = try console(&arguments, "enter")
      return try interpreter.call(.object(enter(inside: target)), &arguments)
    }
    BuiltinMethods.add(type, "iterate") { interpreter, arguments in
      let target = try console(&arguments, "iterate")
      return try interpreter.call(.object(iterate(inside: target)), &arguments)
    }
    for name in ["sudo", "su"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let target = try console(&arguments, name)
        return try interpreter.call(.object(elevation(name, inside: target)), &arguments)
      }
    }
    BuiltinMethods.add(type, "close") { interpreter, arguments in
      let target = try console(&arguments, "close")
      try target.serialised(interpreter) { _ = try target.close(interpreter) }
      return .none
    }
    BuiltinMethods.add(type, "__enter__") { _, arguments in
      .object(try console(&arguments, "__enter__"))
    }
    BuiltinMethods.add(type, "__exit__") { interpreter, arguments in
      let target = try console(&arguments, "__exit__")
      let propagating = !(arguments.positional.first?.isNone ?? true)
      if propagating { target.closeQuietly(interpreter) } else { try target.close(interpreter) }
      return .false
    }
    // Any other name is the console's session's (§5.4): `c.upload(…)`, `c.logger`.
    BuiltinMethods.add(type, "__getattr__") { interpreter, arguments in
      let target = try console(&arguments, "__getattr__")
      guard case .str(let name)? = arguments.positional.first else {
        throw Interpreter.typeError("attribute name must be str")
      }
      if let found = SessionType.member(name, of: target.session, interpreter) { return found }
      let failure = Interpreter.attributeError("'Console' object has no attribute '\(name)'")
      failure.exception.hint = Suggestions.closest(to: name, in: Array(members.union(DollarMembers.names)))
      throw failure
    }
    BuiltinMethods.add(type, "__repr__") { _, arguments in
      let target = try console(&arguments, "__repr__")
      return .str("<Console \(target.shellName)\(target.closed ? " (closed)" : "")>")
    }
    let properties: [(String, (ConsoleObject) -> Value)] = [
      ("stdout", { $0.stdout }), ("stderr", { $0.stderr }), ("exitcode", { $0.exitcode }),
      ("rawstdout", { $0.rawstdout }), ("rawstderr", { $0.rawstderr }), ("closed", { .bool($0.closed) }),
      ("host", { $0.session.host.map { .str($0) } ?? Value.none }), ("session", { .object($0.session) }),
    ]
    for (name, read) in properties {
      let getter = BuiltinFunction(name) { _, arguments in read(try console(&arguments, name)) }
      type.dict[name] = .object(PropertyObject(getter: .object(getter), setter: nil, deleter: nil, doc: .none))
    }
  }

  /// A signal given as a number or a name (`"SIGINT"`, `"INT"`).
  static func signalNumber(_ value: Value) throws -> Int32 {
    if case .int(let number) = value { return Int32(number) }
    guard case .str(var name) = value else {
      throw Interpreter.typeError("signal must be an int or a signal name, not \(Runtime.typeName(value))")
    }
    name = name.uppercased()
    if !name.hasPrefix("SIG") { name = "SIG" + name }
    let names: [String: Int32] = [
      "SIGHUP": SIGHUP, "SIGINT": SIGINT, "SIGQUIT": SIGQUIT, "SIGKILL": SIGKILL, "SIGUSR1": SIGUSR1,
      "SIGUSR2": SIGUSR2, "SIGTERM": SIGTERM, "SIGCONT": SIGCONT, "SIGSTOP": SIGSTOP, "SIGTSTP": SIGTSTP,
      "SIGWINCH": SIGWINCH, "SIGALRM": SIGALRM, "SIGPIPE": SIGPIPE,
    ]
    guard let number = names[name] else { throw Interpreter.valueError("unknown signal name: \(name)") }
    return number
  }
}
