import Foundation

/// The interpreter whose code runs on this OS thread. Only code that cannot be handed the
/// interpreter uses it: `HashKey`'s `Hashable` conformance, which Swift's collections call and
/// which must run a script class's `__eq__` and `__hash__`. Several interpreters can live in one
/// process (the tests run many at once), so it is per thread.
enum CurrentInterpreter {
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Called by every thread that starts running script code: the main thread, threads of
  /// `threading`, generator threads.
  static func set(_ interpreter: Interpreter) {
    pthread_setspecific(key, Unmanaged.passUnretained(interpreter).toOpaque())
  }

  static var value: Interpreter? {
    guard let pointer = pthread_getspecific(key) else { return nil }
    return Unmanaged<Interpreter>.fromOpaque(pointer).takeUnretainedValue()
  }
}
