import BigInt

/// printf-style formatting, `template % arguments`, as CPython's `PyUnicode_Format`
/// (`Objects/unicodeobject.c`): the same order of argument consumption, the same quirks (a
/// mapping given as the only argument is never "not all converted"), the same messages.
extension PythonFormat {
  /// `template % arguments`: a tuple gives the arguments, anything else is the only one.
  static func percent(_ template: String, _ arguments: Value, _ interpreter: Interpreter) throws -> String {
    var formatter = PercentFormatter(template: Array(template.utf8), arguments: arguments)
    return try formatter.run(interpreter)
  }
}

/// The state of one `%` operation (`struct unicode_formatter_t`). The template is walked as
/// UTF-8: every directive is ASCII, and only error messages need code-point positions.
private struct PercentFormatter {
  let template: [UInt8]
  var position = 0
  /// The current argument source: the tuple, the single argument, or a mapping's value.
  var arguments: Value
  /// The mapping given as the only argument (`%(name)s` reads it), if it is one.
  let mapping: Value?
  /// Number of arguments, or -1 for a single argument.
  var count: Int
  /// Next argument: -2 before a single argument is used, -1 after.
  var next: Int
  var output: [UInt8] = []

  init(template: [UInt8], arguments: Value) {
    self.template = template
    self.arguments = arguments
    if case .tuple(let items) = arguments {
      count = items.count
      next = 0
    } else {
      count = -1
      next = -2
    }
    mapping = PercentFormatter.isMapping(arguments) ? arguments : nil
    output.reserveCapacity(template.count + 16)
  }

  /// `PyMapping_Check` without `tuple` and `str`: anything with `__getitem__`.
  static func isMapping(_ value: Value) -> Bool {
    switch value {
    case .dict, .list, .bytes: return true
    case .object(let object):
      if object is RangeObject { return true }
      return object is Instance && object.pyType.lookup("__getitem__") != nil
    default: return false
    }
  }

  /// One conversion (`struct unicode_format_arg_t`).
  struct Conversion {
    var character = UInt8(ascii: " ")
    var leftAdjust = false
    var sign = false
    var blank = false
    var alternate = false
    var zero = false
    var width = -1
    var precision = -1
    /// Whether the converted text is a number whose sign the padding must respect.
    var numeric = false
  }

  mutating func run(_ interpreter: Interpreter) throws -> String {
    let percent = UInt8(ascii: "%")
    while position < template.count {
      let start = position
      while position < template.count && template[position] != percent { position += 1 }
      if position > start { output += template[start..<position] }
      guard position < template.count else { break }
      position += 1
      try formatOne(interpreter)
    }
    if next < count && mapping == nil {
      throw Interpreter.typeError("not all arguments converted during string formatting")
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// `unicode_format_getnextarg`.
  mutating func nextArgument() throws -> Value {
    guard next < count else { throw Interpreter.typeError("not enough arguments for format string") }
    defer { next += 1 }
    if count < 0 { return arguments }
    guard case .tuple(let items) = arguments else { return arguments }
    return items[next]
  }

  /// The next byte of the conversion, or nil at the end of the template.
  mutating func read() -> UInt8? {
    guard position < template.count else { return nil }
    defer { position += 1 }
    return template[position]
  }

  /// `unicode_format_arg`.
  mutating func formatOne(_ interpreter: Interpreter) throws {
    if position < template.count && template[position] == UInt8(ascii: "%") {
      position += 1
      output.append(UInt8(ascii: "%"))
      return
    }
    var conversion = try parse(interpreter)
    let value = try nextArgument()
    write(try convert(value, &conversion, interpreter), conversion)
    if mapping != nil && next < count {
      throw Interpreter.typeError("not all arguments converted during string formatting")
    }
  }

  static func digit(_ byte: UInt8?) -> Int? {
    guard let byte, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
    return Int(byte) - 48
  }

  /// `unicode_format_arg_parse`: `(key)`, flags, width, precision, length modifier, type.
  mutating func parse(_ interpreter: Interpreter) throws -> Conversion {
    var conversion = Conversion()
    if position < template.count && template[position] == UInt8(ascii: "(") {
      guard let mapping else { throw Interpreter.typeError("format requires a mapping") }
      position += 1
      let keyStart = position
      var depth = 1
      while depth > 0, position < template.count {
        if template[position] == UInt8(ascii: ")") {
          depth -= 1
        } else if template[position] == UInt8(ascii: "(") {
          depth += 1
        }
        position += 1
      }
      if depth > 0 { throw Interpreter.valueError("incomplete format key") }
      let key = String(decoding: template[keyStart..<(position - 1)], as: UTF8.self)
      arguments = try interpreter.getItem(mapping, .str(key))
      count = -1
      next = -2
    }
    var character = read()
    flags: while let flag = character {
      switch flag {
      case UInt8(ascii: "-"): conversion.leftAdjust = true
      case UInt8(ascii: "+"): conversion.sign = true
      case UInt8(ascii: " "): conversion.blank = true
      case UInt8(ascii: "#"): conversion.alternate = true
      case UInt8(ascii: "0"): conversion.zero = true
      default: break flags
      }
      character = read()
    }
    if character == UInt8(ascii: "*") {
      guard let width = Int(exactly: try starArgument()) else {
        throw Interpreter.overflowError("Python int too large to convert to C ssize_t")
      }
      conversion.width = width == Int.min ? Int.max : abs(width)
      if width < 0 { conversion.leftAdjust = true }
      character = read()
    } else if let digit = PercentFormatter.digit(character) {
      conversion.width = digit
      character = read()
      while let digit = PercentFormatter.digit(character) {
        guard conversion.width <= (Int.max - digit) / 10 else { throw Interpreter.valueError("width too big") }
        conversion.width = conversion.width * 10 + digit
        character = read()
      }
    }
    if character == UInt8(ascii: ".") {
      conversion.precision = 0
      character = read()
      if character == UInt8(ascii: "*") {
        let precision = try starArgument()
        guard precision <= BigInt(Int32.max), precision >= BigInt(Int32.min) else {
          throw Interpreter.overflowError("Python int too large to convert to C int")
        }
        conversion.precision = max(0, Int(precision))
        character = read()
      } else if let digit = PercentFormatter.digit(character) {
        conversion.precision = digit
        character = read()
        while let digit = PercentFormatter.digit(character) {
          guard conversion.precision <= (Int(Int32.max) - digit) / 10 else {
            throw Interpreter.valueError("precision too big")
          }
          conversion.precision = conversion.precision * 10 + digit
          character = read()
        }
      }
    }
    if character == UInt8(ascii: "h") || character == UInt8(ascii: "l") || character == UInt8(ascii: "L") {
      character = read()
    }
    guard let character else { throw Interpreter.valueError("incomplete format") }
    conversion.character = character
    return conversion
  }

  /// A `*` width or precision.
  mutating func starArgument() throws -> BigInt {
    switch try nextArgument() {
    case .int(let number): return BigInt(number)
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box): return box.value
    default: throw Interpreter.typeError("* wants int")
    }
  }

  /// `unicode_format_arg_format`: the converted text.
  func convert(_ value: Value, _ conversion: inout Conversion, _ interpreter: Interpreter) throws -> String {
    switch conversion.character {
    case UInt8(ascii: "s"): return try interpreter.str(value)
    case UInt8(ascii: "r"): return try interpreter.repr(value)
    case UInt8(ascii: "a"): return BuiltinFunctions.asciiOnly(try interpreter.repr(value))
    case UInt8(ascii: "i"), UInt8(ascii: "d"), UInt8(ascii: "u"), UInt8(ascii: "o"), UInt8(ascii: "x"),
      UInt8(ascii: "X"):
      conversion.numeric = true
      return try formatInteger(value, conversion, interpreter)
    case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"),
      UInt8(ascii: "G"):
      conversion.numeric = true
      let number = try PercentFormatter.realNumber(value, interpreter)
      return PythonFormat.doubleToString(
        number, Unicode.Scalar(conversion.character), conversion.precision < 0 ? 6 : conversion.precision,
        alternate: conversion.alternate)
    case UInt8(ascii: "c"):
      return String(try PercentFormatter.character(value))
    default:
      // The conversion character started at `position - 1`; CPython counts code points.
      let start = position - 1
      let scalar = PythonFormat.decodeScalar(template, at: start)
      let index = String(decoding: template[..<start], as: UTF8.self).unicodeScalars.count
      let shown = (31...126).contains(scalar.value) ? String(scalar) : "?"
      throw Interpreter.valueError(
        "unsupported format character '\(shown)' (0x\(String(scalar.value, radix: 16))) at index \(index)")
    }
  }

  /// `PyFloat_AsDouble`.
  static func realNumber(_ value: Value, _ interpreter: Interpreter) throws -> Double {
    switch value {
    case .float(let number): return number
    case .int(let number): return Double(number)
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box): return try PythonFormat.Integer.big(box.value).toDouble()
    default:
      if let result = try interpreter.callSpecial(value, "__float__", []) {
        guard case .float(let number) = result else {
          throw Interpreter.typeError(
            "\(Runtime.typeName(value)).__float__ returned non-float (type \(Runtime.typeName(result)))")
        }
        return number
      }
      if let result = try interpreter.callSpecial(value, "__index__", []) { return try realNumber(result, interpreter) }
      throw Interpreter.typeError("must be real number, not \(Runtime.typeName(value))")
    }
  }

  /// `formatchar`.
  static func character(_ value: Value) throws -> Unicode.Scalar {
    switch value {
    case .str(let text):
      let scalars = text.unicodeScalars
      if scalars.count == 1, let first = scalars.first { return first }
    case .int, .bigInt, .bool:
      if let code = Runtime.smallInt(value), (0...0x10FFFF).contains(code), let scalar = Unicode.Scalar(UInt32(code)) {
        return scalar
      }
      throw Interpreter.overflowError("%c arg not in range(0x110000)")
    default:
      break
    }
    throw Interpreter.typeError("%c requires int or char")
  }

  /// `mainformatlong` and `_PyUnicode_FormatLong`: sign, `0x`/`0o` prefix with `#`, digits
  /// zero-padded to the precision.
  func formatInteger(_ value: Value, _ conversion: Conversion, _ interpreter: Interpreter) throws -> String {
    let type = Unicode.Scalar(conversion.character)
    let hexOrOctal = type == "o" || type == "x" || type == "X"
    func wrongType() -> ScriptException {
      Interpreter.typeError(
        "%\(type) format: \(hexOrOctal ? "an integer" : "a real number") is required, not \(Runtime.typeName(value))"
      )
    }
    var integer = value
    switch value {
    case .int, .bigInt, .bool: break
    case .float:
      guard !hexOrOctal else { throw wrongType() }
      var arguments = CallArguments([value])
      integer = try Conversions.int(interpreter, &arguments)
    case .object(let object) where object is Instance:
      let type = object.pyType
      guard type.lookup("__index__") != nil || type.lookup("__int__") != nil || type.lookup("__float__") != nil else {
        throw wrongType()
      }
      if hexOrOctal {
        guard let result = try interpreter.callSpecial(value, "__index__", []) else { throw wrongType() }
        integer = result
      } else {
        guard
          let result = try interpreter.callSpecial(value, "__int__", [])
            ?? interpreter.callSpecial(value, "__index__", [])
        else { throw wrongType() }
        integer = result
      }
    default:
      throw wrongType()
    }
    let number: PythonFormat.Integer
    switch integer {
    case .int(let small): number = .small(small)
    case .bool(let flag): number = .small(flag ? 1 : 0)
    case .bigInt(let box): number = .big(box.value)
    default: throw wrongType()
    }
    let radix = type == "o" ? 8 : hexOrOctal ? 16 : 10
    var digits = number.magnitudeDigits(radix: radix)
    if conversion.precision > digits.utf8.count {
      digits = String(repeating: "0", count: conversion.precision - digits.utf8.count) + digits
    }
    var prefix = ""
    if conversion.alternate && hexOrOctal { prefix = type == "o" ? "0o" : "0x" }
    let text = (number.isNegative ? "-" : "") + prefix + digits
    return type == "X" ? text.uppercased() : text
  }

  /// `unicode_format_arg_output`: truncation for `s r a`, the sign, `#` prefixes and padding.
  mutating func write(_ text: String, _ conversion: Conversion) {
    let character = conversion.character
    let truncates = character == UInt8(ascii: "s") || character == UInt8(ascii: "r") || character == UInt8(ascii: "a")
    if conversion.width < 0 && (conversion.precision < 0 || !truncates) && !conversion.sign && !conversion.blank {
      output += text.utf8
      return
    }
    var bytes = Array(text.utf8)
    func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
    if truncates, conversion.precision >= 0 {
      var seen = 0
      for (offset, byte) in bytes.enumerated() where isLead(byte) {
        if seen == conversion.precision {
          bytes.removeSubrange(offset...)
          break
        }
        seen += 1
      }
    }
    let fill = conversion.numeric && conversion.zero ? UInt8(ascii: "0") : UInt8(ascii: " ")
    var signCharacter: UInt8?
    var body = bytes[...]
    if conversion.numeric {
      if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        signCharacter = first
        body = body.dropFirst()
      } else if conversion.sign {
        signCharacter = UInt8(ascii: "+")
      } else if conversion.blank {
        signCharacter = UInt8(ascii: " ")
      }
    }
    var length = body.reduce(0) { $0 + (isLead($1) ? 1 : 0) }
    var width = max(conversion.width, length)
    let space = UInt8(ascii: " ")
    if let signCharacter {
      if fill != space { output.append(signCharacter) }
      if width > length { width -= 1 }
    }
    let prefixed =
      conversion.alternate
      && (character == UInt8(ascii: "x") || character == UInt8(ascii: "X") || character == UInt8(ascii: "o"))
    var prefix: ArraySlice<UInt8> = []
    if prefixed {
      prefix = body.prefix(2)
      body = body.dropFirst(2)
      if fill != space { output += prefix }
      width = max(0, width - 2)
      length -= 2
    }
    if width > length && !conversion.leftAdjust {
      output.append(contentsOf: repeatElement(fill, count: width - length))
      width = length
    }
    if fill == space {
      if let signCharacter { output.append(signCharacter) }
      if prefixed { output += prefix }
    }
    output += body
    if width > length { output.append(contentsOf: repeatElement(space, count: width - length)) }
  }
}
