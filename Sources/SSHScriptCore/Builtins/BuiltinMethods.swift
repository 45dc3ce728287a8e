import Synchronization

/// Installs the methods of the built-in types into their class dictionaries, once per process,
/// before the first interpreter runs.
enum BuiltinMethods {
  private static let installed = Mutex(false)

  static func installOnce() {
    installed.withLock { done in
      guard !done else { return }
      done = true
      ObjectMethods.install()
      ListMethods.install()
      DictMethods.install()
      SetMethods.install()
      StrMethods.install()
      MoreStrMethods.install()
      BytesMethods.install()
      TupleMethods.install()
      RangeAndIntBytes.install()
      StreamObject.install()
      GeneratorCore.installMethods()
      NumberMethods.install()
      FileMethods.install()
    }
  }

  /// CPython's message for a method of `type` called on another kind of value: slot wrappers
  /// (`__len__`) and plain methods word it differently.
  static func wrongReceiver(_ type: String, _ method: String, _ receiver: Value) -> ScriptException {
    if method.hasPrefix("__") && method.hasSuffix("__") {
      return Interpreter.typeError(
        "descriptor '\(method)' requires a '\(type)' object but received a '\(Runtime.typeName(receiver))'")
    }
    return Interpreter.typeError(
      "descriptor '\(method)' for '\(type)' objects doesn't apply to a '\(Runtime.typeName(receiver))' object")
  }

  /// Adds a method; its body receives `self` as `arguments.positional[0]`.
  static func add(_ type: TypeObject, _ name: String, _ body: @escaping BuiltinFunction.Body) {
    type.dict[name] = .object(BuiltinFunction(name, body))
  }

  /// The receiver of a method call, checked (a method taken from the class and called on the
  /// wrong kind of value raises TypeError, as in CPython).
  static func receiver(_ arguments: inout CallArguments, _ type: String, _ method: String) throws -> Value {
    guard !arguments.positional.isEmpty else {
      throw Interpreter.typeError("unbound method \(type).\(method)() needs an argument")
    }
    return arguments.positional.removeFirst()
  }
}

/// `object.__init__`, `BaseException.__init__` and friends.
enum ObjectMethods {
  static func install() {
    BuiltinMethods.add(BuiltinTypes.object, "__init__") { _, arguments in
      guard let instance = arguments.positional.first else { return .none }
      if arguments.positional.count > 1 || !arguments.keywords.isEmpty {
        let type = Runtime.type(of: instance)
        if type.mro.first(where: { $0.dict["__init__"] != nil }) === BuiltinTypes.object {
          throw Interpreter.typeError("\(type.name)() takes no arguments")
        }
        throw Interpreter.typeError("object.__init__() takes exactly one argument (the instance to initialize)")
      }
      return .none
    }
    // What a class's own `__setattr__` calls to store an attribute after all.
    BuiltinMethods.add(BuiltinTypes.object, "__setattr__") { interpreter, arguments in
      guard arguments.keywords.isEmpty else { throw Interpreter.typeError("__setattr__() takes no keyword arguments") }
      guard arguments.positional.count == 3 else {
        throw Interpreter.typeError("expected 2 arguments, got \(max(0, arguments.positional.count - 1))")
      }
      guard case .str(let name) = arguments.positional[1] else {
        throw Interpreter.typeError(
          "attribute name must be string, not '\(Runtime.typeName(arguments.positional[1]))'")
      }
      try interpreter.setAttribute(arguments.positional[0], name, arguments.positional[2], usingHook: false)
      return .none
    }
    BuiltinMethods.add(BuiltinTypes.baseException, "__init__") { _, arguments in
      guard case .object(let exception as ExceptionObject)? = arguments.positional.first else {
        throw Interpreter.typeError("descriptor '__init__' requires a 'BaseException' object")
      }
      exception.args = Array(arguments.positional.dropFirst())
      return .none
    }
    BuiltinMethods.add(BuiltinTypes.baseException, "with_traceback") { _, arguments in
      arguments.positional.first ?? .none
    }
  }
}
