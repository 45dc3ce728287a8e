/// A recursive-descent parser for the grammar in `Grammar/sshs.ebnf` (Python 3.11 without
/// `async`, `match` and type parameters, plus the `$` forms). Each parse method opens with the
/// rule it implements. Error messages follow CPython 3.11's wording and positions.
///
/// The parser reads the token array made by `Lexer` and the file's bytes (for literals and the
/// text of commands); embedded expressions (f-string fields, `@{…}`) are parsed by nested
/// parsers over the same bytes, so every span is an offset into the original file.
struct Parser {
  let file: SourceFile
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: [Token]
  var index = 0
  /// Shared by nested parsers of included files: the file table, warnings, include state.
  var files: FileTable
  /// What encloses the code being parsed, for `return`, `yield`, `break` and `continue` checks.
  var context = Context()
  /// Current nesting of expressions and blocks (carried into nested parsers), bounded so that
  /// input like a hundred thousand `-` signs is an error, not a stack overflow.
  var depth = 0
  static let maximumDepth = 3000

  struct Context {
    var inFunction = false
    var inLoop = false
  }

  init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], files: FileTable) {
    self.file = file
    self.bytes = bytes
    self.tokens = tokens
    self.files = files
  }

  // MARK: - Tokens

  var current: Token { tokens[index] }
  var kind: TokenKind { tokens[index].kind }

  func peekKind(_ offset: Int = 1) -> TokenKind {
    let i = index + offset
    return i < tokens.count ? tokens[i].kind : .endOfFile
  }

  /// Where an error "at the current token" is reported: at the end of the last line when the
  /// input has ended, as CPython does.
  var currentErrorOffset: Int {
    if kind == .endOfFile || (kind == .dedent && peekKind() == .endOfFile) {
      if let newline = tokens[..<index].lastIndex(where: { $0.kind == .newline }) { return tokens[newline].start }
    }
    return current.start
  }

  /// The end offset of the last consumed token.
  var previousEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  mutating func accept(_ expected: TokenKind) -> Bool {
    if kind == expected {
      advance()
      return true
    }
    return false
  }

  mutating func expect(_ expected: TokenKind) throws -> Token {
    guard kind == expected else { throw invalidSyntax() }
    return advance()
  }

  func text(_ token: Token) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
  }

  func span(from start: Int) -> Span {
    Span(file: file.id, start: start, end: max(start, previousEnd))
  }

  func span(_ token: Token) -> Span {
    Span(file: file.id, start: token.start, end: token.end)
  }

  /// Enters one level of nesting; callers `defer { depth -= 1 }`.
  mutating func enterNesting() throws {
    depth += 1
    if depth > Parser.maximumDepth { throw error("expression or block is nested too deeply", at: current.start) }
  }

  // MARK: - Errors

  func error(_ message: String, at offset: Int) -> Diagnostic {
    Diagnostic(.error, message, in: file, at: offset)
  }

  func error(_ message: String, at span: Span) -> Diagnostic {
    error(message, at: Int(span.start))
  }

  /// "invalid syntax" at the current token, with CPython's special cases for layout tokens.
  func invalidSyntax() -> Diagnostic {
    let token = current
    switch token.kind {
    case .indent:
      return error("unexpected indent", at: max(token.start, token.end - 1))
    case .dedent:
      return error("unindent does not match any outer indentation level", at: token.start)
    case .commandStart, .bareText:
      return error("'$' command is not allowed here; use $(...) inside an expression", at: token.start)
    default:
      return error("invalid syntax", at: token.start)
    }
  }

  /// The colon of a compound-statement header: "expected ':'" when the line ends instead.
  mutating func expectColon() throws {
    if accept(.colon) { return }
    if kind == .newline { throw error("expected ':'", at: current.start) }
    throw invalidSyntax()
  }

  mutating func expectName() throws -> (String, Token) {
    guard kind == .name else { throw invalidSyntax() }
    let token = advance()
    return (text(token), token)
  }

  // MARK: - Module

  /// file: [statements] ENDMARKER
  mutating func parseFile() throws -> Module {
    var body: [Stmt] = []
    while kind != .endOfFile {
      try parseStatement(into: &body)
    }
    return Module(body: body)
  }

  /// block: NEWLINE INDENT statements DEDENT | simple_stmts
  ///
  /// `header` names the statement for "expected an indented block after 'if' statement on
  /// line N"; `line` is the header's line.
  mutating func parseBlock(after header: String, line: Int) throws -> [Stmt] {
    var body: [Stmt] = []
    if kind != .newline {
      try parseSimpleStatements(into: &body)
      return body
    }
    advance()
    guard kind == .indent else {
      throw error("expected an indented block after \(header) on line \(line)", at: currentErrorOffset)
    }
    advance()
    while kind != .dedent && kind != .endOfFile {
      try parseStatement(into: &body)
    }
    _ = accept(.dedent)
    return body
  }

  /// statement: compound_stmt | simple_stmts
  mutating func parseStatement(into body: inout [Stmt]) throws {
    try enterNesting()
    defer { depth -= 1 }
    switch kind {
    case .keyword(.def), .at, .keyword(.if), .keyword(.class), .keyword(.with), .keyword(.for),
      .keyword(.try), .keyword(.while):
      body.append(try parseCompoundStatement())
    case .keyword(.async):
      throw error("'async' is not supported by sshs", at: current.start)
    case .indent:
      throw invalidSyntax()
    case .name where isMatchStatement():
      throw error("'match' statements are not supported by sshs", at: current.start)
    default:
      try parseSimpleStatements(into: &body)
    }
  }

  /// `match` is a soft keyword: it starts a match statement when the logical line is
  /// `match <subject>:` followed by an indented block (a name `match` is still usable).
  private func isMatchStatement() -> Bool {
    guard text(current) == "match" else { return false }
    switch peekKind() {
    case .equal, .dot, .colon, .comma, .newline, .semicolon, .rightParen, .leftBracket: return false
    default: break
    }
    if peekKind().isAugmentedAssignment { return false }
    var i = index + 1
    var depth = 0
    while i < tokens.count {
      switch tokens[i].kind {
      case .leftParen, .leftBracket, .leftBrace: depth += 1
      case .rightParen, .rightBracket, .rightBrace: depth -= 1
      case .colon where depth == 0:
        return i + 2 < tokens.count && tokens[i + 1].kind == .newline && tokens[i + 2].kind == .indent
      case .newline, .endOfFile: return false
      default: break
      }
      i += 1
    }
    return false
  }
}

extension TokenKind {
  var isAugmentedAssignment: Bool { augmentedOperator != nil }

  /// The operator of an augmented assignment token (`+=` → `.add`).
  var augmentedOperator: BinaryOperator? {
    switch self {
    case .plusEqual: return .add
    case .minusEqual: return .sub
    case .starEqual: return .mult
    case .atEqual: return .matMult
    case .slashEqual: return .div
    case .percentEqual: return .mod
    case .doubleStarEqual: return .pow
    case .leftShiftEqual: return .lShift
    case .rightShiftEqual: return .rShift
    case .pipeEqual: return .bitOr
    case .caretEqual: return .bitXor
    case .ampersandEqual: return .bitAnd
    case .doubleSlashEqual: return .floorDiv
    default: return nil
    }
  }
}
