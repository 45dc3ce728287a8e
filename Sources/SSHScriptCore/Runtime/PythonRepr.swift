/// `repr()` of built-in literal values exactly as CPython prints them. Used by `--dump-ast`
/// now and by the interpreter's `repr`.
enum PythonRepr {
  /// `repr(str)`: single quotes unless the text has `'` and no `"`; `\n \r \t \\` and other
  /// non-printable characters escaped.
  static func string(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == quote {
          out += "\\" + String(quote)
        } else if isPrintable(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out += escape(scalar.value)
        }
      }
    }
    out.append(quote)
    return out
  }

  /// `repr(bytes)`: `b'...'` with `\xNN` for bytes outside printable ASCII.
  static func bytes(_ value: [UInt8]) -> String {
    let hasSingle = value.contains(UInt8(ascii: "'"))
    let hasDouble = value.contains(UInt8(ascii: "\""))
    let quote: UInt8 = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    var out = "b" + String(UnicodeScalar(quote))
    for byte in value {
      switch byte {
      case UInt8(ascii: "\\"): out += "\\\\"
      case UInt8(ascii: "\n"): out += "\\n"
      case UInt8(ascii: "\r"): out += "\\r"
      case UInt8(ascii: "\t"): out += "\\t"
      case quote: out += "\\" + String(UnicodeScalar(quote))
      case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
      default: out += "\\x" + hex(UInt32(byte), width: 2)
      }
    }
    out += String(UnicodeScalar(quote))
    return out
  }

  /// `repr(float)`: the shortest text that reads back as the same value, in fixed notation
  /// when the decimal exponent is in -4..<16 and in scientific notation otherwise.
  static func float(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description is also the shortest round-trip form; only the layout differs.
    let (negative, digits, exponent) = decompose(value.magnitude.description)
    let sign = negative || value < 0 ? "-" : ""
    if exponent >= -4 && exponent < 16 {
      if exponent < 0 {
        return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
      }
      let intCount = exponent + 1
      if digits.count <= intCount {
        return sign + digits + String(repeating: "0", count: intCount - digits.count) + ".0"
      }
      let split = digits.index(digits.startIndex, offsetBy: intCount)
      return sign + digits[..<split] + "." + digits[split...]
    }
    let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + digits.dropFirst()
    let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
    return sign + mantissa + "e" + exponentText
  }

  /// Significant digits (no leading/trailing zeros) and the decimal exponent of the first one.
  private static func decompose(_ text: String) -> (Bool, String, Int) {
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa = mantissa.dropFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let integerPart = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var all = integerPart + fraction
    var pointPosition = integerPart.count
    while all.hasPrefix("0") && all.count > 1 {
      all.removeFirst()
      pointPosition -= 1
    }
    while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
    return (negative, all, exponent + pointPosition - 1)
  }

  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x20 || scalar.value == 0x7F { return false }
    if scalar.value < 0x7F { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return scalar == " "
    default:
      return true
    }
  }

  private static func escape(_ value: UInt32) -> String {
    if value < 0x100 { return "\\x" + hex(value, width: 2) }
    if value < 0x10000 { return "\\u" + hex(value, width: 4) }
    return "\\U" + hex(value, width: 8)
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
