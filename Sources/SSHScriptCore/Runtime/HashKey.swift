import BigInt

/// A dict key or set element: a hashable value with its hash computed once, compared with
/// Python's equality (`1`, `1.0` and `True` are the same key).
///
/// Objects whose class defines `__hash__` and `__eq__` (script classes, namedtuples, datetimes)
/// are hashed and compared by calling them. Swift's `==` cannot throw, so an exception raised
/// by a script `__eq__` during a lookup counts as "not equal" (CPython would propagate it).
struct HashKey: Hashable {
  let value: Value
  private let hash: Int

  /// Makes a key, or throws `TypeError: unhashable type: 'list'`.
  init(_ value: Value) throws {
    self.value = value
    self.hash = try HashKey.pythonHash(value)
  }

  static func == (lhs: HashKey, rhs: HashKey) -> Bool {
    lhs.hash == rhs.hash && HashKey.equal(lhs.value, rhs.value)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(hash)
  }

  /// The hash tables of Swift's collections ask for this; the default runs SipHash over the
  /// already computed Python hash. A splitmix64 finaliser mixes it as well, for a fraction of the
  /// cost (dict and set operations spent about 6% of their time in `Hasher`).
  func _rawHashValue(seed: Int) -> Int {
    var mixed = UInt64(bitPattern: Int64(hash)) ^ UInt64(bitPattern: Int64(seed))
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int(bitPattern: UInt(mixed ^ (mixed >> 31)))
  }

  /// Equality of hashable values without running script code.
  static func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.none, .none): return true
    case (.str(let x), .str(let y)): return x == y
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.tuple(let x), .tuple(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    case (.object(let x), .object(let y)): return x === y || scriptEqual(a, b)
    case (.object, _), (_, .object): return scriptEqual(a, b)
    case (.set(let x), .set(let y)):
      return x === y || (x.storage.count == y.storage.count && x.storage.allSatisfy { y.storage.contains($0) })
    default:
      if let x = NumericValue(a), let y = NumericValue(b) { return x == y }
      return false
    }
  }

  static func pythonHash(_ value: Value) throws -> Int {
    switch value {
    case .none: return 0x5F37_59DF
    case .bool(let flag): return flag ? 1 : 0
    // Small ints hash to themselves, as in CPython; `hash(into:)` mixes them for the table.
    case .int(let number): return number
    case .bigInt(let box): return box.value.hashValue
    case .float(let number):
      if number.rounded() == number, let exact = Int(exactly: number) { return exact }
      if number.rounded() == number, number.isFinite { return BigInt(number).hashValue }
      return number.hashValue
    case .str(let text): return text.hashValue
    case .bytes(let data): return data.hashValue
    case .tuple(let items):
      var hasher = Hasher()
      hasher.combine(items.count)
      for item in items { hasher.combine(try pythonHash(item)) }
      return hasher.finalize()
    case .set(let set) where set.frozen:
      return set.storage.reduce(0) { $0 &+ $1.hashValue }
    case .list, .dict, .set:
      throw Interpreter.typeError("unhashable type: '\(Runtime.typeName(value))'")
    case .object(let object):
      guard let method = object.pyType.lookup("__hash__") else { return ObjectIdentifier(object).hashValue }
      return try scriptHash(value, method)
    }
  }

  /// `hash(x)` through the class's `__hash__`; `None` there means unhashable.
  static func scriptHash(_ value: Value, _ method: Value) throws -> Int {
    if method.isNone { throw Interpreter.typeError("unhashable type: '\(Runtime.typeName(value))'") }
    guard let interpreter = CurrentInterpreter.value else { throw Interpreter.typeError("no interpreter") }
    var arguments = CallArguments([value])
    switch try interpreter.call(method, &arguments) {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box): return box.value.hashValue
    default: throw Interpreter.typeError("__hash__ method should return an integer")
    }
  }

  /// `a == b` where one side is an object whose class may define `__eq__`.
  private static func scriptEqual(_ a: Value, _ b: Value) -> Bool {
    guard let interpreter = CurrentInterpreter.value,
      Runtime.type(of: a).lookup("__eq__") != nil || Runtime.type(of: b).lookup("__eq__") != nil
    else { return false }
    return (try? interpreter.compare(.eq, a, b)) ?? false
  }
}

/// Numbers compared across types: ints (any size), bools and floats.
enum NumericValue: Equatable {
  case integer(BigInt)
  case small(Int)
  case float(Double)

  init?(_ value: Value) {
    switch value {
    case .bool(let flag): self = .small(flag ? 1 : 0)
    case .int(let number): self = .small(number)
    case .bigInt(let box): self = .integer(box.value)
    case .float(let number): self = .float(number)
    default: return nil
    }
  }

  static func == (lhs: NumericValue, rhs: NumericValue) -> Bool {
    switch (lhs, rhs) {
    case (.small(let a), .small(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.integer(let a), .integer(let b)): return a == b
    case (.small(let a), .integer(let b)), (.integer(let b), .small(let a)): return BigInt(a) == b
    case (.small(let a), .float(let b)), (.float(let b), .small(let a)):
      return Double(exactly: a).map { $0 == b } ?? (b.rounded() == b && b.isFinite && BigInt(b) == BigInt(a))
    case (.integer(let a), .float(let b)), (.float(let b), .integer(let a)):
      return b.isFinite && b.rounded() == b && BigInt(b) == a
    }
  }
}
