import BigInt

/// `==`, ordering, `in` and `is`, with the rich-comparison protocol for script classes.
extension Interpreter {
  func compare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Bool {
    switch op {
    case .eq: return try equal(left, right)
    case .notEq:
      if left.isObject || right.isObject, let result = try scriptNotEqual(left, right) { return result }
      return try !equal(left, right)
    case .is: return Runtime.identical(left, right)
    case .isNot: return !Runtime.identical(left, right)
    case .in: return try contains(right, left)
    case .notIn: return try !contains(right, left)
    case .lt, .ltE, .gt, .gtE: return try order(op, left, right)
    }
  }

  /// `a != b` through a script class's own `__ne__` (either side, reflected as Python does);
  /// nil when neither defines one, so that `!=` is the negation of `==`.
  private func scriptNotEqual(_ left: Value, _ right: Value) throws -> Bool? {
    func attempt(_ receiver: Value, _ other: Value) throws -> Bool? {
      guard case .object(let object as Instance) = receiver, let method = object.cls.lookup("__ne__") else {
        return nil
      }
      let result = try call(method, [receiver, other])
      return isNotImplemented(result) ? nil : try truthy(result)
    }
    return try attempt(left, right) ?? attempt(right, left)
  }

  func equal(_ left: Value, _ right: Value) throws -> Bool {
    switch (left, right) {
    case (.int(let a), .int(let b)): return a == b
    case (.str(let a), .str(let b)): return a == b
    case (.none, .none): return true
    case (.list(let a), .list(let b)):
      if a === b { return true }
      if a.cls !== BuiltinTypes.list || b.cls !== BuiltinTypes.list, let result = try overriddenEqual(left, right) {
        return result
      }
      return try a.items.count == b.items.count && elementsEqual(a.items, b.items)
    case (.tuple(let a), .tuple(let b)):
      return try a.count == b.count && elementsEqual(a, b)
    case (.dict(let a), .dict(let b)):
      if a === b { return true }
      if a.cls !== BuiltinTypes.dict || b.cls !== BuiltinTypes.dict, let result = try overriddenEqual(left, right) {
        return result
      }
      guard a.storage.count == b.storage.count else { return false }
      for (key, value) in a.storage {
        guard let other = b.storage[key], try equal(value, other) else { return false }
      }
      return true
    case (.set(let a), .set(let b)):
      return a.storage.count == b.storage.count && a.storage.allSatisfy { b.storage.contains($0) }
    case (.bytes(let a), .bytes(let b)): return a == b
    case (.object(let a as RangeObject), .object(let b as RangeObject)):
      // Ranges are equal when they produce the same numbers.
      return a.count == b.count && (a.count == 0 || (a.start == b.start && (a.count == 1 || a.step == b.step)))
    default:
      if let a = NumericValue(left), let b = NumericValue(right) { return a == b }
      if let result = try overriddenEqual(left, right) { return result }
      if case .object = left, let result = try callSpecial(left, "__eq__", [right]), !isNotImplemented(result) {
        return try truthy(result)
      }
      if case .object = right, let result = try callSpecial(right, "__eq__", [left]), !isNotImplemented(result) {
        return try truthy(result)
      }
      return Runtime.identical(left, right)
    }
  }

  /// `__eq__` of a script class derived from `list` or `dict`, on either side.
  private func overriddenEqual(_ left: Value, _ right: Value) throws -> Bool? {
    if let cls = Interpreter.containerSubclass(left), let result = try callOverride(cls, left, "__eq__", [right]),
      !isNotImplemented(result)
    {
      return try truthy(result)
    }
    if let cls = Interpreter.containerSubclass(right), let result = try callOverride(cls, right, "__eq__", [left]),
      !isNotImplemented(result)
    {
      return try truthy(result)
    }
    return nil
  }

  private func elementsEqual(_ a: [Value], _ b: [Value]) throws -> Bool {
    for (x, y) in zip(a, b) where !Runtime.identical(x, y) {
      if try !equal(x, y) { return false }
    }
    return true
  }

  /// `<`, `<=`, `>`, `>=`.
  func order(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Bool {
    if case .int(let a) = left, case .int(let b) = right { return Interpreter.ordered(op, a, b) }
    if let a = NumericValue(left), let b = NumericValue(right) {
      switch (a, b) {
      case (.float(let x), .float(let y)): return Interpreter.ordered(op, x, y)
      case (.float(let x), _):
        return x.isNaN
          ? false
          : (x.isInfinite ? Interpreter.ordered(op, x, 0) : Interpreter.ordered(op, exactCompare(x, b.bigInt), 0))
      case (_, .float(let y)):
        return y.isNaN
          ? false
          : (y.isInfinite ? Interpreter.ordered(op, 0, y) : Interpreter.ordered(op, 0, exactCompare(y, a.bigInt)))
      default: return Interpreter.ordered(op, a.bigInt, b.bigInt)
      }
    }
    switch (left, right) {
    case (.str(let a), .str(let b)):
      return Interpreter.ordered(op, Array(a.unicodeScalars.map(\.value)), Array(b.unicodeScalars.map(\.value)))
    case (.bytes(let a), .bytes(let b)): return Interpreter.ordered(op, a, b)
    case (.tuple(let a), .tuple(let b)): return try orderSequences(op, a, b)
    case (.list(let a), .list(let b)): return try orderSequences(op, a.items, b.items)
    case (.set(let a), .set(let b)):
      let subset = a.storage.allSatisfy { b.storage.contains($0) }
      let superset = b.storage.allSatisfy { a.storage.contains($0) }
      switch op {
      case .lt: return subset && a.storage.count < b.storage.count
      case .ltE: return subset
      case .gt: return superset && a.storage.count > b.storage.count
      default: return superset
      }
    default:
      let (name, reflected) = Interpreter.richNames(op)
      if let result = try callSpecial(left, name, [right]), !isNotImplemented(result) { return try truthy(result) }
      if let result = try callSpecial(right, reflected, [left]), !isNotImplemented(result) { return try truthy(result) }
      throw Interpreter.typeError(
        "'\(Interpreter.symbol(op))' not supported between instances of '\(Runtime.typeName(left))' and '\(Runtime.typeName(right))'"
      )
    }
  }

  /// The sign of (double − integer), computed exactly.
  private func exactCompare(_ x: Double, _ n: BigInt) -> Int {
    let floor = BigInt(x.rounded(.down))
    if floor < n { return -1 }
    if floor > n { return 1 }
    return x.rounded(.down) == x ? 0 : 1
  }

  private func orderSequences(_ op: CompareOperator, _ a: [Value], _ b: [Value]) throws -> Bool {
    for (x, y) in zip(a, b) where try !equal(x, y) {
      return try order(op, x, y)
    }
    return Interpreter.ordered(op, a.count, b.count)
  }

  static func ordered<T: Comparable>(_ op: CompareOperator, _ a: T, _ b: T) -> Bool {
    switch op {
    case .lt: return a < b
    case .ltE: return a <= b
    case .gt: return a > b
    default: return a >= b
    }
  }

  static func ordered<T: Comparable>(_ op: CompareOperator, _ a: [T], _ b: [T]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return ordered(op, x, y) }
    return ordered(op, a.count, b.count)
  }

  static func richNames(_ op: CompareOperator) -> (String, String) {
    switch op {
    case .lt: return ("__lt__", "__gt__")
    case .ltE: return ("__le__", "__ge__")
    case .gt: return ("__gt__", "__lt__")
    default: return ("__ge__", "__le__")
    }
  }

  static func symbol(_ op: CompareOperator) -> String {
    switch op {
    case .lt: return "<"
    case .ltE: return "<="
    case .gt: return ">"
    case .gtE: return ">="
    case .eq: return "=="
    case .notEq: return "!="
    case .is: return "is"
    case .isNot: return "is not"
    case .in: return "in"
    case .notIn: return "not in"
    }
  }

  /// `item in container`.
  func contains(_ container: Value, _ item: Value) throws -> Bool {
    switch container {
    case .str(let text):
      guard case .str(let needle) = item else {
        throw Interpreter.typeError("'in <string>' requires string as left operand, not \(Runtime.typeName(item))")
      }
      return needle.isEmpty || text.contains(needle)
    case .bytes(let data):
      if case .int(let byte) = item { return data.contains(UInt8(truncatingIfNeeded: byte)) }
      guard case .bytes(let needle) = item else {
        throw Interpreter.typeError("a bytes-like object is required, not '\(Runtime.typeName(item))'")
      }
      return needle.isEmpty
        || (0...max(0, data.count - needle.count)).contains {
          data.count >= needle.count && Array(data[$0..<$0 + needle.count]) == needle
        }
    case .list(let list) where list.cls === BuiltinTypes.list:
      return try list.items.contains { try Runtime.identical($0, item) || equal($0, item) }
    case .tuple(let items): return try items.contains { try Runtime.identical($0, item) || equal($0, item) }
    case .dict(let dict) where dict.cls === BuiltinTypes.dict: return dict.storage[try HashKey(item)] != nil
    case .list(let list):
      if let result = try callOverride(list.cls, container, "__contains__", [item]) { return try truthy(result) }
      return try list.items.contains { try Runtime.identical($0, item) || equal($0, item) }
    case .dict(let dict):
      if let result = try callOverride(dict.cls, container, "__contains__", [item]) { return try truthy(result) }
      return dict.storage[try HashKey(item)] != nil
    case .set(let set): return set.storage.contains(try HashKey(item))
    case .object(let object):
      if let range = object as? RangeObject {
        guard let number = Runtime.smallInt(item) else { return false }
        if range.step > 0
          ? (number < range.start || number >= range.stop) : (number > range.start || number <= range.stop)
        {
          return false
        }
        return (number - range.start) % range.step == 0
      }
      if let view = object as? DictViewObject, view.kind == .keys { return view.dict.storage[try HashKey(item)] != nil }
      if let result = try callSpecial(container, "__contains__", [item]) { return try truthy(result) }
      let iterator = try makeIterator(container)
      while let element = try iterator.next(self) {
        if try Runtime.identical(element, item) || equal(element, item) { return true }
      }
      return false
    default:
      throw Interpreter.typeError("argument of type '\(Runtime.typeName(container))' is not iterable")
    }
  }
}
