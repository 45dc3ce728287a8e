import BigInt
import Foundation

/// Python's string formatting: the format-spec mini-language (`format()`, f-strings,
/// `str.format`) and printf-style `%` formatting (`PythonFormat+Printf.swift`), with CPython
/// 3.11's results and messages. The code follows CPython's `Python/formatter_unicode.c`
/// closely (its names are kept in comments) so that the corner cases agree: zero padding that
/// is grouped (`format(1234, '08,')` is `'0,001,234'`), `'='` alignment as the default of
/// `0`, `'%'` multiplying before rounding, and so on.
enum PythonFormat {
  /// `format(value, spec)`: the value's `__format__`.
  static func format(_ value: Value, _ spec: String, _ interpreter: Interpreter) throws -> String {
    switch value {
    case .str(let text): return spec.isEmpty ? text : try formatString(text, spec)
    case .int(let number): return spec.isEmpty ? String(number) : try formatInteger(.small(number), spec, "int")
    case .bigInt(let box): return spec.isEmpty ? String(box.value) : try formatInteger(.big(box.value), spec, "int")
    case .bool(let flag):
      return spec.isEmpty ? (flag ? "True" : "False") : try formatInteger(.small(flag ? 1 : 0), spec, "bool")
    case .float(let number): return try formatFloat(number, spec, "float")
    default:
      let type = Runtime.type(of: value)
      if let owner = type.mro.first(where: { $0.dict["__format__"] != nil }), !owner.isBuiltin,
        let method = owner.dict["__format__"]
      {
        let result = try interpreter.call(method, [value, .str(spec)])
        guard case .str(let text) = result else {
          throw Interpreter.typeError("__format__ must return a str, not \(Runtime.typeName(result))")
        }
        return text
      }
      return try formatObject(value, spec, interpreter)
    }
  }

  /// `object.__format__`: `str(value)` for an empty spec, an error for any other.
  static func formatObject(_ value: Value, _ spec: String, _ interpreter: Interpreter) throws -> String {
    guard spec.isEmpty else {
      throw Interpreter.typeError("unsupported format string passed to \(Runtime.typeName(value)).__format__")
    }
    return try interpreter.str(value)
  }

  /// Adds `__format__` to `object`, `int`, `float` and `str`, so that `super().__format__(spec)`
  /// and `(5).__format__('x')` work as in CPython.
  static func install() {
    for type in [BuiltinTypes.object, BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.str] {
      BuiltinMethods.add(type, "__format__") { interpreter, arguments in
        let receiver = try BuiltinMethods.receiver(&arguments, type.name, "__format__")
        try ArgumentReader.exactly(1, "__format__", arguments)
        guard case .str(let spec) = arguments.positional[0] else {
          throw Interpreter.typeError(
            "__format__() argument must be str, not \(PythonFormat.clinicName(arguments.positional[0]))")
        }
        if type !== BuiltinTypes.object {
          switch receiver {
          case .str, .int, .bigInt, .bool, .float: return .str(try format(receiver, spec, interpreter))
          default: break
          }
        }
        return .str(try formatObject(receiver, spec, interpreter))
      }
    }
  }

  /// A type name as CPython's argument parsers print it: `None` for `None`.
  static func clinicName(_ value: Value) -> String {
    if case .none = value { return "None" }
    return Runtime.typeName(value)
  }

  // MARK: - The format specification

  /// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, parsed
  /// (`InternalFormatSpec`).
  struct Spec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    var sign: Unicode.Scalar?
    var noNegativeZero = false
    var alternate = false
    var width = -1
    /// The separator (`,` or `_`) and the size of its groups; nil without grouping.
    var grouping: (separator: Character, size: Int)?
    var precision = -1
    /// nil when no type was given and the type has no default (floats).
    var type: Unicode.Scalar?
  }

  /// `parse_internal_render_format_spec`, on the UTF-8 of the spec (everything but the fill
  /// character and a bad type is ASCII).
  static func parseSpec(_ text: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar, typeName: String)
    throws -> Spec
  {
    var utf8 = text
    return try utf8.withUTF8 { bytes in
      try parseSpec(bytes, text, defaultType: defaultType, defaultAlign: defaultAlign, typeName: typeName)
    }
  }

  private static func parseSpec(
    _ bytes: UnsafeBufferPointer<UInt8>, _ text: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar,
    typeName: String
  ) throws -> Spec {
    var position = 0
    var spec = Spec(align: defaultAlign, type: defaultType)
    func isAlign(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "^")
    }
    var alignGiven = false
    var fillGiven = false
    if let first = bytes.first {
      let fillLength = sequenceLength(first)
      if bytes.count > fillLength && isAlign(bytes[fillLength]) {
        spec.fill = decodeScalar(bytes, at: 0)
        spec.align = Unicode.Scalar(bytes[fillLength])
        fillGiven = true
        alignGiven = true
        position = fillLength + 1
      } else if isAlign(first) {
        spec.align = Unicode.Scalar(first)
        alignGiven = true
        position = 1
      }
    }
    func take(_ ascii: Unicode.Scalar) -> Bool {
      guard position < bytes.count && bytes[position] == UInt8(ascii.value) else { return false }
      position += 1
      return true
    }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
        || bytes[position] == UInt8(ascii: " ")
    {
      spec.sign = Unicode.Scalar(bytes[position])
      position += 1
    }
    if take("z") { spec.noNegativeZero = true }
    if take("#") { spec.alternate = true }
    if !fillGiven && take("0") {
      spec.fill = "0"
      if !alignGiven && defaultAlign == ">" { spec.align = "=" }
    }
    if let width = try readInteger(bytes, &position) { spec.width = width }
    var separator: Character?
    if take(",") { separator = "," }
    if take("_") {
      if separator != nil { throw Interpreter.valueError("Cannot specify both ',' and '_'.") }
      separator = "_"
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: ","), separator == "_" {
      throw Interpreter.valueError("Cannot specify both ',' and '_'.")
    }
    if take(".") {
      guard let precision = try readInteger(bytes, &position) else {
        throw Interpreter.valueError("Format specifier missing precision")
      }
      spec.precision = precision
    }
    if position < bytes.count {
      guard sequenceLength(bytes[position]) == bytes.count - position else {
        throw Interpreter.valueError("Invalid format specifier '\(text)' for object of type '\(typeName)'")
      }
      spec.type = decodeScalar(bytes, at: position)
    }
    if let separator {
      switch spec.type {
      case nil, "d", "e", "f", "g", "E", "G", "%", "F":
        spec.grouping = (separator, 3)
      case "b", "o", "x", "X":
        guard separator == "_" else { fallthrough }
        spec.grouping = (separator, 4)
      default:
        throw Interpreter.valueError("Cannot specify '\(separator)' with \(quoted(spec.type ?? "s")).")
      }
    }
    return spec
  }

  /// The length of the UTF-8 sequence that starts with `byte`.
  static func sequenceLength(_ byte: UInt8) -> Int {
    byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
  }

  /// The code point whose UTF-8 starts at `position` (the input is valid UTF-8).
  static func decodeScalar<C: Collection>(_ bytes: C, at position: C.Index) -> Unicode.Scalar
  where C.Element == UInt8 {
    let end =
      bytes.index(position, offsetBy: sequenceLength(bytes[position]), limitedBy: bytes.endIndex) ?? bytes.endIndex
    return String(decoding: bytes[position..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
  }

  /// `get_integer`: decimal digits at `position`, or nil when there are none.
  private static func readInteger(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws -> Int? {
    var result = 0
    var count = 0
    while position < bytes.count {
      let byte = bytes[position]
      let digit: Int
      let length: Int
      if byte < 0x80 {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
        (digit, length) = (Int(byte) - 48, 1)
      } else {
        guard let value = decimalValue(decodeScalar(bytes, at: position)) else { break }
        (digit, length) = (value, sequenceLength(byte))
      }
      let (product, overflow1) = result.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = product.addingReportingOverflow(digit)
      if overflow1 || overflow2 { throw Interpreter.valueError("Too many decimal digits in format string") }
      result = sum
      position += length
      count += 1
    }
    return count == 0 ? nil : result
  }

  /// The value of a decimal digit (any script's, as `Py_UNICODE_TODECIMAL`).
  static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
    if scalar.isASCII { return ("0"..."9").contains(scalar) ? Int(scalar.value) - 48 : nil }
    guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
    return Int(value)
  }

  /// A presentation type in an error message: `'x'`, or `'\x..'` outside printable ASCII.
  static func quoted(_ type: Unicode.Scalar) -> String {
    type.value > 32 && type.value < 128 ? "'\(Character(type))'" : "'\\x\(String(type.value, radix: 16))'"
  }

  static func unknownType(_ type: Unicode.Scalar, _ typeName: String) -> ScriptException {
    Interpreter.valueError("Unknown format code \(quoted(type)) for object of type '\(typeName)'")
  }

  // MARK: - Strings

  /// `format_string_internal`.
  static func formatString(_ text: String, _ specText: String) throws -> String {
    let spec = try parseSpec(specText, defaultType: "s", defaultAlign: "<", typeName: "str")
    guard spec.type == "s" else { throw unknownType(spec.type ?? "s", "str") }
    if let sign = spec.sign {
      throw Interpreter.valueError(
        sign == " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier")
    }
    if spec.noNegativeZero {
      throw Interpreter.valueError("Negative zero coercion (z) not allowed in string format specifier")
    }
    if spec.alternate { throw Interpreter.valueError("Alternate form (#) not allowed in string format specifier") }
    if spec.align == "=" { throw Interpreter.valueError("'=' alignment not allowed in string format specifier") }
    let scalars = text.unicodeScalars
    var count = scalars.count
    var body = text
    if spec.precision >= 0 && count > spec.precision {
      count = spec.precision
      body = String(scalars[..<scalars.index(scalars.startIndex, offsetBy: count)])
    }
    return pad(body, count: count, spec)
  }

  /// `calc_padding` for text of `count` code points.
  static func pad(_ text: String, count: Int, _ spec: Spec) -> String {
    let total = max(spec.width, count)
    guard total > count else { return text }
    let left: Int
    switch spec.align {
    case ">": left = total - count
    case "^": left = (total - count) / 2
    default: left = 0
    }
    let fill = String(Character(spec.fill))
    return String(repeating: fill, count: left) + text + String(repeating: fill, count: total - count - left)
  }

  // MARK: - Integers

  /// An `int` (or `bool`) to format: the common 64-bit case avoids `BigInt`.
  enum Integer {
    case small(Int)
    case big(BigInt)

    var isNegative: Bool {
      switch self {
      case .small(let number): return number < 0
      case .big(let number): return number.sign == .minus
      }
    }

    func magnitudeDigits(radix: Int) -> String {
      switch self {
      case .small(let number): return String(number.magnitude, radix: radix)
      case .big(let number): return String(number.magnitude, radix: radix)
      }
    }

    /// `PyNumber_Float`, with CPython's overflow error.
    func toDouble() throws -> Double {
      switch self {
      case .small(let number): return Double(number)
      case .big(let number):
        // `Double(BigInt)` truncates; parsing the decimal text rounds to nearest, as CPython.
        let result = Double(String(number)) ?? .infinity
        if !result.isFinite { throw Interpreter.overflowError("int too large to convert to float") }
        return result
      }
    }
  }

  /// `_PyLong_FormatAdvancedWriter` (the spec is not empty).
  static func formatInteger(_ value: Integer, _ specText: String, _ typeName: String) throws -> String {
    let spec = try parseSpec(specText, defaultType: "d", defaultAlign: ">", typeName: typeName)
    switch spec.type ?? "d" {
    case "b", "c", "d", "o", "x", "X", "n": return try formatIntegerInternal(value, spec)
    case "e", "E", "f", "F", "g", "G", "%": return try formatFloatInternal(try value.toDouble(), spec)
    case let type: throw unknownType(type, typeName)
    }
  }

  /// `format_long_internal`.
  private static func formatIntegerInternal(_ value: Integer, _ spec: Spec) throws -> String {
    if spec.precision != -1 { throw Interpreter.valueError("Precision not allowed in integer format specifier") }
    if spec.noNegativeZero {
      throw Interpreter.valueError("Negative zero coercion (z) not allowed in integer format specifier")
    }
    let type = spec.type ?? "d"
    if type == "c" {
      if spec.sign != nil { throw Interpreter.valueError("Sign not allowed with integer format specifier 'c'") }
      if spec.alternate {
        throw Interpreter.valueError("Alternate form (#) not allowed with integer format specifier 'c'")
      }
      guard case .small(let code) = value else {
        throw Interpreter.overflowError("Python int too large to convert to C long")
      }
      guard (0...0x10FFFF).contains(code), let scalar = Unicode.Scalar(UInt32(code)) else {
        throw Interpreter.overflowError("%c arg not in range(0x110000)")
      }
      return renderNumber(
        negative: false, prefix: [], digits: [], decimalPoint: false, remainder: Array(String(scalar).utf8)[...],
        remainderCount: 1, spec, upper: false)
    }
    let radix: Int
    var prefix: [UInt8] = []
    switch type {
    case "b": (radix, prefix) = (2, Array("0b".utf8))
    case "o": (radix, prefix) = (8, Array("0o".utf8))
    case "x", "X": (radix, prefix) = (16, Array("0x".utf8))
    default: radix = 10
    }
    if !spec.alternate { prefix = [] }
    let digits = value.magnitudeDigits(radix: radix)
    if spec.sign != "+" && spec.sign != " " && spec.width == -1 && type != "X" && spec.grouping == nil {
      return (value.isNegative ? "-" : "") + String(decoding: prefix, as: UTF8.self) + digits
    }
    return renderNumber(
      negative: value.isNegative, prefix: prefix, digits: Array(digits.utf8)[...], decimalPoint: false,
      remainder: [], remainderCount: 0, spec, upper: type == "X")
  }

  /// `calc_number_widths` and `fill_number`: the output is
  /// `<lpadding><sign><prefix><spadding><grouped digits><decimal point><remainder><rpadding>`.
  private static func renderNumber(
    negative: Bool, prefix: [UInt8], digits: ArraySlice<UInt8>, decimalPoint: Bool, remainder: ArraySlice<UInt8>,
    remainderCount: Int, _ spec: Spec, upper: Bool
  ) -> String {
    var sign: UInt8?
    switch spec.sign {
    case "+": sign = negative ? UInt8(ascii: "-") : UInt8(ascii: "+")
    case " ": sign = negative ? UInt8(ascii: "-") : UInt8(ascii: " ")
    default: sign = negative ? UInt8(ascii: "-") : nil
    }
    let fixed = (sign == nil ? 0 : 1) + prefix.count + (decimalPoint ? 1 : 0) + remainderCount
    let minimumWidth = spec.fill == "0" && spec.align == "=" ? spec.width - fixed : 0
    var grouped = digits.isEmpty ? [] : group(digits, minimumWidth: minimumWidth, spec.grouping)
    let padding = spec.width - (fixed + grouped.count)
    var left = 0
    var middle = 0
    var right = 0
    if padding > 0 {
      switch spec.align {
      case "<": right = padding
      case "^":
        left = padding / 2
        right = padding - left
      case "=": middle = padding
      default: left = padding
      }
    }
    var prefix = prefix
    if upper {
      for index in grouped.indices where grouped[index] >= UInt8(ascii: "a") { grouped[index] -= 32 }
      for index in prefix.indices where prefix[index] >= UInt8(ascii: "a") { prefix[index] -= 32 }
    }
    let fill = Array(String(spec.fill).utf8)
    var out: [UInt8] = []
    out.reserveCapacity(fill.count * max(padding, 0) + fixed + grouped.count + remainder.count)
    func pad(_ count: Int) {
      if fill.count == 1 {
        out.append(contentsOf: repeatElement(fill[0], count: count))
      } else {
        for _ in 0..<count { out += fill }
      }
    }
    pad(left)
    if let sign { out.append(sign) }
    out += prefix
    pad(middle)
    out += grouped
    if decimalPoint { out.append(UInt8(ascii: ".")) }
    out += remainder
    pad(right)
    return String(decoding: out, as: UTF8.self)
  }

  /// `_PyUnicode_InsertThousandsGrouping`: separators every `size` digits from the right, and
  /// leading zeros (grouped too) up to `minimumWidth` characters.
  private static func group(
    _ digits: ArraySlice<UInt8>, minimumWidth: Int, _ grouping: (separator: Character, size: Int)?
  ) -> [UInt8] {
    var minimumWidth = max(0, minimumWidth)
    guard let (separator, size) = grouping else {
      let zeros = max(0, minimumWidth - digits.count)
      return zeros == 0 ? Array(digits) : [UInt8](repeating: UInt8(ascii: "0"), count: zeros) + digits
    }
    // Built from the right, reversed at the end.
    var reversed: [UInt8] = []
    reversed.reserveCapacity(max(digits.count, minimumWidth) * 4 / 3 + 1)
    var remaining = digits.count
    var first = true
    while true {
      if !first { reversed.append(separator.asciiValue ?? UInt8(ascii: ",")) }
      first = false
      let length = min(size, max(remaining, minimumWidth, 1))
      let count = max(0, min(remaining, length))
      let start = digits.startIndex
      for index in stride(from: remaining - 1, through: remaining - count, by: -1) {
        reversed.append(digits[start + index])
      }
      reversed.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, length - remaining)))
      remaining -= count
      minimumWidth -= length
      if remaining <= 0 && minimumWidth <= 0 { break }
      minimumWidth -= 1
    }
    return reversed.reversed()
  }

  // MARK: - Floats

  /// `_PyFloat_FormatAdvancedWriter`.
  static func formatFloat(_ value: Double, _ specText: String, _ typeName: String) throws -> String {
    if specText.isEmpty { return PythonRepr.float(value) }
    let spec = try parseSpec(specText, defaultType: nil, defaultAlign: ">", typeName: typeName)
    switch spec.type {
    case nil, "e", "E", "f", "F", "g", "G", "n", "%": return try formatFloatInternal(value, spec)
    case let type?: throw unknownType(type, typeName)
    }
  }

  /// `format_float_internal`.
  private static func formatFloatInternal(_ value: Double, _ spec: Spec) throws -> String {
    if spec.precision > Int(Int32.max) { throw Interpreter.valueError("precision too big") }
    var value = value
    var precision = spec.precision
    var defaultPrecision = 6
    var addDotZero = false
    var type = spec.type ?? "r"
    if spec.type == nil {
      addDotZero = true
      defaultPrecision = 0
    }
    if type == "n" { type = "g" }
    var percent = false
    if type == "%" {
      type = "f"
      value *= 100
      percent = true
    }
    if precision < 0 {
      precision = defaultPrecision
    } else if type == "r" {
      type = "g"
    }
    var text = doubleBytes(
      value, type, precision, alternate: spec.alternate, addDotZero: addDotZero, noNegativeZero: spec.noNegativeZero)
    if percent { text.append(UInt8(ascii: "%")) }
    if spec.sign != "+" && spec.sign != " " && spec.width == -1 && spec.type != "n" && spec.grouping == nil {
      return String(decoding: text, as: UTF8.self)
    }
    var body = text[...]
    let negative = body.first == UInt8(ascii: "-")
    if negative { body = body.dropFirst() }
    let digits = body.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    var rest = body[digits.endIndex...]
    let decimalPoint = rest.first == UInt8(ascii: ".")
    if decimalPoint { rest = rest.dropFirst() }
    return renderNumber(
      negative: negative, prefix: [], digits: digits, decimalPoint: decimalPoint, remainder: rest,
      remainderCount: rest.count, spec, upper: false)
  }

  /// `PyOS_double_to_string`: `type` is one of `e E f F g G r` (`r` is repr's shortest form).
  static func doubleToString(
    _ value: Double, _ type: Unicode.Scalar, _ precision: Int, alternate: Bool = false, addDotZero: Bool = false,
    noNegativeZero: Bool = false
  ) -> String {
    String(
      decoding: doubleBytes(
        value, type, precision, alternate: alternate, addDotZero: addDotZero, noNegativeZero: noNegativeZero),
      as: UTF8.self)
  }

  /// `format_float_short`, as ASCII bytes.
  private static func doubleBytes(
    _ value: Double, _ type: Unicode.Scalar, _ precision: Int, alternate: Bool, addDotZero: Bool, noNegativeZero: Bool
  ) -> [UInt8] {
    let upper = type == "E" || type == "F" || type == "G"
    var precision = precision
    let code: Unicode.Scalar
    let mode: Int
    switch type {
    case "e", "E":
      (code, mode) = ("e", 2)
      precision += 1
    case "f", "F": (code, mode) = ("f", 3)
    case "g", "G":
      (code, mode) = ("g", 2)
      if precision == 0 { precision = 1 }
    default: (code, mode) = ("r", 0)
    }
    var sign = value.sign == .minus
    if value.isNaN { return Array((upper ? "NAN" : "nan").utf8) }
    if value.isInfinite { return Array(((sign ? "-" : "") + (upper ? "INF" : "inf")).utf8) }
    let (digits, decimalPosition) = decimalDigits(value.magnitude, mode: mode, count: precision)
    if noNegativeZero && sign && (digits.isEmpty || digits == [UInt8(ascii: "0")]) { sign = false }
    var decpt = decimalPosition
    var useExponent = false
    var end = digits.count
    switch code {
    case "e":
      useExponent = true
      end = precision
    case "f":
      end = decpt + precision
    case "g":
      if decpt <= -4 || decpt > (addDotZero ? precision - 1 : precision) { useExponent = true }
      if alternate { end = precision }
    default:
      if decpt <= -4 || decpt > 16 { useExponent = true }
    }
    var exponent = 0
    if useExponent {
      exponent = decpt - 1
      decpt = 1
    }
    let start = decpt <= 0 ? decpt - 1 : 0
    if !useExponent && addDotZero {
      end = max(end, decpt + 1)
    } else {
      end = max(end, decpt)
    }
    let zero = UInt8(ascii: "0")
    let point = UInt8(ascii: ".")
    var out: [UInt8] = []
    out.reserveCapacity(end - start + 8)
    if sign { out.append(UInt8(ascii: "-")) }
    func zeros(_ count: Int) {
      if count > 0 { out.append(contentsOf: repeatElement(zero, count: count)) }
    }
    if decpt <= 0 {
      zeros(decpt - start)
      out.append(point)
      zeros(-decpt)
    } else {
      zeros(-start)
    }
    if 0 < decpt && decpt <= digits.count {
      out += digits[..<decpt]
      out.append(point)
      out += digits[decpt...]
    } else {
      out += digits
    }
    if digits.count < decpt {
      zeros(decpt - digits.count)
      out.append(point)
      zeros(end - decpt)
    } else {
      zeros(end - digits.count)
    }
    if out.last == point && !alternate { out.removeLast() }
    if useExponent {
      out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
      out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      if abs(exponent) < 10 { out.append(zero) }
      out += String(abs(exponent)).utf8
    }
    return out
  }

  /// What David Gay's `_Py_dg_dtoa` returns for a finite, non-negative value: the decimal
  /// digits (no leading or trailing zeros) and the position of the decimal point relative to
  /// them. Mode 0 is the shortest repr, mode 2 `count` significant digits, mode 3 `count`
  /// digits after the point. The C library's `printf` rounds exactly (half to even on the
  /// binary value), as `dtoa` does.
  private static func decimalDigits(_ value: Double, mode: Int, count: Int) -> ([UInt8], Int) {
    if value == 0 { return ([UInt8(ascii: "0")], 1) }
    if mode != 0, let fast = exactDigits(value, mode: mode, count: count) { return fast }
    let text: [UInt8]
    switch mode {
    case 0: text = Array(value.description.utf8)
    case 2: text = cFormat("%.*e", max(count, 1) - 1, value)
    default: text = cFormat("%.*f", count, value)
    }
    var digits: [UInt8] = []
    digits.reserveCapacity(text.count)
    var pointIndex: Int?
    var exponent = 0
    var mantissa = text[...]
    if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
      mantissa = text[..<e]
    }
    for byte in mantissa {
      if byte == UInt8(ascii: ".") {
        pointIndex = digits.count
      } else {
        digits.append(byte)
      }
    }
    var decpt = (pointIndex ?? digits.count) + exponent
    var leading = 0
    while leading < digits.count && digits[leading] == UInt8(ascii: "0") { leading += 1 }
    decpt -= leading
    var trailing = digits.count
    while trailing > leading && digits[trailing - 1] == UInt8(ascii: "0") { trailing -= 1 }
    if leading == trailing { return ([], -count) }
    if leading == 0 && trailing == digits.count { return (digits, decpt) }
    return (Array(digits[leading..<trailing]), decpt)
  }

  /// 10⁰ … 10¹⁹.
  private static let powersOfTen: [UInt64] = (0...19).map { power in
    (0..<power).reduce(UInt64(1)) { result, _ in result * 10 }
  }

  /// `decimalDigits` for modes 2 and 3 without `printf`, when `value × 10^p` (p the number of
  /// digits after the point) fits in 64 bits: with `value = m × 2^e` exactly, the scaled value
  /// is the 128-bit product `m × 10^p` shifted right by `-e`, rounded half to even. Nil when
  /// the fast path does not apply.
  private static func exactDigits(_ value: Double, mode: Int, count: Int) -> ([UInt8], Int)? {
    guard value.isFinite, value > 0 else { return nil }
    var places: Int
    if mode == 3 {
      places = count
    } else {
      // Significant digits: `count` of them, so the point goes `count - 1 - floor(log10)` in.
      places = max(count, 1) - 1 - Int(log10(value).rounded(.down))
    }
    for _ in 0..<3 {
      guard (-19...19).contains(places), let (truncated, roundUp) = scaled(value, places) else { return nil }
      if mode == 2 {
        // Check the digit count of the truncated value; log10 may be off by one.
        let digits = max(count, 1)
        guard digits <= 18 else { return nil }
        if truncated >= powersOfTen[digits] {
          places -= 1
          continue
        }
        if truncated < powersOfTen[digits - 1] {
          places += 1
          continue
        }
      }
      let rounded = roundUp ? truncated + 1 : truncated
      if rounded == 0 { return ([], -places) }
      var digits = Array(String(rounded).utf8)
      let decpt = digits.count - places
      while digits.last == UInt8(ascii: "0") { digits.removeLast() }
      return (digits, decpt)
    }
    return nil
  }

  /// `floor(value × 10^places)` and whether rounding half to even goes up, or nil when the
  /// result does not fit in 63 bits.
  private static func scaled(_ value: Double, _ places: Int) -> (UInt64, Bool)? {
    let subnormal = value.exponentBitPattern == 0
    let significand = value.significandBitPattern | (subnormal ? 0 : 1 << 52)
    let exponent = subnormal ? -1074 : Int(value.exponentBitPattern) - 1075
    if places < 0 {
      // value / 10^-places = significand / divisor, with the divisor 10^-places × 2^-exponent.
      var numerator = significand
      var divisor = powersOfTen[-places]
      if exponent >= 0 {
        guard exponent < 63, significand >> (63 - exponent) == 0 else { return nil }
        numerator = significand << exponent
      } else {
        guard -exponent < 64, divisor <= UInt64.max >> -exponent else { return nil }
        divisor <<= -exponent
      }
      let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: divisor)
      let rest = divisor - remainder
      return (quotient, remainder > rest || (remainder == rest && quotient & 1 == 1))
    }
    let (high, low) = significand.multipliedFullWidth(by: powersOfTen[places])
    if exponent >= 0 {
      guard high == 0, exponent < 63, low >> (63 - exponent) == 0 else { return nil }
      return (low << exponent, false)
    }
    let shift = -exponent
    // The product has at most 117 bits: below half of 2^shift, it rounds to zero.
    if shift >= 128 { return (0, false) }
    let quotient: UInt64
    let remainderHigh: UInt64
    let remainderLow: UInt64
    var halfHigh: UInt64 = 0
    var halfLow: UInt64 = 0
    if shift >= 64 {
      quotient = high >> (shift - 64)
      remainderHigh = shift == 64 ? 0 : high & ((1 << (shift - 64)) - 1)
      remainderLow = low
      if shift - 1 >= 64 { halfHigh = 1 << (shift - 1 - 64) } else { halfLow = 1 << (shift - 1) }
    } else {
      guard high >> shift == 0 else { return nil }
      quotient = (high << (64 - shift)) | (low >> shift)
      remainderHigh = 0
      remainderLow = low & ((1 << shift) - 1)
      halfLow = 1 << (shift - 1)
    }
    guard quotient < 1 << 62 else { return nil }
    let above = remainderHigh > halfHigh || (remainderHigh == halfHigh && remainderLow > halfLow)
    let exactlyHalf = remainderHigh == halfHigh && remainderLow == halfLow
    return (quotient, above || (exactlyHalf && quotient & 1 == 1))
  }

  /// `snprintf` with one `int` precision and one `double`, as bytes.
  private static func cFormat(_ format: String, _ precision: Int, _ value: Double) -> [UInt8] {
    let arguments: [CVarArg] = [Int32(clamping: precision), value]
    var result = [UInt8](repeating: 0, count: 40)
    var needed = result.withUnsafeMutableBufferPointer { buffer in
      withVaList(arguments) {
        vsnprintf(
          UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), buffer.count, format, $0)
      }
    }
    if needed >= result.count {
      result = [UInt8](repeating: 0, count: Int(needed) + 1)
      needed = result.withUnsafeMutableBufferPointer { buffer in
        withVaList(arguments) {
          vsnprintf(
            UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), buffer.count, format, $0)
        }
      }
    }
    result.removeSubrange(Int(max(needed, 0))...)
    return result
  }
}
