/// The operator methods of the built-in types as attributes: `list.__len__(x)`,
/// `(1).__add__(2)`, `super().__getitem__(i)` in a subclass of `list`, `dict.__delitem__`.
///
/// They are made when read and are not in the class dictionaries: the interpreter's operator
/// dispatch looks there for methods a script class defines, and finding these would send every
/// failed `1 + "a"` back into itself. Each performs the built-in type's own operation, never a
/// subclass override, so a subclass method can call it through `super()`.
enum BuiltinOperatorMethods {
  private static let comparisons: [String: CompareOperator] = [
    "__eq__": .eq, "__ne__": .notEq, "__lt__": .lt, "__le__": .ltE, "__gt__": .gt, "__ge__": .gtE,
  ]
  private static let arithmetic: [String: BinaryOperator] = [
    "add": .add, "sub": .sub, "mul": .mult, "truediv": .div, "floordiv": .floorDiv, "mod": .mod, "pow": .pow,
    "lshift": .lShift, "rshift": .rShift, "and": .bitAnd, "or": .bitOr, "xor": .bitXor,
  ]
  nonisolated(unsafe) private static let containers: [TypeObject] = [
    BuiltinTypes.str, BuiltinTypes.bytes, BuiltinTypes.tuple, BuiltinTypes.list, BuiltinTypes.dict, BuiltinTypes.set,
    BuiltinTypes.frozenset, BuiltinTypes.range,
  ]
  nonisolated(unsafe) private static let values: [TypeObject] =
    containers + [BuiltinTypes.int, BuiltinTypes.bool, BuiltinTypes.float]

  /// The method `name` of the built-in type `type` derives from, unbound; nil when it has none.
  static func method(_ name: String, for type: TypeObject) -> Value? {
    guard name.hasPrefix("__") else { return nil }
    let base = type.mro.first { candidate in values.contains { $0 === candidate } } ?? BuiltinTypes.object
    guard let body = base === BuiltinTypes.object ? objectBody(name) : body(name, base) else { return nil }
    return .object(
      BuiltinFunction(name) { interpreter, arguments in
        guard let receiver = arguments.positional.first else {
          throw Interpreter.typeError("descriptor '\(name)' of '\(base.name)' object needs an argument")
        }
        guard Runtime.type(of: receiver).isSubtype(of: base) else {
          throw Interpreter.typeError(
            "descriptor '\(name)' requires a '\(base.name)' object but received a '\(Runtime.typeName(receiver))'")
        }
        return try body(interpreter, receiver, Array(arguments.positional.dropFirst()))
      })
  }

  private typealias Body = (Interpreter, Value, [Value]) throws -> Value

  private static func body(_ name: String, _ base: TypeObject) -> Body? {
    let isContainer = containers.contains { $0 === base }
    if let op = comparisons[name] {
      return { interpreter, receiver, arguments in
        let other = try argument(arguments, name)
        do {
          return .bool(try interpreter.compare(op, receiver, other))
        } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.typeError) {
          return .object(Builtins.notImplemented)
        }
      }
    }
    let stem = String(name.dropFirst(2).dropLast(2))
    let reflected = stem.hasPrefix("r") && arithmetic[String(stem.dropFirst())] != nil
    if let op = arithmetic[reflected ? String(stem.dropFirst()) : stem], name.hasSuffix("__") {
      return { interpreter, receiver, arguments in
        let other = try argument(arguments, name)
        do {
          return reflected ? try interpreter.binary(op, other, receiver) : try interpreter.binary(op, receiver, other)
        } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.typeError) {
          return .object(Builtins.notImplemented)
        }
      }
    }
    switch name {
    case "__hash__" where base !== BuiltinTypes.list && base !== BuiltinTypes.dict && base !== BuiltinTypes.set:
      return { _, receiver, _ in .int(try HashKey.pythonHash(receiver)) }
    case "__len__" where isContainer:
      return { interpreter, receiver, _ in .int(try baseLength(interpreter, receiver)) }
    case "__iter__" where isContainer:
      return { interpreter, receiver, _ in .object(try interpreter.makeIterator(receiver)) }
    case "__contains__" where isContainer:
      return { interpreter, receiver, arguments in
        .bool(try interpreter.contains(receiver, try argument(arguments, name)))
      }
    case "__getitem__" where isContainer && base !== BuiltinTypes.dict:
      return { interpreter, receiver, arguments in
        try interpreter.builtinGetItem(receiver, try argument(arguments, name))
      }
    case "__setitem__" where base === BuiltinTypes.list:
      return { interpreter, receiver, arguments in
        guard arguments.count == 2 else { throw Interpreter.typeError("expected 2 arguments, got \(arguments.count)") }
        try interpreter.builtinSetItem(receiver, arguments[0], arguments[1])
        return .none
      }
    case "__delitem__" where base === BuiltinTypes.list || base === BuiltinTypes.dict:
      return { interpreter, receiver, arguments in
        let key = try argument(arguments, name)
        if case .dict(let dict) = receiver {
          guard dict.storage.removeValue(forKey: try HashKey(key)) != nil else { throw Interpreter.keyError(key) }
        } else {
          try interpreter.builtinDeleteItem(receiver, key)
        }
        return .none
      }
    default:
      return nil
    }
  }

  /// `object.__eq__` (identity, else NotImplemented), `__ne__` and `__hash__` (identity).
  private static func objectBody(_ name: String) -> Body? {
    switch name {
    case "__eq__", "__ne__":
      return { _, receiver, arguments in
        let other = try argument(arguments, name)
        guard Runtime.identical(receiver, other) else { return .object(Builtins.notImplemented) }
        return .bool(name == "__eq__")
      }
    case "__hash__":
      return { _, receiver, _ in
        guard case .object(let object) = receiver else { return .int(try HashKey.pythonHash(receiver)) }
        return .int(ObjectIdentifier(object).hashValue)
      }
    default:
      return nil
    }
  }

  private static func argument(_ arguments: [Value], _ name: String) throws -> Value {
    guard arguments.count == 1 else { throw Interpreter.typeError("expected 1 argument, got \(arguments.count)") }
    return arguments[0]
  }

  /// `len()` of the built-in part of a value, without a subclass's `__len__`.
  private static func baseLength(_ interpreter: Interpreter, _ value: Value) throws -> Int {
    switch value {
    case .list(let list): return list.items.count
    case .dict(let dict): return dict.storage.count
    default: return try interpreter.length(value)
    }
  }
}
