/// Operators: binary, unary, comparisons, `and`/`or`, conditional expressions, `:=`.

final class BinaryNode: Expression {
  let op: BinaryOperator
  let left: Expression
  let right: Expression

  init(_ op: BinaryOperator, _ left: Expression, _ right: Expression, span: Span) {
    self.op = op
    self.left = left
    self.right = right
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let a = try left.evaluate(frame)
    let b = try right.evaluate(frame)
    if case .int(let x) = a, case .int(let y) = b, let result = try Interpreter.smallIntOp(op, x, y) {
      return result
    }
    return try frame.interpreter.binary(op, a, b)
  }
}

/// `a + b` with the int and str cases first (the most common operator by far).
final class AddNode: Expression {
  let left: Expression
  let right: Expression

  init(_ left: Expression, _ right: Expression, span: Span) {
    self.left = left
    self.right = right
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let a = try left.evaluate(frame)
    let b = try right.evaluate(frame)
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (sum, overflow) = x.addingReportingOverflow(y)
      if !overflow { return .int(sum) }
    case (.float(let x), .float(let y)): return .float(x + y)
    case (.str(let x), .str(let y)): return .str(x + y)
    default: break
    }
    return try frame.interpreter.binary(.add, a, b)
  }
}

final class UnaryNode: Expression {
  let op: UnaryOperator
  let operand: Expression

  init(_ op: UnaryOperator, _ operand: Expression, span: Span) {
    self.op = op
    self.operand = operand
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let value = try operand.evaluate(frame)
    if op == .not { return .bool(!(try frame.interpreter.truthy(value))) }
    if op == .uSub, case .int(let number) = value, number != .min { return .int(-number) }
    return try frame.interpreter.unary(op, value)
  }
}

/// One comparison (`a < b`), the common case.
final class CompareNode: Expression {
  let op: CompareOperator
  let left: Expression
  let right: Expression

  init(_ op: CompareOperator, _ left: Expression, _ right: Expression, span: Span) {
    self.op = op
    self.left = left
    self.right = right
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let a = try left.evaluate(frame)
    let b = try right.evaluate(frame)
    if case .int(let x) = a, case .int(let y) = b {
      switch op {
      case .lt: return .bool(x < y)
      case .ltE: return .bool(x <= y)
      case .gt: return .bool(x > y)
      case .gtE: return .bool(x >= y)
      case .eq, .is: return .bool(x == y)
      case .notEq, .isNot: return .bool(x != y)
      default: break
      }
    }
    return .bool(try frame.interpreter.compare(op, a, b))
  }
}

/// `a < b < c`: each operand evaluated once, stopping at the first false comparison.
final class ChainedCompareNode: Expression {
  let operands: [Expression]
  let ops: [CompareOperator]

  init(operands: [Expression], ops: [CompareOperator], span: Span) {
    self.operands = operands
    self.ops = ops
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    var left = try operands[0].evaluate(frame)
    for (index, op) in ops.enumerated() {
      let right = try operands[index + 1].evaluate(frame)
      if try !frame.interpreter.compare(op, left, right) { return .false }
      left = right
    }
    return .true
  }
}

/// `a and b` / `a or b`: returns the deciding operand itself.
final class BoolNode: Expression {
  let isAnd: Bool
  let values: [Expression]

  init(isAnd: Bool, values: [Expression], span: Span) {
    self.isAnd = isAnd
    self.values = values
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    var result = Value.none
    for (index, node) in values.enumerated() {
      result = try node.evaluate(frame)
      if index == values.count - 1 { break }
      if try frame.interpreter.truthy(result) != isAnd { return result }
    }
    return result
  }
}

final class IfExpNode: Expression {
  let test: Expression
  let body: Expression
  let orelse: Expression

  init(test: Expression, body: Expression, orelse: Expression, span: Span) {
    self.test = test
    self.body = body
    self.orelse = orelse
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    try frame.interpreter.truthy(try test.evaluate(frame)) ? try body.evaluate(frame) : try orelse.evaluate(frame)
  }
}

/// `(name := value)`.
final class NamedExprNode: Expression {
  let target: Target
  let value: Expression

  init(target: Target, value: Expression, span: Span) {
    self.target = target
    self.value = value
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let result = try value.evaluate(frame)
    try target.assign(result, frame)
    return result
  }
}
