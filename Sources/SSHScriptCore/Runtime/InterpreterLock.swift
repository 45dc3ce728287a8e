import Dispatch
import Foundation
import Synchronization

/// The global interpreter lock (LANGUAGE.md §6.8): one thread at a time runs script code.
/// A thread releases it around every blocking operation (`blocking { … }`) and, when another
/// thread is waiting, every 10 ms of evaluation (`yieldIfContended()`), so CPU-bound threads
/// interleave and blocked ones never hold up the others.
///
/// A semaphore rather than a mutex: a generator's body runs on its own thread while the
/// caller's thread waits (LANGUAGE.md §8.2 generators), and either may release the lock the
/// other acquired.
final class InterpreterLock: Sendable {
  private let semaphore = DispatchSemaphore(value: 1)
  private let waiting = Atomic<Int>(0)
  private let lastSwitch = Atomic<UInt64>(0)
  static let switchInterval: UInt64 = 10_000_000

  func acquire() {
    waiting.add(1, ordering: .relaxed)
    semaphore.wait()
    waiting.subtract(1, ordering: .relaxed)
    lastSwitch.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
  }

  func release() {
    semaphore.signal()
  }

  /// Releases the lock and takes it again only after a waiting thread has had it.
  func handOff() {
    let before = lastSwitch.load(ordering: .relaxed)
    semaphore.signal()
    while lastSwitch.load(ordering: .relaxed) == before && waiting.load(ordering: .relaxed) > 0 {
      sched_yield()
    }
    acquire()
  }

  /// True when another thread waits and this one has run for a whole switch interval.
  var shouldYield: Bool {
    waiting.load(ordering: .relaxed) > 0
      && DispatchTime.now().uptimeNanoseconds &- lastSwitch.load(ordering: .relaxed) > InterpreterLock.switchInterval
  }
}

extension Interpreter {
  /// Runs a blocking operation (a wait, a sleep, I/O) with the interpreter lock released; the
  /// running thread's state (call depth, handled exceptions, session stack) is kept across the gap.
  func blocking<T>(_ operation: () throws -> T) rethrows -> T {
    let state = threadState
    lock.release()
    defer {
      lock.acquire()
      threadState = state
    }
    return try operation()
  }

  /// Lets waiting threads run (called at loop back-edges).
  @inline(__always)
  func yieldIfContended() {
    if lock.shouldYield { handOff() }
  }

  private func handOff() {
    let state = threadState
    lock.handOff()
    threadState = state
  }

  /// What belongs to the thread holding the lock rather than to the interpreter.
  struct ThreadState {
    var callDepth = 0
    var handledExceptions: [ExceptionObject] = []
    var sessions: SessionStack
  }

  /// The running thread's state, taken before the lock is released and put back after.
  var threadState: ThreadState {
    get { ThreadState(callDepth: callDepth, handledExceptions: handledExceptions, sessions: sessions) }
    set {
      callDepth = newValue.callDepth
      handledExceptions = newValue.handledExceptions
      sessions = newValue.sessions
    }
  }
}
