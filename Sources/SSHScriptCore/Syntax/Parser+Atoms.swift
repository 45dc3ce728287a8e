extension Parser {
  /// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | (tuple | group | genexp)
  ///   | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...' | dollar_attr | command_expr
  mutating func parseAtom() throws -> Expr {
    let token = current
    switch token.kind {
    case .name:
      advance()
      return Expr(kind: .name(text(token), .load), span: span(token))
    case .number:
      advance()
      return Expr(kind: .constant(try decodeNumber(token)), span: span(token))
    case .string:
      return try parseStrings()
    case .keyword(.none):
      advance()
      return Expr(kind: .constant(.none), span: span(token))
    case .keyword(.true), .keyword(.false):
      advance()
      return Expr(kind: .constant(.bool(token.kind == .keyword(.true))), span: span(token))
    case .ellipsis:
      advance()
      return Expr(kind: .constant(.ellipsis), span: span(token))
    case .leftParen:
      return try parseParenthesized()
    case .leftBracket:
      return try parseListDisplay()
    case .leftBrace:
      return try parseBraceDisplay()
    case .dollar:
      return try parseDollar()
    case .keyword(.await):
      throw error("'await' is not supported by sshs", at: token.start)
    default:
      throw invalidSyntax()
    }
  }

  /// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
  /// group: '(' (yield_expr | named_expression) ')'
  /// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
  private mutating func parseParenthesized() throws -> Expr {
    let open = advance()
    if accept(.rightParen) {
      return Expr(kind: .tuple([], .load), span: span(from: open.start))
    }
    if kind == .keyword(.yield) {
      let value = try parseYield()
      _ = try expect(.rightParen)
      return value
    }
    let first = try parseStarredItem(allowNamed: true)
    if kind == .keyword(.for) {
      let generator = try parseGenerator(element: first, start: Int(first.span.start))
      _ = try expect(.rightParen)
      return Expr(kind: generator.kind, span: span(from: open.start))
    }
    if accept(.rightParen) {
      if case .starred = first.kind { throw error("cannot use starred expression here", at: first.span) }
      return first
    }
    guard kind == .comma else {
      try checkMissingComma(after: first)
      throw invalidSyntax()
    }
    var items = [first]
    while accept(.comma) {
      if kind == .rightParen { break }
      let item = try parseStarredItem(allowNamed: true)
      items.append(item)
      if kind != .comma && kind != .rightParen { try checkMissingComma(after: item) }
    }
    _ = try expect(.rightParen)
    return Expr(kind: .tuple(items, .load), span: span(from: open.start))
  }

  /// list: '[' [star_named_expressions] ']'
  /// listcomp: '[' named_expression for_if_clauses ']'
  private mutating func parseListDisplay() throws -> Expr {
    let open = advance()
    var items: [Expr] = []
    while kind != .rightBracket {
      let item = try parseStarredItem(allowNamed: true)
      if items.isEmpty && kind == .keyword(.for) {
        try checkNotStarredInComprehension(item)
        let clauses = try parseComprehensionClauses()
        _ = try expect(.rightBracket)
        return Expr(kind: .listComp(item, clauses), span: span(from: open.start))
      }
      items.append(item)
      if kind != .comma && kind != .rightBracket { try checkMissingComma(after: item) }
      if !accept(.comma) { break }
    }
    _ = try expect(.rightBracket)
    return Expr(kind: .list(items, .load), span: span(from: open.start))
  }

  /// dict: '{' [double_starred_kvpairs] '}'
  /// set: '{' star_named_expressions '}'
  /// dictcomp: '{' kvpair for_if_clauses '}'
  /// setcomp: '{' named_expression for_if_clauses '}'
  private mutating func parseBraceDisplay() throws -> Expr {
    let open = advance()
    if accept(.rightBrace) {
      return Expr(kind: .dict(keys: [], values: []), span: span(from: open.start))
    }
    if kind == .doubleStar { return try parseDictDisplay(open: open, firstKey: nil) }
    let first = try parseStarredItem(allowNamed: true)
    if kind == .colon { return try parseDictDisplay(open: open, firstKey: first) }
    if kind == .keyword(.for) {
      try checkNotStarredInComprehension(first)
      let clauses = try parseComprehensionClauses()
      _ = try expect(.rightBrace)
      return Expr(kind: .setComp(first, clauses), span: span(from: open.start))
    }
    var items = [first]
    if kind != .comma && kind != .rightBrace { try checkMissingComma(after: first) }
    while accept(.comma) {
      if kind == .rightBrace { break }
      let item = try parseStarredItem(allowNamed: true)
      items.append(item)
      if kind != .comma && kind != .rightBrace { try checkMissingComma(after: item) }
    }
    _ = try expect(.rightBrace)
    return Expr(kind: .set(items), span: span(from: open.start))
  }

  /// double_starred_kvpair: '**' bitwise_or | kvpair;  kvpair: expression ':' expression
  private mutating func parseDictDisplay(open: Token, firstKey: Expr?) throws -> Expr {
    var keys: [Expr?] = []
    var values: [Expr] = []
    var pendingKey = firstKey
    while true {
      if let key = pendingKey {
        pendingKey = nil
        if case .starred = key.kind { throw invalidSyntax() }
        guard accept(.colon) else {
          throw error("':' expected after dictionary key", at: lastCharacterOffset(of: key.span))
        }
        let value = try parseExpression()
        if keys.isEmpty && kind == .keyword(.for) {
          let clauses = try parseComprehensionClauses()
          _ = try expect(.rightBrace)
          return Expr(kind: .dictComp(key: key, value: value, clauses), span: span(from: open.start))
        }
        keys.append(key)
        values.append(value)
      } else if accept(.doubleStar) {
        let value = try parseBitwiseOr()
        if keys.isEmpty && kind == .keyword(.for) {
          throw error("dict unpacking cannot be used in dict comprehension", at: value.span)
        }
        keys.append(nil)
        values.append(value)
      } else {
        pendingKey = try parseExpression()
        continue
      }
      if kind != .comma && kind != .rightBrace, let last = values.last { try checkMissingComma(after: last) }
      guard accept(.comma), kind != .rightBrace else { break }
    }
    _ = try expect(.rightBrace)
    return Expr(kind: .dict(keys: keys, values: values), span: span(from: open.start))
  }

  /// The offset of the last character of a span (CPython points some carets there).
  func lastCharacterOffset(of span: Span) -> Int {
    var offset = max(Int(span.start), Int(span.end) - 1)
    while offset > Int(span.start), bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
    return offset
  }

  /// NUMBER: an int (arbitrary size: kept as digits when it does not fit in `Int`) or a float.
  /// Works on the token's bytes: number literals are the most common tokens after names.
  func decodeNumber(_ token: Token) throws -> Constant {
    var digits: [UInt8] = []
    digits.reserveCapacity(token.end - token.start)
    var isFloat = false
    for offset in token.start..<token.end {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "_") { continue }
      if byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") { isFloat = true }
      digits.append(byte)
    }
    var radix = 10
    if digits.count > 1, digits[0] == UInt8(ascii: "0") {
      switch digits[1] | 0x20 {
      case UInt8(ascii: "x"): radix = 16
      case UInt8(ascii: "o"): radix = 8
      case UInt8(ascii: "b"): radix = 2
      default: break
      }
    }
    if radix != 10 {
      digits.removeFirst(2)
      isFloat = false
    }
    let text = String(decoding: digits, as: UTF8.self)
    if isFloat {
      guard let value = Double(text) else { throw error("invalid decimal literal", at: token.start) }
      return .float(value)
    }
    if let value = Int(text, radix: radix) { return .int(value) }
    let trimmed = text.drop { $0 == "0" }
    return .bigInt(digits: trimmed.isEmpty ? "0" : String(trimmed), radix: radix)
  }
}
