import BigInt
import Foundation

/// `math`: the constants and the most used functions (the rest of §8.6 follows).
enum MathModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "math", path: nil)
    let globals = module.globals
    globals["pi"] = .float(Double.pi)
    globals["e"] = .float(M_E)
    globals["tau"] = .float(2 * Double.pi)
    globals["inf"] = .float(.infinity)
    globals["nan"] = .float(.nan)
    func unary(_ name: String, _ body: @escaping (Double) -> Double) {
      globals[name] = .object(
        BuiltinFunction(name) { _, arguments in
          try ArgumentReader.exactly(1, name, arguments)
          return .float(body(try number(arguments.positional[0], name)))
        })
    }
    unary("sqrt", Foundation.sqrt)
    unary("exp", Foundation.exp)
    unary("log2", Foundation.log2)
    unary("log10", Foundation.log10)
    unary("sin", Foundation.sin)
    unary("cos", Foundation.cos)
    unary("tan", Foundation.tan)
    unary("fabs", Swift.abs)
    globals["log"] = .object(
      BuiltinFunction("log") { _, arguments in
        guard (1...2).contains(arguments.positional.count) else {
          throw Interpreter.typeError("log expected 1 or 2 arguments, got \(arguments.positional.count)")
        }
        let value = try number(arguments.positional[0], "log")
        if value <= 0 { throw Interpreter.valueError("math domain error") }
        if arguments.positional.count == 2 {
          return .float(Foundation.log(value) / Foundation.log(try number(arguments.positional[1], "log")))
        }
        return .float(Foundation.log(value))
      })
    for (name, rounding) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
      globals[name] = .object(
        BuiltinFunction(name) { _, arguments in
          try ArgumentReader.exactly(1, name, arguments)
          if let integer = NumericValue(arguments.positional[0]), case .float(let value) = integer {
            if !value.isFinite { throw Interpreter.overflowError("cannot convert float infinity to integer") }
            return .integer(BigInt(value.rounded(rounding)))
          }
          return .integer(NumericValue(arguments.positional[0])?.bigInt ?? 0)
        })
    }
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
        let seconds = try MathModule.number(arguments.positional[0], "sleep")
        if seconds < 0 { throw Interpreter.valueError("sleep length must be non-negative") }
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
    return module
  }
}
