import BigInt
import Foundation

/// The functions of `math` (LANGUAGE.md §8.6) with CPython's domain and range errors
/// (`math_1`, `math_2`, `loghelper`, `math_pow`, exact `fsum`, `hypot`'s `vector_norm`), and
/// the integer functions on arbitrary-precision ints.
extension MathModule {
  static let pythonOnlyNames: Set<String> = ["cbrt"]

  static func installFunctions(_ globals: GlobalTable) {
    globals["pi"] = .float(Double.pi)
    globals["e"] = .float(M_E)
    globals["tau"] = .float(2 * Double.pi)
    globals["inf"] = .float(.infinity)
    globals["nan"] = .float(.nan)
    installReal(globals)
    installRounding(globals)
    installIntegers(globals)
    installSums(globals)
  }

  // MARK: - Arguments

  /// `PyFloat_AsDouble`: floats, ints (`OverflowError` when too large), objects with
  /// `__float__` or `__index__`.
  static func real(_ interpreter: Interpreter, _ value: Value) throws -> Double {
    switch value {
    case .float(let number): return number
    case .int(let number): return Double(number)
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box):
      let number = Double(box.value)
      if !number.isFinite { throw Interpreter.overflowError("int too large to convert to float") }
      return number
    case .object:
      if let result = try interpreter.callSpecial(value, "__float__", []) {
        guard case .float(let number) = result else {
          throw Interpreter.typeError(
            "\(Runtime.typeName(value)).__float__ returned non-float (type \(Runtime.typeName(result)))")
        }
        return number
      }
      if let result = try interpreter.callSpecial(value, "__index__", []) { return try real(interpreter, result) }
    default: break
    }
    throw Interpreter.typeError("must be real number, not \(Runtime.typeName(value))")
  }

  /// An integer argument (`__index__`): `'float' object cannot be interpreted as an integer`.
  static func integer(_ interpreter: Interpreter, _ value: Value) throws -> BigInt {
    switch value {
    case .int(let number): return BigInt(number)
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box): return box.value
    case .object:
      if let result = try interpreter.callSpecial(value, "__index__", []) {
        switch result {
        case .int, .bool, .bigInt: return try integer(interpreter, result)
        default:
          throw Interpreter.typeError("__index__ returned non-int (type \(Runtime.typeName(result)))")
        }
      }
    default: break
    }
    throw Interpreter.typeError("'\(Runtime.typeName(value))' object cannot be interpreted as an integer")
  }

  /// One positional argument, with CPython's messages for `math.NAME(x)`.
  static func single(_ name: String, _ arguments: CallArguments) throws -> Value {
    try ArgumentReader.exactly(1, "math." + name, arguments)
    return arguments.positional[0]
  }

  /// Exactly two positional arguments: `atan2 expected 2 arguments, got 1`.
  static func pair(_ name: String, _ arguments: CallArguments) throws -> (Value, Value) {
    if !arguments.keywords.isEmpty { throw Interpreter.typeError("math.\(name)() takes no keyword arguments") }
    guard arguments.positional.count == 2 else {
      throw Interpreter.typeError("\(name) expected 2 arguments, got \(arguments.positional.count)")
    }
    return (arguments.positional[0], arguments.positional[1])
  }

  static func domainError() -> ScriptException { Interpreter.valueError("math domain error") }
  static func rangeError() -> ScriptException { Interpreter.overflowError("math range error") }

  /// `math_1`: a NaN from a non-NaN is a domain error; an infinity from a finite argument is a
  /// range error when the function can overflow, else a domain error.
  static func checked(_ x: Double, _ result: Double, canOverflow: Bool) throws -> Double {
    if result.isNaN && !x.isNaN { throw domainError() }
    if result.isInfinite && x.isFinite { throw canOverflow ? rangeError() : domainError() }
    return result
  }

  // MARK: - Real functions

  static func installReal(_ globals: GlobalTable) {
    func unary(_ name: String, canOverflow: Bool = false, _ body: @escaping (Double) -> Double) {
      globals.function(name) { interpreter, arguments in
        let x = try real(interpreter, try single(name, arguments))
        return .float(try checked(x, body(x), canOverflow: canOverflow))
      }
    }
    unary("sqrt", Foundation.sqrt)
    unary("exp", canOverflow: true, Foundation.exp)
    unary("exp2", canOverflow: true, Foundation.exp2)
    unary("expm1", canOverflow: true, Foundation.expm1)
    unary("sin", Foundation.sin)
    unary("cos", Foundation.cos)
    unary("tan", Foundation.tan)
    unary("asin", Foundation.asin)
    unary("acos", Foundation.acos)
    unary("atan", Foundation.atan)
    unary("sinh", canOverflow: true, Foundation.sinh)
    unary("cosh", canOverflow: true, Foundation.cosh)
    unary("tanh", Foundation.tanh)
    unary("asinh", Foundation.asinh)
    unary("acosh", Foundation.acosh)
    unary("atanh", Foundation.atanh)
    unary("log1p", Foundation.log1p)
    unary("erf", Foundation.erf)
    unary("erfc", Foundation.erfc)
    unary("fabs", Swift.abs)
    globals.function("gamma") { interpreter, arguments in
      .float(try Gamma.gamma(try real(interpreter, try single("gamma", arguments))))
    }
    globals.function("lgamma") { interpreter, arguments in
      .float(try Gamma.logGamma(try real(interpreter, try single("lgamma", arguments))))
    }
    globals.function("degrees") { interpreter, arguments in
      .float(try real(interpreter, try single("degrees", arguments)) * (180.0 / Double.pi))
    }
    globals.function("radians") { interpreter, arguments in
      .float(try real(interpreter, try single("radians", arguments)) * (Double.pi / 180.0))
    }
    for (name, test) in [
      ("isfinite", { (x: Double) in x.isFinite }), ("isinf", { $0.isInfinite }), ("isnan", { $0.isNaN }),
    ] {
      globals.function(name) { interpreter, arguments in .bool(test(try real(interpreter, try single(name, arguments))))
      }
    }

    /// `loghelper`: ints too large for a float are logged as mantissa and exponent.
    func logarithm(_ interpreter: Interpreter, _ value: Value, _ function: (Double) -> Double) throws -> Double {
      if case .bigInt(let box) = value {
        if box.value.sign == .minus { throw domainError() }
        let bits = box.value.magnitude.bitWidth
        if bits > 1024 {
          // `_PyLong_Frexp`: a mantissa in [0.5, 1) rounded to 53 bits, and the exponent.
          let top = UInt64(box.value.magnitude >> (bits - 64))
          var mantissa = Double(top) / 18_446_744_073_709_551_616.0
          var exponent = bits
          if mantissa == 1 {
            mantissa = 0.5
            exponent += 1
          }
          return function(mantissa) + function(2.0) * Double(exponent)
        }
      }
      let x = try real(interpreter, value)
      if x <= 0 { throw domainError() }
      return try checked(x, function(x), canOverflow: false)
    }
    globals.function("log") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("math.log() takes no keyword arguments") }
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError("math.log requires 1 to 2 arguments")
      }
      let numerator = try logarithm(interpreter, arguments.positional[0], Foundation.log)
      guard arguments.positional.count == 2 else { return .float(numerator) }
      let denominator = try logarithm(interpreter, arguments.positional[1], Foundation.log)
      if denominator == 0 { throw Interpreter.zeroDivision("float division by zero") }
      return .float(numerator / denominator)
    }
    globals.function("log2") { interpreter, arguments in
      .float(try logarithm(interpreter, try single("log2", arguments), Foundation.log2))
    }
    globals.function("log10") { interpreter, arguments in
      .float(try logarithm(interpreter, try single("log10", arguments), Foundation.log10))
    }

    globals.function("atan2") { interpreter, arguments in
      let (y, x) = try pair("atan2", arguments)
      return .float(Foundation.atan2(try real(interpreter, y), try real(interpreter, x)))
    }
    globals.function("copysign") { interpreter, arguments in
      let (x, y) = try pair("copysign", arguments)
      return .float(Foundation.copysign(try real(interpreter, x), try real(interpreter, y)))
    }
    globals.function("fmod") { interpreter, arguments in
      let (xValue, yValue) = try pair("fmod", arguments)
      let x = try real(interpreter, xValue)
      let y = try real(interpreter, yValue)
      if y.isInfinite && x.isFinite { return .float(x) }
      let result = Foundation.fmod(x, y)
      if result.isNaN && !x.isNaN && !y.isNaN { throw domainError() }
      return .float(result)
    }
    globals.function("remainder") { interpreter, arguments in
      let (xValue, yValue) = try pair("remainder", arguments)
      let x = try real(interpreter, xValue)
      let y = try real(interpreter, yValue)
      if x.isNaN || y.isNaN { return .float(.nan) }
      if x.isInfinite || y == 0 { throw domainError() }
      if y.isInfinite { return .float(x) }
      return .float(Foundation.remainder(x, y))
    }
    globals.function("pow") { interpreter, arguments in
      let (xValue, yValue) = try pair("pow", arguments)
      return .float(try power(try real(interpreter, xValue), try real(interpreter, yValue)))
    }
    globals.function("modf") { interpreter, arguments in
      let x = try real(interpreter, try single("modf", arguments))
      if x.isInfinite { return .tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
      let whole = x.rounded(.towardZero)
      return .tuple([.float(Foundation.copysign(x - whole, x)), .float(whole)])
    }
    globals.function("frexp") { interpreter, arguments in
      let x = try real(interpreter, try single("frexp", arguments))
      if !x.isFinite || x == 0 { return .tuple([.float(x), .int(0)]) }
      var exponent: Int32 = 0
      let mantissa = Foundation.frexp(x, &exponent)
      return .tuple([.float(mantissa), .int(Int(exponent))])
    }
    globals.function("ldexp") { interpreter, arguments in
      let (xValue, iValue) = try pair("ldexp", arguments)
      let x = try real(interpreter, xValue)
      let exponent: BigInt
      switch iValue {
      case .int, .bool, .bigInt: exponent = try integer(interpreter, iValue)
      default: throw Interpreter.typeError("Expected an int as second argument to ldexp.")
      }
      if x == 0 || !x.isFinite { return .float(x) }
      let clamped = Int(max(-100_000, min(100_000, exponent)))
      let result = Foundation.scalbn(x, clamped)
      if result.isInfinite { throw rangeError() }
      return .float(result)
    }
    globals.function("nextafter") { interpreter, arguments in
      let (xValue, yValue) = try pair("nextafter", arguments)
      return .float(Foundation.nextafter(try real(interpreter, xValue), try real(interpreter, yValue)))
    }
    globals.function("ulp") { interpreter, arguments in
      let x = try real(interpreter, try single("ulp", arguments))
      if x.isNaN || x.isInfinite { return .float(x.magnitude) }
      let magnitude = x.magnitude
      if magnitude == .greatestFiniteMagnitude { return .float(magnitude - magnitude.nextDown) }
      return .float(magnitude.nextUp - magnitude)
    }
    globals.function("isclose") { interpreter, arguments in
      var reader = ArgumentReader("isclose", arguments)
      let aValue = try reader.required(0, "a")
      let bValue = try reader.required(1, "b")
      let relative = try reader.keyword("rel_tol").map { try real(interpreter, $0) } ?? 1e-9
      let absolute = try reader.keyword("abs_tol").map { try real(interpreter, $0) } ?? 0
      if arguments.positional.count > 2 {
        throw Interpreter.typeError(
          "isclose() takes exactly 2 positional arguments (\(arguments.positional.count) given)")
      }
      try reader.finish(maximum: 2)
      let a = try real(interpreter, aValue)
      let b = try real(interpreter, bValue)
      if relative < 0 || absolute < 0 { throw Interpreter.valueError("tolerances must be non-negative") }
      if a == b { return .true }
      if a.isInfinite || b.isInfinite { return .false }
      let difference = Swift.abs(b - a)
      return .bool(
        difference <= Swift.abs(relative * b) || difference <= Swift.abs(relative * a) || difference <= absolute)
    }
    globals.function("hypot") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("math.hypot() takes no keyword arguments") }
      var coordinates = try arguments.positional.map { Swift.abs(try real(interpreter, $0)) }
      return .float(vectorNorm(&coordinates))
    }
    globals.function("dist") { interpreter, arguments in
      let (pValue, qValue) = try pair("dist", arguments)
      let p = try interpreter.iterateToArray(pValue)
      let q = try interpreter.iterateToArray(qValue)
      if p.count != q.count { throw Interpreter.valueError("both points must have the same number of dimensions") }
      var differences = try zip(p, q).map { Swift.abs(try real(interpreter, $0) - real(interpreter, $1)) }
      return .float(vectorNorm(&differences))
    }
  }

  /// `math_pow`: C99 `pow` with Python's special cases and errors.
  static func power(_ x: Double, _ y: Double) throws -> Double {
    if !x.isFinite || !y.isFinite {
      if x.isNaN { return y == 0 ? 1 : x }
      if y.isNaN { return x == 1 ? 1 : y }
      if x.isInfinite {
        let oddY = y.isFinite && Foundation.fmod(Swift.abs(y), 2) == 1
        if y > 0 { return oddY ? x : Swift.abs(x) }
        if y == 0 { return 1 }
        return oddY ? Foundation.copysign(0, x) : 0
      }
      if Swift.abs(x) == 1 { return 1 }
      if y > 0 && Swift.abs(x) > 1 { return y }
      if y < 0 && Swift.abs(x) < 1 { return -y }
      return 0
    }
    let result = Foundation.pow(x, y)
    if result.isNaN { throw domainError() }
    if result.isInfinite { throw x == 0 ? domainError() : rangeError() }
    return result
  }

  /// CPython 3.11's `vector_norm` (error-free squares and sums, one correction step), given
  /// non-negative coordinates.
  static func vectorNorm(_ values: inout [Double]) -> Double {
    var maximum = 0.0
    var foundNaN = false
    for value in values {
      if value.isNaN { foundNaN = true }
      if value > maximum { maximum = value }
    }
    if maximum.isInfinite { return maximum }
    if foundNaN { return .nan }
    if maximum == 0 || values.count <= 1 { return maximum }
    var exponent: Int32 = 0
    _ = Foundation.frexp(maximum, &exponent)
    if exponent < -1023 {
      for index in values.indices { values[index] /= Double.leastNormalMagnitude }
      return Double.leastNormalMagnitude * vectorNorm(&values)
    }
    let scale = Foundation.scalbn(1.0, Int(-exponent))
    var sum = 1.0
    var fraction1 = 0.0
    var fraction2 = 0.0
    func product(_ a: Double, _ b: Double) -> (Double, Double) {
      let high = a * b
      return (high, Foundation.fma(a, b, -high))
    }
    func fastSum(_ a: Double, _ b: Double) -> (Double, Double) {
      let high = a + b
      return (high, b - (high - a))
    }
    for value in values {
      let x = value * scale
      let (squareHigh, squareLow) = product(x, x)
      let (sumHigh, sumLow) = fastSum(sum, squareHigh)
      sum = sumHigh
      fraction1 += squareLow
      fraction2 += sumLow
    }
    var h = (sum - 1.0 + (fraction1 + fraction2)).squareRoot()
    let (correctionHigh, correctionLow) = product(-h, h)
    let (sumHigh, sumLow) = fastSum(sum, correctionHigh)
    sum = sumHigh
    fraction1 += correctionLow
    fraction2 += sumLow
    let x = sum - 1.0 + (fraction1 + fraction2)
    h += x / (2.0 * h)
    return h / scale
  }

  // MARK: - floor, ceil, trunc

  static func installRounding(_ globals: GlobalTable) {
    for (name, special, rule) in [
      ("floor", "__floor__", FloatingPointRoundingRule.down), ("ceil", "__ceil__", .up),
      ("trunc", "__trunc__", .towardZero),
    ] {
      globals.function(name) { interpreter, arguments in
        let value = try single(name, arguments)
        switch value {
        case .int, .bigInt: return value
        case .bool(let flag): return .int(flag ? 1 : 0)
        case .float(let number): return try integral(number, rule)
        case .object:
          if let result = try interpreter.callSpecial(value, special, []) { return result }
        default: break
        }
        if name == "trunc" {
          throw Interpreter.typeError("type \(Runtime.typeName(value)) doesn't define __trunc__ method")
        }
        return try integral(try real(interpreter, value), rule)
      }
    }
  }

  static func integral(_ number: Double, _ rule: FloatingPointRoundingRule) throws -> Value {
    if number.isNaN { throw Interpreter.valueError("cannot convert float NaN to integer") }
    if number.isInfinite { throw Interpreter.overflowError("cannot convert float infinity to integer") }
    return .integer(BigInt(number.rounded(rule)))
  }

  // MARK: - Integer functions

  static func installIntegers(_ globals: GlobalTable) {
    globals.function("factorial") { interpreter, arguments in
      let n = try integer(interpreter, try single("factorial", arguments))
      if n < 0 { throw Interpreter.valueError("factorial() not defined for negative values") }
      return .integer(product(1, n))
    }
    globals.function("isqrt") { interpreter, arguments in
      let n = try integer(interpreter, try single("isqrt", arguments))
      if n < 0 { throw Interpreter.valueError("isqrt() argument must be nonnegative") }
      return .integer(squareRoot(n))
    }
    globals.function("comb") { interpreter, arguments in
      let (nValue, kValue) = try pair("comb", arguments)
      let n = try integer(interpreter, nValue)
      var k = try integer(interpreter, kValue)
      if n < 0 { throw Interpreter.valueError("n must be a non-negative integer") }
      if k < 0 { throw Interpreter.valueError("k must be a non-negative integer") }
      if k > n { return .int(0) }
      k = Swift.min(k, n - k)
      var result = BigInt(1)
      var i = BigInt(1)
      while i <= k {
        result = result * (n - k + i) / i
        i += 1
      }
      return .integer(result)
    }
    globals.function("perm") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("math.perm() takes no keyword arguments") }
      let count = arguments.positional.count
      if count < 1 { throw Interpreter.typeError("perm expected at least 1 argument, got 0") }
      if count > 2 { throw Interpreter.typeError("perm expected at most 2 arguments, got \(count)") }
      let n = try integer(interpreter, arguments.positional[0])
      if count == 1 || arguments.positional[1].isNone {
        if n < 0 { throw Interpreter.valueError("factorial() not defined for negative values") }
        return .integer(product(1, n))
      }
      let k = try integer(interpreter, arguments.positional[1])
      if n < 0 { throw Interpreter.valueError("n must be a non-negative integer") }
      if k < 0 { throw Interpreter.valueError("k must be a non-negative integer") }
      if k > n { return .int(0) }
      return .integer(product(n - k + 1, n))
    }
    globals.function("gcd") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("math.gcd() takes no keyword arguments") }
      var result = BigInt(0)
      for value in arguments.positional {
        result = greatestCommonDivisor(result, try integer(interpreter, value))
      }
      return .integer(result)
    }
    globals.function("lcm") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("math.lcm() takes no keyword arguments") }
      var result = BigInt(1)
      for value in arguments.positional {
        let n = try integer(interpreter, value)
        if result == 0 || n == 0 {
          result = 0
          continue
        }
        result = Swift.abs(result / greatestCommonDivisor(result, n) * n)
      }
      return .integer(result)
    }
  }

  static func greatestCommonDivisor(_ a: BigInt, _ b: BigInt) -> BigInt {
    var (x, y) = (Swift.abs(a), Swift.abs(b))
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  /// `low * (low + 1) * … * high`, split in halves so that the factors stay balanced.
  static func product(_ low: BigInt, _ high: BigInt) -> BigInt {
    if low > high { return 1 }
    if high - low < 16 {
      var result = BigInt(1)
      var i = low
      while i <= high {
        result *= i
        i += 1
      }
      return result
    }
    let middle = (low + high) / 2
    return product(low, middle) * product(middle + 1, high)
  }

  /// The integer square root (Newton's method from an estimate above the root).
  static func squareRoot(_ n: BigInt) -> BigInt {
    if n < 2 { return n }
    var x = BigInt(1) << ((n.magnitude.bitWidth + 1) / 2)
    while true {
      let y = (x + n / x) / 2
      if y >= x { return x }
      x = y
    }
  }

  // MARK: - fsum, prod

  static func installSums(_ globals: GlobalTable) {
    globals.function("fsum") { interpreter, arguments in
      let iterable = try single("fsum", arguments)
      var partials: [Double] = []
      var specialSum = 0.0
      var infinitySum = 0.0
      try interpreter.forEach(iterable) { item in
        var x = try real(interpreter, item)
        let original = x
        var kept = 0
        for j in partials.indices {
          var y = partials[j]
          if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
          let high = x + y
          let low = y - (high - x)
          if low != 0 {
            partials[kept] = low
            kept += 1
          }
          x = high
        }
        partials.removeSubrange(kept...)
        if x != 0 {
          if !x.isFinite {
            if original.isFinite { throw Interpreter.overflowError("intermediate overflow in fsum") }
            if original.isInfinite { infinitySum += original }
            specialSum += original
            partials.removeAll()
          } else {
            partials.append(x)
          }
        }
        return true
      }
      if specialSum != 0 {
        if infinitySum.isNaN { throw Interpreter.valueError("-inf + inf in fsum") }
        return .float(specialSum)
      }
      var high = 0.0
      var n = partials.count
      if n > 0 {
        n -= 1
        high = partials[n]
        var low = 0.0
        while n > 0 {
          let x = high
          n -= 1
          let y = partials[n]
          high = x + y
          let yr = high - x
          low = y - yr
          if low != 0 { break }
        }
        if n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0)) {
          let y = low * 2
          let x = high + y
          let yr = x - high
          if y == yr { high = x }
        }
      }
      return .float(high)
    }
    globals.function("prod") { interpreter, arguments in
      guard arguments.positional.count == 1 else {
        throw Interpreter.typeError(
          "prod() takes exactly 1 positional argument (\(arguments.positional.count) given)")
      }
      var result: Value = .int(1)
      for (name, value) in arguments.keywords {
        guard name == "start" else {
          throw Interpreter.typeError("'\(name)' is an invalid keyword argument for prod()")
        }
        result = value
      }
      try interpreter.forEach(arguments.positional[0]) { item in
        result = try interpreter.binary(.mult, result, item)
        return true
      }
      return result
    }
  }
}

/// CPython's own `gamma` and `lgamma` (a Lanczos approximation), which libm's differ from in
/// the last digits.
enum Gamma {
  static let g = 6.024680040776729583740234375
  static let gMinusHalf = 5.524680040776729583740234375
  static let numerator: [Double] = [
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
  ]
  static let denominator: [Double] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0,
    1925.0, 66.0, 1.0,
  ]
  static let integral: [Double] = [
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
    6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
    121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
  ]
  static let logPi = 1.144729885849400174143427351353058711647

  static func lanczosSum(_ x: Double) -> Double {
    var top = 0.0
    var bottom = 0.0
    if x < 5.0 {
      for i in stride(from: numerator.count - 1, through: 0, by: -1) {
        top = top * x + numerator[i]
        bottom = bottom * x + denominator[i]
      }
    } else {
      for i in 0..<numerator.count {
        top = top / x + numerator[i]
        bottom = bottom / x + denominator[i]
      }
    }
    return top / bottom
  }

  static func sinPi(_ x: Double) -> Double {
    let y = Foundation.fmod(Swift.abs(x), 2.0)
    let r: Double
    switch Int((2.0 * y).rounded()) {
    case 0: r = Foundation.sin(Double.pi * y)
    case 1: r = Foundation.cos(Double.pi * (y - 0.5))
    case 2: r = Foundation.sin(Double.pi * (1.0 - y))
    case 3: r = -Foundation.cos(Double.pi * (y - 1.5))
    default: r = Foundation.sin(Double.pi * (y - 2.0))
    }
    return Foundation.copysign(1.0, x) * r
  }

  /// A range error is reported only when the result is large (CPython's `is_error`).
  private static func range(_ r: Double) throws -> Double {
    if Swift.abs(r) >= 1.5 { throw MathModule.rangeError() }
    return r
  }

  static func gamma(_ x: Double) throws -> Double {
    if !x.isFinite {
      if x.isNaN || x > 0 { return x }
      throw MathModule.domainError()
    }
    if x == 0 { throw MathModule.domainError() }
    if x == x.rounded(.down) {
      if x < 0 { throw MathModule.domainError() }
      if x <= Double(integral.count) { return integral[Int(x) - 1] }
    }
    let absolute = Swift.abs(x)
    if absolute < 1e-20 {
      let r = 1.0 / x
      return r.isInfinite ? try range(r) : r
    }
    if absolute > 200.0 {
      if x < 0 { return 0.0 / sinPi(x) }
      return try range(.infinity)
    }
    let y = absolute + gMinusHalf
    var z: Double
    if absolute > gMinusHalf {
      let q = y - absolute
      z = q - gMinusHalf
    } else {
      let q = y - gMinusHalf
      z = q - absolute
    }
    z = z * g / y
    var r: Double
    if x < 0 {
      r = -Double.pi / sinPi(absolute) / absolute * Foundation.exp(y) / lanczosSum(absolute)
      r -= z * r
      if absolute < 140.0 {
        r /= Foundation.pow(y, absolute - 0.5)
      } else {
        let half = Foundation.pow(y, absolute / 2.0 - 0.25)
        r /= half
        r /= half
      }
    } else {
      r = lanczosSum(absolute) / Foundation.exp(y)
      r += z * r
      if absolute < 140.0 {
        r *= Foundation.pow(y, absolute - 0.5)
      } else {
        let half = Foundation.pow(y, absolute / 2.0 - 0.25)
        r *= half
        r *= half
      }
    }
    return r.isInfinite ? try range(r) : r
  }

  static func logGamma(_ x: Double) throws -> Double {
    if !x.isFinite { return x.isNaN ? x : .infinity }
    if x == x.rounded(.down) && x <= 2.0 {
      if x <= 0 { throw MathModule.domainError() }
      return 0.0
    }
    let absolute = Swift.abs(x)
    if absolute < 1e-20 { return -Foundation.log(absolute) }
    var r = Foundation.log(lanczosSum(absolute)) - g
    r += (absolute - 0.5) * (Foundation.log(absolute + g - 0.5) - 1)
    if x < 0 { r = logPi - Foundation.log(Swift.abs(sinPi(absolute))) - Foundation.log(absolute) - r }
    return r.isInfinite ? try range(r) : r
  }
}
