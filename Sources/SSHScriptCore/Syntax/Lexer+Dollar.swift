/// Recognition of `$` forms (LANGUAGE.md §2.2–§2.4, §2.8).
extension Lexer {
  mutating func readDollar() throws {
    let start = position
    let next: UInt8 = start + 1 < limit ? bytes[start + 1] : 0
    if next == UInt8(ascii: "(") || (next == UInt8(ascii: ".") && startsName(at: start + 2)) {
      emit(.dollar, length: 1)
      return
    }
    guard mode == .file, bracketDepth == 0 else { throw notAllowed(at: start) }
    let dollars = next == UInt8(ascii: "$") ? 2 : 1
    if case .keyword(.with)? = tokens.last?.kind {
      try readConsoleHeader(dollars: dollars)
      return
    }
    guard atStatementPosition else { throw notAllowed(at: start) }
    tokens.append(Token(kind: .commandStart, start: start, end: start + dollars))
    position = start + dollars
    if try readStringForm(requireLineEnd: true) { return }
    let end = try bareTextEnd(from: position)
    if bytes[position..<end].allSatisfy({ isBlank($0) || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) {
      throw error("empty command", at: start)
    }
    tokens.append(Token(kind: .bareText, start: position, end: end))
    position = end
  }

  private func notAllowed(at offset: Int) -> Diagnostic {
    error("'$' command is not allowed here; use $(...) inside an expression", at: offset)
  }

  private func startsName(at offset: Int) -> Bool {
    offset < limit && (isIdentifierStart(bytes[offset]) || bytes[offset] >= 0x80)
  }

  /// A command may start here: at the start of a simple statement, after `=` or an augmented
  /// assignment operator, after `return`, or after the colon of a compound-statement header.
  private var atStatementPosition: Bool {
    guard let last = tokens.last else { return true }
    switch last.kind {
    case .newline, .indent, .dedent, .semicolon, .equal, .keyword(.return):
      return true
    case .plusEqual, .minusEqual, .starEqual, .slashEqual, .doubleSlashEqual, .percentEqual, .doubleStarEqual,
      .atEqual, .pipeEqual, .ampersandEqual, .caretEqual, .leftShiftEqual, .rightShiftEqual:
      return true
    case .colon:
      return tokens.count - 1 == headerColonIndex
    default:
      return false
    }
  }

  /// Row 4 of §2.3: blanks, one or more adjacent string literals, then only blanks or a comment
  /// to the end of the logical line. On success the literals are emitted as STRING tokens and
  /// the position is after the last one; otherwise nothing changes and the text is bare.
  /// With `requireLineEnd == false` (a console header) the literals must be followed by
  /// `[as NAME]:` instead.
  private mutating func readStringForm(requireLineEnd: Bool) throws -> Bool {
    var i = position
    while i < limit, isBlank(bytes[i]) { i += 1 }
    guard scanner.prefix(at: i) != nil else { return false }
    var literals: [(StringPrefix, Int)] = []
    while let p = scanner.prefix(at: i) {
      let end: Int
      do {
        end = try scanner.literalEnd(p)
      } catch {
        // `$'ls` is an unterminated literal; `$'a'b'` is bare text the shell reads.
        if literals.isEmpty { throw error }
        return false
      }
      literals.append((p, end))
      i = end
      while i < limit {
        if isBlank(bytes[i]) {
          i += 1
        } else if bytes[i] == UInt8(ascii: "\\"), i + 1 < limit, bytes[i + 1] == UInt8(ascii: "\n") {
          i += 2
        } else {
          break
        }
      }
    }
    if requireLineEnd {
      guard i >= limit || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "#") else { return false }
    } else {
      guard consoleNameAndColon(from: i) != nil else { return false }
    }
    for (p, end) in literals {
      if p.bytes { throw error("a bytes literal cannot be a command", at: p.start) }
      tokens.append(Token(kind: .string, start: p.start, end: end))
    }
    position = literals[literals.count - 1].1
    return true
  }

  /// The end of bare text starting at `start`: the end of the physical line, extended over each
  /// line that ends with an odd number of backslashes.
  private func bareTextEnd(from start: Int) throws -> Int {
    var end = endOfLine(from: start)
    while true {
      var backslashes = 0
      while end - backslashes - 1 >= start, bytes[end - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
      guard backslashes % 2 == 1 else { return end }
      guard end + 1 < limit else {
        throw error("backslash continuation at the end of the file", at: end - 1)
      }
      end = endOfLine(from: end + 1)
    }
  }

  /// `with $… [as NAME]:` (§2.8). String headers are emitted as STRING tokens, anything else as
  /// one BARE_TEXT token; lexing resumes at `as` or at the colon.
  private mutating func readConsoleHeader(dollars: Int) throws {
    let start = position
    tokens.append(Token(kind: .consoleStart, start: start, end: start + dollars))
    position = start + dollars
    if try readStringForm(requireLineEnd: false) { return }
    let end = try bareTextEnd(from: position)
    guard let (textEnd, _) = consoleHeaderColon(from: position, to: end) else {
      throw error("expected ':'", at: end)
    }
    tokens.append(Token(kind: .bareText, start: position, end: textEnd))
    position = textEnd
  }

  /// In bare header text, the colon ending the header is the first `:` followed only by blanks
  /// or by a comment; `as NAME` may stand just before it. Returns where the command text ends
  /// (the start of `as`, or the colon) and the colon's offset.
  private func consoleHeaderColon(from start: Int, to end: Int) -> (Int, Int)? {
    var i = start
    while i < end {
      if bytes[i] == UInt8(ascii: ":") {
        var j = i + 1
        while j < end, isBlank(bytes[j]) { j += 1 }
        if j == end || bytes[j] == UInt8(ascii: "#") {
          return (asClauseStart(before: i, from: start) ?? i, i)
        }
      }
      i += 1
    }
    return nil
  }

  /// After a string header: `[as NAME]:` then only blanks or a comment. Returns the colon offset.
  private func consoleNameAndColon(from start: Int) -> Int? {
    var i = start
    while i < limit, isBlank(bytes[i]) { i += 1 }
    if i + 2 < limit, bytes[i] == UInt8(ascii: "a"), bytes[i + 1] == UInt8(ascii: "s"), isBlank(bytes[i + 2]) {
      i += 2
      while i < limit, isBlank(bytes[i]) { i += 1 }
      guard startsName(at: i) else { return nil }
      while i < limit, isIdentifierStart(bytes[i]) || isDigit(bytes[i]) || bytes[i] >= 0x80 { i += 1 }
      while i < limit, isBlank(bytes[i]) { i += 1 }
    }
    guard i < limit, bytes[i] == UInt8(ascii: ":") else { return nil }
    var j = i + 1
    while j < limit, isBlank(bytes[j]) { j += 1 }
    return j >= limit || bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "#") ? i : nil
  }

  /// The offset of `as` in `… as NAME` ending just before `colon` (blanks allowed around NAME).
  private func asClauseStart(before colon: Int, from start: Int) -> Int? {
    var i = colon
    while i > start, isBlank(bytes[i - 1]) { i -= 1 }
    let nameEnd = i
    while i > start, isIdentifierStart(bytes[i - 1]) || isDigit(bytes[i - 1]) || bytes[i - 1] >= 0x80 { i -= 1 }
    guard i < nameEnd, startsName(at: i) else { return nil }
    var j = i
    guard j > start, isBlank(bytes[j - 1]) else { return nil }
    while j > start, isBlank(bytes[j - 1]) { j -= 1 }
    guard j - 2 >= start, bytes[j - 2] == UInt8(ascii: "a"), bytes[j - 1] == UInt8(ascii: "s") else { return nil }
    let asStart = j - 2
    guard asStart == start || isBlank(bytes[asStart - 1]) else { return nil }
    return asStart
  }
}
