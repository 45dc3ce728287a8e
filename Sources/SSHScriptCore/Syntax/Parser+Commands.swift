import Foundation

/// The `$` forms (LANGUAGE.md §2): commands, the dollar object, console headers, `$.include`.
extension Parser {
  /// command: "$" command_body | "$$" command_body
  /// command_body: string_form [comment] | bare_text
  mutating func parseCommand() throws -> Expr {
    let start = advance()
    let dollars: Command.Dollars = start.end - start.start == 2 ? .two : .one
    let command =
      try parseCommandBody(dollars: dollars, allowEmpty: false)
      ?? Command(
        dollars: dollars, form: .bare, template: [], expression: nil, keywords: [])
    return Expr(kind: .command(command), span: span(from: start.start))
  }

  /// The BARE_TEXT or STRING tokens after COMMAND_START / CONSOLE_START. Returns nil for an
  /// empty bare header (`with $ as c:`).
  private mutating func parseCommandBody(dollars: Command.Dollars, allowEmpty: Bool) throws -> Command? {
    if kind == .bareText {
      let token = advance()
      let template = try parseBareText(token.start..<token.end)
      if template.isEmpty {
        if allowEmpty { return nil }
        throw error("empty command", at: token.start - (dollars == .two ? 2 : 1))
      }
      return Command(dollars: dollars, form: .bare, template: template, expression: nil, keywords: [])
    }
    guard kind == .string else { throw invalidSyntax() }
    let literal = try parseStrings()
    switch literal.kind {
    case .constant(.string(let text)):
      return Command(
        dollars: dollars, form: .string, template: text.isEmpty ? [] : [.literal(text)], expression: nil, keywords: [])
    case .joinedStr(let parts):
      return Command(dollars: dollars, form: .fstring, template: parts, expression: nil, keywords: [])
    default:
      throw error("a bytes literal cannot be a command", at: literal.span)
    }
  }

  /// bare_text: raw text to the end of the physical line, continuations joined, blanks at both
  /// ends removed, with `@{expression}` and `@{expression!q}` fields.
  mutating func parseBareText(_ range: Range<Int>) throws -> [StringPart] {
    warnIfFStringPrefix(range)
    var parts: [StringPart] = []
    var literal: [UInt8] = []
    var i = range.lowerBound
    while i < range.upperBound {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\\"), i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "\n"),
        Parser.backslashRun(endingAt: i, in: bytes, from: range.lowerBound) % 2 == 1
      {
        i += 2
        continue
      }
      if byte == UInt8(ascii: "@"), i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "{") {
        if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
        literal = []
        let (field, end) = try parseInterpolation(at: i)
        parts.append(.field(field))
        i = end
        continue
      }
      literal.append(byte)
      i += 1
    }
    if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
    return Parser.trimBlanks(parts)
  }

  /// Number of consecutive backslashes ending at `offset` (inclusive).
  static func backslashRun(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var count = 0
    var i = offset
    while i >= start, bytes[i] == UInt8(ascii: "\\") {
      count += 1
      i -= 1
    }
    return count
  }

  /// bare_interpolation: "@{" expression ["!" "q"] "}"
  private mutating func parseInterpolation(at offset: Int) throws -> (FormattedValue, Int) {
    let exprStart = offset + 2
    let exprEnd = try scanner.expressionEnd(from: exprStart, in: nil, bare: true)
    if (exprStart..<exprEnd).allSatisfy({ isBlank(bytes[$0]) }) {
      throw error("empty expression not allowed in '@{}'", at: offset)
    }
    let value = try parseEmbedded(exprStart..<exprEnd)
    var end = exprEnd
    var conversion = Conversion.none
    if bytes[end] == UInt8(ascii: "!") {
      conversion = try parseConversion(at: end + 1, bare: true)
      end += 2
    }
    let field = FormattedValue(
      value: value, conversion: conversion, formatSpec: nil, debugText: nil,
      span: Span(file: file.id, start: offset, end: end + 1))
    return (field, end + 1)
  }

  private static func trimBlanks(_ parts: [StringPart]) -> [StringPart] {
    var parts = parts
    if case .literal(let first)? = parts.first {
      let trimmed = String(first.drop { $0 == " " || $0 == "\t" })
      if trimmed.isEmpty { parts.removeFirst() } else { parts[0] = .literal(trimmed) }
    }
    if case .literal(let last)? = parts.last {
      var trimmed = Substring(last)
      while let end = trimmed.last, end == " " || end == "\t" { trimmed = trimmed.dropLast() }
      if trimmed.isEmpty { parts.removeLast() } else { parts[parts.count - 1] = .literal(String(trimmed)) }
    }
    return parts
  }

  /// §2.3: a bare text starting with an f-string literal is not evaluated; say so.
  private mutating func warnIfFStringPrefix(_ range: Range<Int>) {
    var i = range.lowerBound
    while i < range.upperBound, isBlank(bytes[i]) { i += 1 }
    guard i < range.upperBound, let p = scanner.prefix(at: i), p.format else { return }
    files.warnings.append(
      Diagnostic(
        .warning, "f-string prefix in bare command text is not evaluated; write $f'...' for the whole command",
        in: file, at: i))
  }

  /// dollar_attr: "$" "." identifier
  /// command_expr: "$" "(" expression ("," (keyword_item | "**" expression))* [","] ")"
  mutating func parseDollar() throws -> Expr {
    let token = advance()
    if accept(.dot) {
      let nameToken = current
      switch nameToken.kind {
      case .name, .keyword: advance()
      default: throw invalidSyntax()
      }
      let name = text(nameToken)
      if name == "include" {
        throw error("$.include() needs a string literal path and must be a statement on its own line", at: token.start)
      }
      return Expr(kind: .dollarAttr(name), span: span(from: token.start))
    }
    _ = try expect(.leftParen)
    let (args, keywords) = try parseArguments(allowGenerator: false)
    guard let value = args.first else {
      throw error("$() needs a command", at: current.start)
    }
    if case .starred = value.kind {
      throw error("$() takes one command, not an unpacked list; pass the list itself", at: value.span)
    }
    if args.count > 1 {
      throw error("$() takes one command; give options as keywords (timeout=, check=, input=)", at: args[1].span)
    }
    _ = try expect(.rightParen)
    let command = Command(dollars: .one, form: .expr, template: [], expression: value, keywords: keywords)
    return Expr(kind: .command(command), span: span(from: token.start))
  }

  /// with_dollar_stmt: "with" ("$" | "$$") [console_text] ["as" identifier] ":" block
  mutating func parseConsoleWith(start: Int) throws -> Stmt {
    let withToken = tokens[index - 1]
    let dollarToken = advance()
    let dollars: Command.Dollars = dollarToken.end - dollarToken.start == 2 ? .two : .one
    let header = try parseCommandBody(dollars: dollars, allowEmpty: true).map {
      Expr(kind: .command($0), span: span(from: dollarToken.start))
    }
    let name = accept(.keyword(.as)) ? try expectName().0 : nil
    try expectColon()
    let body = try parseBlock(after: "'with' statement", line: line(of: withToken), inLoop: context.inLoop)
    let console = ConsoleWith(dollars: dollars, header: header, name: name, body: body)
    return Stmt(kind: .consoleWith(console), span: span(from: start))
  }

  /// `with $(expr) [as c]:` opens a console too; a `$(…)` item cannot share a `with`.
  mutating func consoleWith(from items: [WithItem], withToken: Token) throws -> Stmt? {
    for (position, item) in items.enumerated() {
      guard case .command = item.context.kind else { continue }
      if items.count > 1 {
        throw error("a with-dollar item cannot be combined with other items", at: items[position].context.span)
      }
      var name: String?
      if let target = item.target {
        guard case .name(let targetName, _) = target.kind else {
          throw error("a console can only be bound to a name", at: target.span)
        }
        name = targetName
      }
      let body = try parseBlock(after: "'with' statement", line: line(of: withToken), inLoop: context.inLoop)
      let console = ConsoleWith(dollars: .one, header: item.context, name: name, body: body)
      return Stmt(kind: .consoleWith(console), span: span(from: withToken.start))
    }
    return nil
  }

  // MARK: - $.include

  /// include_stmt: "$" "." "include" "(" STRING ")" NEWLINE — expanded here, at parse time.
  mutating func parseInclude(into body: inout [Stmt], atLineStart: Bool) throws {
    let dollar = current
    let misuse = error(
      "$.include() needs a string literal path and must be a statement on its own line", at: dollar.start)
    guard atLineStart, peekKind(3) == .leftParen, peekKind(4) == .string, peekKind(5) == .rightParen,
      peekKind(6) == .newline || peekKind(6) == .endOfFile,
      let p = scanner.prefix(at: tokens[index + 4].start), !p.format, !p.bytes
    else { throw misuse }
    let literal = tokens[index + 4]
    let path = String(
      decoding: try decodeEscapes(p.bodyStart..<(literal.end - p.quoteLength), raw: p.raw, bytes: false),
      as: UTF8.self)
    index += 6
    _ = accept(.newline)
    let included = try files.include(path, from: file, at: dollar.start, context: context)
    body.append(contentsOf: included)
  }
}
