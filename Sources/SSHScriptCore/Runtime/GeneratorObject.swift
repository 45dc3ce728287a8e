import Foundation

/// A generator: the body of a function containing `yield`, run on a thread of its own that
/// hands control back and forth with the caller, so that `yield` can suspend the body at any
/// depth of loops and `try` blocks. Exactly one of the two threads runs at any time (each waits
/// on a semaphore while the other runs), so the interpreter's state is never shared.
///
/// The script sees a `GeneratorObject`; the machinery is a `GeneratorCore`, which the body's
/// thread holds. When the script drops its last reference to a suspended generator, the
/// object's `deinit` closes the core (`GeneratorExit` thrown into the body), which runs its
/// `finally` blocks and ends its thread.
final class GeneratorObject: IteratorObject {
  let core: GeneratorCore

  init(code: FunctionCode, frame: Frame) {
    core = GeneratorCore(code: code, frame: frame)
  }

  deinit {
    if core.isSuspended { try? core.close(core.frame.interpreter) }
  }

  override var pyType: TypeObject { BuiltinTypes.generator }

  override func next(_ interpreter: Interpreter) throws -> Value? {
    try core.resume(interpreter, send: .none, throwing: nil)
  }
}

/// What the methods of `generator` objects drive: a generator function's body, or a generator
/// expression.
protocol Resumable: AnyObject {
  func resume(_ interpreter: Interpreter, send value: Value, throwing exception: ScriptException?) throws -> Value?
  func close(_ interpreter: Interpreter) throws
  var returnValue: Value { get }
}

final class GeneratorCore: Resumable, @unchecked Sendable {
  private enum State {
    case created
    case suspended
    case running
    case finished
  }

  private enum Outcome {
    case yielded(Value)
    case returned(Value)
    case raised(Error)
  }

  let code: FunctionCode
  let frame: Frame
  /// Frames and compiled nodes refer to their module without owning it; a suspended generator
  /// may outlive the function that made it, so it keeps the module alive.
  private let module: ModuleObject
  private var state = State.created
  /// The value `send()` passes in, handed to the suspended `yield`.
  private var sent: Value = .none
  /// An exception to raise at the suspended `yield` (`throw()`, `close()`).
  private var thrown: ScriptException?
  private var outcome: Outcome?
  private let resumed = DispatchSemaphore(value: 0)
  private let paused = DispatchSemaphore(value: 0)
  static let stackSize = 64 << 20

  init(code: FunctionCode, frame: Frame) {
    self.code = code
    self.frame = frame
    self.module = frame.module
    frame.generator = self
  }

  var isSuspended: Bool {
    if case .suspended = state { return true }
    return false
  }

  /// Runs the body until its next `yield` (returns the yielded value) or its end (returns nil;
  /// `returnValue` holds the value of `return`).
  func resume(_ interpreter: Interpreter, send value: Value, throwing exception: ScriptException?) throws -> Value? {
    // The body may stop inside an `except`; the caller's handled exceptions are its own.
    let handled = interpreter.handledExceptions
    defer { interpreter.handledExceptions = handled }
    switch state {
    case .finished:
      if let exception { throw exception }
      return nil
    case .running:
      throw Interpreter.valueError("generator already executing")
    case .created:
      if let exception {
        state = .finished
        throw exception
      }
      if !value.isNone { throw Interpreter.typeError("can't send non-None value to a just-started generator") }
      state = .running
      // The thread holds the core (never the script-visible object) until the body ends.
      let thread = Thread { self.runBody() }
      thread.stackSize = GeneratorCore.stackSize
      thread.start()
    case .suspended:
      state = .running
      sent = value
      thrown = exception
      resumed.signal()
    }
    paused.wait()
    switch outcome! {
    case .yielded(let value):
      state = .suspended
      return value
    case .returned(let value):
      state = .finished
      returnValue = value
      return nil
    case .raised(let error):
      state = .finished
      throw error
    }
  }

  /// The value of the body's `return`, once it has finished.
  private(set) var returnValue: Value = .none

  private func runBody() {
    let interpreter = frame.interpreter
    CurrentInterpreter.set(interpreter)
    do {
      outcome = .returned(try interpreter.run(code, in: frame))
    } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.stopIteration) {
      // PEP 479: a StopIteration escaping the body becomes RuntimeError.
      let error = Interpreter.error(BuiltinTypes.runtimeError, "generator raised StopIteration")
      error.exception.cause = failure.exception
      outcome = .raised(error)
    } catch {
      outcome = .raised(error)
    }
    paused.signal()
  }

  /// Called by `yield` on the generator's thread: hands `value` to the caller and waits.
  func suspend(yielding value: Value) throws -> Value {
    let interpreter = frame.interpreter
    outcome = .yielded(value)
    interpreter.callDepth -= 1
    let handled = interpreter.handledExceptions
    paused.signal()
    resumed.wait()
    interpreter.callDepth += 1
    interpreter.handledExceptions = handled
    if let exception = thrown {
      thrown = nil
      throw exception
    }
    return sent
  }

  /// `generator.close()`: raises GeneratorExit at the suspended `yield`.
  func close(_ interpreter: Interpreter) throws {
    guard case .suspended = state else {
      state = .finished
      return
    }
    let exit = ScriptException(ExceptionObject(cls: BuiltinTypes.generatorExit, args: []))
    do {
      if try resume(interpreter, send: .none, throwing: exit) != nil {
        throw Interpreter.error(BuiltinTypes.runtimeError, "generator ignored GeneratorExit")
      }
    } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.generatorExit) {
      return
    }
  }

  static func installMethods() {
    let type = BuiltinTypes.generator
    func generator(_ arguments: inout CallArguments, _ name: String) throws -> Resumable {
      switch try BuiltinMethods.receiver(&arguments, "generator", name) {
      case .object(let object as GeneratorObject): return object.core
      case .object(let expression as ComprehensionIterator): return expression
      default: throw Interpreter.typeError("descriptor '\(name)' requires a 'generator' object")
      }
    }
    func finished(_ generator: Resumable) -> ScriptException {
      ScriptException(
        ExceptionObject(
          cls: BuiltinTypes.stopIteration, args: generator.returnValue.isNone ? [] : [generator.returnValue]))
    }
    BuiltinMethods.add(type, "__next__") { interpreter, arguments in
      let generator = try generator(&arguments, "__next__")
      if let value = try generator.resume(interpreter, send: .none, throwing: nil) { return value }
      throw finished(generator)
    }
    BuiltinMethods.add(type, "send") { interpreter, arguments in
      let generator = try generator(&arguments, "send")
      try ArgumentReader.exactly(1, "send", arguments)
      if let value = try generator.resume(interpreter, send: arguments.positional[0], throwing: nil) { return value }
      throw finished(generator)
    }
    BuiltinMethods.add(type, "throw") { interpreter, arguments in
      let generator = try generator(&arguments, "throw")
      guard let first = arguments.positional.first else {
        throw Interpreter.typeError("throw expected at least 1 argument, got 0")
      }
      let exception = ScriptException(try interpreter.exceptionToRaise(first))
      if let value = try generator.resume(interpreter, send: .none, throwing: exception) { return value }
      throw finished(generator)
    }
    BuiltinMethods.add(type, "close") { interpreter, arguments in
      try generator(&arguments, "close").close(interpreter)
      return .none
    }
  }
}

/// `yield value` inside a generator's body.
final class YieldNode: Expression {
  let value: Expression?

  init(value: Expression?, span: Span) {
    self.value = value
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let produced = try value?.evaluate(frame) ?? .none
    guard let generator = frame.generator else {
      throw Interpreter.error(BuiltinTypes.syntaxError, "'yield' outside function")
    }
    return try generator.suspend(yielding: produced)
  }
}

/// `yield from iterable`: yields each item of the inner iterable (forwarding `send` to inner
/// generators) and evaluates to the inner generator's return value.
final class YieldFromNode: Expression {
  let iterable: Expression

  init(iterable: Expression, span: Span) {
    self.iterable = iterable
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let interpreter = frame.interpreter
    guard let generator = frame.generator else {
      throw Interpreter.error(BuiltinTypes.syntaxError, "'yield' outside function")
    }
    let source = try interpreter.makeIterator(try iterable.evaluate(frame))
    if let inner = (source as? GeneratorObject)?.core {
      var toSend: Value = .none
      while let item = try inner.resume(interpreter, send: toSend, throwing: nil) {
        toSend = try generator.suspend(yielding: item)
      }
      return inner.returnValue
    }
    while let item = try source.next(interpreter) { _ = try generator.suspend(yielding: item) }
    return .none
  }
}
