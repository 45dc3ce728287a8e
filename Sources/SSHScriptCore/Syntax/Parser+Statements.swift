extension Parser {
  /// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
  mutating func parseSimpleStatements(into body: inout [Stmt]) throws {
    let lineStart = index == 0 || Lexer.startsStatement(tokens[index - 1].kind) && tokens[index - 1].kind != .semicolon
    if kind == .dollar, peekKind() == .dot, peekKind(2) == .name, text(tokens[index + 2]) == "include" {
      try parseInclude(into: &body, atLineStart: lineStart)
      return
    }
    while true {
      body.append(try parseSimpleStatement())
      if accept(.semicolon) {
        if kind == .newline || kind == .endOfFile { break }
        continue
      }
      break
    }
    guard kind == .newline || kind == .endOfFile else { throw invalidSyntax() }
    advance()
  }

  /// simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt | 'pass'
  ///   | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue' | global_stmt | nonlocal_stmt
  ///   | command
  mutating func parseSimpleStatement() throws -> Stmt {
    let token = current
    switch token.kind {
    case .keyword(.pass):
      advance()
      return Stmt(kind: .pass, span: span(token))
    case .keyword(.break):
      advance()
      if !context.inLoop { throw error("'break' outside loop", at: token.start) }
      return Stmt(kind: .break, span: span(token))
    case .keyword(.continue):
      advance()
      if !context.inLoop { throw error("'continue' not properly in loop", at: token.start) }
      return Stmt(kind: .continue, span: span(token))
    case .keyword(.return): return try parseReturn()
    case .keyword(.raise): return try parseRaise()
    case .keyword(.global), .keyword(.nonlocal): return try parseGlobal()
    case .keyword(.del): return try parseDelete()
    case .keyword(.assert): return try parseAssert()
    case .keyword(.import): return try parseImportName()
    case .keyword(.from): return try parseImportFrom()
    default: return try parseAssignmentOrExpression()
    }
  }

  /// return_stmt: 'return' [star_expressions | command]
  private mutating func parseReturn() throws -> Stmt {
    let token = advance()
    if !context.inFunction { throw error("'return' outside function", at: token.start) }
    var value: Expr?
    if kind == .commandStart {
      value = try parseCommand()
    } else if !endsSimpleStatement {
      value = try parseStarExpressions()
    }
    return Stmt(kind: .return(value), span: span(from: token.start))
  }

  var endsSimpleStatement: Bool {
    kind == .newline || kind == .semicolon || kind == .endOfFile
  }

  /// raise_stmt: 'raise' expression ['from' expression] | 'raise'
  private mutating func parseRaise() throws -> Stmt {
    let token = advance()
    var exception: Expr?
    var cause: Expr?
    if !endsSimpleStatement {
      exception = try parseExpression()
      if accept(.keyword(.from)) { cause = try parseExpression() }
    }
    return Stmt(kind: .raise(exception: exception, cause: cause), span: span(from: token.start))
  }

  /// global_stmt: 'global' ','.NAME+ ;  nonlocal_stmt: 'nonlocal' ','.NAME+
  private mutating func parseGlobal() throws -> Stmt {
    let token = advance()
    var names: [String] = []
    repeat {
      names.append(try expectName().0)
    } while accept(.comma)
    if token.kind == .keyword(.global) {
      return Stmt(kind: .global(names), span: span(from: token.start))
    }
    if !context.inFunction {
      throw error("nonlocal declaration not allowed at module level", at: token.start)
    }
    return Stmt(kind: .nonlocal(names), span: span(from: token.start))
  }

  /// del_stmt: 'del' del_targets
  private mutating func parseDelete() throws -> Stmt {
    let token = advance()
    var targets: [Expr] = []
    repeat {
      if endsSimpleStatement { break }
      let target = try parseBitwiseOr()
      targets.append(try asTarget(target, context: .del))
    } while accept(.comma)
    if targets.isEmpty { throw invalidSyntax() }
    return Stmt(kind: .delete(targets), span: span(from: token.start))
  }

  /// assert_stmt: 'assert' expression [',' expression]
  private mutating func parseAssert() throws -> Stmt {
    let token = advance()
    let test = try parseExpression()
    let message = accept(.comma) ? try parseExpression() : nil
    return Stmt(kind: .assert(test: test, message: message), span: span(from: token.start))
  }

  /// import_name: 'import' dotted_as_names
  private mutating func parseImportName() throws -> Stmt {
    let token = advance()
    var names: [Alias] = []
    repeat {
      let start = current.start
      let name = try parseDottedName()
      let asName = accept(.keyword(.as)) ? try expectName().0 : nil
      names.append(Alias(name: name, asName: asName, span: span(from: start)))
    } while accept(.comma)
    return Stmt(kind: .import(names), span: span(from: token.start))
  }

  /// dotted_name: dotted_name '.' NAME | NAME
  private mutating func parseDottedName() throws -> String {
    var name = try expectName().0
    while accept(.dot) {
      name += "." + (try expectName().0)
    }
    return name
  }

  /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
  ///   | 'from' ('.' | '...')+ 'import' import_from_targets
  private mutating func parseImportFrom() throws -> Stmt {
    let token = advance()
    var level = 0
    while kind == .dot || kind == .ellipsis {
      level += kind == .dot ? 1 : 3
      advance()
    }
    var module: String?
    if kind == .name {
      module = try parseDottedName()
    } else if level == 0 {
      throw invalidSyntax()
    }
    _ = try expect(.keyword(.import))
    var names: [Alias] = []
    if kind == .star {
      let star = advance()
      names.append(Alias(name: "*", asName: nil, span: span(star)))
    } else {
      let parenthesized = accept(.leftParen)
      repeat {
        if parenthesized && kind == .rightParen { break }
        let (name, nameToken) = try expectName()
        let asName = accept(.keyword(.as)) ? try expectName().0 : nil
        names.append(Alias(name: name, asName: asName, span: span(from: nameToken.start)))
      } while accept(.comma)
      if parenthesized {
        _ = try expect(.rightParen)
      } else if names.isEmpty {
        throw invalidSyntax()
      }
      if names.isEmpty { throw invalidSyntax() }
    }
    return Stmt(kind: .importFrom(module: module, names: names, level: level), span: span(from: token.start))
  }

  /// assignment:
  ///   | NAME ':' expression ['=' annotated_rhs]
  ///   | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  ///   | (star_targets '=')+ (yield_expr | star_expressions | command) !'='
  ///   | single_target augassign (yield_expr | star_expressions | command)
  /// star_expressions (an expression statement), or a command statement.
  private mutating func parseAssignmentOrExpression() throws -> Stmt {
    let startIndex = index
    let start = current.start
    let first = try parseAssignedValue()
    if kind == .colon {
      return try parseAnnotated(first, startIndex: startIndex)
    }
    if let op = kind.augmentedOperator {
      try checkAugmentedTarget(first)
      advance()
      let value = try parseAssignedValue()
      return Stmt(kind: .augAssign(target: retarget(first, .store), op: op, value: value), span: span(from: start))
    }
    if kind == .equal {
      var pending = [first]
      while accept(.equal) {
        pending.append(try parseAssignedValue())
      }
      let value = pending.removeLast()
      var targets: [Expr] = []
      for (position, target) in pending.enumerated() {
        let single = pending.count == 1 && position == 0
        targets.append(try asTarget(target, context: .store, assignmentSuggestion: single))
      }
      try checkStarredValue(value)
      return Stmt(kind: .assign(targets: targets, value: value), span: span(from: start))
    }
    if case .name(let name, _) = first.kind, name == "print" || name == "exec", startsExpression(kind) {
      throw error("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?", at: first.span)
    }
    if case .starred = first.kind {
      throw error("can't use starred expression here", at: first.span)
    }
    return Stmt(kind: .expr(first), span: span(from: start))
  }

  /// The right-hand side of an assignment or an expression statement:
  /// yield_expr | star_expressions | command.
  mutating func parseAssignedValue() throws -> Expr {
    switch kind {
    case .commandStart: return try parseCommand()
    case .keyword(.yield): return try parseYield()
    default: return try parseStarExpressions()
    }
  }

  private mutating func parseAnnotated(_ target: Expr, startIndex: Int) throws -> Stmt {
    let parenthesized = tokens[startIndex].kind == .leftParen
    var simple = false
    switch target.kind {
    case .name: simple = !parenthesized
    case .attribute, .subscript: break
    case .tuple: throw error("only single target (not tuple) can be annotated", at: target.span)
    case .list: throw error("only single target (not list) can be annotated", at: target.span)
    default: throw error("illegal target for annotation", at: target.span)
    }
    advance()
    let annotation = try parseExpression()
    let value = accept(.equal) ? try parseAssignedValue() : nil
    let stmt = StmtKind.annAssign(
      target: retarget(target, .store), annotation: annotation, value: value, simple: simple)
    return Stmt(kind: stmt, span: span(from: tokens[startIndex].start))
  }

  private func checkAugmentedTarget(_ target: Expr) throws {
    switch target.kind {
    case .name, .attribute, .subscript: return
    default:
      throw error("'\(expressionName(target))' is an illegal expression for augmented assignment", at: target.span)
    }
  }

  /// A starred value is only valid inside a tuple or list display.
  func checkStarredValue(_ value: Expr) throws {
    if case .starred = value.kind {
      throw error("can't use starred expression here", at: value.span)
    }
  }

  /// Tokens that can begin an expression (for "Perhaps you forgot a comma?" and `print x`).
  func startsExpression(_ kind: TokenKind) -> Bool {
    switch kind {
    case .name, .number, .string, .leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .dollar, .ellipsis,
      .keyword(.none), .keyword(.true), .keyword(.false), .keyword(.lambda), .keyword(.not), .keyword(.await):
      return true
    default:
      return false
    }
  }
}
