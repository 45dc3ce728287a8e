import BigInt
import Foundation

/// The constructors `int()`, `float()`, `str()`, `bytes()` and `range()`.
enum Conversions {
  static func int(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    var reader = ArgumentReader("int", arguments)
    let value = try reader.value(0, "x")
    let base = try reader.value(1, "base")
    try reader.finish(maximum: 2)
    guard let value else { return .int(0) }
    if let base {
      guard case .str(let text) = value else {
        throw Interpreter.typeError("int() can't convert non-string with explicit base")
      }
      return try parseInt(text, base: try interpreter.asIndex(base, "base"))
    }
    switch value {
    case .int, .bigInt: return value
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .float(let number):
      if number.isNaN { throw Interpreter.valueError("cannot convert float NaN to integer") }
      if number.isInfinite { throw Interpreter.overflowError("cannot convert float infinity to integer") }
      return .integer(BigInt(number.rounded(.towardZero)))
    case .str(let text): return try parseInt(text, base: 10)
    case .bytes(let data): return try parseInt(String(decoding: data, as: UTF8.self), base: 10)
    default:
      if let result = try interpreter.callSpecial(value, "__int__", []) { return result }
      if let result = try interpreter.callSpecial(value, "__index__", []) { return result }
      throw Interpreter.typeError(
        "int() argument must be a string, a bytes-like object or a real number, not '\(Runtime.typeName(value))'")
    }
  }

  /// The value of a digit letter beyond `f` (bases up to 36).
  static func letterValue(_ character: Character) -> Int? {
    guard let ascii = character.asciiValue, character.isLetter else { return nil }
    return Int(ascii | 0x20) - Int(UInt8(ascii: "a")) + 10
  }

  /// An integer literal too large for `Int`.
  static func bigIntLiteral(_ digits: String, radix: Int) -> Value {
    .integer(BigInt(digits, radix: radix) ?? 0)
  }

  /// The value of up to 18 ASCII digits and nothing else (the common case of `int(text)`, which
  /// then needs no trimming, prefix or underscore handling), or nil.
  static func plainDecimal(_ text: String) -> Int? {
    var value = 0
    var count = 0
    for byte in text.utf8 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 18 else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      count += 1
    }
    return count == 0 ? nil : value
  }

  /// `int(text, base)` with Python's syntax: blanks around, sign, `_` between digits, prefixes.
  static func parseInt(_ text: String, base: Int) throws -> Value {
    if base == 10, let value = plainDecimal(text) { return .int(value) }
    let failure = Interpreter.valueError("invalid literal for int() with base \(base): \(PythonRepr.string(text))")
    guard base == 0 || (2...36).contains(base) else {
      throw Interpreter.valueError("int() base must be >= 2 and <= 36, or 0")
    }
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    var radix = base
    let lower = body.lowercased()
    for (prefix, prefixRadix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
      if base == 0 || base == prefixRadix {
        radix = prefixRadix
        body = body.dropFirst(2)
        if body.first == "_" { body = body.dropFirst() }
      }
    }
    if radix == 0 {
      radix = 10
      if body.count > 1, body.first == "0", body.contains(where: { $0 != "0" && $0 != "_" }) { throw failure }
    }
    guard !body.isEmpty, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__") else { throw failure }
    var magnitude = BigInt(0)
    var small = 0
    var overflowed = false
    for character in body where character != "_" {
      guard let digit = character.hexDigitValue ?? Conversions.letterValue(character), digit < radix else {
        throw failure
      }
      if !overflowed {
        let (product, overflow1) = small.multipliedReportingOverflow(by: radix)
        let (sum, overflow2) = product.addingReportingOverflow(digit)
        if overflow1 || overflow2 {
          overflowed = true
          magnitude = BigInt(small) * BigInt(radix) + BigInt(digit)
        } else {
          small = sum
        }
      } else {
        magnitude = magnitude * BigInt(radix) + BigInt(digit)
      }
    }
    if !overflowed { magnitude = BigInt(small) }
    return .integer(negative ? -magnitude : magnitude)
  }

  static func float(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    try ArgumentReader.exactlyAtMost(1, "float", arguments)
    guard let value = arguments.positional.first else { return .float(0) }
    switch value {
    case .float: return value
    case .int(let number): return .float(Double(number))
    case .bool(let flag): return .float(flag ? 1 : 0)
    case .bigInt(let box):
      let result = Interpreter.double(box.value)
      if result.isInfinite { throw Interpreter.overflowError("int too large to convert to float") }
      return .float(result)
    case .str(let text):
      if let parsed = parseFloat(text) { return .float(parsed) }
      throw Interpreter.valueError("could not convert string to float: \(PythonRepr.string(text))")
    default:
      if let result = try interpreter.callSpecial(value, "__float__", []) { return result }
      throw Interpreter.typeError(
        "float() argument must be a string or a real number, not '\(Runtime.typeName(value))'")
    }
  }

  static func parseFloat(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    switch trimmed {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan", "-nan": return .nan
    default: break
    }
    guard !trimmed.isEmpty, !trimmed.hasPrefix("_"), !trimmed.hasSuffix("_"), !trimmed.contains("__"),
      trimmed.allSatisfy({ "0123456789.e+-_".contains($0) })
    else { return nil }
    return Double(trimmed.filter { $0 != "_" })
  }

  static func str(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    var reader = ArgumentReader("str", arguments)
    let value = try reader.value(0, "object")
    let encoding = try reader.value(1, "encoding")
    let errors = try reader.value(2, "errors")
    try reader.finish(maximum: 3)
    guard let value else { return .str("") }
    if encoding != nil || errors != nil {
      guard case .bytes(let data) = value else { throw Interpreter.typeError("decoding str is not supported") }
      return .str(try Codecs.decode(data, encoding: encoding, errors: errors, interpreter))
    }
    return .str(try interpreter.str(value))
  }

  static func bytes(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    var reader = ArgumentReader("bytes", arguments)
    let value = try reader.value(0, "source")
    let encoding = try reader.value(1, "encoding")
    let errors = try reader.value(2, "errors")
    try reader.finish(maximum: 3)
    guard let value else { return .bytes([]) }
    switch value {
    case .str(let text):
      guard encoding != nil else { throw Interpreter.typeError("string argument without an encoding") }
      return .bytes(try Codecs.encode(text, encoding: encoding, errors: errors, interpreter))
    case .int(let count):
      if count < 0 { throw Interpreter.valueError("negative count") }
      return .bytes([UInt8](repeating: 0, count: count))
    case .bytes: return value
    default:
      return .bytes(
        try interpreter.iterateToArray(value).map { element in
          guard let byte = Runtime.smallInt(element), (0...255).contains(byte) else {
            throw Interpreter.valueError("bytes must be in range(0, 256)")
          }
          return UInt8(byte)
        })
    }
  }

  static func range(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    if !arguments.keywords.isEmpty { throw Interpreter.typeError("range() takes no keyword arguments") }
    let numbers = try arguments.positional.map { try interpreter.asIndex($0, "range") }
    switch numbers.count {
    case 1: return .object(RangeObject(start: 0, stop: numbers[0], step: 1))
    case 2: return .object(RangeObject(start: numbers[0], stop: numbers[1], step: 1))
    case 3:
      if numbers[2] == 0 { throw Interpreter.valueError("range() arg 3 must not be zero") }
      return .object(RangeObject(start: numbers[0], stop: numbers[1], step: numbers[2]))
    case 0: throw Interpreter.typeError("range expected at least 1 argument, got 0")
    default: throw Interpreter.typeError("range expected at most 3 arguments, got \(numbers.count)")
    }
  }
}

/// `str.encode` and `bytes.decode` for utf-8, ascii and latin-1 (LANGUAGE.md §8.4).
enum Codecs {
  static func name(_ encoding: Value?) throws -> String {
    guard let encoding else { return "utf-8" }
    guard case .str(let text) = encoding else { throw Interpreter.typeError("encoding must be str") }
    let normal = text.lowercased().replacingOccurrences(of: "_", with: "-")
    switch normal {
    case "utf-8", "utf8": return "utf-8"
    case "ascii", "us-ascii": return "ascii"
    case "latin-1", "latin1", "iso-8859-1", "iso8859-1": return "latin-1"
    default: throw Interpreter.error(BuiltinTypes.lookupError, "unknown encoding: \(text)")
    }
  }

  static func mode(_ errors: Value?) throws -> String {
    guard let errors else { return "strict" }
    guard case .str(let text) = errors else {
      throw Interpreter.error(BuiltinTypes.lookupError, "unknown error handler name")
    }
    switch text {
    case "strict", "replace", "ignore": return text
    // The handlers that only matter for characters an encoding cannot hold, or bytes it cannot
    // decode, act as "replace" (UTF-8 holds every character).
    case "backslashreplace", "surrogateescape", "xmlcharrefreplace", "namereplace", "surrogatepass": return "replace"
    default: throw Interpreter.error(BuiltinTypes.lookupError, "unknown error handler name '\(text)'")
    }
  }

  static func decode(_ data: [UInt8], encoding: Value?, errors: Value?, _ interpreter: Interpreter) throws -> String {
    let codec = try name(encoding)
    let handling = try mode(errors)
    switch codec {
    case "latin-1":
      return String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) }))
    case "ascii":
      var scalars = String.UnicodeScalarView()
      for (position, byte) in data.enumerated() {
        if byte < 0x80 {
          scalars.append(Unicode.Scalar(byte))
        } else if handling == "replace" {
          scalars.append("\u{FFFD}")
        } else if handling == "strict" {
          throw Interpreter.error(
            BuiltinTypes.unicodeDecodeError,
            "'ascii' codec can't decode byte 0x\(String(byte, radix: 16)) in position \(position): ordinal not in range(128)"
          )
        }
      }
      return String(scalars)
    default:
      if handling == "strict", String(validating: data, as: UTF8.self) == nil {
        throw Interpreter.error(BuiltinTypes.unicodeDecodeError, "'utf-8' codec can't decode bytes: invalid utf-8 data")
      }
      if handling == "ignore" {
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "")
      }
      return String(decoding: data, as: UTF8.self)
    }
  }

  static func encode(_ text: String, encoding: Value?, errors: Value?, _ interpreter: Interpreter) throws -> [UInt8] {
    let codec = try name(encoding)
    let handling = try mode(errors)
    if codec == "utf-8" { return Array(text.utf8) }
    let limit: UInt32 = codec == "ascii" ? 0x80 : 0x100
    var result: [UInt8] = []
    for (position, scalar) in text.unicodeScalars.enumerated() {
      if scalar.value < limit {
        result.append(UInt8(scalar.value))
      } else if handling == "replace" {
        result.append(UInt8(ascii: "?"))
      } else if handling == "strict" {
        throw Interpreter.error(
          BuiltinTypes.unicodeEncodeError,
          "'\(codec == "ascii" ? "ascii" : "latin-1")' codec can't encode character '\\u\(String(format: "%04x", scalar.value))' in position \(position): ordinal not in range(\(limit))"
        )
      }
    }
    return result
  }
}
