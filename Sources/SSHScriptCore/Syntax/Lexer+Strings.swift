extension Lexer {
  var scanner: StringScanner { StringScanner(file: file, bytes: bytes, limit: limit) }

  /// The offset of the opening quote if a string prefix starts at `offset`.
  func stringPrefixEnd(at offset: Int) -> Int? {
    scanner.prefix(at: offset)?.quoteStart
  }

  /// STRING: one literal, any prefix. Its contents are decoded by the parser.
  mutating func readString(prefixStart: Int) throws {
    guard let p = scanner.prefix(at: prefixStart) else {
      throw error("invalid syntax", at: prefixStart)
    }
    let end = try scanner.literalEnd(p)
    if p.bytes, (p.bodyStart..<end).contains(where: { bytes[$0] >= 0x80 }) {
      throw error("bytes can only contain ASCII literal characters", at: prefixStart)
    }
    tokens.append(Token(kind: .string, start: prefixStart, end: end))
    position = end
  }
}
