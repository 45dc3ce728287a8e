import BigInt
import Foundation

/// `math` (LANGUAGE.md §8.6); the functions are in Module+math.swift.
enum MathModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "math", path: nil)
    let globals = module.globals
    installFunctions(globals)
    return module
  }

  static func number(_ value: Value, _ function: String) throws -> Double {
    guard let numeric = NumericValue(value) else {
      throw Interpreter.typeError("must be real number, not \(Runtime.typeName(value))")
    }
    return numeric.double
  }
}

/// `time`: clocks and `sleep`.
enum TimeModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "time", path: nil)
    let globals = module.globals
    globals["time"] = .object(BuiltinFunction("time") { _, _ in .float(Date().timeIntervalSince1970) })
    let clock: BuiltinFunction.Body = { _, _ in
      .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
    }
    globals["monotonic"] = .object(BuiltinFunction("monotonic", clock))
    globals["perf_counter"] = .object(BuiltinFunction("perf_counter", clock))
    globals["sleep"] = .object(
      BuiltinFunction("sleep") { interpreter, arguments in
        try ArgumentReader.exactly(1, "sleep", arguments)
        let seconds = try sleepLength(arguments.positional[0])
        interpreter.flushStdout()
        // Other threads run meanwhile; Ctrl-C is noticed within 50 ms.
        var remaining = seconds
        while remaining > 0 {
          let step = min(remaining, 0.05)
          interpreter.blocking { Thread.sleep(forTimeInterval: step) }
          remaining -= step
          try interpreter.checkInterrupt()
        }
        return .none
      })
    installCalendar(globals)
    return module
  }

  /// `time.sleep`'s argument: an int or a float, not negative, not NaN.
  static func sleepLength(_ value: Value) throws -> Double {
    let seconds: Double
    switch value {
    case .float(let number): seconds = number
    case .int, .bool, .bigInt: seconds = NumericValue(value)!.double
    default:
      throw Interpreter.typeError("'\(Runtime.typeName(value))' object cannot be interpreted as an integer")
    }
    if seconds.isNaN { throw Interpreter.valueError("Invalid value NaN (not a number)") }
    if seconds < 0 { throw Interpreter.valueError("sleep length must be non-negative") }
    return seconds
  }
}
