/// Facts about values that need no interpreter state.
enum Runtime {
  static func type(of value: Value) -> TypeObject {
    switch value {
    case .none: return BuiltinTypes.noneType
    case .bool: return BuiltinTypes.bool
    case .int, .bigInt: return BuiltinTypes.int
    case .float: return BuiltinTypes.float
    case .str: return BuiltinTypes.str
    case .bytes: return BuiltinTypes.bytes
    case .tuple: return BuiltinTypes.tuple
    case .list(let list): return list.cls
    case .dict(let dict): return dict.cls
    case .set(let set): return set.pyType
    case .object(let object): return object.pyType
    }
  }

  /// The name of the value's type as error messages give it.
  static func typeName(_ value: Value) -> String { type(of: value).messageName }

  static func isInstance(_ value: Value, _ type: TypeObject) -> Bool {
    Runtime.type(of: value).isSubtype(of: type)
  }

  /// The value as an `Int` if it is an int or bool that fits.
  static func smallInt(_ value: Value) -> Int? {
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    default: return nil
    }
  }

  /// Identity for `is`: inline values compare by value where Python guarantees identity
  /// (None, booleans, small ints and interned strings are what scripts compare with `is`).
  /// `callable(value)`.
  static func isCallable(_ value: Value) -> Bool {
    guard case .object(let object) = value else { return false }
    return object is FunctionObject || object is BuiltinFunction || object is BoundMethod || object is TypeObject
      || object.pyType.lookup("__call__") != nil
  }

  static func identical(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.str(let x), .str(let y)): return x == y
    case (.list(let x), .list(let y)): return x === y
    case (.dict(let x), .dict(let y)): return x === y
    case (.set(let x), .set(let y)): return x === y
    case (.object(let x), .object(let y)): return x === y
    case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
    default: return false
    }
  }
}
