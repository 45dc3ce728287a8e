extension Parser {
  /// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt | try_stmt | while_stmt
  mutating func parseCompoundStatement() throws -> Stmt {
    switch kind {
    case .at: return try parseDecorated()
    case .keyword(.def): return try parseFunctionDef(decorators: [])
    case .keyword(.class): return try parseClassDef(decorators: [])
    case .keyword(.if): return try parseIf()
    case .keyword(.while): return try parseWhile()
    case .keyword(.for): return try parseFor()
    case .keyword(.with): return try parseWith()
    default: return try parseTry()
    }
  }

  func line(of token: Token) -> Int { file.line(of: token.start) }

  /// Parses a block in a loop body (`break`/`continue` allowed) or outside one.
  mutating func parseBlock(after header: String, line: Int, inLoop: Bool) throws -> [Stmt] {
    let saved = context
    context.inLoop = inLoop
    defer { context = saved }
    return try parseBlock(after: header, line: line)
  }

  /// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
  /// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
  private mutating func parseIf() throws -> Stmt {
    let token = advance()
    let test = try parseNamedExpression()
    try expectColon()
    let keyword = token.kind == .keyword(.if) ? "if" : "elif"
    let body = try parseBlock(after: "'\(keyword)' statement", line: line(of: token))
    var orelse: [Stmt] = []
    if kind == .keyword(.elif) {
      orelse = [try parseIf()]
    } else if kind == .keyword(.else) {
      orelse = try parseElse()
    }
    return Stmt(kind: .if(test: test, body: body, orelse: orelse), span: span(from: token.start))
  }

  /// else_block: 'else' ':' block
  private mutating func parseElse() throws -> [Stmt] {
    let token = advance()
    try expectColon()
    return try parseBlock(after: "'else' statement", line: line(of: token))
  }

  /// while_stmt: 'while' named_expression ':' block [else_block]
  private mutating func parseWhile() throws -> Stmt {
    let token = advance()
    let test = try parseNamedExpression()
    try expectColon()
    let body = try parseBlock(after: "'while' statement", line: line(of: token), inLoop: true)
    let orelse = kind == .keyword(.else) ? try parseElse() : []
    return Stmt(kind: .while(test: test, body: body, orelse: orelse), span: span(from: token.start))
  }

  /// for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block]
  private mutating func parseFor() throws -> Stmt {
    let token = advance()
    let target = try parseStarTargets()
    _ = try expect(.keyword(.in))
    let iterable = try parseStarExpressions()
    try expectColon()
    let body = try parseBlock(after: "'for' statement", line: line(of: token), inLoop: true)
    let orelse = kind == .keyword(.else) ? try parseElse() : []
    let stmt = StmtKind.for(target: target, iterable: iterable, body: body, orelse: orelse)
    return Stmt(kind: stmt, span: span(from: token.start))
  }

  /// star_targets: star_target (',' star_target)* [',']
  mutating func parseStarTargets() throws -> Expr {
    let start = current.start
    var items: [Expr] = []
    var sawComma = false
    repeat {
      if kind == .keyword(.in) || kind == .equal { break }
      items.append(try parseStarTarget())
      if kind == .comma { sawComma = true }
    } while accept(.comma)
    if items.isEmpty { throw invalidSyntax() }
    let target = items.count == 1 && !sawComma ? items[0] : Expr(kind: .tuple(items, .load), span: span(from: start))
    return try asTarget(target, context: .store)
  }

  /// star_target: '*' (!'*' star_target) | target_with_star_atom — parsed as bitwise_or (which
  /// stops before `in`), then checked by `asTarget`.
  mutating func parseStarTarget() throws -> Expr {
    guard kind == .star else { return try parseBitwiseOr() }
    let star = advance()
    let value = try parseBitwiseOr()
    return Expr(kind: .starred(value, .load), span: span(from: star.start))
  }

  /// with_stmt: 'with' '(' ','.with_item+ ','? ')' ':' block | 'with' ','.with_item+ ':' block
  ///   | with_dollar_stmt
  /// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
  private mutating func parseWith() throws -> Stmt {
    let token = advance()
    if kind == .consoleStart { return try parseConsoleWith(start: token.start) }
    var items: [WithItem] = []
    if kind == .leftParen, let parenthesized = try parseParenthesizedWithItems() {
      items = parenthesized
    } else {
      repeat {
        items.append(try parseWithItem())
      } while accept(.comma)
    }
    try expectColon()
    if let console = try consoleWith(from: items, withToken: token) {
      return console
    }
    let body = try parseBlock(after: "'with' statement", line: line(of: token), inLoop: context.inLoop)
    return Stmt(kind: .with(items: items, body: body), span: span(from: token.start))
  }

  /// The parenthesized form `with (a as b, c as d):`, or nil (position unchanged) when the
  /// parenthesis belongs to the first item's expression.
  private mutating func parseParenthesizedWithItems() throws -> [WithItem]? {
    let saved = index
    advance()
    var items: [WithItem] = []
    do {
      repeat {
        if kind == .rightParen { break }
        items.append(try parseWithItem())
      } while accept(.comma)
      guard kind == .rightParen, peekKind() == .colon, !items.isEmpty else {
        index = saved
        return nil
      }
      advance()
      return items
    } catch {
      index = saved
      return nil
    }
  }

  private mutating func parseWithItem() throws -> WithItem {
    let context = try parseExpression()
    var target: Expr?
    if accept(.keyword(.as)) {
      let item = try parseStarTarget()
      guard kind == .comma || kind == .rightParen || kind == .colon || kind == .newline else { throw invalidSyntax() }
      target = try asTarget(item, context: .store)
    }
    return WithItem(context: context, target: target)
  }

  /// try_stmt: 'try' ':' block finally_block
  ///   | 'try' ':' block except_block+ [else_block] [finally_block]
  ///   | 'try' ':' block except_star_block+ [else_block] [finally_block]
  private mutating func parseTry() throws -> Stmt {
    let token = advance()
    try expectColon()
    let body = try parseBlock(after: "'try' statement", line: line(of: token), inLoop: context.inLoop)
    var handlers: [ExceptHandler] = []
    var star: Bool?
    while kind == .keyword(.except) {
      let handler = try parseExceptHandler()
      if let star, star != handler.star {
        throw error("cannot have both 'except' and 'except*' on the same 'try'", at: handler.handler.span)
      }
      star = handler.star
      handlers.append(handler.handler)
    }
    var orelse: [Stmt] = []
    if !handlers.isEmpty && kind == .keyword(.else) { orelse = try parseElse() }
    var finalbody: [Stmt] = []
    if kind == .keyword(.finally) {
      let finallyToken = advance()
      try expectColon()
      finalbody = try parseBlock(after: "'finally' statement", line: line(of: finallyToken), inLoop: context.inLoop)
    }
    if handlers.isEmpty && finalbody.isEmpty {
      throw error("expected 'except' or 'finally' block", at: currentErrorOffset)
    }
    let stmt = StmtKind.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, star: star ?? false)
    return Stmt(kind: stmt, span: span(from: token.start))
  }

  /// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
  /// except_star_block: 'except' '*' expression ['as' NAME] ':' block
  private mutating func parseExceptHandler() throws -> (handler: ExceptHandler, star: Bool) {
    let token = advance()
    let star = accept(.star)
    var type: Expr?
    var name: String?
    if kind != .colon || star {
      let first = try parseExpression()
      if kind == .comma {
        throw error("multiple exception types must be parenthesized", at: first.span)
      }
      type = first
      if accept(.keyword(.as)) { name = try expectName().0 }
    }
    try expectColon()
    let header = star ? "'except*' statement" : "'except' statement"
    let body = try parseBlock(after: header, line: line(of: token), inLoop: context.inLoop)
    return (ExceptHandler(type: type, name: name, body: body, span: span(from: token.start)), star)
  }

  /// decorators: ('@' named_expression NEWLINE)+, then a function_def or class_def.
  private mutating func parseDecorated() throws -> Stmt {
    var decorators: [Expr] = []
    while accept(.at) {
      decorators.append(try parseNamedExpression())
      guard kind == .newline else { throw invalidSyntax() }
      advance()
    }
    switch kind {
    case .keyword(.def): return try parseFunctionDef(decorators: decorators)
    case .keyword(.class): return try parseClassDef(decorators: decorators)
    case .keyword(.async): throw error("'async' is not supported by sshs", at: current.start)
    default: throw invalidSyntax()
    }
  }

  /// function_def_raw: 'def' NAME '(' [params] ')' ['->' expression] ':' block
  private mutating func parseFunctionDef(decorators: [Expr]) throws -> Stmt {
    let token = advance()
    let (name, _) = try expectName()
    _ = try expect(.leftParen)
    let arguments = try parseParameters(closing: .rightParen, annotations: true)
    _ = try expect(.rightParen)
    let returns = accept(.arrow) ? try parseExpression() : nil
    try expectColon()
    let saved = context
    context = Context(inFunction: true, inLoop: false)
    defer { context = saved }
    let body = try parseBlock(after: "function definition", line: line(of: token))
    let def = FunctionDef(name: name, arguments: arguments, body: body, decorators: decorators, returns: returns)
    // As in CPython, a definition's position is its `def` keyword, not its first decorator.
    return Stmt(kind: .functionDef(def), span: span(from: token.start))
  }

  /// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
  private mutating func parseClassDef(decorators: [Expr]) throws -> Stmt {
    let token = advance()
    let (name, _) = try expectName()
    var bases: [Expr] = []
    var keywords: [Keyword] = []
    if accept(.leftParen) {
      (bases, keywords) = try parseArguments(allowGenerator: false)
      _ = try expect(.rightParen)
    }
    try expectColon()
    let saved = context
    context = Context(inFunction: false, inLoop: false)
    defer { context = saved }
    let body = try parseBlock(after: "class definition", line: line(of: token))
    let def = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
    return Stmt(kind: .classDef(def), span: span(from: token.start))
  }
}
