/// The prefix and quotes of a string literal.
struct StringPrefix: Equatable {
  var raw = false
  var bytes = false
  var format = false
  /// `'` or `"`.
  var quote: UInt8 = 0
  var triple = false
  /// Offset of the first character of the literal (its prefix) and of the opening quote(s).
  var start = 0
  var quoteStart = 0

  /// Offset of the first character inside the quotes.
  var bodyStart: Int { quoteStart + (triple ? 3 : 1) }
  var quoteLength: Int { triple ? 3 : 1 }
}

/// Finds where string literals end, including f-strings whose replacement fields contain nested
/// strings with the same quotes (allowed as in Python 3.12), and where the expression of a
/// replacement field or an `@{…}` interpolation ends. Shared by the lexer (to find a literal's
/// extent) and the parser (to decode it).
struct StringScanner {
  let file: SourceFile
  let bytes: UnsafeBufferPointer<UInt8>
  let limit: Int

  func error(_ message: String, at offset: Int) -> Diagnostic {
    Diagnostic(.error, message, in: file, at: offset)
  }

  /// If a string prefix (`r`, `b`, `f`, `u`, `br`, `rb`, `fr`, `rf`, any case) or nothing
  /// followed by a quote starts at `offset`, returns the literal's prefix description.
  func prefix(at offset: Int) -> StringPrefix? {
    var p = StringPrefix(start: offset)
    var i = offset
    var letters = 0
    while i < limit, letters <= 2 {
      let byte = bytes[i] | 0x20
      if bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") { break }
      switch byte {
      case UInt8(ascii: "r"): if p.raw { return nil } else { p.raw = true }
      case UInt8(ascii: "b"): if p.bytes || p.format { return nil } else { p.bytes = true }
      case UInt8(ascii: "f"): if p.bytes || p.format { return nil } else { p.format = true }
      case UInt8(ascii: "u"): if letters > 0 { return nil }
      default: return nil
      }
      letters += 1
      i += 1
    }
    guard i < limit, letters <= 2, bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") else { return nil }
    if letters == 2 && (bytes[offset] | 0x20 == UInt8(ascii: "u") || bytes[offset + 1] | 0x20 == UInt8(ascii: "u")) {
      return nil
    }
    p.quote = bytes[i]
    p.quoteStart = i
    p.triple = i + 2 < limit && bytes[i + 1] == p.quote && bytes[i + 2] == p.quote
    return p
  }

  /// The offset just after the closing quote of the literal described by `p`.
  func literalEnd(_ p: StringPrefix) throws -> Int {
    var i = p.bodyStart
    while true {
      guard i < limit else { throw unterminated(p) }
      let byte = bytes[i]
      if byte == UInt8(ascii: "\\") {
        i += 2
        continue
      }
      if byte == UInt8(ascii: "\n") && !p.triple { throw unterminated(p) }
      if byte == p.quote {
        if !p.triple { return i + 1 }
        if i + 2 < limit, bytes[i + 1] == p.quote, bytes[i + 2] == p.quote { return i + 3 }
      }
      if p.format {
        if byte == UInt8(ascii: "{") {
          if i + 1 < limit, bytes[i + 1] == UInt8(ascii: "{") {
            i += 2
            continue
          }
          i = try fieldEnd(from: i + 1, in: p)
          continue
        }
        if byte == UInt8(ascii: "}") {
          if i + 1 < limit, bytes[i + 1] == UInt8(ascii: "}") {
            i += 2
            continue
          }
          throw error("f-string: single '}' is not allowed", at: i)
        }
      }
      i += 1
    }
  }

  func unterminated(_ p: StringPrefix) -> Diagnostic {
    let detected = file.line(of: lastLineOffset(from: p.start, triple: p.triple))
    if p.triple {
      return error("unterminated triple-quoted string literal (detected at line \(detected))", at: p.start)
    }
    return error("unterminated string literal (detected at line \(detected))", at: p.start)
  }

  /// Where an unterminated literal was detected: the end of its line (single-quoted, following
  /// backslash continuations) or the end of the input (triple-quoted).
  private func lastLineOffset(from start: Int, triple: Bool) -> Int {
    if triple { return max(start, limit - (limit > 0 && bytes[limit - 1] == UInt8(ascii: "\n") ? 1 : 0)) }
    var i = start
    while i < limit && bytes[i] != UInt8(ascii: "\n") {
      if bytes[i] == UInt8(ascii: "\\") && i + 1 < limit && bytes[i + 1] == UInt8(ascii: "\n") {
        i += 1
        break
      }
      i += 1
    }
    return i
  }

  /// Given the offset after a field's `{`, returns the offset after its closing `}`.
  func fieldEnd(from start: Int, in p: StringPrefix) throws -> Int {
    var i = try expressionEnd(from: start, in: p, bare: false)
    if i < limit, bytes[i] == UInt8(ascii: "=") {
      i += 1
      while i < limit, isBlank(bytes[i]) { i += 1 }
    }
    if i < limit, bytes[i] == UInt8(ascii: "!") {
      i += 2
    }
    if i < limit, bytes[i] == UInt8(ascii: ":") {
      i = try formatSpecEnd(from: i + 1, in: p)
    }
    guard i < limit, bytes[i] == UInt8(ascii: "}") else {
      throw error("f-string: expecting '}'", at: min(i, limit))
    }
    return i + 1
  }

  /// Given the offset after a format spec's `:`, returns the offset of the field's closing `}`.
  func formatSpecEnd(from start: Int, in p: StringPrefix) throws -> Int {
    var i = start
    while i < limit {
      let byte = bytes[i]
      if byte == UInt8(ascii: "}") { return i }
      if byte == UInt8(ascii: "{") {
        i = try fieldEnd(from: i + 1, in: p)
        continue
      }
      if isOuterQuote(at: i, p) || (byte == UInt8(ascii: "\n") && !p.triple) { break }
      if byte == UInt8(ascii: "\\") { i += 1 }
      i += 1
    }
    throw error("f-string: expecting '}'", at: min(i, limit))
  }

  private func isOuterQuote(at i: Int, _ p: StringPrefix) -> Bool {
    guard bytes[i] == p.quote else { return false }
    return !p.triple || (i + 2 < limit && bytes[i + 1] == p.quote && bytes[i + 2] == p.quote)
  }

  /// The end of the expression of a replacement field (`bare == false`: stops at `}`, `!`, `:`
  /// or a debugging `=` at depth zero) or of an `@{…}` interpolation (`bare == true`: stops at
  /// `}` or `!`). Nested brackets and string literals are skipped whole. `p` is the enclosing
  /// literal (`nil` for bare text, which ends at the end of the physical line).
  func expressionEnd(from start: Int, in p: StringPrefix?, bare: Bool) throws -> Int {
    var i = start
    var depth = 0
    let failure = { (offset: Int) -> Diagnostic in
      bare
        ? self.error("'@{' was never closed", at: start - 2)
        : self.error("f-string: expecting '}'", at: offset)
    }
    while i < limit {
      let byte = bytes[i]
      if let p, isOuterQuote(at: i, p), !nestedStringFits(at: i, p) { throw failure(i) }
      if byte == UInt8(ascii: "\n") && (bare || !(p?.triple ?? false)) { throw failure(i) }
      if let nested = prefix(at: i), i == start || !isNameByte(bytes[i - 1]) {
        i = try literalEnd(nested)
        continue
      }
      switch byte {
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
        if depth == 0 {
          if byte == UInt8(ascii: "}") { return i }
          let closer = Character(Unicode.Scalar(byte))
          throw error(bare ? "unmatched '\(closer)'" : "f-string: unmatched '\(closer)'", at: i)
        }
        depth -= 1
      case UInt8(ascii: "!") where depth == 0:
        if i + 1 < limit, bytes[i + 1] == UInt8(ascii: "=") {
          i += 1
        } else {
          return i
        }
      case UInt8(ascii: ":") where depth == 0 && !bare:
        if i + 1 < limit, bytes[i + 1] == UInt8(ascii: "=") {
          i += 1
        } else {
          return i
        }
      case UInt8(ascii: "=") where depth == 0 && !bare:
        let next: UInt8 = i + 1 < limit ? bytes[i + 1] : 0
        let previous = i > start ? bytes[i - 1] : 0
        if next == UInt8(ascii: "=") {
          i += 1
        } else if !"=!<>".utf8.contains(previous) {
          return i
        }
      case UInt8(ascii: "#"):
        throw error(bare ? "'#' is not allowed in '@{}'" : "f-string expression part cannot include '#'", at: i)
      default:
        break
      }
      i += 1
    }
    throw failure(i)
  }

  /// Inside a single-line f-string, a quote equal to the outer one starts a nested literal only
  /// if that literal closes on the same line (Python 3.12 rules); otherwise it ends the f-string.
  private func nestedStringFits(at i: Int, _ p: StringPrefix) -> Bool {
    if p.triple { return false }
    var j = i + 1
    while j < limit {
      let byte = bytes[j]
      if byte == UInt8(ascii: "\n") { return false }
      if byte == UInt8(ascii: "\\") {
        j += 2
        continue
      }
      if byte == p.quote { return true }
      j += 1
    }
    return false
  }

  private func isNameByte(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte) || byte >= 0x80
  }
}

extension StringScanner {
  /// The Unicode scalar at `offset` and its UTF-8 length (U+FFFD for a bad sequence).
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[offset]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard offset + length <= bytes.count, length > 1 else {
      return (lead < 0x80 ? Unicode.Scalar(lead) : Unicode.Scalar(0xFFFD)!, 1)
    }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length { value = value << 6 | UInt32(bytes[offset + k] & 0x3F) }
    return (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!, length)
  }
}
