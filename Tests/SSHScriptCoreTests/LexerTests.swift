import Testing

@testable import SSHScriptCore

/// Token lists for small inputs, written as `kind text` strings so a failure reads like the
/// source: layout tokens have no text, operators are shown by their text.
@Suite("lexer")
struct LexerTests {
  static func tokens(_ source: String) throws -> [String] {
    let file = SourceFile(path: "<test>", id: 0, string: source)
    return try file.text.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(file: file, bytes: buffer, mode: .file, range: 0..<buffer.count)
      return try lexer.tokenize().map { token in
        let text = file.string(token.start..<token.end)
        switch token.kind {
        case .name: return "name \(text)"
        case .number: return "number \(text)"
        case .string: return "string \(text)"
        case .keyword: return "keyword \(text)"
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .endOfFile: return "END"
        case .dollar: return "DOLLAR"
        case .commandStart: return "COMMAND_START \(text)"
        case .consoleStart: return "CONSOLE_START \(text)"
        case .bareText: return "BARE_TEXT \(text)"
        default: return text
        }
      }
    }
  }

  @Test func simpleStatement() throws {
    #expect(try Self.tokens("x = 1 + y\n") == ["name x", "=", "number 1", "+", "name y", "NEWLINE", "END"])
  }

  @Test func indentationProducesIndentAndDedent() throws {
    let source = "if a:\n    b\n    if c:\n        d\ne\n"
    #expect(
      try Self.tokens(source) == [
        "keyword if", "name a", ":", "NEWLINE", "INDENT", "name b", "NEWLINE", "keyword if", "name c", ":", "NEWLINE",
        "INDENT", "name d", "NEWLINE", "DEDENT", "DEDENT", "name e", "NEWLINE", "END",
      ])
  }

  @Test func blankAndCommentLinesProduceNothing() throws {
    let source = "a\n\n   # comment\n\t\nb  # trailing\n"
    #expect(try Self.tokens(source) == ["name a", "NEWLINE", "name b", "NEWLINE", "END"])
  }

  @Test func uniformlyIndentedFileIsReadAsUnindented() throws {
    #expect(try Self.tokens("  a\n  b\n") == ["name a", "NEWLINE", "name b", "NEWLINE", "END"])
  }

  @Test func bracketsJoinLinesImplicitly() throws {
    #expect(
      try Self.tokens("f(1,\n  2)\n") == ["name f", "(", "number 1", ",", "number 2", ")", "NEWLINE", "END"])
  }

  @Test func backslashJoinsLines() throws {
    #expect(try Self.tokens("x = 1 + \\\n    2\n") == ["name x", "=", "number 1", "+", "number 2", "NEWLINE", "END"])
  }

  @Test func missingFinalNewlineIsSupplied() throws {
    #expect(
      try Self.tokens("if a:\n  b") == [
        "keyword if", "name a", ":", "NEWLINE", "INDENT", "name b", "NEWLINE", "DEDENT", "END",
      ])
  }

  @Test func operatorsUseLongestMatch() throws {
    #expect(
      try Self.tokens("a **= b // c >>= d != e -> f := g ... h @= i\n") == [
        "name a", "**=", "name b", "//", "name c", ">>=", "name d", "!=", "name e", "->", "name f", ":=", "name g",
        "...", "name h", "@=", "name i", "NEWLINE", "END",
      ])
  }

  @Test(arguments: [
    "0", "123", "1_000", "0x_ff", "0XFF", "0o17", "0b1010", "1.5", "1.", ".5", "1e10", "1E-5", "1_0.0_1e+1_0", "00",
  ])
  func numbers(literal: String) throws {
    #expect(try Self.tokens(literal) == ["number \(literal)", "NEWLINE", "END"])
  }

  @Test func numberFollowedByKeywordIsTwoTokens() throws {
    #expect(
      try Self.tokens("1if x else 2") == [
        "number 1", "keyword if", "name x", "keyword else", "number 2", "NEWLINE", "END",
      ])
  }

  @Test(arguments: [
    "'a'", "\"b\"", "r'\\d'", "b'x'", "Rb'x'", "bR'x'", "f'{x}'", "rF'{x}'", "U'x'", "'''a\n'b'\n'''", "\"\"\"q\"\"\"",
    "'it\\'s'", "'a\\\nb'",
  ])
  func stringLiterals(literal: String) throws {
    #expect(try Self.tokens(literal) == ["string \(literal)", "NEWLINE", "END"])
  }

  @Test func nameThatLooksLikeAPrefixIsAName() throws {
    #expect(try Self.tokens("rb = br") == ["name rb", "=", "name br", "NEWLINE", "END"])
    #expect(try Self.tokens("ur'x'").first == "name ur")
  }

  @Test func fStringWithNestedSameQuotesIsOneToken() throws {
    let literal = "f\"{d[\"k\"]:>{w}} {x!r} {'}'}\""
    #expect(try Self.tokens(literal) == ["string \(literal)", "NEWLINE", "END"])
  }

  @Test func unicodeIdentifiers() throws {
    #expect(try Self.tokens("größe = π") == ["name größe", "=", "name π", "NEWLINE", "END"])
  }

  @Test func dollarInsideStringsAndCommentsIsInert() throws {
    #expect(try Self.tokens("a = '$HOME'  # $rm -rf /\n") == ["name a", "=", "string '$HOME'", "NEWLINE", "END"])
  }

  // MARK: - `$` forms

  @Test func bareCommandRunsToTheEndOfThePhysicalLine() throws {
    #expect(
      try Self.tokens("$echo a # b; c\nx\n") == [
        "COMMAND_START $", "BARE_TEXT echo a # b; c", "NEWLINE", "name x", "NEWLINE", "END",
      ])
  }

  @Test func bareCommandContinuationLines() throws {
    #expect(
      try Self.tokens("$echo a \\\n  b\n") == ["COMMAND_START $", "BARE_TEXT echo a \\\n  b", "NEWLINE", "END"])
    // An even number of backslashes does not continue the line.
    #expect(
      try Self.tokens("$echo a \\\\\nb\n") == [
        "COMMAND_START $", "BARE_TEXT echo a \\\\", "NEWLINE", "name b", "NEWLINE", "END",
      ])
  }

  @Test func twoDollars() throws {
    #expect(try Self.tokens("$$echo $((1+2))\n") == ["COMMAND_START $$", "BARE_TEXT echo $((1+2))", "NEWLINE", "END"])
    #expect(try Self.tokens("$$(cd /x; ls)\n") == ["COMMAND_START $$", "BARE_TEXT (cd /x; ls)", "NEWLINE", "END"])
  }

  @Test func stringFormWithComment() throws {
    #expect(try Self.tokens("$'ls -l'  # list\n") == ["COMMAND_START $", "string 'ls -l'", "NEWLINE", "END"])
    #expect(
      try Self.tokens("$f'ls {d!q}' 'x'\n") == [
        "COMMAND_START $", "string f'ls {d!q}'", "string 'x'", "NEWLINE", "END",
      ])
  }

  @Test func quotedWordFollowedByTextIsBare() throws {
    #expect(
      try Self.tokens("$\"my tool\" --flag\n") == ["COMMAND_START $", "BARE_TEXT \"my tool\" --flag", "NEWLINE", "END"])
  }

  @Test func dollarObjectAndCommandExpression() throws {
    #expect(
      try Self.tokens("$.careful(True)\n") == [
        "DOLLAR", ".", "name careful", "(", "keyword True", ")", "NEWLINE", "END",
      ])
    #expect(try Self.tokens("$.break\n") == ["DOLLAR", ".", "keyword break", "NEWLINE", "END"])
    #expect(try Self.tokens("n = len($(c).stdout)\n").contains("DOLLAR"))
  }

  @Test func dotFollowedByNonIdentifierIsBareText() throws {
    #expect(
      try Self.tokens("$./configure --prefix=/x\n") == [
        "COMMAND_START $", "BARE_TEXT ./configure --prefix=/x", "NEWLINE", "END",
      ])
  }

  @Test(arguments: [
    ("x = $ls", "="), ("x += $ls", "+="), ("return $ls", "keyword return"), ("a; $ls", ";"), ("if ok: $ls", ":"),
    ("else: $ls", ":"), ("x: int = $ls", "="),
  ])
  func commandPositions(source: String, before: String) throws {
    let tokens = try Self.tokens(source + "\n")
    let start = try #require(tokens.firstIndex(of: "COMMAND_START $"))
    #expect(tokens[start - 1] == before)
    #expect(tokens[start + 1] == "BARE_TEXT ls")
  }

  @Test func consoleHeaders() throws {
    #expect(
      try Self.tokens("with $#!/bin/bash as sh:\n  pass\n") == [
        "keyword with", "CONSOLE_START $", "BARE_TEXT #!/bin/bash ", "keyword as", "name sh", ":", "NEWLINE", "INDENT",
        "keyword pass", "NEWLINE", "DEDENT", "END",
      ])
    #expect(
      try Self.tokens("with $ as c:\n  pass\n").prefix(5) == [
        "keyword with", "CONSOLE_START $", "BARE_TEXT  ", "keyword as", "name c",
      ])
    #expect(try Self.tokens("with $$:\n  pass\n").prefix(4) == ["keyword with", "CONSOLE_START $$", "BARE_TEXT ", ":"])
    #expect(
      try Self.tokens("with $cd /srv && make as m:  # note: x\n  pass\n").prefix(6) == [
        "keyword with", "CONSOLE_START $", "BARE_TEXT cd /srv && make ", "keyword as", "name m", ":",
      ])
    #expect(
      try Self.tokens("with $'''#!/bin/sh\nls''' as c:\n  pass\n").prefix(6) == [
        "keyword with", "CONSOLE_START $", "string '''#!/bin/sh\nls'''", "keyword as", "name c", ":",
      ])
    #expect(try Self.tokens("with $.connect('h') as s:\n  pass\n").prefix(3) == ["keyword with", "DOLLAR", "."])
  }
}
