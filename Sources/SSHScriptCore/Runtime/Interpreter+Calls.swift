/// Calling: script functions (argument binding, frames, tracebacks), built-ins, bound methods,
/// classes (instantiation) and objects with `__call__`.
extension Interpreter {
  func call(_ callable: Value, _ positional: [Value]) throws -> Value {
    var arguments = CallArguments(positional)
    return try call(callable, &arguments)
  }

  func call(_ callable: Value, _ arguments: inout CallArguments) throws -> Value {
    guard case .object(let object) = callable else {
      throw Interpreter.typeError("'\(Runtime.typeName(callable))' object is not callable")
    }
    if let function = object as? FunctionObject { return try invoke(function, &arguments) }
    if let builtin = object as? BuiltinFunction { return try builtin.body(self, &arguments) }
    if let method = object as? BoundMethod {
      arguments.positional.insert(method.receiver, at: 0)
      return try call(method.function, &arguments)
    }
    if let type = object as? TypeObject { return try instantiate(type, &arguments) }
    if let staticMethod = object as? StaticMethod { return try call(staticMethod.function, &arguments) }
    if let method = Runtime.type(of: callable).lookup("__call__") {
      arguments.positional.insert(callable, at: 0)
      return try call(method, &arguments)
    }
    throw Interpreter.typeError("'\(Runtime.typeName(callable))' object is not callable")
  }

  /// Calls `value.name(args…)` when the value's class defines `name`; nil when it does not.
  func callSpecial(_ value: Value, _ name: String, _ positional: [Value]) throws -> Value? {
    guard let method = Runtime.type(of: value).lookup(name) else { return nil }
    var arguments = CallArguments([value] + positional)
    return try call(method, &arguments)
  }

  /// Calls the special method `name` that a script class derived from `list` or `dict` defines
  /// itself; nil when the built-in base's behaviour applies. Callers test `cls !== BuiltinTypes.list`
  /// (or `.dict`) first, so plain containers never pay for the MRO walk.
  func callOverride(_ cls: TypeObject, _ value: Value, _ name: String, _ positional: [Value]) throws -> Value? {
    guard let method = Interpreter.override(in: cls, name) else { return nil }
    var arguments = CallArguments([value] + positional)
    return try call(method, &arguments)
  }

  /// The first definition of `name` along the MRO of a class derived from a built-in container,
  /// when it comes before the built-in type.
  static func override(in cls: TypeObject, _ name: String) -> Value? {
    for type in cls.mro {
      if type.isBuiltin { return nil }
      if let method = type.dict[name] { return method }
    }
    return nil
  }

  /// The class of a `list` or `dict` subclass instance; nil for plain containers and other values.
  static func containerSubclass(_ value: Value) -> TypeObject? {
    switch value {
    case .list(let list): return list.cls === BuiltinTypes.list ? nil : list.cls
    case .dict(let dict): return dict.cls === BuiltinTypes.dict ? nil : dict.cls
    default: return nil
    }
  }

  // MARK: - Script functions

  func invoke(_ function: FunctionObject, _ arguments: inout CallArguments) throws -> Value {
    let code = function.code
    let frame = Frame(
      slotCount: code.slotCount, cells: [], module: function.module, interpreter: self, line: code.span)
    if function.isNested { frame.enclosing = function.definingFrame }
    if code.isSimple && arguments.keywords.isEmpty && arguments.positional.count == code.positionalCount {
      for (index, value) in arguments.positional.enumerated() { frame.locals[index] = value }
    } else {
      try bind(function, &arguments, into: frame)
    }
    if code.ownCellCount > 0 || !function.closure.isEmpty {
      var cells: [Cell] = []
      cells.reserveCapacity(code.ownCellCount + function.closure.count)
      for _ in 0..<code.ownCellCount { cells.append(Cell()) }
      cells.append(contentsOf: function.closure)
      frame.cells = cells
      for (slot, cell) in code.parameterCells { frame.cells[cell].value = frame.locals[slot] }
    }
    if code.isGenerator { return .object(GeneratorObject(code: code, frame: frame)) }
    return try run(code, in: frame)
  }

  /// Runs a function body in its frame, adding the frame to the traceback of an escaping
  /// exception and enforcing the recursion limit.
  func run(_ code: FunctionCode, in frame: Frame) throws -> Value {
    callDepth += 1
    defer { callDepth -= 1 }
    // The module frame counts too, as in CPython: 999 nested calls at most.
    if callDepth >= Interpreter.recursionLimit {
      throw Interpreter.error(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
    }
    frame.code = code
    do {
      _ = try code.body.run(frame)
    } catch let failure as ScriptException {
      failure.exception.record(frame, name: code.name)
      throw failure
    }
    return frame.returnValue
  }

  /// Matches the caller's arguments to the parameters, as CPython does, with its messages.
  private func bind(_ function: FunctionObject, _ arguments: inout CallArguments, into frame: Frame) throws {
    let code = function.code
    let name = function.qualifiedName
    let positional = arguments.positional
    let extra = positional.count - code.positionalCount
    if extra > 0 && !code.hasVarArgs {
      let takes = takesDescription(code, function)
      let given = positional.count
      let plural = takes == "1" ? "" : "s"
      throw Interpreter.typeError(
        "\(name)() takes \(takes) positional argument\(plural) but \(given) \(given == 1 ? "was" : "were") given")
    }
    for index in 0..<min(positional.count, code.positionalCount) { frame.locals[index] = positional[index] }
    let varArgsSlot = code.positionalCount + code.keywordOnlyCount
    if code.hasVarArgs {
      frame.locals[varArgsSlot] = .tuple(extra > 0 ? Array(positional[code.positionalCount...]) : [])
    }
    var extraKeywords: DictObject?
    if code.hasVarKeywords {
      extraKeywords = DictObject()
      frame.locals[varArgsSlot + (code.hasVarArgs ? 1 : 0)] = .dict(extraKeywords!)
    }
    for (keyword, value) in arguments.keywords {
      if let index = code.parameterNames.firstIndex(of: keyword), index >= code.positionalOnlyCount,
        index < code.positionalCount + code.keywordOnlyCount
      {
        if frame.locals[index] != nil {
          throw Interpreter.typeError("\(name)() got multiple values for argument '\(keyword)'")
        }
        frame.locals[index] = value
      } else if let extraKeywords {
        extraKeywords.storage[try HashKey(.str(keyword))] = value
      } else if code.parameterNames.prefix(code.positionalOnlyCount).contains(keyword) {
        throw Interpreter.typeError(
          "\(name)() got some positional-only arguments passed as keyword arguments: '\(keyword)'")
      } else {
        throw Interpreter.typeError("\(name)() got an unexpected keyword argument '\(keyword)'")
      }
    }
    // Defaults, then the missing ones.
    let firstDefault = code.positionalCount - function.defaults.count
    var missing: [String] = []
    for index in 0..<code.positionalCount where frame.locals[index] == nil {
      if index >= firstDefault {
        frame.locals[index] = function.defaults[index - firstDefault]
      } else {
        missing.append(code.parameterNames[index])
      }
    }
    if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
    for k in 0..<code.keywordOnlyCount {
      let index = code.positionalCount + k
      if frame.locals[index] == nil {
        if let value = function.keywordDefaults[k] {
          frame.locals[index] = value
        } else {
          missing.append(code.parameterNames[index])
        }
      }
    }
    if !missing.isEmpty { throw missingArguments(name, missing, kind: "keyword-only") }
  }

  private func takesDescription(_ code: FunctionCode, _ function: FunctionObject) -> String {
    function.defaults.isEmpty
      ? String(code.positionalCount)
      : "from \(code.positionalCount - function.defaults.count) to \(code.positionalCount)"
  }

  private func missingArguments(_ name: String, _ missing: [String], kind: String) -> ScriptException {
    let quoted = missing.map { "'\($0)'" }
    let list: String
    switch quoted.count {
    case 1: list = quoted[0]
    case 2: list = quoted[0] + " and " + quoted[1]
    default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
    let noun = missing.count == 1 ? "argument" : "arguments"
    return Interpreter.typeError("\(name)() missing \(missing.count) required \(kind) \(noun): \(list)")
  }

  // MARK: - Classes

  /// `Class(args…)`: `__new__` is the layout's, then `__init__` runs.
  func instantiate(_ type: TypeObject, _ arguments: inout CallArguments) throws -> Value {
    if let constructor = Builtins.constructors[ObjectIdentifier(type)] {
      return try constructor(self, &arguments)
    }
    let instance: Value
    switch type.layout {
    case .object: instance = .object(Instance(cls: type))
    case .exception: instance = .object(ExceptionObject(cls: type, args: arguments.positional))
    case .list: instance = .list(ListObject([], cls: type))
    case .dict: instance = .dict(DictObject([:], cls: type))
    case .fixed: throw Interpreter.typeError("cannot create '\(type.name)' instances")
    }
    if let initializer = type.lookup("__init__") {
      var initArguments = arguments
      initArguments.positional.insert(instance, at: 0)
      let result = try call(initializer, &initArguments)
      if case .none = result {
      } else {
        throw Interpreter.typeError("__init__() should return None, not '\(Runtime.typeName(result))'")
      }
    } else if !arguments.positional.isEmpty || !arguments.keywords.isEmpty, type.layout == .object {
      throw Interpreter.typeError("\(type.name)() takes no arguments")
    }
    return instance
  }
}
