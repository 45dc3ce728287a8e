import Foundation

/// The local session as an object (`$.session`, LANGUAGE.md §6.6): the bottom of every thread's
/// session stack. With no SSH sessions in this build it is the only one, so `bind` and `with`
/// have nothing to switch: they return the function or thread unchanged and do nothing.
enum LocalSession {
  nonisolated(unsafe) static let type: TypeObject = {
    let type = TypeObject.moduleClass("Session", module: "sshs")
    type.method("__repr__") { _, _ in .str("<Session local>") }
    type.method("__enter__") { _, arguments in arguments.positional.first ?? Value.none }
    type.method("__exit__") { _, _ in .none }
    type.method("bind") { _, arguments in
      guard arguments.positional.count == 2 else {
        throw Interpreter.typeError("bind() takes exactly one argument (\(arguments.positional.count - 1) given)")
      }
      return arguments.positional[1]
    }
    type.method("close") { _, _ in
      throw Interpreter.error(BuiltinTypes.sshScriptError, "the local session cannot be closed")
    }
    type.method("careful") { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(2, "careful", arguments)
      guard arguments.positional.count == 2, !arguments.positional[1].isNone else { return .bool(interpreter.careful) }
      interpreter.careful = try interpreter.truthy(arguments.positional[1])
      return .none
    }
    return type
  }()

  static func make() -> Value {
    let session = Instance(cls: type)
    session.attributes["host"] = Value.none
    session.attributes["port"] = Value.none
    session.attributes["parent"] = Value.none
    session.attributes["connected"] = .false
    session.attributes["username"] = .str(userName)
    return .object(session)
  }

  /// The user the local session runs as (`$.username`).
  static var userName: String {
    ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name)
  }
}
