/// Turns source text into tokens: Python's tokenizer (indentation, implicit and explicit line
/// joining, every literal form) plus the recognition of `$` forms (LANGUAGE.md §2).
///
/// The whole file is tokenized before parsing starts, so a tokenizer error anywhere in the file
/// (an unterminated string, a bracket never closed) is reported in preference to a later parser
/// error, as CPython does.
///
/// The lexer works on the file's bytes through an `UnsafeBufferPointer`; it is created and used
/// inside `SourceFile.text.withUnsafeBufferPointer`.
struct Lexer {
  enum Mode {
    /// A whole file: NEWLINE, INDENT and DEDENT tokens, `$` commands at statement positions.
    case file
    /// An expression embedded in a string or command (`{…}` of an f-string, `@{…}`): no
    /// layout tokens, newlines are blanks, only `$.name` and `$(…)` are allowed.
    case embedded
  }

  let file: SourceFile
  let bytes: UnsafeBufferPointer<UInt8>
  let mode: Mode
  /// One past the last byte to read.
  let limit: Int
  var position: Int
  var tokens: [Token] = []

  /// Open brackets: the bracket byte and its offset, for "never closed" and mismatch errors.
  private var brackets: [(byte: UInt8, offset: Int)] = []
  /// Indentation columns (tabs to multiples of 8) and the same with tabs counted as 1, which
  /// together detect inconsistent tabs and spaces as CPython does.
  private var indents: [Int] = [0]
  private var altIndents: [Int] = [0]
  private var atLineStart = true
  /// Set by the first statement of the file; a uniformly indented file is read as unindented.
  private var baseIndentKnown = false
  /// The compound-statement keyword that starts the current logical line, if any.
  private var lineKeyword: ReservedWord?
  /// Index of the colon that ends the current line's compound header, once seen.
  private(set) var headerColonIndex = -1
  /// The first bracket still open at the end of a file, reported by `ModuleParser`.
  private(set) var unclosedBracket: Diagnostic?

  init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, mode: Mode, range: Range<Int>) {
    self.file = file
    self.bytes = bytes
    self.mode = mode
    self.position = range.lowerBound
    self.limit = range.upperBound
    if mode == .embedded { atLineStart = false }
  }

  /// Tokenizes the range; the last token is `endOfFile`.
  mutating func tokenize() throws -> [Token] {
    tokens.reserveCapacity((limit - position) / 4 + 8)
    while true {
      if atLineStart && mode == .file {
        if try !readIndentation() { break }
        continue
      }
      guard position < limit else { break }
      try readToken()
    }
    try finish()
    return tokens
  }

  // MARK: - Errors

  func error(_ message: String, at offset: Int) -> Diagnostic {
    Diagnostic(.error, message, in: file, at: offset)
  }

  // MARK: - Layout

  /// Reads the indentation of a new line and emits INDENT/DEDENT tokens. Blank and comment-only
  /// lines produce nothing. Returns false at the end of the input.
  private mutating func readIndentation() throws -> Bool {
    while true {
      let lineStart = position
      var column = 0
      var altColumn = 0
      while position < limit {
        let byte = bytes[position]
        if byte == UInt8(ascii: " ") {
          column += 1
          altColumn += 1
        } else if byte == UInt8(ascii: "\t") {
          column = (column / 8 + 1) * 8
          altColumn += 1
        } else if byte == 0x0C {
          column = 0
          altColumn = 0
        } else {
          break
        }
        position += 1
      }
      guard position < limit else { return false }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\n") {
        position += 1
        continue
      }
      if byte == UInt8(ascii: "#") {
        skipComment()
        continue
      }
      if byte == UInt8(ascii: "\\"), position + 1 < limit, bytes[position + 1] == UInt8(ascii: "\n") {
        // A continuation on an otherwise blank line joins it to the next one.
        position += 2
        continue
      }
      atLineStart = false
      lineKeyword = nil
      headerColonIndex = -1
      if !baseIndentKnown {
        baseIndentKnown = true
        indents = [column]
        altIndents = [altColumn]
        return true
      }
      try applyIndentation(column: column, altColumn: altColumn, lineStart: lineStart)
      return true
    }
  }

  private mutating func applyIndentation(column: Int, altColumn: Int, lineStart: Int) throws {
    let top = indents[indents.count - 1]
    if column == top {
      if altColumn != altIndents[altIndents.count - 1] {
        throw error("inconsistent use of tabs and spaces in indentation", at: lineStart)
      }
    } else if column > top {
      if altColumn <= altIndents[altIndents.count - 1] {
        throw error("inconsistent use of tabs and spaces in indentation", at: lineStart)
      }
      if indents.count > Lexer.maximumIndentDepth {
        throw error("too many levels of indentation", at: lineStart)
      }
      indents.append(column)
      altIndents.append(altColumn)
      tokens.append(Token(kind: .indent, start: lineStart, end: position))
    } else {
      while indents.count > 1 && column < indents[indents.count - 1] {
        indents.removeLast()
        altIndents.removeLast()
        tokens.append(Token(kind: .dedent, start: position, end: position))
      }
      if column != indents[indents.count - 1] {
        throw error("unindent does not match any outer indentation level", at: endOfLine(from: position))
      }
      if altColumn != altIndents[altIndents.count - 1] {
        throw error("inconsistent use of tabs and spaces in indentation", at: lineStart)
      }
    }
  }

  private mutating func finish() throws {
    if let open = brackets.first {
      let diagnostic = error("'\(Character(Unicode.Scalar(open.byte)))' was never closed", at: open.offset)
      // In a file, the parser decides: its own error comes first when it is on the bracket's
      // line (`def f(:`), this one when the parser only fails later (CPython's choice).
      guard mode == .file else { throw diagnostic }
      unclosedBracket = diagnostic
    }
    if mode == .file {
      if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
        tokens.append(Token(kind: .newline, start: limit, end: limit))
      }
      while indents.count > 1 {
        indents.removeLast()
        tokens.append(Token(kind: .dedent, start: limit, end: limit))
      }
    }
    tokens.append(Token(kind: .endOfFile, start: limit, end: limit))
  }

  func endOfLine(from offset: Int) -> Int {
    var i = offset
    while i < limit && bytes[i] != UInt8(ascii: "\n") { i += 1 }
    return i
  }

  private mutating func skipComment() {
    position = endOfLine(from: position)
  }

  // MARK: - Tokens

  private mutating func readToken() throws {
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
      position += 1
    case UInt8(ascii: "\n"):
      if brackets.isEmpty && mode == .file {
        tokens.append(Token(kind: .newline, start: position, end: position + 1))
        atLineStart = true
      }
      position += 1
    case UInt8(ascii: "#"):
      if mode == .embedded {
        throw error("'#' is not allowed in an embedded expression", at: position)
      }
      skipComment()
    case UInt8(ascii: "\\"):
      try readBackslash()
    case UInt8(ascii: "$"):
      try readDollar()
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      try readNumber()
    case UInt8(ascii: "."):
      if position + 1 < limit, isDigit(bytes[position + 1]) {
        try readNumber()
      } else if position + 2 < limit, bytes[position + 1] == UInt8(ascii: "."),
        bytes[position + 2] == UInt8(ascii: ".")
      {
        emit(.ellipsis, length: 3)
      } else {
        emit(.dot, length: 1)
      }
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      try readString(prefixStart: position)
    default:
      if isIdentifierStart(byte) || byte >= 0x80 {
        try readNameOrString()
      } else {
        try readOperator()
      }
    }
  }

  private mutating func readBackslash() throws {
    if position + 1 < limit, bytes[position + 1] == UInt8(ascii: "\n") {
      position += 2
      if position >= limit { throw error("unexpected EOF while parsing", at: position - 1) }
      return
    }
    if position + 1 >= limit {
      throw error("unexpected EOF while parsing", at: position + 1)
    }
    throw error("unexpected character after line continuation character", at: position + 1)
  }

  mutating func emit(_ kind: TokenKind, length: Int) {
    tokens.append(Token(kind: kind, start: position, end: position + length))
    position += length
  }

  private mutating func readNameOrString() throws {
    let start = position
    if stringPrefixEnd(at: start) != nil {
      try readString(prefixStart: start)
      return
    }
    try skipIdentifier()
    let kind: TokenKind
    if let keyword = ReservedWord.lookup(UnsafeBufferPointer(rebasing: bytes[start..<position])) {
      kind = .keyword(keyword)
      noteKeyword(keyword)
    } else {
      kind = .name
    }
    tokens.append(Token(kind: kind, start: start, end: position))
  }

  /// Remembers the compound keyword that starts a logical line: the first colon at bracket depth
  /// zero after it ends the header, and a command may follow that colon.
  private mutating func noteKeyword(_ keyword: ReservedWord) {
    guard lineKeyword == nil, mode == .file, brackets.isEmpty else { return }
    if let last = tokens.last, !Lexer.startsStatement(last.kind) { return }
    switch keyword {
    case .if, .elif, .else, .for, .while, .try, .except, .finally, .with, .def, .class:
      lineKeyword = keyword
    default:
      break
    }
  }

  /// Kinds after which a new statement begins.
  static func startsStatement(_ kind: TokenKind) -> Bool {
    switch kind {
    case .newline, .indent, .dedent, .semicolon: return true
    default: return false
    }
  }

  /// Moves past an identifier; non-ASCII characters must be XID characters.
  private mutating func skipIdentifier() throws {
    var first = true
    while position < limit {
      let byte = bytes[position]
      if byte < 0x80 {
        guard isIdentifierStart(byte) || isDigit(byte) else { break }
        position += 1
      } else {
        let (scalar, length) = decodeScalar(at: position)
        let valid = first ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
        if !valid {
          if !first { break }
          let hex = String(scalar.value, radix: 16, uppercase: true)
          let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
          throw error("invalid character '\(Character(scalar))' (U+\(padded))", at: position)
        }
        position += length
      }
      first = false
    }
  }

  func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int) {
    StringScanner.scalar(in: UnsafeBufferPointer(rebasing: bytes[..<limit]), at: offset)
  }

  private mutating func readOperator() throws {
    let byte = bytes[position]
    let next: UInt8 = position + 1 < limit ? bytes[position + 1] : 0
    let third: UInt8 = position + 2 < limit ? bytes[position + 2] : 0
    let equalNext = next == UInt8(ascii: "=")
    switch byte {
    case UInt8(ascii: "("): try openBracket(.leftParen)
    case UInt8(ascii: "["): try openBracket(.leftBracket)
    case UInt8(ascii: "{"): try openBracket(.leftBrace)
    case UInt8(ascii: ")"): try closeBracket(.rightParen, opener: UInt8(ascii: "("))
    case UInt8(ascii: "]"): try closeBracket(.rightBracket, opener: UInt8(ascii: "["))
    case UInt8(ascii: "}"): try closeBracket(.rightBrace, opener: UInt8(ascii: "{"))
    case UInt8(ascii: ":"):
      if equalNext {
        emit(.colonEqual, length: 2)
      } else {
        emit(.colon, length: 1)
        if lineKeyword != nil && headerColonIndex < 0 && brackets.isEmpty {
          headerColonIndex = tokens.count - 1
        }
      }
    case UInt8(ascii: ","): emit(.comma, length: 1)
    case UInt8(ascii: ";"):
      emit(.semicolon, length: 1)
    case UInt8(ascii: "+"): emit(equalNext ? .plusEqual : .plus, length: equalNext ? 2 : 1)
    case UInt8(ascii: "-"):
      if next == UInt8(ascii: ">") {
        emit(.arrow, length: 2)
      } else {
        emit(equalNext ? .minusEqual : .minus, length: equalNext ? 2 : 1)
      }
    case UInt8(ascii: "*"):
      if next == UInt8(ascii: "*") {
        let eq = third == UInt8(ascii: "=")
        emit(eq ? .doubleStarEqual : .doubleStar, length: eq ? 3 : 2)
      } else {
        emit(equalNext ? .starEqual : .star, length: equalNext ? 2 : 1)
      }
    case UInt8(ascii: "/"):
      if next == UInt8(ascii: "/") {
        let eq = third == UInt8(ascii: "=")
        emit(eq ? .doubleSlashEqual : .doubleSlash, length: eq ? 3 : 2)
      } else {
        emit(equalNext ? .slashEqual : .slash, length: equalNext ? 2 : 1)
      }
    case UInt8(ascii: "%"): emit(equalNext ? .percentEqual : .percent, length: equalNext ? 2 : 1)
    case UInt8(ascii: "@"): emit(equalNext ? .atEqual : .at, length: equalNext ? 2 : 1)
    case UInt8(ascii: "|"): emit(equalNext ? .pipeEqual : .pipe, length: equalNext ? 2 : 1)
    case UInt8(ascii: "&"): emit(equalNext ? .ampersandEqual : .ampersand, length: equalNext ? 2 : 1)
    case UInt8(ascii: "^"): emit(equalNext ? .caretEqual : .caret, length: equalNext ? 2 : 1)
    case UInt8(ascii: "~"): emit(.tilde, length: 1)
    case UInt8(ascii: "<"):
      if next == UInt8(ascii: "<") {
        let eq = third == UInt8(ascii: "=")
        emit(eq ? .leftShiftEqual : .leftShift, length: eq ? 3 : 2)
      } else if next == UInt8(ascii: ">") {
        // `<>` is only valid with `from __future__ import barry_as_FLUFL`.
        throw error("invalid syntax", at: position)
      } else {
        emit(equalNext ? .lessEqual : .less, length: equalNext ? 2 : 1)
      }
    case UInt8(ascii: ">"):
      if next == UInt8(ascii: ">") {
        let eq = third == UInt8(ascii: "=")
        emit(eq ? .rightShiftEqual : .rightShift, length: eq ? 3 : 2)
      } else {
        emit(equalNext ? .greaterEqual : .greater, length: equalNext ? 2 : 1)
      }
    case UInt8(ascii: "="): emit(equalNext ? .equalEqual : .equal, length: equalNext ? 2 : 1)
    case UInt8(ascii: "!"):
      if equalNext {
        emit(.notEqual, length: 2)
      } else {
        throw error("invalid syntax", at: position)
      }
    default:
      throw error("invalid syntax", at: position)
    }
  }

  /// CPython's limits, which also bound the parser's recursion.
  static let maximumBracketDepth = 200
  static let maximumIndentDepth = 100

  private mutating func openBracket(_ kind: TokenKind) throws {
    if brackets.count >= Lexer.maximumBracketDepth {
      throw error("too many nested parentheses", at: position)
    }
    brackets.append((bytes[position], position))
    emit(kind, length: 1)
  }

  private mutating func closeBracket(_ kind: TokenKind, opener: UInt8) throws {
    let closer = Character(Unicode.Scalar(bytes[position]))
    guard let open = brackets.last else {
      throw error("unmatched '\(closer)'", at: position)
    }
    if open.byte != opener {
      let openChar = Character(Unicode.Scalar(open.byte))
      var message = "closing parenthesis '\(closer)' does not match opening parenthesis '\(openChar)'"
      let openLine = file.line(of: open.offset)
      if openLine != file.line(of: position) { message += " on line \(openLine)" }
      throw error(message, at: position)
    }
    brackets.removeLast()
    emit(kind, length: 1)
  }

  var bracketDepth: Int { brackets.count }
}

// MARK: - Character classes

@inline(__always) func isDigit(_ byte: UInt8) -> Bool {
  byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

@inline(__always) func isIdentifierStart(_ byte: UInt8) -> Bool {
  (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    || byte == UInt8(ascii: "_")
}

@inline(__always) func isBlank(_ byte: UInt8) -> Bool {
  byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0C
}
