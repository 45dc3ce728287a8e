extension Lexer {
  /// NUMBER: decimal, `0x`/`0o`/`0b` integers with `_` separators, floats with exponents.
  /// Imaginary literals are recognised only to be rejected with a clear message.
  mutating func readNumber() throws {
    let start = position
    let first = bytes[position]
    if first == UInt8(ascii: "0"), position + 1 < limit {
      let marker = bytes[position + 1] | 0x20
      let radix: Int? =
        marker == UInt8(ascii: "x") ? 16 : marker == UInt8(ascii: "o") ? 8 : marker == UInt8(ascii: "b") ? 2 : nil
      if let radix {
        position += 2
        try readDigits(radix: radix, start: start, requireOne: true)
        try checkNumberEnd(start: start, radix: radix)
        tokens.append(Token(kind: .number, start: start, end: position))
        return
      }
    }
    var isFloat = false
    if first != UInt8(ascii: ".") {
      try readDigits(radix: 10, start: start, requireOne: true)
    }
    if position < limit, bytes[position] == UInt8(ascii: ".") {
      isFloat = true
      position += 1
      if position < limit, isDigit(bytes[position]) {
        try readDigits(radix: 10, start: start, requireOne: true)
      }
    }
    if position < limit, bytes[position] | 0x20 == UInt8(ascii: "e") {
      let save = position
      position += 1
      if position < limit, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      if position < limit, isDigit(bytes[position]) {
        isFloat = true
        try readDigits(radix: 10, start: start, requireOne: true)
      } else {
        position = save
        throw error("invalid decimal literal", at: start)
      }
    }
    if position < limit, bytes[position] | 0x20 == UInt8(ascii: "j") {
      throw error("complex numbers are not supported by sshs", at: start)
    }
    if !isFloat && first == UInt8(ascii: "0") {
      // "0", "00", "0_0" are zero; other leading zeros were octal in Python 2.
      let digits = bytes[start..<position]
      if digits.contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: "_") }) {
        throw error(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          at: start)
      }
    }
    try checkNumberEnd(start: start, radix: 10)
    tokens.append(Token(kind: .number, start: start, end: position))
  }

  /// Digits of `radix`, each `_` followed by a digit.
  private mutating func readDigits(radix: Int, start: Int, requireOne: Bool) throws {
    var sawDigit = false
    while position < limit {
      let byte = bytes[position]
      if byte == UInt8(ascii: "_") {
        // A decimal digit after `_` that the radix does not allow is reported as that digit.
        guard position + 1 < limit, digitValue(bytes[position + 1]) < max(radix, 10) else {
          throw error("invalid \(Lexer.radixName(radix)) literal", at: position)
        }
        position += 1
        continue
      }
      let value = digitValue(byte)
      if value < radix {
        sawDigit = true
        position += 1
      } else if radix != 16 && value < 10 {
        throw error(
          "invalid digit '\(Character(Unicode.Scalar(byte)))' in \(Lexer.radixName(radix)) literal", at: position)
      } else {
        break
      }
    }
    if requireOne && !sawDigit {
      throw error("invalid \(Lexer.radixName(radix)) literal", at: radix == 10 ? start : position - 1)
    }
  }

  /// A number directly followed by a name character is an error, except for the keywords
  /// CPython 3.11 still accepts there (`1if x else 2`).
  private mutating func checkNumberEnd(start: Int, radix: Int) throws {
    guard position < limit else { return }
    let byte = bytes[position]
    guard isIdentifierStart(byte) || isDigit(byte) || byte >= 0x80 else { return }
    for keyword in ["and", "else", "for", "if", "in", "is", "not", "or"] {
      let utf8 = Array(keyword.utf8)
      if position + utf8.count <= limit, Array(bytes[position..<position + utf8.count]) == utf8 {
        return
      }
    }
    throw error("invalid \(Lexer.radixName(radix)) literal", at: radix == 10 ? start : position - 1)
  }

  private func digitValue(_ byte: UInt8) -> Int {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
    default: return 99
    }
  }

  static func radixName(_ radix: Int) -> String {
    switch radix {
    case 16: return "hexadecimal"
    case 8: return "octal"
    case 2: return "binary"
    default: return "decimal"
    }
  }
}
