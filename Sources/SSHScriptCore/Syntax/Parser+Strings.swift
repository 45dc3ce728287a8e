extension Parser {
  var scanner: StringScanner { StringScanner(file: file, bytes: bytes, limit: bytes.count) }

  /// strings: STRING+ — adjacent literals concatenated; any f-string makes a JoinedStr.
  mutating func parseStrings() throws -> Expr {
    let start = current.start
    var parts: [StringPart] = []
    var bytesValue: [UInt8] = []
    var isBytes: Bool?
    var sawFormat = false
    while kind == .string {
      let token = advance()
      guard let p = scanner.prefix(at: token.start) else { throw error("invalid syntax", at: token.start) }
      if let isBytes, isBytes != p.bytes {
        throw error("cannot mix bytes and nonbytes literals", at: start)
      }
      isBytes = p.bytes
      let body = p.bodyStart..<(token.end - p.quoteLength)
      if p.bytes {
        bytesValue += try decodeEscapes(body, raw: p.raw, bytes: true)
      } else if p.format {
        sawFormat = true
        parts += try decodeFString(body, prefix: p)
      } else {
        parts.append(.literal(String(decoding: try decodeEscapes(body, raw: p.raw, bytes: false), as: UTF8.self)))
      }
    }
    let exprSpan = span(from: start)
    if isBytes == true { return Expr(kind: .constant(.bytes(bytesValue)), span: exprSpan) }
    let merged = Parser.mergeLiterals(parts)
    if !sawFormat {
      if case .literal(let value)? = merged.first { return Expr(kind: .constant(.string(value)), span: exprSpan) }
      return Expr(kind: .constant(.string("")), span: exprSpan)
    }
    return Expr(kind: .joinedStr(merged), span: exprSpan)
  }

  /// Joins neighbouring literal parts and drops empty ones.
  static func mergeLiterals(_ parts: [StringPart]) -> [StringPart] {
    var result: [StringPart] = []
    for part in parts {
      if case .literal(let text) = part {
        if text.isEmpty { continue }
        if case .literal(let previous)? = result.last {
          result[result.count - 1] = .literal(previous + text)
          continue
        }
      }
      result.append(part)
    }
    return result
  }

  // MARK: - f-strings

  /// The parts of an f-string body: literal text (escapes decoded, `{{`/`}}` undoubled) and
  /// replacement fields.
  private mutating func decodeFString(_ body: Range<Int>, prefix p: StringPrefix) throws -> [StringPart] {
    var parts: [StringPart] = []
    var literalStart = body.lowerBound
    var literal: [UInt8] = []
    var i = body.lowerBound
    func flush(_ upTo: Int) throws {
      literal += try decodeEscapes(literalStart..<upTo, raw: p.raw, bytes: false)
      if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
      literal = []
    }
    while i < body.upperBound {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\\") && !p.raw {
        i += 2
        continue
      }
      if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
        if i + 1 < body.upperBound, bytes[i + 1] == byte {
          try flush(i + 1)
          i += 2
          literalStart = i
          continue
        }
        try flush(i)
        let (field, end) = try parseField(openBrace: i, prefix: p)
        parts.append(.field(field))
        i = end
        literalStart = i
        continue
      }
      i += 1
    }
    try flush(body.upperBound)
    return parts
  }

  /// replacement_field: "{" f_expression ["="] ["!" conversion] [":" format_spec] "}"
  /// Returns the field and the offset after its `}`.
  private mutating func parseField(openBrace: Int, prefix p: StringPrefix) throws -> (FormattedValue, Int) {
    let exprStart = openBrace + 1
    let exprEnd = try scanner.expressionEnd(from: exprStart, in: p, bare: false)
    if (exprStart..<exprEnd).allSatisfy({ isBlank(bytes[$0]) || bytes[$0] == UInt8(ascii: "\n") }) {
      throw error("f-string: empty expression not allowed", at: openBrace)
    }
    let value: Expr
    do {
      value = try parseEmbedded(exprStart..<exprEnd)
    } catch var failure as Diagnostic {
      // As CPython 3.11 does, errors inside a field say they are in an f-string.
      if !failure.message.hasPrefix("f-string") && !failure.message.hasPrefix("'$'") {
        failure.message = "f-string: " + failure.message
      }
      throw failure
    }
    var i = exprEnd
    var debugText: String?
    if bytes[i] == UInt8(ascii: "=") {
      i += 1
      while isBlank(bytes[i]) { i += 1 }
      debugText = file.string(exprStart..<i)
    }
    var conversion = Conversion.none
    if bytes[i] == UInt8(ascii: "!") {
      conversion = try parseConversion(at: i + 1, bare: false)
      i += 2
    }
    var formatSpec: [StringPart]?
    if bytes[i] == UInt8(ascii: ":") {
      let specEnd = try scanner.formatSpecEnd(from: i + 1, in: p)
      formatSpec = Parser.mergeLiterals(try decodeFormatSpec((i + 1)..<specEnd, prefix: p))
      i = specEnd
    }
    guard bytes[i] == UInt8(ascii: "}") else { throw error("f-string: expecting '}'", at: i) }
    if debugText != nil && conversion == .none && formatSpec == nil { conversion = .repr }
    let field = FormattedValue(
      value: value, conversion: conversion, formatSpec: formatSpec, debugText: debugText,
      span: Span(file: file.id, start: openBrace, end: i + 1))
    return (field, i + 1)
  }

  /// conversion: "s" | "r" | "a" | "q" (only "q" in bare text).
  func parseConversion(at offset: Int, bare: Bool) throws -> Conversion {
    let byte = bytes[offset]
    let expected = bare ? "expected 'q'" : "expected 's', 'r', 'a' or 'q'"
    let place = bare ? "'@{}'" : "f-string"
    if byte == UInt8(ascii: "}") || byte == UInt8(ascii: ":") || isBlank(byte) {
      throw error("\(place): missing conversion character: \(expected)", at: offset)
    }
    let conversion: Conversion? =
      switch byte {
      case UInt8(ascii: "s") where !bare: .str
      case UInt8(ascii: "r") where !bare: .repr
      case UInt8(ascii: "a") where !bare: .ascii
      case UInt8(ascii: "q"): .quote
      default: nil
      }
    let next: UInt8 = offset + 1 < bytes.count ? bytes[offset + 1] : 0
    guard let conversion, next == UInt8(ascii: "}") || (next == UInt8(ascii: ":") && !bare) else {
      let (scalar, _) = StringScanner.scalar(in: bytes, at: offset)
      throw error("\(place): invalid conversion character '\(Character(scalar))': \(expected)", at: offset)
    }
    return conversion
  }

  /// format_spec: literal text and nested replacement fields (`{x:>{width}}`).
  private mutating func decodeFormatSpec(_ range: Range<Int>, prefix p: StringPrefix) throws -> [StringPart] {
    var parts: [StringPart] = []
    var literalStart = range.lowerBound
    var i = range.lowerBound
    while i < range.upperBound {
      if bytes[i] == UInt8(ascii: "{") {
        if i > literalStart {
          let text = try decodeEscapes(literalStart..<i, raw: p.raw, bytes: false)
          parts.append(.literal(String(decoding: text, as: UTF8.self)))
        }
        let (field, end) = try parseField(openBrace: i, prefix: p)
        parts.append(.field(field))
        i = end
        literalStart = i
        continue
      }
      i += 1
    }
    if range.upperBound > literalStart {
      let text = try decodeEscapes(literalStart..<range.upperBound, raw: p.raw, bytes: false)
      parts.append(.literal(String(decoding: text, as: UTF8.self)))
    }
    return parts
  }

  /// Parses an expression embedded in a string or command: the field of an f-string or the
  /// inside of `@{…}`. Its tokens come from a nested lexer over the same bytes.
  mutating func parseEmbedded(_ range: Range<Int>) throws -> Expr {
    var lexer = Lexer(file: file, bytes: bytes, mode: .embedded, range: range)
    let tokens = try lexer.tokenize()
    var nested = Parser(file: file, bytes: bytes, tokens: tokens, files: files)
    nested.context = context
    nested.depth = depth
    let value = nested.kind == .keyword(.yield) ? try nested.parseYield() : try nested.parseStarExpressions()
    guard nested.kind == .endOfFile else { throw nested.invalidSyntax() }
    return value
  }
}
