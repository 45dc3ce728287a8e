import Foundation

/// What a script thread needs beyond its Python object: its OS thread and completion.
final class ThreadHandle: @unchecked Sendable {
  let done = DispatchSemaphore(value: 0)
  var started = false
  var finished = false
  var ident = 0
  let daemon: Bool
  /// The session the thread's stack starts with (LANGUAGE.md §6.7): its creator's effective
  /// session at construction, or the one `session.bind(thread)` gave.
  var session: Session?

  init(daemon: Bool, session: Session?) {
    self.daemon = daemon
    self.session = session
  }
}

/// `threading` (LANGUAGE.md §6.7, §8.6): real OS threads under the interpreter lock.
enum ThreadingModule {
  /// Complete when first used: `$.thread(…)` makes threads without `import threading`.
  nonisolated(unsafe) static let threadType: TypeObject = {
    let type = TypeObject(name: "Thread", bases: [BuiltinTypes.object], layout: .object, moduleName: "threading")
    installThread(type)
    return type
  }()
  nonisolated(unsafe) static let lockType = TypeObject(
    name: "lock", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_thread")
  nonisolated(unsafe) static let rlockType = TypeObject(
    name: "RLock", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_thread")
  nonisolated(unsafe) static let eventType = TypeObject(
    name: "Event", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "threading")
  nonisolated(unsafe) static let semaphoreType = TypeObject(
    name: "Semaphore", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "threading")

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    installOnce()
    let module = ModuleObject(name: "threading", path: nil)
    let globals = module.globals
    globals["Thread"] = .object(threadType)
    globals["Lock"] = .object(BuiltinFunction("Lock") { _, _ in .object(LockObject(reentrant: false)) })
    globals["RLock"] = .object(BuiltinFunction("RLock") { _, _ in .object(LockObject(reentrant: true)) })
    globals["Event"] = .object(BuiltinFunction("Event") { _, _ in .object(EventObject()) })
    globals["Semaphore"] = .object(
      BuiltinFunction("Semaphore") { interpreter, arguments in
        .object(SemaphoreObject(value: try count(interpreter, arguments), bounded: false))
      })
    globals["BoundedSemaphore"] = .object(
      BuiltinFunction("BoundedSemaphore") { interpreter, arguments in
        .object(SemaphoreObject(value: try count(interpreter, arguments), bounded: true))
      })
    globals["current_thread"] = .object(
      BuiltinFunction("current_thread") { interpreter, _ in interpreter.currentThreadObject() })
    globals["main_thread"] = .object(BuiltinFunction("main_thread") { interpreter, _ in interpreter.mainThreadObject })
    globals["active_count"] = .object(
      BuiltinFunction("active_count") { interpreter, _ in
        .int(1 + interpreter.liveThreads.filter { $0.started && !$0.finished }.count)
      })
    globals["get_ident"] = .object(
      BuiltinFunction("get_ident") { _, _ in .int(Int(bitPattern: UInt(pthread_self()))) })
    // Internal, as in CPython: lets thread pools stop their idle workers when the script ends.
    globals.function("_register_atexit") { interpreter, arguments in
      guard let function = arguments.positional.first, arguments.keywords.isEmpty else {
        throw Interpreter.typeError("_register_atexit() missing 1 required positional argument: 'func'")
      }
      let extra = Array(arguments.positional.dropFirst())
      interpreter.threadingExitHooks.append(
        extra.isEmpty
          ? function
          : .object(
            BuiltinFunction("_atexit_call") { interpreter, _ in
              var call = CallArguments(extra)
              return try interpreter.call(function, &call)
            }))
      return .none
    }
    // Internal: thread pools run each call on the session effective at `submit` (LANGUAGE.md §6.7).
    globals.function("_on_effective_session") { interpreter, arguments in
      guard let function = arguments.positional.first, arguments.positional.count == 1 else {
        throw Interpreter.typeError("_on_effective_session() takes exactly one argument")
      }
      return .object(SessionType.runner(function, on: interpreter.sessions.top, replacingStack: true))
    }
    return module
  }

  private static func count(_ interpreter: Interpreter, _ arguments: CallArguments) throws -> Int {
    var reader = ArgumentReader("Semaphore", arguments)
    let value = try reader.value(0, "value").map { try interpreter.asIndex($0, "value") } ?? 1
    try reader.finish(maximum: 1)
    if value < 0 { throw Interpreter.valueError("semaphore initial value must be >= 0") }
    return value
  }

  nonisolated(unsafe) private static var installed = false

  /// Methods of the classes; runs under the interpreter lock, so the flag needs no other guard.
  private static func installOnce() {
    guard !installed else { return }
    installed = true
    LockObject.install(lockType)
    LockObject.install(rlockType)
    EventObject.install(eventType)
    SemaphoreObject.install(semaphoreType)
  }

  nonisolated(unsafe) private static var threadCounter = 0

  private static func installThread(_ type: TypeObject) {
    type.dict["__init__"] = .object(
      BuiltinFunction("__init__") { interpreter, arguments in
        guard case .object(let instance as Instance)? = arguments.positional.first else {
          throw Interpreter.typeError("Thread.__init__() needs a Thread")
        }
        var reader = ArgumentReader(
          "Thread", CallArguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords))
        _ = try reader.value(0, "group")
        let target = try reader.value(1, "target") ?? .none
        let name = try reader.value(2, "name") ?? .none
        let args = try reader.value(3, "args") ?? .tuple([])
        let kwargs = try reader.value(4, "kwargs") ?? .none
        let daemon = reader.keyword("daemon")
        try reader.finish(maximum: 5)
        threadCounter += 1
        var threadName = "Thread-\(threadCounter)"
        if case .object(let function as FunctionObject) = target { threadName += " (\(function.name))" }
        if case .str(let given) = name { threadName = given }
        instance.attributes["name"] = .str(threadName)
        instance.attributes["_target"] = target
        instance.attributes["_args"] = args
        instance.attributes["_kwargs"] = kwargs
        let isDaemon = try daemon.map { try interpreter.truthy($0) } ?? false
        instance.attributes["daemon"] = .bool(isDaemon)
        instance.native = ThreadHandle(daemon: isDaemon, session: interpreter.sessions.top)
        return .none
      })
    type.dict["run"] = .object(
      BuiltinFunction("run") { interpreter, arguments in
        guard case .object(let instance as Instance)? = arguments.positional.first else { return .none }
        let target = instance.attributes["_target"] ?? .none
        if target.isNone { return .none }
        var call = CallArguments(try interpreter.iterateToArray(instance.attributes["_args"] ?? .tuple([])))
        if case .dict(let kwargs)? = instance.attributes["_kwargs"] {
          for (key, value) in kwargs.storage {
            if case .str(let name) = key.value { call.keywords.append((name, value)) }
          }
        }
        return try interpreter.call(target, &call)
      })
    type.dict["start"] = .object(
      BuiltinFunction("start") { interpreter, arguments in
        guard case .object(let instance as Instance)? = arguments.positional.first,
          let handle = instance.native as? ThreadHandle
        else { throw Interpreter.error(BuiltinTypes.runtimeError, "thread.__init__() not called") }
        if handle.started { throw Interpreter.error(BuiltinTypes.runtimeError, "threads can only be started once") }
        handle.started = true
        interpreter.start(instance, handle)
        return .none
      })
    type.dict["join"] = .object(
      BuiltinFunction("join") { interpreter, arguments in
        guard case .object(let instance as Instance)? = arguments.positional.first,
          let handle = instance.native as? ThreadHandle
        else { throw Interpreter.typeError("join() needs a Thread") }
        if !handle.started {
          throw Interpreter.error(BuiltinTypes.runtimeError, "cannot join thread before it is started")
        }
        var reader = ArgumentReader(
          "join", CallArguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords))
        let timeout = try reader.value(0, "timeout")
        try reader.finish(maximum: 1)
        try interpreter.wait(on: handle.done, timeout: timeout, signalAgain: true)
        return .none
      })
    type.dict["is_alive"] = .object(
      BuiltinFunction("is_alive") { _, arguments in
        guard case .object(let instance as Instance)? = arguments.positional.first,
          let handle = instance.native as? ThreadHandle
        else { return .false }
        return .bool(handle.started && !handle.finished)
      })
    type.dict["ident"] = .object(
      PropertyObject(
        getter: .object(
          BuiltinFunction("ident") { _, arguments in
            guard case .object(let instance as Instance)? = arguments.positional.first,
              let handle = instance.native as? ThreadHandle, handle.started
            else { return .none }
            return .int(handle.ident)
          }), setter: nil, deleter: nil))
    type.dict["getName"] = .object(
      BuiltinFunction("getName") { _, arguments in
        guard case .object(let instance as Instance)? = arguments.positional.first else { return .none }
        return instance.attributes["name"] ?? .none
      })
  }
}

extension Interpreter {
  /// Runs `instance.run()` on a new OS thread that takes the interpreter lock.
  func start(_ instance: Instance, _ handle: ThreadHandle) {
    liveThreads.append(handle)
    let box = ThreadStart(interpreter: self, instance: instance, handle: handle)
    let thread = Thread {
      let interpreter = box.interpreter
      CurrentInterpreter.set(interpreter)
      interpreter.lock.acquire()
      interpreter.threadState = Interpreter.ThreadState(
        sessions: SessionStack(box.handle.session ?? interpreter.localSession))
      box.handle.ident = Int(bitPattern: UInt(pthread_self()))
      Thread.current.threadDictionary["sshs.thread"] = box
      do {
        _ = try interpreter.call(try interpreter.getAttribute(.object(box.instance), "run"), [])
      } catch let failure as ScriptException {
        if !failure.exception.isInstance(of: BuiltinTypes.systemExit) {
          let name = (box.instance.attributes["name"]).flatMap { try? interpreter.str($0) } ?? "?"
          interpreter.writeStderr("Exception in thread \(name):\n" + interpreter.formatTraceback(failure.exception))
        }
      } catch {
        interpreter.writeStderr("Exception in thread: internal error: \(error)\n")
      }
      box.handle.finished = true
      interpreter.liveThreads.removeAll { $0 === box.handle }
      box.handle.done.signal()
      interpreter.lock.release()
    }
    thread.stackSize = LargeStack.size
    thread.start()
  }

  /// Waits for a semaphore with the lock released; `timeout` None waits without limit.
  /// With `signalAgain`, the semaphore is signalled back (it stands for a state, not a token).
  func wait(on semaphore: DispatchSemaphore, timeout: Value?, signalAgain: Bool) throws {
    var deadline: DispatchTime = .distantFuture
    if let timeout, !timeout.isNone {
      let seconds = try MathModule.number(timeout, "timeout")
      deadline = .now() + .nanoseconds(Int(max(0, seconds) * 1e9))
    }
    var signalled = false
    blocking {
      // Wake regularly so Ctrl-C in the main thread is noticed.
      while !signalled {
        let step = min(deadline, .now() + .milliseconds(50))
        if semaphore.wait(timeout: step) == .success {
          signalled = true
        } else if DispatchTime.now() >= deadline || (interruptRequested.pointee != 0 && isMainThread) {
          break
        }
      }
    }
    if signalled && signalAgain { semaphore.signal() }
    try checkInterrupt()
  }

  var isMainThread: Bool { Thread.current === mainOSThread }

  /// `threading.current_thread()`.
  func currentThreadObject() -> Value {
    if let start = Thread.current.threadDictionary["sshs.thread"] as? ThreadStart { return .object(start.instance) }
    return mainThreadObject
  }
}

/// What a new thread's closure carries across to it; used only by that thread under the lock.
final class ThreadStart: @unchecked Sendable {
  let interpreter: Interpreter
  let instance: Instance
  let handle: ThreadHandle

  init(interpreter: Interpreter, instance: Instance, handle: ThreadHandle) {
    self.interpreter = interpreter
    self.instance = instance
    self.handle = handle
  }
}
