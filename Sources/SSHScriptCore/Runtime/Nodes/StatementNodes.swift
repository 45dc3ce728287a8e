/// Simple statements and control flow.

final class ExpressionStatement: Statement {
  let value: Expression

  init(_ value: Expression, span: Span) {
    self.value = value
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    _ = try value.evaluate(frame)
    return .normal
  }
}

final class AssignStatement: Statement {
  let targets: [Target]
  let value: Expression

  init(targets: [Target], value: Expression, span: Span) {
    self.targets = targets
    self.value = value
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let result = try value.evaluate(frame)
    for target in targets { try target.assign(result, frame) }
    return .normal
  }
}

/// `x = value` for a local: the most common statement, without the target indirection.
final class LocalAssignStatement: Statement {
  let slot: Int
  let value: Expression

  init(slot: Int, value: Expression, span: Span) {
    self.slot = slot
    self.value = value
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    frame.locals[slot] = try value.evaluate(frame)
    return .normal
  }
}

/// `target op= value`: the target's parts are evaluated once.
final class AugmentedAssignStatement: Statement {
  enum Place {
    case name(read: Expression, write: Target)
    case attribute(object: Expression, name: String)
    case `subscript`(container: Expression, key: Expression)
  }

  let place: Place
  let op: BinaryOperator
  let value: Expression
  private var cache = ClassAttributeCache()

  init(place: Place, op: BinaryOperator, value: Expression, span: Span) {
    self.place = place
    self.op = op
    self.value = value
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    switch place {
    case .name(let read, let write):
      let current = try read.evaluate(frame)
      let operand = try value.evaluate(frame)
      if case .int(let a) = current, case .int(let b) = operand, let result = try Interpreter.smallIntOp(op, a, b) {
        try write.assign(result, frame)
      } else {
        try write.assign(try interpreter.inPlace(op, current, operand), frame)
      }
    case .attribute(let objectNode, let name):
      let object = try objectNode.evaluate(frame)
      if case .object(let instance as Instance) = object, cache.assignmentIsPlain(instance.cls, name),
        let current = try interpreter.instanceAttribute(
          instance, object, name, classValue: cache.lookup(instance.cls, name))
      {
        let operand = try value.evaluate(frame)
        if case .int(let a) = current, case .int(let b) = operand, let result = try Interpreter.smallIntOp(op, a, b) {
          instance.attributes[name] = result
        } else {
          instance.attributes[name] = try interpreter.inPlace(op, current, operand)
        }
        return .normal
      }
      let current = try interpreter.getAttribute(object, name)
      try interpreter.setAttribute(object, name, try interpreter.inPlace(op, current, try value.evaluate(frame)))
    case .subscript(let containerNode, let keyNode):
      let container = try containerNode.evaluate(frame)
      let key = try keyNode.evaluate(frame)
      let current = try interpreter.getItem(container, key)
      try interpreter.setItem(container, key, try interpreter.inPlace(op, current, try value.evaluate(frame)))
    }
    return .normal
  }
}

final class DeleteStatement: Statement {
  let targets: [Target]

  init(targets: [Target], span: Span) {
    self.targets = targets
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    for target in targets { try target.delete(frame) }
    return .normal
  }
}

final class PassStatement: Statement {
  override func execute(_ frame: Frame) throws -> Flow { .normal }
}

final class BreakStatement: Statement {
  override func execute(_ frame: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStatement: Statement {
  override func execute(_ frame: Frame) throws -> Flow { .continueLoop }
}

final class ReturnStatement: Statement {
  let value: Expression?

  init(value: Expression?, span: Span) {
    self.value = value
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    frame.returnValue = try value?.evaluate(frame) ?? .none
    return .returned
  }
}

final class IfStatement: Statement {
  let test: Expression
  let body: Block
  let orelse: Block

  init(test: Expression, body: Block, orelse: Block, span: Span) {
    self.test = test
    self.body = body
    self.orelse = orelse
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    try frame.interpreter.isTrue(try test.evaluate(frame)) ? try body.run(frame) : try orelse.run(frame)
  }
}

final class WhileStatement: Statement {
  let test: Expression
  let body: Block
  let orelse: Block

  init(test: Expression, body: Block, orelse: Block, span: Span) {
    self.test = test
    self.body = body
    self.orelse = orelse
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    while true {
      guard try interpreter.isTrue(try test.evaluate(frame)) else { break }
      try interpreter.checkInterrupt()
      switch try body.run(frame) {
      case .normal, .continueLoop: continue
      case .breakLoop: return .normal
      case .returned: return .returned
      }
    }
    return try orelse.run(frame)
  }
}

final class ForStatement: Statement {
  let target: Target
  let iterable: Expression
  let body: Block
  let orelse: Block

  init(target: Target, iterable: Expression, body: Block, orelse: Block, span: Span) {
    self.target = target
    self.iterable = iterable
    self.body = body
    self.orelse = orelse
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    let sequence = try iterable.evaluate(frame)
    var outcome = Flow.normal
    var broke = false
    let localSlot = (target as? LocalTarget)?.slot
    try interpreter.forEach(sequence) { item in
      if let localSlot { frame.locals[localSlot] = item } else { try target.assign(item, frame) }
      try interpreter.checkInterrupt()
      switch try body.run(frame) {
      case .normal, .continueLoop: return true
      case .breakLoop:
        broke = true
        return false
      case .returned:
        outcome = .returned
        return false
      }
    }
    if case .returned = outcome { return .returned }
    return broke ? .normal : try orelse.run(frame)
  }
}

final class AssertStatement: Statement {
  let test: Expression
  let message: Expression?

  init(test: Expression, message: Expression?, span: Span) {
    self.test = test
    self.message = message
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    if try frame.interpreter.truthy(try test.evaluate(frame)) { return .normal }
    let args = try message.map { [try $0.evaluate(frame)] } ?? []
    throw ScriptException(ExceptionObject(cls: BuiltinTypes.assertionError, args: args))
  }
}

/// A statement this build compiles but cannot run (commands, consoles): a clear error at the
/// point it runs.
final class UnsupportedStatement: Statement {
  let message: String

  init(message: String, span: Span) {
    self.message = message
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    throw Interpreter.notImplemented(message)
  }
}

final class UnsupportedExpression: Expression {
  let message: String

  init(message: String, span: Span) {
    self.message = message
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    throw Interpreter.notImplemented(message)
  }
}

extension Interpreter {
  /// Raises `KeyboardInterrupt` here once Ctrl-C was pressed (checked at loop back-edges).
  @inline(__always)
  func checkInterrupt() throws {
    yieldIfContended()
    if interruptRequested.pointee != 0 && isMainThread {
      interruptRequested.pointee = 0
      throw ScriptException(ExceptionObject(cls: BuiltinTypes.keyboardInterrupt, args: []))
    }
  }
}
