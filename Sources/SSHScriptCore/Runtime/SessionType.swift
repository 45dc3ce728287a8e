/// The class of sessions (LANGUAGE.md §6.6): the facts, `bind`, `close`, `exec_command`,
/// `with s:`, and every other member of `$` acting on the session.
enum SessionType {
  nonisolated(unsafe) static let type: TypeObject = {
    let type = TypeObject.moduleClass("Session", module: "sshs")
    install(type)
    return type
  }()

  private static func install(_ type: TypeObject) {
    BuiltinMethods.add(type, "__repr__") { _, arguments in
      let target = try session(&arguments, "__repr__")
      if target.isLocal { return .str("<Session local>") }
      return .str("<Session \(target.label) \(target.connected ? "connected" : "closed")>")
    }
    // `with s:` pushes `s` and pops it (with whatever was pushed above it) at the end, closing
    // only what the block opened (§6.1).
    BuiltinMethods.add(type, "__enter__") { interpreter, arguments in
      let target = try session(&arguments, "__enter__")
      if target.awaitsWith && interpreter.sessions.top === target {
        // `with $.connect(…):` — connect pushed it, to be closed when the block pops it.
        target.awaitsWith = false
      } else {
        interpreter.sessions.push(target)
      }
      return .object(target)
    }
    BuiltinMethods.add(type, "__exit__") { interpreter, arguments in
      let target = try session(&arguments, "__exit__")
      closeAll(interpreter.sessions.pop(through: target))
      return .false
    }
    BuiltinMethods.add(type, "bind") { interpreter, arguments in
      let target = try session(&arguments, "bind")
      try ArgumentReader.exactly(1, "bind", arguments)
      return try bind(target, arguments.positional[0], interpreter)
    }
    BuiltinMethods.add(type, "close") { interpreter, arguments in
      let target = try session(&arguments, "close")
      try ArgumentReader.exactly(0, "close", arguments)
      try target.close()
      if interpreter.sessions.top === target { closeAll(interpreter.sessions.pop(through: target)) }
      return .none
    }
    BuiltinMethods.add(type, "careful") { interpreter, arguments in
      let target = try session(&arguments, "careful")
      try ArgumentReader.exactlyAtMost(1, "careful", arguments)
      return try DollarMembers.careful(target, arguments.positional.first, interpreter)
    }
    BuiltinMethods.add(type, "exec_command") { interpreter, arguments in
      let target = try session(&arguments, "exec_command")
      return try DollarMembers.execCommand(arguments, on: target, interpreter, recordingIn: nil)
    }
    BuiltinMethods.add(type, "__getattr__") { interpreter, arguments in
      let target = try session(&arguments, "__getattr__")
      guard case .str(let name)? = arguments.positional.first else {
        throw Interpreter.typeError("attribute name must be str")
      }
      if let found = member(name, of: target, interpreter) { return found }
      let failure = Interpreter.attributeError("'Session' object has no attribute '\(name)'")
      failure.exception.hint = Suggestions.closest(to: name, in: Array(DollarMembers.names))
      throw failure
    }
  }

  /// `name` of `$` acting on `session` (§6.6): evaluated with `session` effective, and a
  /// function keeps it effective while it runs. Nil when `$` has no such member.
  static func member(_ name: String, of session: Session, _ interpreter: Interpreter) -> Value? {
    guard DollarMembers.names.contains(name) else { return nil }
    if name == "connect" || name == "open" {
      // The new session goes on the caller's stack and stays there: no push-and-pop wrapper.
      return .object(
        BuiltinFunction(name) { interpreter, arguments in
          try SessionConnect.connect(arguments, from: session, interpreter)
        })
    }
    interpreter.sessions.push(session)
    let found = DollarMembers.value(name, interpreter, frame: nil)
    _ = interpreter.sessions.pop(through: session)
    if case .object(let function as BuiltinFunction)? = found {
      return .object(runner(.object(function), on: session, replacingStack: false))
    }
    return found
  }

  /// `session.bind(func_or_thread)` (§6.7): a thread not yet started gets `[session]` as its
  /// stack; a callable becomes one that runs with `session` pushed.
  static func bind(_ session: Session, _ value: Value, _ interpreter: Interpreter) throws -> Value {
    if case .object(let instance as Instance) = value, let handle = instance.native as? ThreadHandle {
      if handle.started { throw Interpreter.error(BuiltinTypes.runtimeError, "cannot bind a thread that has started") }
      handle.session = session
      return value
    }
    guard Runtime.isCallable(value) else {
      throw Interpreter.typeError("bind() argument must be a function or a thread, not \(Runtime.typeName(value))")
    }
    return .object(runner(value, on: session, replacingStack: false))
  }

  /// A function that calls `function` with `session` effective: pushed on the calling thread's
  /// stack, or (`replacingStack`, a pool worker's call) as the whole stack. Whatever the call
  /// left above is popped afterwards, and closed if it was opened there.
  static func runner(_ function: Value, on session: Session, replacingStack: Bool) -> BuiltinFunction {
    BuiltinFunction(displayName(function)) { interpreter, arguments in
      let saved = interpreter.sessions
      if replacingStack {
        interpreter.sessions = SessionStack(session)
      } else {
        interpreter.sessions.push(session)
      }
      defer {
        closeAll(interpreter.sessions.truncate(to: replacingStack ? 1 : saved.count + 1))
        interpreter.sessions = saved
      }
      var arguments = arguments
      return try interpreter.call(function, &arguments)
    }
  }

  /// Closes sessions popped from a stack because the block that opened them ended.
  static func closeAll(_ sessions: [Session]) {
    for session in sessions { try? session.close() }
  }

  private static func displayName(_ function: Value) -> String {
    switch function {
    case .object(let function as FunctionObject): return function.name
    case .object(let function as BuiltinFunction): return function.name
    default: return "bound"
    }
  }

  private static func session(_ arguments: inout CallArguments, _ method: String) throws -> Session {
    guard case .object(let object as Session) = try BuiltinMethods.receiver(&arguments, "Session", method) else {
      throw Interpreter.typeError("descriptor '\(method)' requires a 'Session' object")
    }
    return object
  }
}
