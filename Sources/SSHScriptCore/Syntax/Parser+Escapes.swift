extension Parser {
  /// The value of a literal's body with Python's escapes decoded (for `str`, as UTF-8; for
  /// `bytes`, one byte per escape). Unknown escapes keep their backslash, as in Python.
  /// A backslash-newline inside a literal is removed.
  func decodeEscapes(_ range: Range<Int>, raw: Bool, bytes isBytes: Bool) throws -> [UInt8] {
    if raw || !bytes[range].contains(UInt8(ascii: "\\")) {
      return Array(bytes[range])
    }
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var i = range.lowerBound
    while i < range.upperBound {
      let byte = bytes[i]
      guard byte == UInt8(ascii: "\\"), i + 1 < range.upperBound else {
        out.append(byte)
        i += 1
        continue
      }
      let escape = bytes[i + 1]
      i += 2
      switch escape {
      case UInt8(ascii: "\n"): break
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "'"): out.append(UInt8(ascii: "'"))
      case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
      case UInt8(ascii: "a"): out.append(0x07)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "v"): out.append(0x0B)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var value = UInt32(escape - UInt8(ascii: "0"))
        var count = 1
        while count < 3, i < range.upperBound, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "7") {
          value = value * 8 + UInt32(bytes[i] - UInt8(ascii: "0"))
          i += 1
          count += 1
        }
        append(value, to: &out, isBytes: isBytes)
      case UInt8(ascii: "x"):
        let value = try hexEscape(at: i, digits: 2, in: range, name: "\\xXX", escapeStart: i - 2)
        i += 2
        append(value, to: &out, isBytes: isBytes)
      case UInt8(ascii: "u") where !isBytes:
        append(
          try hexEscape(at: i, digits: 4, in: range, name: "\\uXXXX", escapeStart: i - 2), to: &out, isBytes: false)
        i += 4
      case UInt8(ascii: "U") where !isBytes:
        let value = try hexEscape(at: i, digits: 8, in: range, name: "\\UXXXXXXXX", escapeStart: i - 2)
        guard value <= 0x10FFFF else {
          throw error("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", at: i - 2)
        }
        append(value, to: &out, isBytes: false)
        i += 8
      case UInt8(ascii: "N") where !isBytes:
        let (value, end) = try namedEscape(at: i, in: range)
        append(value, to: &out, isBytes: false)
        i = end
      default:
        out.append(UInt8(ascii: "\\"))
        out.append(escape)
      }
    }
    return out
  }

  private func append(_ value: UInt32, to out: inout [UInt8], isBytes: Bool) {
    if isBytes {
      out.append(UInt8(truncatingIfNeeded: value))
      return
    }
    // Lone surrogates cannot be held in a Swift string; they become U+FFFD.
    let scalar = Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!
    out.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  private func hexEscape(at offset: Int, digits: Int, in range: Range<Int>, name: String, escapeStart: Int) throws
    -> UInt32
  {
    var value: UInt32 = 0
    for k in 0..<digits {
      let i = offset + k
      guard i < range.upperBound, let digit = hexValue(bytes[i]) else {
        throw error(
          "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \(name) escape", at: escapeStart)
      }
      value = value * 16 + digit
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// `\N{NAME}`: the character with that Unicode name (case-insensitive).
  private func namedEscape(at offset: Int, in range: Range<Int>) throws -> (UInt32, Int) {
    let failure = error(
      "(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", at: offset - 2)
    guard offset < range.upperBound, bytes[offset] == UInt8(ascii: "{") else { throw failure }
    guard let close = (offset..<range.upperBound).first(where: { bytes[$0] == UInt8(ascii: "}") }) else {
      throw failure
    }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<close]), as: UTF8.self)
    guard let scalar = UnicodeNames.scalar(named: name) else {
      throw error(
        "(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name", at: offset - 2)
    }
    return (scalar.value, close + 1)
  }
}

/// Reverse lookup of Unicode character names, built on first use (only `\N{…}` needs it).
enum UnicodeNames {
  private static let table: [String: Unicode.Scalar] = {
    var table: [String: Unicode.Scalar] = [:]
    for value in UInt32(0x20)...UInt32(0x10FFFF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if let name = scalar.properties.name { table[name] = scalar }
      if let alias = scalar.properties.nameAlias { table[alias] = scalar }
    }
    return table
  }()

  static func scalar(named name: String) -> Unicode.Scalar? {
    table[name.uppercased()]
  }
}
