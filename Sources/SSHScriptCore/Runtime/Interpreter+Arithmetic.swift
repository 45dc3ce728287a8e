import BigInt
import Foundation
import OrderedCollections

/// Binary and unary arithmetic with Python's semantics: arbitrary-precision ints (64-bit fast
/// path), true division, floor division and modulo rounding towards minus infinity, sequence
/// concatenation and repetition, and the `__add__`/`__radd__` protocol for script classes.
extension Interpreter {
  func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
    if case .int(let a) = left, case .int(let b) = right, let result = try Interpreter.smallIntOp(op, a, b) {
      return result
    }
    if let result = try numericOp(op, left, right) { return result }
    // A script class derived from list or dict may redefine the operators its base has.
    if Interpreter.containerSubclass(left) != nil || Interpreter.containerSubclass(right) != nil,
      let result = try dunderBinary(op, left, right)
    {
      return result
    }
    if let result = try sequenceOp(op, left, right) { return result }
    if let result = try dunderBinary(op, left, right) { return result }
    throw unsupportedOperands(op, left, right)
  }

  func unsupportedOperands(_ op: BinaryOperator, _ left: Value, _ right: Value) -> ScriptException {
    if op == .add, case .str = left {
      return Interpreter.typeError("can only concatenate str (not \"\(Runtime.typeName(right))\") to str")
    }
    if op == .add, case .list = left, case .list = right {
    } else if op == .add, case .list = left {
      return Interpreter.typeError("can only concatenate list (not \"\(Runtime.typeName(right))\") to list")
    }
    if op == .add, case .tuple = left {
      return Interpreter.typeError("can only concatenate tuple (not \"\(Runtime.typeName(right))\") to tuple")
    }
    if op == .add, case .bytes = left {
      return Interpreter.typeError("can't concat \(Runtime.typeName(right)) to bytes")
    }
    if op == .mult {
      for (sequence, other) in [(left, right), (right, left)] {
        switch sequence {
        case .str, .list, .tuple, .bytes:
          return Interpreter.typeError("can't multiply sequence by non-int of type '\(Runtime.typeName(other))'")
        default: continue
        }
      }
    }
    let symbol = Interpreter.symbol(op)
    let names = "'\(Runtime.typeName(left))' and '\(Runtime.typeName(right))'"
    if op == .pow { return Interpreter.typeError("unsupported operand type(s) for ** or pow(): \(names)") }
    return Interpreter.typeError("unsupported operand type(s) for \(symbol): \(names)")
  }

  static func symbol(_ op: BinaryOperator) -> String {
    switch op {
    case .add: return "+"
    case .sub: return "-"
    case .mult: return "*"
    case .matMult: return "@"
    case .div: return "/"
    case .mod: return "%"
    case .pow: return "**"
    case .lShift: return "<<"
    case .rShift: return ">>"
    case .bitOr: return "|"
    case .bitXor: return "^"
    case .bitAnd: return "&"
    case .floorDiv: return "//"
    }
  }

  /// Int ∘ int without leaving 64 bits; nil when the result needs a big integer.
  @inline(__always)
  static func smallIntOp(_ op: BinaryOperator, _ a: Int, _ b: Int) throws -> Value? {
    switch op {
    case .add:
      let (result, overflow) = a.addingReportingOverflow(b)
      return overflow ? nil : .int(result)
    case .sub:
      let (result, overflow) = a.subtractingReportingOverflow(b)
      return overflow ? nil : .int(result)
    case .mult:
      let (result, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? nil : .int(result)
    case .floorDiv:
      if b == 0 { throw Interpreter.zeroDivision("integer division or modulo by zero") }
      if a == .min && b == -1 { return nil }
      let quotient = a / b
      return .int((a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient)
    case .mod:
      if b == 0 { throw Interpreter.zeroDivision("integer modulo by zero") }
      if b == -1 { return .int(0) }
      let remainder = a % b
      return .int(remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder)
    case .div:
      if b == 0 { throw Interpreter.zeroDivision("division by zero") }
      return .float(trueDivide(BigInt(a), BigInt(b)))
    case .bitAnd: return .int(a & b)
    case .bitOr: return .int(a | b)
    case .bitXor: return .int(a ^ b)
    case .lShift:
      if b < 0 { throw Interpreter.valueError("negative shift count") }
      if b >= 63 { return a == 0 ? .int(0) : nil }
      let shifted = a << b
      return shifted >> b == a ? .int(shifted) : nil
    case .rShift:
      if b < 0 { throw Interpreter.valueError("negative shift count") }
      return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
    case .pow:
      if b < 0 { return nil }
      var result = 1
      var base = a
      var exponent = b
      while exponent > 0 {
        if exponent & 1 == 1 {
          let (product, overflow) = result.multipliedReportingOverflow(by: base)
          if overflow { return nil }
          result = product
        }
        exponent >>= 1
        if exponent > 0 {
          let (square, overflow) = base.multipliedReportingOverflow(by: base)
          if overflow { return nil }
          base = square
        }
      }
      return .int(result)
    case .matMult:
      return nil
    }
  }

  /// Correctly rounded int / int (the doubles of huge ints would lose precision first).
  static func trueDivide(_ a: BigInt, _ b: BigInt) -> Double {
    if let x = Double(exactly: a), let y = Double(exactly: b) { return x / y }
    let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
    return double(quotient) + double(remainder) / double(b)
  }

  /// The nearest double to a big integer (`Double(BigInt)` truncates; the decimal text rounds).
  static func double(_ value: BigInt) -> Double {
    if let exact = Double(exactly: value) { return exact }
    return Double(String(value)) ?? (value.sign == .minus ? -.infinity : .infinity)
  }

  /// Arithmetic on ints (any size), bools and floats; nil when an operand is not a number.
  private func numericOp(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value? {
    guard let a = NumericValue(left), let b = NumericValue(right) else { return nil }
    if op == .bitAnd || op == .bitOr || op == .bitXor, case .bool(let x) = left, case .bool(let y) = right {
      return .bool(op == .bitAnd ? x && y : op == .bitOr ? x || y : x != y)
    }
    switch (a, b) {
    case (.float, _), (_, .float):
      return try floatOp(op, a.double, b.double)
    default:
      return try bigIntOp(op, a.bigInt, b.bigInt)
    }
  }

  private func bigIntOp(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) throws -> Value? {
    switch op {
    case .add: return .integer(a + b)
    case .sub: return .integer(a - b)
    case .mult: return .integer(a * b)
    case .div:
      if b == 0 { throw Interpreter.zeroDivision("division by zero") }
      return .float(Interpreter.trueDivide(a, b))
    case .floorDiv, .mod:
      if b == 0 {
        throw Interpreter.zeroDivision(op == .mod ? "integer modulo by zero" : "integer division or modulo by zero")
      }
      var (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
      if remainder != 0 && (remainder.sign == .minus) != (b.sign == .minus) {
        quotient -= 1
        remainder += b
      }
      return .integer(op == .floorDiv ? quotient : remainder)
    case .pow:
      if b.sign == .minus {
        if a == 0 { throw Interpreter.zeroDivision("0.0 cannot be raised to a negative power") }
        return .float(Foundation.pow(Double(a), Double(b)))
      }
      guard let exponent = Int(exactly: b), exponent <= 1 << 24 else {
        throw Interpreter.overflowError("exponent too large")
      }
      return .integer(a.power(exponent))
    case .lShift:
      if b.sign == .minus { throw Interpreter.valueError("negative shift count") }
      guard let count = Int(exactly: b), count <= 1 << 24 else {
        throw Interpreter.overflowError("too many digits in integer")
      }
      return .integer(a << count)
    case .rShift:
      if b.sign == .minus { throw Interpreter.valueError("negative shift count") }
      guard let count = Int(exactly: b) else { return .int(a.sign == .minus ? -1 : 0) }
      return .integer(a >> count)
    case .bitAnd: return .integer(a & b)
    case .bitOr: return .integer(a | b)
    case .bitXor: return .integer(a ^ b)
    case .matMult: return nil
    }
  }

  private func floatOp(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> Value? {
    switch op {
    case .add: return .float(a + b)
    case .sub: return .float(a - b)
    case .mult: return .float(a * b)
    case .div:
      if b == 0 { throw Interpreter.zeroDivision("float division by zero") }
      return .float(a / b)
    case .floorDiv:
      if b == 0 { throw Interpreter.zeroDivision("float floor division by zero") }
      return .float(Interpreter.floatFloorDivide(a, b))
    case .mod:
      if b == 0 { throw Interpreter.zeroDivision("float modulo") }
      return .float(Interpreter.floatModulo(a, b))
    case .pow:
      if a == 0 && b < 0 { throw Interpreter.zeroDivision("0.0 cannot be raised to a negative power") }
      if a < 0 && b.rounded() != b {
        throw Interpreter.unsupported("complex numbers (a negative number to a fractional power)")
      }
      return .float(Foundation.pow(a, b))
    default:
      return nil
    }
  }

  static func floatModulo(_ a: Double, _ b: Double) -> Double {
    var remainder = fmod(a, b)
    if remainder != 0 {
      if (b < 0) != (remainder < 0) { remainder += b }
    } else {
      remainder = b < 0 ? -0.0 : 0.0
    }
    return remainder
  }

  static func floatFloorDivide(_ a: Double, _ b: Double) -> Double {
    let remainder = fmod(a, b)
    var quotient = (a - remainder) / b
    if remainder != 0 && (b < 0) != (remainder < 0) { quotient -= 1 }
    if quotient == 0 { return a / b < 0 ? -0.0 : 0.0 }
    let floored = quotient.rounded(.down)
    return quotient - floored > 0.5 ? floored + 1 : floored
  }

  /// `+` and `*` on str, bytes, list and tuple.
  private func sequenceOp(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value? {
    switch (op, left, right) {
    case (.add, .str(let a), .str(let b)): return .str(a + b)
    case (.add, .bytes(let a), .bytes(let b)): return .bytes(a + b)
    case (.add, .list(let a), .list(let b)): return .list(ListObject(a.items + b.items))
    case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
    case (.mult, _, _):
      if let count = Runtime.smallInt(right), let repeated = try repeatSequence(left, count) { return repeated }
      if let count = Runtime.smallInt(left), let repeated = try repeatSequence(right, count) { return repeated }
      return nil
    case (.mod, .str(let format), _):
      return .str(try PythonFormat.percent(format, right, self))
    case (_, .set(let a), .set(let b)):
      return Interpreter.setOperation(op, a, b).map { .set(SetObject($0, frozen: a.frozen)) }
    case (.bitOr, .dict(let a), .dict(let b)):
      var merged = a.storage
      for (key, value) in b.storage { merged[key] = value }
      return .dict(DictObject(merged))
    default:
      return nil
    }
  }

  /// `| & - ^` on sets; nil for other operators.
  static func setOperation(_ op: BinaryOperator, _ a: SetObject, _ b: SetObject) -> OrderedSet<HashKey>? {
    switch op {
    case .bitOr: return a.storage.union(b.storage)
    case .bitAnd: return a.storage.intersection(b.storage)
    case .sub: return a.storage.subtracting(b.storage)
    case .bitXor: return a.storage.symmetricDifference(b.storage)
    default: return nil
    }
  }

  private func repeatSequence(_ value: Value, _ count: Int) throws -> Value? {
    let times = max(0, count)
    switch value {
    case .str(let text): return .str(String(repeating: text, count: times))
    case .bytes(let data): return .bytes(repeated(data, times))
    case .list(let list): return .list(ListObject(repeated(list.items, times)))
    case .tuple(let items): return .tuple(repeated(items, times))
    default: return nil
    }
  }

  /// `times` copies of `items` in one allocation (`joined()` is ~100x slower in debug builds).
  private func repeated<T>(_ items: [T], _ times: Int) -> [T] {
    var result: [T] = []
    result.reserveCapacity(items.count * times)
    for _ in 0..<times { result.append(contentsOf: items) }
    return result
  }

  /// `a.__add__(b)`, then `b.__radd__(a)`; `NotImplemented` passes to the next.
  private func dunderBinary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value? {
    let name = Interpreter.dunderName(op)
    if let result = try callSpecial(left, "__\(name)__", [right]), !isNotImplemented(result) { return result }
    if let result = try callSpecial(right, "__r\(name)__", [left]), !isNotImplemented(result) { return result }
    return nil
  }

  /// `a += b`: `__iadd__` if defined, lists extended in place, else `a + b`.
  func inPlace(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
    if let cls = Interpreter.containerSubclass(left),
      let result = try callOverride(cls, left, "__i\(Interpreter.dunderName(op))__", [right]), !isNotImplemented(result)
    {
      return result
    }
    if op == .add, case .list(let list) = left {
      list.items.append(contentsOf: try iterateToArray(right))
      return left
    }
    if op == .mult, case .list(let list) = left, let count = Runtime.smallInt(right) {
      list.items = Array([[Value]](repeating: list.items, count: max(0, count)).joined())
      return left
    }
    if case .set(let set) = left, !set.frozen, case .set(let other) = right,
      let result = Interpreter.setOperation(op, set, other)
    {
      set.storage = result
      return left
    }
    if op == .bitOr, case .dict(let dict) = left, case .dict(let other) = right {
      for (key, value) in other.storage { dict.storage[key] = value }
      return left
    }
    if case .object = left, let result = try callSpecial(left, "__i\(Interpreter.dunderName(op))__", [right]),
      !isNotImplemented(result)
    {
      return result
    }
    return try binary(op, left, right)
  }

  static func dunderName(_ op: BinaryOperator) -> String {
    switch op {
    case .add: return "add"
    case .sub: return "sub"
    case .mult: return "mul"
    case .matMult: return "matmul"
    case .div: return "truediv"
    case .mod: return "mod"
    case .pow: return "pow"
    case .lShift: return "lshift"
    case .rShift: return "rshift"
    case .bitOr: return "or"
    case .bitXor: return "xor"
    case .bitAnd: return "and"
    case .floorDiv: return "floordiv"
    }
  }

  func isNotImplemented(_ value: Value) -> Bool {
    if case .object(let object) = value { return object === Builtins.notImplemented }
    return false
  }

  // MARK: - Unary

  func unary(_ op: UnaryOperator, _ operand: Value) throws -> Value {
    switch op {
    case .not: return .bool(!(try truthy(operand)))
    case .uSub:
      switch operand {
      case .int(let number):
        return number == .min ? .integer(-BigInt(number)) : .int(-number)
      case .bool(let flag): return .int(flag ? -1 : 0)
      case .bigInt(let box): return .integer(-box.value)
      case .float(let number): return .float(-number)
      default:
        if let result = try callSpecial(operand, "__neg__", []) { return result }
        throw Interpreter.typeError("bad operand type for unary -: '\(Runtime.typeName(operand))'")
      }
    case .uAdd:
      switch operand {
      case .int, .bigInt, .float: return operand
      case .bool(let flag): return .int(flag ? 1 : 0)
      default:
        if let result = try callSpecial(operand, "__pos__", []) { return result }
        throw Interpreter.typeError("bad operand type for unary +: '\(Runtime.typeName(operand))'")
      }
    case .invert:
      switch operand {
      case .int(let number): return .int(~number)
      case .bool(let flag): return .int(flag ? -2 : -1)
      case .bigInt(let box): return .integer(-box.value - 1)
      default:
        if let result = try callSpecial(operand, "__invert__", []) { return result }
        throw Interpreter.typeError("bad operand type for unary ~: '\(Runtime.typeName(operand))'")
      }
    }
  }
}

extension NumericValue {
  var isFloat: Bool {
    if case .float = self { return true }
    return false
  }

  var double: Double {
    switch self {
    case .small(let number): return Double(number)
    case .integer(let number): return Interpreter.double(number)
    case .float(let number): return number
    }
  }

  var bigInt: BigInt {
    switch self {
    case .small(let number): return BigInt(number)
    case .integer(let number): return number
    case .float(let number): return BigInt(number)
    }
  }
}
