/// Attribute access: instance attributes, methods bound on access, properties, class and
/// static methods, `super()`, modules, and the special attributes scripts read (`__name__`…).
extension Interpreter {
  func getAttribute(_ value: Value, _ name: String) throws -> Value {
    if let found = try findAttribute(value, name) { return found }
    if case .object = value, let getattr = Runtime.type(of: value).lookup("__getattr__") {
      return try call(getattr, [value, .str(name)])
    }
    throw attributeError(value, name)
  }

  /// The attribute, or nil when there is none, for `hasattr` and `getattr` with a default: a miss
  /// builds no AttributeError (whose "did you mean" hint costs a search of every name), unless a
  /// `__getattr__` has to be asked.
  func attributeIfPresent(_ value: Value, _ name: String) throws -> Value? {
    if let found = try findAttribute(value, name) { return found }
    guard case .object = value, Runtime.type(of: value).lookup("__getattr__") != nil else { return nil }
    do {
      return try getAttribute(value, name)
    } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.attributeError) {
      return nil
    }
  }

  /// The attribute, or nil when there is none (no exception is made for the common miss).
  func findAttribute(_ value: Value, _ name: String) throws -> Value? {
    let type = Runtime.type(of: value)
    switch value {
    case .object(let object):
      switch object {
      case let instance as Instance:
        let classValue = type.lookup(name)
        if let classValue, case .object(let property as PropertyObject) = classValue {
          return try getProperty(property, value, name)
        }
        if let own = instance.attributes[name] { return own }
        if name == "__dict__" { return .dict(try attributeDict(instance.attributes)) }
        if let classValue { return bind(classValue, to: value, type: type) }
        if name == "__class__" { return .object(type) }
        return BuiltinOperatorMethods.method(name, for: type).map { bind($0, to: value, type: type) }
      case let typeObject as TypeObject:
        return try classAttribute(typeObject, name)
      case let module as ModuleObject:
        if let found = module.globals[name] { return found }
        if name == "__name__" { return .str(module.name) }
        if name == "__file__", let path = module.path { return .str(path) }
        if name == "__dict__" { return .dict(try attributeDict(Dictionary(module.globals.bound) { a, _ in a })) }
        return nil
      case let exception as ExceptionObject:
        switch name {
        case "args": return .tuple(exception.args)
        case "__cause__": return exception.cause.map { .object($0) } ?? Value.none
        case "__context__": return exception.context.map { .object($0) } ?? Value.none
        case "__suppress_context__": return .bool(exception.suppressContext)
        case "__traceback__": return Value.none
        case "value" where exception.isInstance(of: BuiltinTypes.stopIteration):
          return exception.args.first ?? Value.none
        case "errno", "strerror", "filename", "filename2":
          if exception.isInstance(of: BuiltinTypes.osError), exception.attributes[name] == nil {
            let index = ["errno": 0, "strerror": 1, "filename": 2, "filename2": 3][name]!
            if exception.args.count >= 2, case .int = exception.args[0], index < exception.args.count {
              return exception.args[index]
            }
            return Value.none
          }
        case "code" where exception.isInstance(of: BuiltinTypes.systemExit):
          return exception.args.count > 1 ? .tuple(exception.args) : exception.args.first ?? Value.none
        default: break
        }
        if let own = exception.attributes[name] { return own }
        if let classValue = type.lookup(name) {
          if case .object(let property as PropertyObject) = classValue { return try getProperty(property, value, name) }
          return bind(classValue, to: value, type: type)
        }
        if name == "__class__" { return .object(type) }
        return nil
      case let function as FunctionObject:
        switch name {
        case "__name__": return .str(function.name)
        case "__qualname__": return .str(function.qualifiedName)
        case "__module__": return .str(function.module.name)
        case "__doc__": return function.attributes["__doc__"] ?? Value.none
        case "__dict__": return .dict(try attributeDict(function.attributes))
        default: break
        }
        if let own = function.attributes[name] { return own }
      case let builtin as BuiltinFunction:
        if name == "__name__" || name == "__qualname__" { return .str(builtin.name) }
      case let method as BoundMethod:
        if name == "__self__" { return method.receiver }
        if name == "__func__" { return method.function }
        return try findAttribute(method.function, name)
      case let superObject as SuperObject:
        return try superAttribute(superObject, name)
      case let range as RangeObject:
        switch name {
        case "start": return .int(range.start)
        case "stop": return .int(range.stop)
        case "step": return .int(range.step)
        default: break
        }
      case let stream as StreamObject:
        if name == "name" { return .str(stream.name) }
      case let slice as SliceObject:
        switch name {
        case "start": return slice.start
        case "stop": return slice.stop
        case "step": return slice.step
        default: break
        }
      case let property as PropertyObject:
        switch name {
        case "setter", "getter", "deleter":
          return .object(
            BuiltinFunction("property.\(name)") { _, arguments in
              guard let function = arguments.positional.first else {
                throw Interpreter.typeError("\(name)() takes exactly one argument (0 given)")
              }
              return .object(
                PropertyObject(
                  getter: name == "getter" ? function : property.getter,
                  setter: name == "setter" ? function : property.setter,
                  deleter: name == "deleter" ? function : property.deleter, doc: property.doc))
            })
        case "fget": return property.getter ?? Value.none
        case "fset": return property.setter ?? Value.none
        case "__doc__": return property.doc
        default: break
        }
      default:
        break
      }
    case .list(let list) where !list.attributes.isEmpty:
      if let own = list.attributes[name] { return own }
    case .dict(let dict) where !dict.attributes.isEmpty:
      if let own = dict.attributes[name] { return own }
    default:
      break
    }
    if name == "__class__" { return .object(type) }
    if let classValue = type.lookup(name) {
      if case .object(let property as PropertyObject) = classValue { return try getProperty(property, value, name) }
      return bind(classValue, to: value, type: type)
    }
    if let method = BuiltinOperatorMethods.method(name, for: type) { return bind(method, to: value, type: type) }
    if let number = NumericValue(value) {
      switch name {
      case "real": return Runtime.smallInt(value).map { .int($0) } ?? value
      case "imag": if case .float = value { return .float(0) } else { return .int(0) }
      case "numerator" where !(number.isFloat): return Runtime.smallInt(value).map { .int($0) } ?? value
      case "denominator" where !(number.isFloat): return .int(1)
      default: break
      }
    }
    return nil
  }

  /// What reading a class attribute through an instance gives: functions bound to it, class
  /// methods bound to its class, static methods unwrapped.
  func bind(_ classValue: Value, to receiver: Value, type: TypeObject) -> Value {
    guard case .object(let object) = classValue else { return classValue }
    switch object {
    case is FunctionObject, is BuiltinFunction:
      return .object(BoundMethod(receiver: receiver, function: classValue))
    case let method as ClassMethod:
      return .object(BoundMethod(receiver: .object(type), function: method.function))
    case let method as StaticMethod:
      return method.function
    default:
      return classValue
    }
  }

  private func getProperty(_ property: PropertyObject, _ receiver: Value, _ name: String) throws -> Value {
    guard let getter = property.getter else { throw Interpreter.attributeError("property '\(name)' has no getter") }
    return try call(getter, [receiver])
  }

  /// An attribute read on a class object.
  func classAttribute(_ type: TypeObject, _ name: String) throws -> Value? {
    switch name {
    case "__name__": return .str(type.name)
    case "__qualname__": return .str(type.assignedQualifiedName ?? type.name)
    case "__module__": return .str(type.moduleName)
    case "__mro__": return .tuple(type.mro.map { .object($0) })
    case "__bases__": return .tuple(type.bases.map { .object($0) })
    case "__base__": return type.bases.first.map { .object($0) } ?? Value.none
    case "__dict__": return .dict(try attributeDict(type.dict))
    case "__doc__": return type.dict["__doc__"] ?? Value.none
    default: break
    }
    guard let found = type.lookup(name) else {
      if name == "__class__" { return .object(BuiltinTypes.type) }
      return BuiltinOperatorMethods.method(name, for: type)
    }
    if case .object(let object) = found {
      if let method = object as? ClassMethod {
        return .object(BoundMethod(receiver: .object(type), function: method.function))
      }
      if let method = object as? StaticMethod { return method.function }
    }
    return found
  }

  /// An instance's attributes as a new dict, in assignment order.
  private func attributeDict(_ attributes: AttributeTable) throws -> DictObject {
    let dict = DictObject()
    for (key, value) in attributes { dict.storage[try HashKey(.str(key))] = value }
    return dict
  }

  private func attributeDict(_ attributes: [String: Value]) throws -> DictObject {
    let dict = DictObject()
    for (key, value) in attributes.sorted(by: { $0.key < $1.key }) { dict.storage[try HashKey(.str(key))] = value }
    return dict
  }

  /// `super().name`: the first class after `superObject.cls` in the receiver's MRO that has it.
  private func superAttribute(_ superObject: SuperObject, _ name: String) throws -> Value? {
    let receiverType: TypeObject
    if case .object(let type as TypeObject) = superObject.receiver {
      receiverType = type
    } else {
      receiverType = Runtime.type(of: superObject.receiver)
    }
    let mro = receiverType.mro
    guard let position = mro.firstIndex(where: { $0 === superObject.cls }) else { return nil }
    for type in mro[(position + 1)...] {
      guard let found = type.dict[name] else { continue }
      if case .object(let property as PropertyObject) = found {
        return try getProperty(property, superObject.receiver, name)
      }
      if case .object(let type as TypeObject) = superObject.receiver {
        if case .object(let method as ClassMethod) = found {
          return .object(BoundMethod(receiver: .object(type), function: method.function))
        }
        return found
      }
      return bind(found, to: superObject.receiver, type: receiverType)
    }
    if let method = BuiltinOperatorMethods.method(name, for: mro[position]) {
      return bind(method, to: superObject.receiver, type: receiverType)
    }
    return nil
  }

  func attributeError(_ value: Value, _ name: String) -> ScriptException {
    let message: String
    var candidates: [String] = []
    switch value {
    case .object(let module as ModuleObject):
      let missing = MissingModuleNames.pythonHas(module: module.name, member: name) ? " (not available in sshs)" : ""
      message = "module '\(module.name)' has no attribute '\(name)'\(missing)"
      candidates = Array(module.globals.names.keys)
    case .object(let type as TypeObject):
      message = "type object '\(type.messageName)' has no attribute '\(name)'"
      candidates = type.mro.flatMap { $0.dict.keys }
    default:
      message = "'\(Runtime.typeName(value))' object has no attribute '\(name)'"
      candidates = Runtime.type(of: value).mro.flatMap { $0.dict.keys }
      if case .object(let instance as Instance) = value { candidates += instance.attributes.keys }
    }
    let failure = Interpreter.attributeError(message)
    failure.exception.attributes["name"] = .str(name)
    failure.exception.hint = Suggestions.closest(to: name, in: candidates)
    return failure
  }

  // MARK: - Setting and deleting

  /// `target.name = newValue`. `object.__setattr__` passes `usingHook: false` so that a class's own
  /// `__setattr__` can store through it.
  func setAttribute(_ target: Value, _ name: String, _ newValue: Value, usingHook: Bool = true) throws {
    let type = Runtime.type(of: target)
    if let classValue = type.lookup(name), case .object(let property as PropertyObject) = classValue {
      guard let setter = property.setter else {
        throw Interpreter.attributeError("property '\(name)' of '\(type.name)' object has no setter")
      }
      _ = try call(setter, [target, newValue])
      return
    }
    switch target {
    case .object(let object):
      switch object {
      case let instance as Instance:
        if usingHook, let setattr = Interpreter.override(in: type, "__setattr__") {
          _ = try call(setattr, [target, .str(name), newValue])
          return
        }
        instance.attributes[name] = newValue
        return
      case let exception as ExceptionObject:
        switch name {
        case "__cause__": exception.cause = try asException(newValue, "exception cause")
        case "__context__": exception.context = try asException(newValue, "exception context")
        case "__suppress_context__": exception.suppressContext = try truthy(newValue)
        case "args": exception.args = try iterateToArray(newValue)
        default: exception.attributes[name] = newValue
        }
        return
      case let function as FunctionObject:
        switch name {
        case "__name__":
          guard case .str(let text) = newValue else {
            throw Interpreter.typeError("__name__ must be set to a string object")
          }
          function.name = text
        case "__qualname__":
          guard case .str(let text) = newValue else {
            throw Interpreter.typeError("__qualname__ must be set to a string object")
          }
          function.qualifiedName = text
        default:
          function.attributes[name] = newValue
        }
        return
      case let typeObject as TypeObject where !typeObject.isBuiltin:
        switch name {
        case "__name__", "__qualname__", "__module__":
          guard case .str(let text) = newValue else {
            throw Interpreter.typeError(
              "can only assign string to \(typeObject.name).\(name), not '\(Runtime.typeName(newValue))'")
          }
          if name == "__name__" { typeObject.name = text }
          if name == "__qualname__" { typeObject.assignedQualifiedName = text }
          if name == "__module__" { typeObject.moduleName = text }
        default:
          typeObject.dict[name] = newValue
        }
        return
      case let module as ModuleObject:
        module.globals[name] = newValue
        return
      default:
        break
      }
    case .list(let list) where list.cls !== BuiltinTypes.list:
      list.attributes[name] = newValue
      return
    case .dict(let dict) where dict.cls !== BuiltinTypes.dict:
      dict.attributes[name] = newValue
      return
    default:
      break
    }
    if case .object(let typeObject as TypeObject) = target {
      throw Interpreter.typeError("cannot set '\(name)' attribute of immutable type '\(typeObject.name)'")
    }
    if type.lookup(name) != nil {
      throw Interpreter.attributeError("'\(type.messageName)' object attribute '\(name)' is read-only")
    }
    throw Interpreter.attributeError("'\(type.messageName)' object has no attribute '\(name)'")
  }

  func deleteAttribute(_ target: Value, _ name: String) throws {
    switch target {
    case .object(let instance as Instance):
      if instance.attributes.removeValue(forKey: name) != nil { return }
    case .object(let function as FunctionObject):
      if function.attributes.removeValue(forKey: name) != nil { return }
    case .object(let type as TypeObject) where !type.isBuiltin:
      if type.dict.removeValue(forKey: name) != nil { return }
    case .object(let module as ModuleObject):
      if module.globals[name] != nil {
        module.globals[name] = nil
        return
      }
    default:
      break
    }
    throw attributeError(target, name)
  }

  func asException(_ value: Value, _ what: String) throws -> ExceptionObject? {
    switch value {
    case .none: return nil
    case .object(let exception as ExceptionObject): return exception
    default: throw Interpreter.typeError("\(what) must be None or derive from BaseException")
    }
  }
}

/// `super()`: attribute lookup that starts after `cls` in the receiver's MRO.
final class SuperObject: PyObject {
  let cls: TypeObject
  let receiver: Value

  init(cls: TypeObject, receiver: Value) {
    self.cls = cls
    self.receiver = receiver
  }

  override var pyType: TypeObject { BuiltinTypes.superType }
}
