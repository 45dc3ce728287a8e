/// Python's keywords (soft keywords such as `match` are names).
public enum ReservedWord: String, Sendable, Equatable, CaseIterable {
  case `false` = "False"
  case none = "None"
  case `true` = "True"
  case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif
  case `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda
  case nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield

  /// Looks a name up without allocating a `String` (the lexer's hot path).
  static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> ReservedWord? {
    guard bytes.count >= 2, bytes.count <= 8 else { return nil }
    let first = bytes[0]
    guard
      (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || first == UInt8(ascii: "F")
        || first == UInt8(ascii: "N") || first == UInt8(ascii: "T")
    else { return nil }
    return table[String(decoding: bytes, as: UTF8.self)]
  }

  private static let table: [String: ReservedWord] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

/// What a token is. Operators are one case each; `$` forms have their own cases.
public enum TokenKind: Sendable, Equatable {
  case name
  case number
  case string
  case newline
  case indent
  case dedent
  case endOfFile
  case keyword(ReservedWord)

  case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
  case colon, comma, semicolon, dot, ellipsis, arrow
  case plus, minus, star, slash, doubleSlash, percent, doubleStar, at, pipe, ampersand, caret, tilde
  case leftShift, rightShift
  case less, greater, lessEqual, greaterEqual, equalEqual, notEqual
  case equal, colonEqual
  case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual, doubleStarEqual
  case atEqual, pipeEqual, ampersandEqual, caretEqual, leftShiftEqual, rightShiftEqual

  /// `$` directly followed by `.identifier` or `(`: the dollar object or a command expression.
  case dollar
  /// `$` or `$$` opening a command at a statement position; a `bareText` token or string
  /// tokens follow.
  case commandStart
  /// `$` or `$$` right after `with`: a console header follows (bare text or strings).
  case consoleStart
  /// The raw text of a bare command or console header, continuation lines included.
  case bareText
}

/// A token: its kind and where it is. Its text is read from the source when needed.
public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  /// UTF-8 offsets into the file's text.
  public var start: Int
  public var end: Int
}
