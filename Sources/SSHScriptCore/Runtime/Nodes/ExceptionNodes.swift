/// `raise`, `try`, `with`.

final class RaiseStatement: Statement {
  let exception: Expression?
  let cause: Expression?

  init(exception: Expression?, cause: Expression?, span: Span) {
    self.exception = exception
    self.cause = cause
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    guard let exception else {
      guard let active = frame.handling.last else {
        throw Interpreter.error(BuiltinTypes.runtimeError, "No active exception to reraise")
      }
      throw ScriptException(active)
    }
    let raised = try interpreter.exceptionToRaise(try exception.evaluate(frame))
    if let cause {
      let causeValue = try cause.evaluate(frame)
      raised.cause = causeValue.isNone ? nil : try interpreter.exceptionToRaise(causeValue)
      raised.suppressContext = true
    }
    if raised.context == nil, let active = frame.handling.last, active !== raised { raised.context = active }
    throw ScriptException(raised)
  }
}

extension Value {
  var isNone: Bool {
    if case .none = self { return true }
    return false
  }
}

extension Interpreter {
  /// `raise X`: an exception instance, or a class that is instantiated without arguments.
  func exceptionToRaise(_ value: Value) throws -> ExceptionObject {
    switch value {
    case .object(let exception as ExceptionObject):
      return exception
    case .object(let type as TypeObject) where type.isSubtype(of: BuiltinTypes.baseException):
      guard case .object(let exception as ExceptionObject) = try call(value, []) else {
        throw Interpreter.typeError("calling \(type.name) should have returned an instance of BaseException")
      }
      return exception
    default:
      throw Interpreter.typeError("exceptions must derive from BaseException")
    }
  }
}

final class TryStatement: Statement {
  struct Handler {
    let types: Expression?
    let target: Target?
    let body: Block
    let span: Span
  }

  let body: Block
  let handlers: [Handler]
  let orelse: Block
  let finalbody: Block

  init(body: Block, handlers: [Handler], orelse: Block, finalbody: Block, span: Span) {
    self.body = body
    self.handlers = handlers
    self.orelse = orelse
    self.finalbody = finalbody
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let flow: Flow
    do {
      flow = try runHandled(frame)
    } catch {
      if !finalbody.statements.isEmpty {
        let finalFlow: Flow
        do {
          finalFlow = try finalbody.run(frame)
        } catch let inner as ScriptException {
          // An exception raised in `finally` while another one is pending has it as context.
          if let pending = (error as? ScriptException)?.exception, inner.exception !== pending,
            inner.exception.context == nil
          {
            inner.exception.context = pending
          }
          throw inner
        }
        if case .normal = finalFlow {} else { return finalFlow }
      }
      throw error
    }
    if !finalbody.statements.isEmpty {
      let finalFlow = try finalbody.run(frame)
      if case .normal = finalFlow {} else { return finalFlow }
    }
    return flow
  }

  private func runHandled(_ frame: Frame) throws -> Flow {
    let flow: Flow
    do {
      flow = try body.run(frame)
    } catch let failure as ScriptException {
      let exception = failure.exception
      // The catching frame is part of the exception's traceback (shown if it is re-raised or
      // printed as the context of another one).
      exception.record(frame, name: frame.code?.name ?? "<module>")
      for handler in handlers {
        if let types = handler.types {
          let matches = try BuiltinFunctions.classMatches(exception.cls, try types.evaluate(frame), "except")
          if !matches { continue }
        }
        frame.line = handler.span
        try handler.target?.assign(.object(exception), frame)
        frame.handling.append(exception)
        frame.interpreter.handledExceptions.append(exception)
        defer {
          frame.handling.removeLast()
          frame.interpreter.handledExceptions.removeLast()
        }
        do {
          let handled = try handler.body.run(frame)
          try? handler.target?.delete(frame)
          return handled
        } catch let inner as ScriptException {
          try? handler.target?.delete(frame)
          if inner.exception !== exception, inner.exception.context == nil { inner.exception.context = exception }
          throw inner
        }
      }
      throw failure
    }
    if case .normal = flow { return try orelse.run(frame) }
    return flow
  }
}

final class WithStatement: Statement {
  let context: Expression
  let target: Target?
  /// The statement for the remaining items, or the body.
  let body: Block

  init(context: Expression, target: Target?, body: Block, span: Span) {
    self.context = context
    self.target = target
    self.body = body
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    let manager = try context.evaluate(frame)
    let type = Runtime.type(of: manager)
    guard let enter = type.lookup("__enter__"), let exit = type.lookup("__exit__") else {
      throw Interpreter.typeError(
        "'\(type.name)' object does not support the context manager protocol")
    }
    let entered = try interpreter.call(enter, [manager])
    try target?.assign(entered, frame)
    let flow: Flow
    do {
      flow = try body.run(frame)
    } catch let failure as ScriptException {
      let exception = failure.exception
      let suppress = try interpreter.call(exit, [manager, .object(exception.cls), .object(exception), .none])
      if try interpreter.truthy(suppress) { return .normal }
      throw failure
    }
    _ = try interpreter.call(exit, [manager, .none, .none, .none])
    return flow
  }
}
