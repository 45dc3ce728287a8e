import Foundation

/// Runs work on a thread with a large stack and waits for it.
///
/// The parser is recursive, and so will be the interpreter: deeply nested input must end in a
/// diagnostic, never in a stack overflow, whatever thread the caller is on (test runners and
/// dispatch queues have stacks of 512 KiB to 8 MiB). Only touched pages of the stack are
/// committed, so a large reservation costs nothing.
enum LargeStack {
  static let size = 512 << 20

  static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      box.value = body()
      done.signal()
    }
    thread.stackSize = size
    thread.start()
    done.wait()
    return box.value!
  }
}

/// Carries the result from the worker thread; written before the semaphore is signalled and
/// read after it is waited for, so the semaphore orders the two accesses.
private final class ResultBox<T>: @unchecked Sendable {
  var value: T?
}
