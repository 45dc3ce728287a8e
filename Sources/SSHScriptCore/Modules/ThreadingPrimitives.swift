import Foundation

/// `threading.Lock()` and `threading.RLock()`. Waiting releases the interpreter lock.
final class LockObject: PyObject {
  let reentrant: Bool
  private let semaphore = DispatchSemaphore(value: 1)
  private(set) var locked = false
  private var owner: Thread?
  private var depth = 0

  init(reentrant: Bool) {
    self.reentrant = reentrant
  }

  override var pyType: TypeObject { reentrant ? ThreadingModule.rlockType : ThreadingModule.lockType }

  func acquire(_ interpreter: Interpreter, blocking: Bool, timeout: Value?) throws -> Bool {
    if reentrant, locked, owner === Thread.current {
      depth += 1
      return true
    }
    if semaphore.wait(timeout: .now()) == .success {
      take()
      return true
    }
    guard blocking else { return false }
    var limit = timeout
    if let value = timeout, case .float(let seconds) = value, seconds < 0 { limit = nil }
    if let value = timeout, case .int(let seconds) = value, seconds < 0 { limit = nil }
    let acquired = try interpreter.acquire(semaphore, timeout: limit)
    if acquired { take() }
    return acquired
  }

  private func take() {
    locked = true
    owner = Thread.current
    depth = 1
  }

  func release() throws {
    guard locked else { throw Interpreter.error(BuiltinTypes.runtimeError, "release unlocked lock") }
    if reentrant {
      guard owner === Thread.current else {
        throw Interpreter.error(BuiltinTypes.runtimeError, "cannot release un-acquired lock")
      }
      depth -= 1
      if depth > 0 { return }
    }
    locked = false
    owner = nil
    semaphore.signal()
  }

  static func install(_ type: TypeObject) {
    func lock(_ arguments: inout CallArguments) throws -> LockObject {
      guard case .object(let lock as LockObject) = try BuiltinMethods.receiver(&arguments, "lock", "acquire") else {
        throw Interpreter.typeError("descriptor requires a lock object")
      }
      return lock
    }
    let acquire: BuiltinFunction.Body = { interpreter, arguments in
      let target = try lock(&arguments)
      var reader = ArgumentReader("acquire", arguments)
      let blocking = try reader.value(0, "blocking").map { try interpreter.truthy($0) } ?? true
      let timeout = try reader.value(1, "timeout")
      try reader.finish(maximum: 2)
      return .bool(try target.acquire(interpreter, blocking: blocking, timeout: timeout))
    }
    BuiltinMethods.add(type, "acquire", acquire)
    BuiltinMethods.add(type, "__enter__", acquire)
    BuiltinMethods.add(type, "release") { _, arguments in
      try lock(&arguments).release()
      return .none
    }
    BuiltinMethods.add(type, "__exit__") { _, arguments in
      try lock(&arguments).release()
      return .false
    }
    BuiltinMethods.add(type, "locked") { _, arguments in .bool(try lock(&arguments).locked) }
  }
}

/// `threading.Event()`.
final class EventObject: PyObject {
  private let condition = NSCondition()
  private var flag = false

  override var pyType: TypeObject { ThreadingModule.eventType }

  static func install(_ type: TypeObject) {
    func event(_ arguments: inout CallArguments) throws -> EventObject {
      guard case .object(let event as EventObject) = try BuiltinMethods.receiver(&arguments, "Event", "wait") else {
        throw Interpreter.typeError("descriptor requires an Event object")
      }
      return event
    }
    BuiltinMethods.add(type, "set") { _, arguments in
      let target = try event(&arguments)
      target.condition.lock()
      target.flag = true
      target.condition.broadcast()
      target.condition.unlock()
      return .none
    }
    BuiltinMethods.add(type, "clear") { _, arguments in
      let target = try event(&arguments)
      target.condition.lock()
      target.flag = false
      target.condition.unlock()
      return .none
    }
    BuiltinMethods.add(type, "is_set") { _, arguments in
      let target = try event(&arguments)
      target.condition.lock()
      defer { target.condition.unlock() }
      return .bool(target.flag)
    }
    BuiltinMethods.add(type, "wait") { interpreter, arguments in
      let target = try event(&arguments)
      var reader = ArgumentReader("wait", arguments)
      let timeout = try reader.value(0, "timeout")
      try reader.finish(maximum: 1)
      let deadline = try Date(timeoutFrom: timeout)
      let result: Bool = interpreter.blocking {
        target.condition.lock()
        defer { target.condition.unlock() }
        while !target.flag {
          let step = min(deadline, Date(timeIntervalSinceNow: 0.05))
          _ = target.condition.wait(until: step)
          if Date() >= deadline || (interpreter.interruptRequested.pointee != 0 && interpreter.isMainThread) { break }
        }
        return target.flag
      }
      try interpreter.checkInterrupt()
      return .bool(result)
    }
  }
}

/// `threading.Semaphore(n)` and `BoundedSemaphore(n)`.
final class SemaphoreObject: PyObject {
  private let semaphore: DispatchSemaphore
  private let initial: Int
  private let bounded: Bool
  private var value: Int

  init(value: Int, bounded: Bool) {
    self.semaphore = DispatchSemaphore(value: value)
    self.initial = value
    self.value = value
    self.bounded = bounded
  }

  override var pyType: TypeObject { ThreadingModule.semaphoreType }

  static func install(_ type: TypeObject) {
    func semaphore(_ arguments: inout CallArguments) throws -> SemaphoreObject {
      guard
        case .object(let object as SemaphoreObject) = try BuiltinMethods.receiver(&arguments, "Semaphore", "acquire")
      else { throw Interpreter.typeError("descriptor requires a Semaphore object") }
      return object
    }
    let acquire: BuiltinFunction.Body = { interpreter, arguments in
      let target = try semaphore(&arguments)
      var reader = ArgumentReader("acquire", arguments)
      let blocking = try reader.value(0, "blocking").map { try interpreter.truthy($0) } ?? true
      let timeout = try reader.value(1, "timeout")
      try reader.finish(maximum: 2)
      let acquired: Bool
      if target.semaphore.wait(timeout: .now()) == .success {
        acquired = true
      } else if blocking {
        acquired = try interpreter.acquire(target.semaphore, timeout: timeout)
      } else {
        acquired = false
      }
      if acquired { target.value -= 1 }
      return .bool(acquired)
    }
    BuiltinMethods.add(type, "acquire", acquire)
    BuiltinMethods.add(type, "__enter__", acquire)
    let release: BuiltinFunction.Body = { _, arguments in
      let target = try semaphore(&arguments)
      if target.bounded && target.value >= target.initial {
        throw Interpreter.valueError("Semaphore released too many times")
      }
      target.value += 1
      target.semaphore.signal()
      return .none
    }
    BuiltinMethods.add(type, "release", release)
    BuiltinMethods.add(type, "__exit__") { interpreter, arguments in
      var rest = CallArguments([arguments.positional[0]])
      _ = try release(interpreter, &rest)
      return .false
    }
  }
}

extension Date {
  /// The deadline for a `timeout=` argument (None: never).
  init(timeoutFrom timeout: Value?) throws {
    guard let timeout, !timeout.isNone else {
      self = .distantFuture
      return
    }
    self = Date(timeIntervalSinceNow: max(0, try MathModule.number(timeout, "timeout")))
  }
}

extension Interpreter {
  /// Takes one count of `semaphore`, waiting with the interpreter lock released.
  func acquire(_ semaphore: DispatchSemaphore, timeout: Value?) throws -> Bool {
    let deadline = try Date(timeoutFrom: timeout)
    let acquired: Bool = blocking {
      while true {
        let step = min(deadline, Date(timeIntervalSinceNow: 0.05))
        if semaphore.wait(wallTimeout: .now() + step.timeIntervalSinceNow) == .success { return true }
        if Date() >= deadline || (interruptRequested.pointee != 0 && isMainThread) { return false }
      }
    }
    try checkInterrupt()
    return acquired
  }
}
