/// `binascii`: the codecs under `base64` (`a2b_base64`, `b2a_base64`), `hexlify`/`unhexlify`
/// (`b2a_hex`/`a2b_hex`), `crc32`, and `binascii.Error`, with CPython's results and messages
/// (including what `a2b_base64` forgives without `strict_mode` and what it rejects with it).
enum BinasciiModule {
  static let pythonOnlyNames: Set<String> = ["a2b_qp", "b2a_qp", "a2b_uu", "b2a_uu", "crc_hqx"]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "binascii", path: nil)
    let globals = module.globals
    let error = TypeObject.moduleClass("Error", module: "binascii", base: BuiltinTypes.valueError, layout: .exception)
    globals["Error"] = .object(error)
    globals["Incomplete"] = .object(
      TypeObject.moduleClass("Incomplete", module: "binascii", base: BuiltinTypes.exception, layout: .exception))
    func fail(_ message: String) -> ScriptException {
      ScriptException(ExceptionObject(cls: error, args: [.str(message)]))
    }

    globals.function("a2b_base64") { interpreter, arguments in
      let values = try PythonSignature("a2b_base64", ["data"], keywordOnly: ["strict_mode"]).bind(arguments)
      let strict = try values[1].map { try interpreter.truthy($0) } ?? false
      return .bytes(try decodeBase64(try asciiData(values[0]!), strict: strict, fail))
    }
    globals.function("b2a_base64") { interpreter, arguments in
      let values = try PythonSignature("b2a_base64", ["data"], keywordOnly: ["newline"]).bind(arguments)
      let newline = try values[1].map { try interpreter.truthy($0) } ?? true
      return .bytes(encodeBase64(try binaryData(values[0]!)) + (newline ? [UInt8(ascii: "\n")] : []))
    }
    for name in ["hexlify", "b2a_hex"] {
      globals.function(name) { interpreter, arguments in
        let values = try PythonSignature(name, ["data", "sep", "bytes_per_sep"], required: 1).bind(arguments)
        let data = try binaryData(values[0]!)
        let group = try values[2].map { try interpreter.asIndex($0, "bytes_per_sep") } ?? 1
        return .bytes(try hexlify(data, separator: try separator(interpreter, values[1]), group: group))
      }
    }
    for name in ["unhexlify", "a2b_hex"] {
      globals.function(name) { _, arguments in
        let values = try PythonSignature(name, ["hexstr"]).bind(arguments)
        return .bytes(try unhexlify(try asciiData(values[0]!), fail))
      }
    }
    globals.function("crc32") { interpreter, arguments in
      let values = try PythonSignature("crc32", ["data", "crc"], required: 1).bind(arguments)
      let start = try values[1].map { try interpreter.asIndex($0, "crc") } ?? 0
      return .int(Int(crc32(try binaryData(values[0]!), UInt32(truncatingIfNeeded: start))))
    }
    return module
  }

  // MARK: Arguments

  /// A bytes-like argument (`b2a_*`, `crc32`).
  static func binaryData(_ value: Value) throws -> [UInt8] {
    guard case .bytes(let data) = value else {
      throw Interpreter.typeError("a bytes-like object is required, not '\(Runtime.typeName(value))'")
    }
    return data
  }

  /// Bytes or an ASCII-only str (`a2b_*`).
  static func asciiData(_ value: Value) throws -> [UInt8] {
    switch value {
    case .bytes(let data):
      return data
    case .str(let text):
      guard text.unicodeScalars.allSatisfy(\.isASCII) else {
        throw Interpreter.valueError("string argument should contain only ASCII characters")
      }
      return Array(text.utf8)
    default:
      throw Interpreter.typeError("argument should be bytes, buffer or ASCII string, not '\(Runtime.typeName(value))'")
    }
  }

  private static func separator(_ interpreter: Interpreter, _ value: Value?) throws -> UInt8? {
    guard let value, !value.isNone else { return nil }
    let bytes: [UInt8]
    switch value {
    case .str(let text): bytes = Array(text.utf8)
    case .bytes(let data): bytes = data
    default: throw Interpreter.typeError("object of type '\(Runtime.typeName(value))' has no len()")
    }
    guard bytes.count == 1 else { throw Interpreter.valueError("sep must be length 1.") }
    guard bytes[0] < 128 else { throw Interpreter.valueError("sep must be ASCII.") }
    return bytes[0]
  }

  // MARK: Base64

  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// The value of each base64 digit, 255 for other bytes.
  private static let digitValues: [UInt8] = {
    var table = [UInt8](repeating: 255, count: 256)
    for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
    return table
  }()

  static func encodeBase64(_ data: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity((data.count + 2) / 3 * 4)
    var index = 0
    while index + 3 <= data.count {
      let word = UInt32(data[index]) << 16 | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2])
      for shift in [18, 12, 6, 0] { output.append(alphabet[Int(word >> UInt32(shift) & 63)]) }
      index += 3
    }
    let rest = data.count - index
    if rest > 0 {
      let word = UInt32(data[index]) << 16 | (rest == 2 ? UInt32(data[index + 1]) << 8 : 0)
      output.append(alphabet[Int(word >> 18 & 63)])
      output.append(alphabet[Int(word >> 12 & 63)])
      output.append(rest == 2 ? alphabet[Int(word >> 6 & 63)] : UInt8(ascii: "="))
      output.append(UInt8(ascii: "="))
    }
    return output
  }

  /// Decodes base64. Without `strict`, bytes outside the alphabet are skipped and the first
  /// complete padding ends the data, as CPython does; with it, those are errors.
  static func decodeBase64(
    _ data: [UInt8], strict: Bool, _ fail: (String) -> ScriptException
  ) throws -> [UInt8] {
    let pad = UInt8(ascii: "=")
    if strict && data.first == pad { throw fail("Leading padding not allowed") }
    var output: [UInt8] = []
    output.reserveCapacity(data.count / 4 * 3)
    var position = 0  // digits seen in the current group of four
    var carry: UInt8 = 0
    var pads = 0
    var paddingStarted = false
    for (index, byte) in data.enumerated() {
      if byte == pad {
        paddingStarted = true
        pads += position >= 2 ? 1 : 0
        if position >= 2 && position + pads >= 4 {
          if strict && index + 1 < data.count { throw fail("Excess data after padding") }
          position = 0
          break
        }
        continue
      }
      let digit = digitValues[Int(byte)]
      if digit == 255 {
        if strict { throw fail("Only base64 data is allowed") }
        continue
      }
      if strict && paddingStarted { throw fail("Discontinuous padding not allowed") }
      pads = 0
      switch position {
      case 0:
        carry = digit
      case 1:
        output.append(carry << 2 | digit >> 4)
        carry = digit & 0x0f
      case 2:
        output.append(carry << 4 | digit >> 2)
        carry = digit & 0x03
      default:
        output.append(carry << 6 | digit)
      }
      position = (position + 1) % 4
    }
    if position == 1 {
      throw fail(
        "Invalid base64-encoded string: number of data characters (\(output.count / 3 * 4 + 1)) cannot be 1 more than a multiple of 4"
      )
    }
    if position != 0 { throw fail("Incorrect padding") }
    return output
  }

  // MARK: Hexadecimal

  /// Lower-case hex digits; with a separator, between groups of `group` bytes counted from the
  /// right (from the left when `group` is negative).
  static func hexlify(_ data: [UInt8], separator: UInt8?, group: Int) throws -> [UInt8] {
    let digits = Array("0123456789abcdef".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(data.count * 3)
    let size = abs(group)
    for (index, byte) in data.enumerated() {
      if let separator, size > 0, index > 0 {
        let boundary = group > 0 ? (data.count - index) % size == 0 : index % size == 0
        if boundary { output.append(separator) }
      }
      output.append(digits[Int(byte >> 4)])
      output.append(digits[Int(byte & 0x0f)])
    }
    return output
  }

  static func unhexlify(_ data: [UInt8], _ fail: (String) -> ScriptException) throws -> [UInt8] {
    if data.count % 2 != 0 { throw fail("Odd-length string") }
    func value(_ byte: UInt8) throws -> UInt8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
      default: throw fail("Non-hexadecimal digit found")
      }
    }
    var output: [UInt8] = []
    output.reserveCapacity(data.count / 2)
    var index = 0
    while index < data.count {
      output.append(try value(data[index]) << 4 | value(data[index + 1]))
      index += 2
    }
    return output
  }

  // MARK: CRC-32

  private static let crcTable: [UInt32] = (0..<256).map { entry in
    var value = UInt32(entry)
    for _ in 0..<8 { value = value & 1 != 0 ? 0xedb8_8320 ^ (value >> 1) : value >> 1 }
    return value
  }

  /// CRC-32 as zlib computes it, continuing from `start`.
  static func crc32(_ data: [UInt8], _ start: UInt32) -> UInt32 {
    var crc = ~start
    for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
    return ~crc
  }
}
