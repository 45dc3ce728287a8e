/// Truth values, `str()` and `repr()`.
extension Interpreter {
  /// `truthy` with the common case (a comparison's bool) decided inline.
  @inline(__always)
  func isTrue(_ value: Value) throws -> Bool {
    if case .bool(let flag) = value { return flag }
    return try truthy(value)
  }

  func truthy(_ value: Value) throws -> Bool {
    switch value {
    case .none: return false
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .bigInt: return true
    case .float(let number): return number != 0
    case .str(let text): return !text.isEmpty
    case .bytes(let data): return !data.isEmpty
    case .tuple(let items): return !items.isEmpty
    case .list(let list):
      if list.cls !== BuiltinTypes.list, let result = try overriddenTruth(list.cls, value) { return result }
      return !list.items.isEmpty
    case .dict(let dict):
      if dict.cls !== BuiltinTypes.dict, let result = try overriddenTruth(dict.cls, value) { return result }
      return !dict.storage.isEmpty
    case .set(let set): return !set.storage.isEmpty
    case .object(let object):
      if let range = object as? RangeObject { return range.count != 0 }
      guard !object.pyType.isBuiltin || object is Instance else { return true }
      if let result = try callSpecial(value, "__bool__", []) {
        guard case .bool(let flag) = result else {
          throw Interpreter.typeError("__bool__ should return bool, returned \(Runtime.typeName(result))")
        }
        return flag
      }
      if let result = try callSpecial(value, "__len__", []) { return try asIndex(result, "__len__") != 0 }
      return true
    }
  }

  /// `__bool__`, else `__len__`, of a script class derived from `list` or `dict`.
  private func overriddenTruth(_ cls: TypeObject, _ value: Value) throws -> Bool? {
    if let result = try callOverride(cls, value, "__bool__", []) {
      guard case .bool(let flag) = result else {
        throw Interpreter.typeError("__bool__ should return bool, returned \(Runtime.typeName(result))")
      }
      return flag
    }
    if let result = try callOverride(cls, value, "__len__", []) { return try asIndex(result, "__len__") != 0 }
    return nil
  }

  /// `__str__` or `__repr__` of a script class derived from `list` or `dict`.
  private func overriddenText(_ cls: TypeObject, _ value: Value, _ name: String) throws -> String? {
    guard let result = try callOverride(cls, value, name, []) else { return nil }
    guard case .str(let text) = result else {
      throw Interpreter.typeError("\(name) returned non-string (type \(Runtime.typeName(result)))")
    }
    return text
  }

  /// `str(value)`.
  func str(_ value: Value) throws -> String {
    switch value {
    case .str(let text): return text
    case .list, .dict:
      if let cls = Interpreter.containerSubclass(value), let text = try overriddenText(cls, value, "__str__") {
        return text
      }
      return try repr(value)
    case .object(let object):
      if let exception = object as? ExceptionObject {
        if !exception.cls.isBuiltin, let result = try callSpecial(value, "__str__", []), case .str(let text) = result {
          return text
        }
        return try exceptionMessage(exception)
      }
      if object is Instance, let result = try callSpecial(value, "__str__", []) {
        guard case .str(let text) = result else {
          throw Interpreter.typeError("__str__ returned non-string (type \(Runtime.typeName(result)))")
        }
        return text
      }
      return try repr(value)
    default:
      return try repr(value)
    }
  }

  /// The message part of an exception: `str(e)`.
  func exceptionMessage(_ exception: ExceptionObject) throws -> String {
    if exception.cls.isSubtype(of: BuiltinTypes.osError), (2...4).contains(exception.args.count),
      case .int(let number) = exception.args[0]
    {
      var text = "[Errno \(number)] \(try str(exception.args[1]))"
      func name(_ key: String, _ index: Int) -> Value? {
        if let value = exception.attributes[key], !value.isNone { return value }
        return index < exception.args.count ? exception.args[index] : nil
      }
      if let filename = name("filename", 2) {
        text += ": \(try repr(filename))"
        if let second = name("filename2", 3) { text += " -> \(try repr(second))" }
      }
      return text
    }
    switch exception.args.count {
    case 0: return ""
    case 1:
      if exception.cls.isSubtype(of: BuiltinTypes.keyError) { return try repr(exception.args[0]) }
      return try str(exception.args[0])
    default: return try repr(.tuple(exception.args))
    }
  }

  /// `repr(value)`.
  func repr(_ value: Value) throws -> String {
    switch value {
    case .none: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .bigInt(let box): return String(box.value)
    case .float(let number): return PythonRepr.float(number)
    case .str(let text): return PythonRepr.string(text)
    case .bytes(let data): return PythonRepr.bytes(data)
    case .tuple(let items):
      if items.count == 1 { return "(" + (try repr(items[0])) + ",)" }
      return try "(" + items.map { try repr($0) }.joined(separator: ", ") + ")"
    case .list(let list):
      if list.cls !== BuiltinTypes.list, let text = try overriddenText(list.cls, value, "__repr__") { return text }
      return try nativeRepr(list)
    case .dict(let dict):
      if dict.cls !== BuiltinTypes.dict, let text = try overriddenText(dict.cls, value, "__repr__") { return text }
      return try nativeRepr(dict)
    case .set(let set):
      let name = set.frozen ? "frozenset" : "set"
      if set.storage.isEmpty { return name + "()" }
      let body = try "{" + set.storage.map { try repr($0.value) }.joined(separator: ", ") + "}"
      return set.frozen ? "frozenset(\(body))" : body
    case .object(let object):
      return try reprObject(object, value)
    }
  }

  /// The built-in repr of a list, whatever its class: what `list.__repr__` gives a subclass.
  func nativeRepr(_ list: ListObject) throws -> String {
    try guardRecursion(list, "[...]") {
      try "[" + list.items.map { try repr($0) }.joined(separator: ", ") + "]"
    }
  }

  /// The built-in repr of a dict, whatever its class: what `dict.__repr__` gives a subclass.
  func nativeRepr(_ dict: DictObject) throws -> String {
    try guardRecursion(dict, "{...}") {
      try "{" + dict.storage.map { try repr($0.key.value) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
    }
  }

  private func reprObject(_ object: PyObject, _ value: Value) throws -> String {
    switch object {
    case let type as TypeObject:
      return type.isBuiltin ? "<class '\(type.name)'>" : "<class '\(type.moduleName).\(type.name)'>"
    case let function as FunctionObject:
      return "<function \(function.qualifiedName) at 0x\(address(object))>"
    case let builtin as BuiltinFunction:
      return "<built-in function \(builtin.name)>"
    case let method as BoundMethod:
      let name: String
      switch method.function {
      case .object(let function as FunctionObject): name = function.qualifiedName
      case .object(let function as BuiltinFunction): name = function.name
      default: name = "?"
      }
      return "<bound method \(name) of \(try repr(method.receiver))>"
    case let module as ModuleObject:
      return module.path.map { "<module '\(module.name)' from '\($0)'>" } ?? "<module '\(module.name)' (built-in)>"
    case let range as RangeObject:
      return range.step == 1
        ? "range(\(range.start), \(range.stop))" : "range(\(range.start), \(range.stop), \(range.step))"
    case let slice as SliceObject:
      return "slice(\(try repr(slice.start)), \(try repr(slice.stop)), \(try repr(slice.step)))"
    case let view as DictViewObject:
      return try "\(view.kind.rawValue)([" + view.elements.map { try repr($0) }.joined(separator: ", ") + "])"
    case let exception as ExceptionObject:
      if !exception.cls.isBuiltin, let result = try callSpecial(value, "__repr__", []), case .str(let text) = result {
        return text
      }
      return try exception.cls.name + "(" + exception.args.map { try repr($0) }.joined(separator: ", ") + ")"
    case is Instance, is FileObject:
      if let result = try callSpecial(value, "__repr__", []) {
        guard case .str(let text) = result else {
          throw Interpreter.typeError("__repr__ returned non-string (type \(Runtime.typeName(result)))")
        }
        return text
      }
      let type = object.pyType
      if type.isBuiltin { return "<\(type.name) object at 0x\(address(object))>" }
      return "<\(type.moduleName).\(type.name) object at 0x\(address(object))>"
    default:
      if object.pyType === BuiltinTypes.noneType { return "None" }
      if object.pyType === BuiltinTypes.notImplementedType { return "NotImplemented" }
      if object.pyType === BuiltinTypes.ellipsisType { return "Ellipsis" }
      // A native type of a module may define its own (`<md5 _hashlib.HASH object @ 0x…>`).
      if let method = object.pyType.dict["__repr__"], case .str(let text) = try call(method, [value]) { return text }
      return "<\(object.pyType.name) object at 0x\(address(object))>"
    }
  }

  func address(_ object: AnyObject) -> String {
    String(Interpreter.identity(object), radix: 16)
  }

  /// `id(object)`: the object's address, as in CPython (non-negative, unique while it lives,
  /// and the number that `repr` shows).
  static func identity(_ object: AnyObject) -> Int {
    Int(bitPattern: UInt(bitPattern: ObjectIdentifier(object)))
  }

  /// `repr` of a container that may contain itself prints `[...]` for the inner occurrence.
  private func guardRecursion(_ object: AnyObject, _ placeholder: String, _ body: () throws -> String) rethrows
    -> String
  {
    let id = ObjectIdentifier(object)
    if reprInProgress.contains(id) { return placeholder }
    reprInProgress.insert(id)
    defer { reprInProgress.remove(id) }
    return try body()
  }

  /// An `int` used as an index or count (`__index__`), with CPython's message.
  func asIndex(_ value: Value, _ what: String) throws -> Int {
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt: throw Interpreter.error(BuiltinTypes.indexError, "cannot fit 'int' into an index-sized integer")
    default:
      throw Interpreter.typeError("'\(Runtime.typeName(value))' object cannot be interpreted as an integer")
    }
  }
}
