extension Parser {
  /// star_expressions: star_expression (',' star_expression)* [',']
  mutating func parseStarExpressions() throws -> Expr {
    let start = current.start
    let first = try parseStarredItem(allowNamed: false)
    guard kind == .comma else { return first }
    var items = [first]
    while accept(.comma) {
      guard startsExpression(kind) || kind == .star else { break }
      items.append(try parseStarredItem(allowNamed: false))
    }
    return Expr(kind: .tuple(items, .load), span: span(from: start))
  }

  /// star_expression: '*' bitwise_or | expression
  /// star_named_expression: '*' bitwise_or | named_expression  (with `allowNamed`)
  mutating func parseStarredItem(allowNamed: Bool) throws -> Expr {
    if kind == .star {
      let star = advance()
      let value = try parseBitwiseOr()
      return Expr(kind: .starred(value, .load), span: span(from: star.start))
    }
    return allowNamed ? try parseNamedExpression() : try parseExpression()
  }

  /// named_expression: NAME ':=' ~ expression | expression !':='
  ///
  /// `suggestComparison` turns `if x = 1:` into CPython's "Maybe you meant '==' …" message.
  mutating func parseNamedExpression(suggestComparison: Bool = true) throws -> Expr {
    if kind == .name && peekKind() == .colonEqual {
      let nameToken = advance()
      advance()
      let value = try parseExpression()
      let target = Expr(kind: .name(text(nameToken), .store), span: span(nameToken))
      return Expr(kind: .namedExpr(target: target, value: value), span: span(from: nameToken.start))
    }
    let expr = try parseExpression()
    if kind == .colonEqual {
      throw error("cannot use assignment expressions with \(expressionName(expr))", at: expr.span)
    }
    if suggestComparison && kind == .equal {
      if case .name = expr.kind {
        throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at: expr.span)
      }
      throw error("cannot assign to \(expressionName(expr)) here. Maybe you meant '==' instead of '='?", at: expr.span)
    }
    return expr
  }

  /// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
  mutating func parseExpression() throws -> Expr {
    try enterNesting()
    defer { depth -= 1 }
    if kind == .keyword(.lambda) { return try parseLambda() }
    let start = current.start
    let body = try parseDisjunction()
    guard kind == .keyword(.if) else { return body }
    advance()
    let test = try parseDisjunction()
    guard accept(.keyword(.else)) else {
      throw error("expected 'else' after 'if' expression", at: start)
    }
    let orelse = try parseExpression()
    return Expr(kind: .ifExp(test: test, body: body, orelse: orelse), span: span(from: start))
  }

  /// lambdef: 'lambda' [lambda_params] ':' expression
  private mutating func parseLambda() throws -> Expr {
    let token = advance()
    let arguments = try parseParameters(closing: .colon, annotations: false)
    _ = try expect(.colon)
    let saved = context
    context = Context(inFunction: true, inLoop: false)
    defer { context = saved }
    let body = try parseExpression()
    return Expr(kind: .lambda(arguments, body: body), span: span(from: token.start))
  }

  /// disjunction: conjunction ('or' conjunction)+ | conjunction
  mutating func parseDisjunction() throws -> Expr {
    let start = current.start
    let first = try parseConjunction()
    guard kind == .keyword(.or) else { return first }
    var values = [first]
    while accept(.keyword(.or)) { values.append(try parseConjunction()) }
    return Expr(kind: .boolOp(.or, values), span: span(from: start))
  }

  /// conjunction: inversion ('and' inversion)+ | inversion
  private mutating func parseConjunction() throws -> Expr {
    let start = current.start
    let first = try parseInversion()
    guard kind == .keyword(.and) else { return first }
    var values = [first]
    while accept(.keyword(.and)) { values.append(try parseInversion()) }
    return Expr(kind: .boolOp(.and, values), span: span(from: start))
  }

  /// inversion: 'not' inversion | comparison
  private mutating func parseInversion() throws -> Expr {
    guard kind == .keyword(.not) else { return try parseComparison() }
    try enterNesting()
    defer { depth -= 1 }
    let token = advance()
    let operand = try parseInversion()
    return Expr(kind: .unaryOp(.not, operand), span: span(from: token.start))
  }

  /// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
  private mutating func parseComparison() throws -> Expr {
    let start = current.start
    let first = try parseBitwiseOr()
    var ops: [CompareOperator] = []
    var comparators: [Expr] = []
    while let op = comparisonOperator() {
      ops.append(op)
      comparators.append(try parseBitwiseOr())
    }
    if ops.isEmpty { return first }
    return Expr(kind: .compare(first, ops, comparators), span: span(from: start))
  }

  /// Consumes a comparison operator (`not in` and `is not` are two tokens).
  private mutating func comparisonOperator() -> CompareOperator? {
    let op: CompareOperator
    switch kind {
    case .equalEqual: op = .eq
    case .notEqual: op = .notEq
    case .less: op = .lt
    case .lessEqual: op = .ltE
    case .greater: op = .gt
    case .greaterEqual: op = .gtE
    case .keyword(.in): op = .in
    case .keyword(.not):
      guard peekKind() == .keyword(.in) else { return nil }
      advance()
      op = .notIn
    case .keyword(.is):
      if peekKind() == .keyword(.not) {
        advance()
        op = .isNot
      } else {
        op = .is
      }
    default:
      return nil
    }
    advance()
    return op
  }

  /// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
  mutating func parseBitwiseOr() throws -> Expr {
    try parseBinary(level: 0)
  }

  /// bitwise_xor, bitwise_and, shift_expr, sum, term: left-associative binary levels, from
  /// loosest (0, `|`) to tightest (5, `* / // % @`); factor below them.
  private mutating func parseBinary(level: Int) throws -> Expr {
    let start = current.start
    var left = level == 5 ? try parseFactor() : try parseBinary(level: level + 1)
    while let op = binaryOperator(level: level) {
      advance()
      let right = level == 5 ? try parseFactor() : try parseBinary(level: level + 1)
      left = Expr(kind: .binOp(left, op, right), span: span(from: start))
    }
    return left
  }

  private func binaryOperator(level: Int) -> BinaryOperator? {
    switch (level, kind) {
    case (0, .pipe): return .bitOr
    case (1, .caret): return .bitXor
    case (2, .ampersand): return .bitAnd
    case (3, .leftShift): return .lShift
    case (3, .rightShift): return .rShift
    case (4, .plus): return .add
    case (4, .minus): return .sub
    case (5, .star): return .mult
    case (5, .slash): return .div
    case (5, .doubleSlash): return .floorDiv
    case (5, .percent): return .mod
    case (5, .at): return .matMult
    default: return nil
    }
  }

  /// factor: '+' factor | '-' factor | '~' factor | power
  private mutating func parseFactor() throws -> Expr {
    let op: UnaryOperator
    switch kind {
    case .plus: op = .uAdd
    case .minus: op = .uSub
    case .tilde: op = .invert
    default: return try parsePower()
    }
    try enterNesting()
    defer { depth -= 1 }
    let token = advance()
    let operand = try parseFactor()
    return Expr(kind: .unaryOp(op, operand), span: span(from: token.start))
  }

  /// power: await_primary '**' factor | await_primary
  private mutating func parsePower() throws -> Expr {
    let start = current.start
    if kind == .keyword(.await) { throw error("'await' is not supported by sshs", at: start) }
    let base = try parsePrimary()
    guard accept(.doubleStar) else { return base }
    let exponent = try parseFactor()
    return Expr(kind: .binOp(base, .pow, exponent), span: span(from: start))
  }

  /// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
  ///   | primary '[' slices ']' | atom
  mutating func parsePrimary() throws -> Expr {
    let start = current.start
    var expr = try parseAtom()
    while true {
      switch kind {
      case .dot:
        advance()
        let (name, _) = try expectName()
        expr = Expr(kind: .attribute(expr, name, .load), span: span(from: start))
      case .leftParen:
        advance()
        let (args, keywords) = try parseArguments(allowGenerator: true)
        _ = try expect(.rightParen)
        expr = Expr(kind: .call(expr, args: args, keywords: keywords), span: span(from: start))
      case .leftBracket:
        advance()
        let index = try parseSlices()
        _ = try expect(.rightBracket)
        expr = Expr(kind: .subscript(expr, index, .load), span: span(from: start))
      default:
        return expr
      }
    }
  }

  /// slices: slice !',' | ','.(slice | starred_expression)+ [',']
  private mutating func parseSlices() throws -> Expr {
    let start = current.start
    let first = try parseSlice()
    guard kind == .comma else { return first }
    var items = [first]
    while accept(.comma) {
      if kind == .rightBracket { break }
      items.append(try parseSlice())
    }
    return Expr(kind: .tuple(items, .load), span: span(from: start))
  }

  /// slice: [expression] ':' [expression] [':' [expression]] | named_expression
  private mutating func parseSlice() throws -> Expr {
    let start = current.start
    if kind == .star { return try parseStarredItem(allowNamed: false) }
    var lower: Expr?
    if kind != .colon {
      let value = try parseNamedExpression()
      guard kind == .colon else {
        try checkMissingComma(after: value)
        return value
      }
      lower = value
    }
    advance()
    let upper = kind == .colon || kind == .comma || kind == .rightBracket ? nil : try parseExpression()
    var step: Expr?
    if accept(.colon), kind != .comma && kind != .rightBracket {
      step = try parseExpression()
    }
    return Expr(kind: .slice(lower: lower, upper: upper, step: step), span: span(from: start))
  }

  /// Inside brackets, two expressions side by side on one line are most likely a missing comma.
  func checkMissingComma(after element: Expr) throws {
    guard file.line(of: current.start) == file.line(of: Int(element.span.end)) else { return }
    switch kind {
    case .name, .number, .leftParen, .leftBracket, .leftBrace, .keyword(.none), .keyword(.true), .keyword(.false),
      .ellipsis, .dollar:
      if case .name(let name, _) = element.kind, ["match", "case", "_"].contains(name) { return }
      throw error("invalid syntax. Perhaps you forgot a comma?", at: element.span)
    case .string:
      if case .name = element.kind { return }
      if case .name(let name, _) = element.kind, ["match", "case", "_"].contains(name) { return }
      throw error("invalid syntax. Perhaps you forgot a comma?", at: element.span)
    default:
      return
    }
  }

  /// arguments: args [','] &')'
  /// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
  ///   | kwargs
  /// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | ...
  mutating func parseArguments(allowGenerator: Bool) throws -> ([Expr], [Keyword]) {
    var args: [Expr] = []
    var keywords: [Keyword] = []
    var keywordNames: Set<String> = []
    var sawDoubleStar = false
    // CPython reports a positional argument after keywords once the whole list is read.
    var misplacedPositional: String?
    while kind != .rightParen {
      let start = current.start
      if kind == .star {
        if sawDoubleStar {
          throw error("iterable argument unpacking follows keyword argument unpacking", at: start)
        }
        args.append(try parseStarredItem(allowNamed: false))
      } else if kind == .doubleStar {
        advance()
        let value = try parseExpression()
        sawDoubleStar = true
        keywords.append(Keyword(name: nil, value: value, span: span(from: start)))
      } else if kind == .name && peekKind() == .equal {
        let nameToken = advance()
        advance()
        let name = text(nameToken)
        if !keywordNames.insert(name).inserted {
          throw error("keyword argument repeated: \(name)", at: nameToken.start)
        }
        let value = try parseExpression()
        keywords.append(Keyword(name: name, value: value, span: span(from: start)))
      } else {
        var value = try parseNamedExpression(suggestComparison: false)
        if kind == .equal {
          throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: value.span)
        }
        if kind == .keyword(.for) {
          value = try parseGenerator(element: value, start: start)
          let alone =
            args.isEmpty && keywords.isEmpty && (kind == .rightParen || (kind == .comma && peekKind() == .rightParen))
          if !allowGenerator && alone { throw error("invalid syntax", at: Int(value.span.start)) }
          if !alone || !allowGenerator {
            throw error("Generator expression must be parenthesized", at: value.span)
          }
        }
        if !keywords.isEmpty && misplacedPositional == nil {
          misplacedPositional =
            sawDoubleStar
            ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument"
        }
        try checkMissingComma(after: value)
        args.append(value)
      }
      if !accept(.comma) { break }
    }
    if let misplacedPositional { throw error(misplacedPositional, at: current.start) }
    return (args, keywords)
  }

  /// for_if_clauses: for_if_clause+
  /// for_if_clause: 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
  mutating func parseComprehensionClauses() throws -> [Comprehension] {
    var clauses: [Comprehension] = []
    while kind == .keyword(.for) {
      advance()
      let target = try parseStarTargets()
      _ = try expect(.keyword(.in))
      let iterable = try parseDisjunction()
      var ifs: [Expr] = []
      while accept(.keyword(.if)) { ifs.append(try parseDisjunction()) }
      clauses.append(Comprehension(target: target, iterable: iterable, ifs: ifs))
    }
    if kind == .keyword(.async) { throw error("'async' is not supported by sshs", at: current.start) }
    return clauses
  }

  /// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
  /// (the parentheses are the caller's: a call's own, or a group's).
  mutating func parseGenerator(element: Expr, start: Int) throws -> Expr {
    try checkNotStarredInComprehension(element)
    let clauses = try parseComprehensionClauses()
    return Expr(kind: .generatorExp(element, clauses), span: span(from: start))
  }

  func checkNotStarredInComprehension(_ element: Expr) throws {
    if case .starred = element.kind {
      throw error("iterable unpacking cannot be used in comprehension", at: element.span)
    }
  }

  /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
  mutating func parseYield() throws -> Expr {
    let token = advance()
    if !context.inFunction { throw error("'yield' outside function", at: token.start) }
    if accept(.keyword(.from)) {
      let value = try parseExpression()
      return Expr(kind: .yieldFrom(value), span: span(from: token.start))
    }
    var value: Expr?
    if startsExpression(kind) || kind == .star {
      value = try parseStarExpressions()
    }
    return Expr(kind: .yield(value), span: span(from: token.start))
  }
}
