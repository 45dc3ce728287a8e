import BigInt
import Foundation

/// `random` (LANGUAGE.md §8.6): CPython's Mersenne Twister and its algorithms, so that a
/// seeded script draws the same numbers as under CPython (`seed` of an int, float, str or
/// bytes; `random`, `getrandbits`, `randrange`, `randint`, `choice`, `choices`, `shuffle`,
/// `sample`, `uniform`, `triangular`, `gauss`, `normalvariate`, `expovariate`), and the
/// `Random` class for independent generators.
enum RandomModule {
  static let pythonOnlyNames: Set<String> = [
    "SystemRandom", "betavariate", "gammavariate", "lognormvariate", "vonmisesvariate", "paretovariate",
    "weibullvariate", "binomialvariate", "randbytes",
  ]

  typealias Method = (Interpreter, MersenneTwister, inout CallArguments) throws -> Value

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "random", path: nil)
    let globals = module.globals
    let shared = MersenneTwister()
    shared.seedFromSystem()
    let methods = self.methods()
    for (name, body) in methods {
      globals.function(name) { interpreter, arguments in try body(interpreter, shared, &arguments) }
    }

    // `random.Random`: each instance keeps its own generator in an attribute.
    let type = TypeObject.moduleClass("Random", module: "random")
    func generator(_ arguments: inout CallArguments, _ method: String) throws -> MersenneTwister {
      let instance = try moduleInstance(&arguments, type, method)
      if case .object(let box as MersenneTwister)? = instance.attributes["_state"] { return box }
      let fresh = MersenneTwister()
      fresh.seedFromSystem()
      instance.attributes["_state"] = .object(fresh)
      return fresh
    }
    let seed = methods.first { $0.0 == "seed" }!.1
    type.method("__init__") { interpreter, arguments in
      let twister = try generator(&arguments, "__init__")
      return try seed(interpreter, twister, &arguments)
    }
    for (name, body) in methods {
      type.method(name) { interpreter, arguments in
        let twister = try generator(&arguments, name)
        return try body(interpreter, twister, &arguments)
      }
    }
    globals["Random"] = .object(type)
    return module
  }

  /// The functions of the module, which are also the methods of `Random`.
  static func methods() -> [(String, Method)] {
    var table: [(String, Method)] = []
    func add(_ name: String, _ body: @escaping Method) { table.append((name, body)) }

    func signature(_ name: String, _ parameters: [String], required: Int? = nil, keywordOnly: [String] = [])
      -> PythonSignature
    {
      PythonSignature("Random." + name, parameters, required: required, keywordOnly: keywordOnly, self: true)
    }
    func float(_ value: Value?, _ fallback: Double, _ name: String) throws -> Double {
      try value.map { try MathModule.number($0, name) } ?? fallback
    }

    let seedSignature = signature("seed", ["a", "version"], required: 0)
    add("seed") { interpreter, twister, arguments in
      let values = try seedSignature.bind(arguments)
      let version = try values[1].map { try interpreter.asIndex($0, "version") } ?? 2
      try twister.seed(interpreter, values[0] ?? Value.none, version: version)
      return .none
    }
    add("random") { _, twister, arguments in
      try OSModule.noArgumentsCheck("Random.random", arguments)
      return .float(twister.random())
    }
    add("getrandbits") { interpreter, twister, arguments in
      try ArgumentReader.exactly(1, "Random.getrandbits", arguments)
      let count = try interpreter.asIndex(arguments.positional[0], "k")
      if count < 0 { throw Interpreter.valueError("number of bits must be non-negative") }
      return .integer(twister.bits(count))
    }
    let randrangeSignature = signature("randrange", ["start", "stop", "step"], required: 1)
    add("randrange") { interpreter, twister, arguments in
      let values = try randrangeSignature.bind(arguments)
      return try randrange(interpreter, twister, values[0]!, values[1] ?? Value.none, values[2])
    }
    let randintSignature = signature("randint", ["a", "b"])
    add("randint") { interpreter, twister, arguments in
      let values = try randintSignature.bind(arguments)
      return try randrange(interpreter, twister, values[0]!, try interpreter.binary(.add, values[1]!, .int(1)), nil)
    }
    let choiceSignature = signature("choice", ["seq"])
    add("choice") { interpreter, twister, arguments in
      let sequence = try choiceSignature.bind(arguments)[0]!
      let count = try interpreter.length(sequence)
      if count == 0 { throw Interpreter.indexError("Cannot choose from an empty sequence") }
      return try interpreter.getItem(sequence, .int(twister.below(count)))
    }
    let shuffleSignature = signature("shuffle", ["x"])
    add("shuffle") { interpreter, twister, arguments in
      let sequence = try shuffleSignature.bind(arguments)[0]!
      let count = try interpreter.length(sequence)
      var i = count - 1
      while i >= 1 {
        let j = twister.below(i + 1)
        let a = try interpreter.getItem(sequence, .int(i))
        let b = try interpreter.getItem(sequence, .int(j))
        try interpreter.setItem(sequence, .int(i), b)
        try interpreter.setItem(sequence, .int(j), a)
        i -= 1
      }
      return .none
    }
    let sampleSignature = signature("sample", ["population", "k"], keywordOnly: ["counts"])
    add("sample") { interpreter, twister, arguments in
      let values = try sampleSignature.bind(arguments)
      return .list(ListObject(try sample(interpreter, twister, values[0]!, values[1]!, values[2] ?? Value.none)))
    }
    let choicesSignature = signature(
      "choices", ["population", "weights"], required: 1, keywordOnly: ["cum_weights", "k"])
    add("choices") { interpreter, twister, arguments in
      let values = try choicesSignature.bind(arguments)
      let k = try interpreter.asIndex(values[3] ?? .int(1), "k")
      return .list(
        ListObject(
          try choices(interpreter, twister, values[0]!, values[1] ?? Value.none, values[2] ?? Value.none, k)))
    }
    let uniformSignature = signature("uniform", ["a", "b"])
    add("uniform") { interpreter, twister, arguments in
      let values = try uniformSignature.bind(arguments)
      let span = try interpreter.binary(.sub, values[1]!, values[0]!)
      return try interpreter.binary(.add, values[0]!, try interpreter.binary(.mult, span, .float(twister.random())))
    }
    let triangularSignature = signature("triangular", ["low", "high", "mode"], required: 0)
    add("triangular") { interpreter, twister, arguments in
      let values = try triangularSignature.bind(arguments)
      var low = try float(values[0], 0, "triangular")
      var high = try float(values[1], 1, "triangular")
      let mode = values[2] ?? Value.none
      var u = twister.random()
      var c = 0.5
      if !mode.isNone {
        if high == low { return .float(low) }
        c = (try MathModule.number(mode, "triangular") - low) / (high - low)
      }
      if u > c {
        u = 1 - u
        c = 1 - c
        swap(&low, &high)
      }
      return .float(low + (high - low) * (u * c).squareRoot())
    }
    let gaussSignature = signature("gauss", ["mu", "sigma"], required: 0)
    add("gauss") { interpreter, twister, arguments in
      let values = try gaussSignature.bind(arguments)
      let mu = try float(values[0], 0, "gauss")
      let sigma = try float(values[1], 1, "gauss")
      var z = twister.gaussNext
      twister.gaussNext = nil
      if z == nil {
        let angle = twister.random() * 2 * Double.pi
        let radius = (-2.0 * Foundation.log(1.0 - twister.random())).squareRoot()
        z = Foundation.cos(angle) * radius
        twister.gaussNext = Foundation.sin(angle) * radius
      }
      return .float(mu + z! * sigma)
    }
    let normalSignature = signature("normalvariate", ["mu", "sigma"], required: 0)
    add("normalvariate") { interpreter, twister, arguments in
      let values = try normalSignature.bind(arguments)
      let mu = try float(values[0], 0, "normalvariate")
      let sigma = try float(values[1], 1, "normalvariate")
      let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
      var z = 0.0
      while true {
        let u1 = twister.random()
        let u2 = 1.0 - twister.random()
        z = magic * (u1 - 0.5) / u2
        if z * z / 4.0 <= -Foundation.log(u2) { break }
      }
      return .float(mu + z * sigma)
    }
    let exponentialSignature = signature("expovariate", ["lambd"])
    add("expovariate") { _, twister, arguments in
      let rate = try MathModule.number(try exponentialSignature.bind(arguments)[0]!, "expovariate")
      if rate == 0 { throw Interpreter.zeroDivision("float division by zero") }
      return .float(-Foundation.log(1.0 - twister.random()) / rate)
    }
    return table
  }

  /// An integer argument of `randrange`: ints as they are; integral floats (deprecated in
  /// CPython) accepted; other floats rejected with CPython's message.
  private static func integer(_ interpreter: Interpreter, _ value: Value, _ what: String) throws -> BigInt {
    switch value {
    case .int(let number): return BigInt(number)
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box): return box.value
    case .float(let number):
      guard number.isFinite, number.rounded(.towardZero) == number else {
        if !number.isFinite {
          throw Interpreter.overflowError("cannot convert float \(number.isNaN ? "NaN" : "infinity") to integer")
        }
        throw Interpreter.valueError("non-integer \(what) for randrange()")
      }
      return BigInt(number)
    default:
      let converted = try interpreter.call(.object(BuiltinTypes.int), [value])
      return try integer(interpreter, converted, what)
    }
  }

  static func randrange(
    _ interpreter: Interpreter, _ twister: MersenneTwister, _ startValue: Value, _ stopValue: Value,
    _ stepValue: Value?
  ) throws -> Value {
    let start = try integer(interpreter, startValue, "arg 1")
    if stopValue.isNone {
      if let stepValue, !(Runtime.smallInt(stepValue) == 1 && !stepValue.isNone) {
        throw Interpreter.typeError("Missing a non-None stop argument")
      }
      if start > 0 { return .integer(twister.below(start)) }
      throw Interpreter.valueError("empty range for randrange()")
    }
    let stop = try integer(interpreter, stopValue, "stop")
    let width = stop - start
    let step = try stepValue.map { try integer(interpreter, $0, "step") } ?? 1
    if step == 1 {
      if width > 0 { return .integer(start + twister.below(width)) }
      throw Interpreter.valueError("empty range for randrange() (\(start), \(stop), \(width))")
    }
    let count: BigInt
    if step > 0 {
      count = floorDivide(width + step - 1, step)
    } else if step < 0 {
      count = floorDivide(width + step + 1, step)
    } else {
      throw Interpreter.valueError("zero step for randrange()")
    }
    if count <= 0 { throw Interpreter.valueError("empty range for randrange()") }
    return .integer(start + step * twister.below(count))
  }

  private static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
    let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
    return (remainder != 0 && (remainder < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  private static func isSequence(_ value: Value) -> Bool {
    switch value {
    case .list, .tuple, .str, .bytes: return true
    case .object(let object): return object is RangeObject
    default: return false
    }
  }

  static func sample(
    _ interpreter: Interpreter, _ twister: MersenneTwister, _ population: Value, _ kValue: Value, _ counts: Value
  ) throws -> [Value] {
    guard isSequence(population) else {
      throw Interpreter.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
    }
    let n = try interpreter.length(population)
    if !counts.isNone {
      var cumulative: [Value] = []
      var total: Value = .int(0)
      try interpreter.forEach(counts) { count in
        total = cumulative.isEmpty ? count : try interpreter.binary(.add, total, count)
        cumulative.append(total)
        return true
      }
      if cumulative.count != n { throw Interpreter.valueError("The number of counts does not match the population") }
      let last = cumulative.removeLast()
      switch last {
      case .int, .bigInt, .bool: break
      default: throw Interpreter.typeError("Counts must be integers")
      }
      if try !interpreter.order(.gt, last, .int(0)) {
        throw Interpreter.valueError("Total of counts must be greater than zero")
      }
      let selections = try sample(
        interpreter, twister, .object(RangeObject(start: 0, stop: try interpreter.asIndex(last, "total"), step: 1)),
        kValue, Value.none)
      return try selections.map { selection in
        try interpreter.getItem(
          population, .int(try bisectRight(interpreter, cumulative, selection, 0, cumulative.count)))
      }
    }
    let k = try interpreter.asIndex(kValue, "k")
    guard 0 <= k && k <= n else { throw Interpreter.valueError("Sample larger than population or is negative") }
    var result: [Value] = []
    result.reserveCapacity(k)
    var setSize = 21
    if k > 5 {
      let exponent = Int((Foundation.log(Double(k * 3)) / Foundation.log(4.0)).rounded(.up))
      setSize += Int(pow(4.0, Double(exponent)))
    }
    if n <= setSize {
      var pool = try interpreter.iterateToArray(population)
      for i in 0..<k {
        let j = twister.below(n - i)
        result.append(pool[j])
        pool[j] = pool[n - i - 1]
      }
    } else {
      var selected = Set<Int>()
      for _ in 0..<k {
        var j = twister.below(n)
        while selected.contains(j) { j = twister.below(n) }
        selected.insert(j)
        result.append(try interpreter.getItem(population, .int(j)))
      }
    }
    return result
  }

  private static func bisectRight(_ interpreter: Interpreter, _ items: [Value], _ value: Value, _ low: Int, _ high: Int)
    throws -> Int
  {
    var low = low
    var high = high
    while low < high {
      let middle = (low + high) / 2
      if try interpreter.order(.lt, value, items[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  static func choices(
    _ interpreter: Interpreter, _ twister: MersenneTwister, _ population: Value, _ weights: Value,
    _ cumulativeValue: Value, _ k: Int
  ) throws -> [Value] {
    let n = try interpreter.length(population)
    var cumulative: [Value] = []
    if cumulativeValue.isNone {
      if weights.isNone {
        let size = Double(n)
        return try (0..<max(0, k)).map { _ in
          try interpreter.getItem(population, .int(Int((twister.random() * size).rounded(.down))))
        }
      }
      if case .int(let number) = weights {
        throw Interpreter.typeError("The number of choices must be a keyword argument: k=\(number)")
      }
      var total: Value = .int(0)
      try interpreter.forEach(weights) { weight in
        total = cumulative.isEmpty ? weight : try interpreter.binary(.add, total, weight)
        cumulative.append(total)
        return true
      }
    } else if !weights.isNone {
      throw Interpreter.typeError("Cannot specify both weights and cumulative weights")
    } else {
      cumulative = try interpreter.iterateToArray(cumulativeValue)
    }
    if cumulative.count != n { throw Interpreter.valueError("The number of weights does not match the population") }
    guard let last = cumulative.last else { throw Interpreter.indexError("list index out of range") }
    let total = try MathModule.number(try interpreter.binary(.add, last, .float(0)), "choices")
    if total <= 0 { throw Interpreter.valueError("Total of weights must be greater than zero") }
    if !total.isFinite { throw Interpreter.valueError("Total of weights must be finite") }
    return try (0..<max(0, k)).map { _ in
      let point = Value.float(twister.random() * total)
      return try interpreter.getItem(population, .int(try bisectRight(interpreter, cumulative, point, 0, n - 1)))
    }
  }
}

/// MT19937 exactly as CPython's `_random` module uses it (seeding by `init_by_array`,
/// 53-bit floats from two outputs, `getrandbits` word order).
final class MersenneTwister: PyObject {
  private var state = [UInt32](repeating: 0, count: 624)
  private var index = 625
  /// `Random.gauss` keeps its second value here.
  var gaussNext: Double?

  private func initialize(_ seed: UInt32) {
    state[0] = seed
    for i in 1..<624 {
      state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
    }
    index = 624
  }

  func seed(key: [UInt32]) {
    initialize(19_650_218)
    var i = 1
    var j = 0
    for _ in 0..<max(624, key.count) {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
      i += 1
      j += 1
      if i >= 624 {
        state[0] = state[623]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<623 {
      state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= 624 {
        state[0] = state[623]
        i = 1
      }
    }
    state[0] = 0x8000_0000
    index = 624
    gaussNext = nil
  }

  /// Seeds from a non-negative integer: its 32-bit words, least significant first.
  func seed(integer: BigInt) {
    var magnitude = integer.magnitude
    var key: [UInt32] = []
    while magnitude > 0 {
      key.append(UInt32(truncatingIfNeeded: magnitude & 0xFFFF_FFFF))
      magnitude >>= 32
    }
    seed(key: key.isEmpty ? [0] : key)
  }

  func seedFromSystem() {
    var generator = SystemRandomNumberGenerator()
    seed(key: (0..<624).map { _ in UInt32(truncatingIfNeeded: generator.next()) })
  }

  /// `random.seed(a, version)`: None from the system; ints by value; floats by their hash;
  /// str and bytes (version 2) as `int.from_bytes(a + sha512(a).digest())`.
  func seed(_ interpreter: Interpreter, _ value: Value, version: Int) throws {
    switch value {
    case .none: seedFromSystem()
    case .int, .bool, .bigInt:
      seed(integer: NumericValue(value)!.bigInt)
    case .float(let number):
      seed(integer: BigInt(UInt64(bitPattern: Int64(MersenneTwister.pythonHash(number)))))
    case .str, .bytes:
      var data: [UInt8]
      if case .str(let text) = value {
        data = Array(text.utf8)
      } else if case .bytes(let bytes) = value {
        data = bytes
      } else {
        data = []
      }
      if version == 1 {
        let scalars: [UInt32] = {
          if case .str(let text) = value { return text.unicodeScalars.map(\.value) }
          return data.map { UInt32($0) }
        }()
        var x: UInt64 = scalars.first.map { UInt64($0) << 7 } ?? 0
        for scalar in scalars { x = (1_000_003 &* x) ^ UInt64(scalar) }
        x ^= UInt64(scalars.count)
        seed(integer: BigInt(x))
        gaussNext = nil
        return
      }
      data += SHA512.digest(data)
      var number = BigInt(0)
      for byte in data { number = (number << 8) | BigInt(byte) }
      seed(integer: number)
    default:
      throw Interpreter.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
    }
    gaussNext = nil
  }

  /// CPython's `hash(float)` (`_Py_HashDouble`) for finite values and infinities.
  static func pythonHash(_ value: Double) -> Int {
    if value.isInfinite { return value > 0 ? 314_159 : -314_159 }
    if value.isNaN { return 0 }
    let modulus: UInt64 = (1 << 61) - 1
    var exponent: Int32 = 0
    var mantissa = frexp(value, &exponent)
    var sign: Int = 1
    if mantissa < 0 {
      sign = -1
      mantissa = -mantissa
    }
    var x: UInt64 = 0
    var e = Int(exponent)
    while mantissa != 0 {
      x = ((x << 28) & modulus) | x >> (61 - 28)
      mantissa *= 268_435_456.0
      e -= 28
      let y = UInt64(mantissa)
      mantissa -= Double(y)
      x += y
      if x >= modulus { x -= modulus }
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
    x = ((x << UInt64(e)) & modulus) | x >> UInt64(61 - e)
    var result = Int(bitPattern: UInt(x)) &* sign
    if result == -1 { result = -2 }
    return result
  }

  func next() -> UInt32 {
    if index >= 624 {
      if index == 625 { initialize(5489) }
      for k in 0..<624 {
        let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
        state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_B0DF)
      }
      index = 0
    }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  func random() -> Double {
    let a = Double(next() >> 5)
    let b = Double(next() >> 6)
    return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// `getrandbits(k)`: 32-bit outputs, least significant word first, the last one shifted.
  func bits(_ count: Int) -> BigInt {
    if count <= 0 { return 0 }
    if count <= 32 { return BigInt(next() >> (32 - UInt32(count))) }
    var result = BigInt(0)
    var remaining = count
    var shift = 0
    while remaining > 0 {
      var word = next()
      if remaining < 32 { word >>= (32 - UInt32(remaining)) }
      result |= BigInt(word) << shift
      shift += 32
      remaining -= 32
    }
    return result
  }

  private func smallBits(_ count: Int) -> UInt64 {
    if count <= 32 { return UInt64(next() >> (32 - UInt32(count))) }
    let low = UInt64(next())
    let high = UInt64(next() >> (64 - UInt32(count)))
    return low | high << 32
  }

  /// `_randbelow(n)` for `n > 0`.
  func below(_ n: Int) -> Int {
    let count = Int.bitWidth - n.leadingZeroBitCount
    var r = smallBits(count)
    while r >= UInt64(n) { r = smallBits(count) }
    return Int(r)
  }

  func below(_ n: BigInt) -> BigInt {
    if let small = Int(exactly: n) { return BigInt(below(small)) }
    let count = n.magnitude.bitWidth
    var r = bits(count)
    while r >= n { r = bits(count) }
    return r
  }
}

/// SHA-512 (FIPS 180-4), for `random.seed` of strings and bytes.
enum SHA512 {
  private static let k: [UInt64] = [
    0x428a_2f98_d728_ae22, 0x7137_4491_23ef_65cd, 0xb5c0_fbcf_ec4d_3b2f, 0xe9b5_dba5_8189_dbbc, 0x3956_c25b_f348_b538,
    0x59f1_11f1_b605_d019, 0x923f_82a4_af19_4f9b, 0xab1c_5ed5_da6d_8118, 0xd807_aa98_a303_0242, 0x1283_5b01_4570_6fbe,
    0x2431_85be_4ee4_b28c, 0x550c_7dc3_d5ff_b4e2, 0x72be_5d74_f27b_896f, 0x80de_b1fe_3b16_96b1, 0x9bdc_06a7_25c7_1235,
    0xc19b_f174_cf69_2694, 0xe49b_69c1_9ef1_4ad2, 0xefbe_4786_384f_25e3, 0x0fc1_9dc6_8b8c_d5b5, 0x240c_a1cc_77ac_9c65,
    0x2de9_2c6f_592b_0275, 0x4a74_84aa_6ea6_e483, 0x5cb0_a9dc_bd41_fbd4, 0x76f9_88da_8311_53b5, 0x983e_5152_ee66_dfab,
    0xa831_c66d_2db4_3210, 0xb003_27c8_98fb_213f, 0xbf59_7fc7_beef_0ee4, 0xc6e0_0bf3_3da8_8fc2, 0xd5a7_9147_930a_a725,
    0x06ca_6351_e003_826f, 0x1429_2967_0a0e_6e70, 0x27b7_0a85_46d2_2ffc, 0x2e1b_2138_5c26_c926, 0x4d2c_6dfc_5ac4_2aed,
    0x5338_0d13_9d95_b3df, 0x650a_7354_8baf_63de, 0x766a_0abb_3c77_b2a8, 0x81c2_c92e_47ed_aee6, 0x9272_2c85_1482_353b,
    0xa2bf_e8a1_4cf1_0364, 0xa81a_664b_bc42_3001, 0xc24b_8b70_d0f8_9791, 0xc76c_51a3_0654_be30, 0xd192_e819_d6ef_5218,
    0xd699_0624_5565_a910, 0xf40e_3585_5771_202a, 0x106a_a070_32bb_d1b8, 0x19a4_c116_b8d2_d0c8, 0x1e37_6c08_5141_ab53,
    0x2748_774c_df8e_eb99, 0x34b0_bcb5_e19b_48a8, 0x391c_0cb3_c5c9_5a63, 0x4ed8_aa4a_e341_8acb, 0x5b9c_ca4f_7763_e373,
    0x682e_6ff3_d6b2_b8a3, 0x748f_82ee_5def_b2fc, 0x78a5_636f_4317_2f60, 0x84c8_7814_a1f0_ab72, 0x8cc7_0208_1a64_39ec,
    0x90be_fffa_2363_1e28, 0xa450_6ceb_de82_bde9, 0xbef9_a3f7_b2c6_7915, 0xc671_78f2_e372_532b, 0xca27_3ece_ea26_619c,
    0xd186_b8c7_21c0_c207, 0xeada_7dd6_cde0_eb1e, 0xf57d_4f7f_ee6e_d178, 0x06f0_67aa_7217_6fba, 0x0a63_7dc5_a2c8_98a6,
    0x113f_9804_bef9_0dae, 0x1b71_0b35_131c_471b, 0x28db_77f5_2304_7d84, 0x32ca_ab7b_40c7_2493, 0x3c9e_be0a_15c9_bebc,
    0x431d_67c4_9c10_0d4c, 0x4cc5_d4be_cb3e_42b6, 0x597f_299c_fc65_7e2a, 0x5fcb_6fab_3ad6_faec, 0x6c44_198c_4a47_5817,
  ]

  static func digest(_ message: [UInt8]) -> [UInt8] {
    var h: [UInt64] = [
      0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
      0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
    ]
    var data = message
    data.append(0x80)
    while data.count % 128 != 112 { data.append(0) }
    data += [UInt8](repeating: 0, count: 8)
    let bitLength = UInt64(message.count) &* 8
    for shift in stride(from: 56, through: 0, by: -8) {
      data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    func rotate(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }
    var w = [UInt64](repeating: 0, count: 80)
    for block in stride(from: 0, to: data.count, by: 128) {
      for t in 0..<16 {
        var word: UInt64 = 0
        for b in 0..<8 { word = word << 8 | UInt64(data[block + t * 8 + b]) }
        w[t] = word
      }
      for t in 16..<80 {
        let s0 = rotate(w[t - 15], 1) ^ rotate(w[t - 15], 8) ^ (w[t - 15] >> 7)
        let s1 = rotate(w[t - 2], 19) ^ rotate(w[t - 2], 61) ^ (w[t - 2] >> 6)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
      for t in 0..<80 {
        let s1 = rotate(e, 14) ^ rotate(e, 18) ^ rotate(e, 41)
        let choose = (e & f) ^ (~e & g)
        let temp1 = hh &+ s1 &+ choose &+ k[t] &+ w[t]
        let s0 = rotate(a, 28) ^ rotate(a, 34) ^ rotate(a, 39)
        let majority = (a & b) ^ (a & c) ^ (b & c)
        let temp2 = s0 &+ majority
        (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
      }
      h[0] = h[0] &+ a
      h[1] = h[1] &+ b
      h[2] = h[2] &+ c
      h[3] = h[3] &+ d
      h[4] = h[4] &+ e
      h[5] = h[5] &+ f
      h[6] = h[6] &+ g
      h[7] = h[7] &+ hh
    }
    return h.flatMap { word in
      stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: word >> UInt64($0)) }
    }
  }
}
