/// `shlex` (LANGUAGE.md §8.6): `quote`, `split` and `join`, the algorithms of CPython's
/// `shlex` module (its lexer in `whitespace_split` mode).
enum ShlexModule {
  static let pythonOnlyNames: Set<String> = ["shlex"]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "shlex", path: nil)
    let globals = module.globals
    globals.function("quote") { interpreter, arguments in
      let value = try PythonSignature("quote", ["s"]).bind(arguments)[0]!
      return .str(try quote(interpreter, value))
    }
    globals.function("join") { interpreter, arguments in
      let command = try PythonSignature("join", ["split_command"]).bind(arguments)[0]!
      return .str(try interpreter.iterateToArray(command).map { try quote(interpreter, $0) }.joined(separator: " "))
    }
    globals.function("split") { interpreter, arguments in
      let values = try PythonSignature("split", ["s", "comments", "posix"], required: 1).bind(arguments)
      let value = values[0]!
      let comments = try values[1].map { try interpreter.truthy($0) } ?? false
      let posix = try values[2].map { try interpreter.truthy($0) } ?? true
      let text: String
      switch value {
      case .str(let string):
        text = string
      case .none:
        // Python reads standard input (and warns that this is deprecated).
        interpreter.writeStderr("DeprecationWarning: Passing None for 's' to shlex.split() is deprecated.\n")
        var lines: [String] = []
        while let line = readLine(strippingNewline: false) { lines.append(line) }
        text = lines.joined()
      default:
        throw Interpreter.attributeError("'\(Runtime.typeName(value))' object has no attribute 'read'")
      }
      return .list(ListObject(try split(text, comments: comments, posix: posix).map { .str($0) }))
    }
    return module
  }

  /// `shlex.quote`: unchanged when only `\w@%+=:,./-` (ASCII) occur, else single-quoted with
  /// `'"'"'` for each single quote.
  static func quote(_ interpreter: Interpreter, _ value: Value) throws -> String {
    if try !interpreter.truthy(value) { return "''" }
    guard case .str(let text) = value else {
      if case .bytes = value { throw Interpreter.typeError("cannot use a string pattern on a bytes-like object") }
      throw Interpreter.typeError("expected string or bytes-like object, got '\(Runtime.typeName(value))'")
    }
    let safe = text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "_@%+=:,./-".unicodeScalars.contains(scalar))
    }
    if safe { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
  }

  /// `shlex.split`: `shlex(s, posix=posix)` with `whitespace_split = True`, and `#` comments
  /// only when `comments`.
  static func split(_ text: String, comments: Bool, posix: Bool) throws -> [String] {
    let characters = Array(text.unicodeScalars)
    var position = 0
    let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
    let quotes: Set<Unicode.Scalar> = ["'", "\""]
    let escape: Unicode.Scalar = "\\"
    var wordCharacters = Set("abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".unicodeScalars)
    if posix {
      wordCharacters.formUnion("ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ".unicodeScalars)
    }
    func read() -> Unicode.Scalar? {
      guard position < characters.count else { return nil }
      defer { position += 1 }
      return characters[position]
    }
    func skipLine() {
      while let next = read(), next != "\n" {}
    }
    enum State: Equatable {
      case whitespace
      case word
      case quote(Unicode.Scalar)
      case escape
      case end
    }
    var state = State.whitespace
    var tokens: [String] = []
    while true {
      // read_token
      var token = String.UnicodeScalarView()
      var quoted = false
      var escapedState = State.word
      var hasToken = false
      tokenLoop: while true {
        let next = read()
        switch state {
        case .end:
          token = String.UnicodeScalarView()
          break tokenLoop
        case .whitespace:
          guard let next else {
            state = .end
            break tokenLoop
          }
          if whitespace.contains(next) {
            if !token.isEmpty || (posix && quoted) { break tokenLoop }
          } else if comments && next == "#" {
            skipLine()
          } else if posix && next == escape {
            escapedState = .word
            state = .escape
          } else if wordCharacters.contains(next) {
            token = String.UnicodeScalarView([next])
            state = .word
          } else if quotes.contains(next) {
            if !posix { token = String.UnicodeScalarView([next]) }
            state = .quote(next)
          } else {
            token = String.UnicodeScalarView([next])
            state = .word
          }
        case .quote(let quote):
          quoted = true
          guard let next else { throw Interpreter.valueError("No closing quotation") }
          if next == quote {
            if !posix {
              token.append(next)
              state = .whitespace
              break tokenLoop
            }
            state = .word
          } else if posix && next == escape && quote == "\"" {
            escapedState = state
            state = .escape
          } else {
            token.append(next)
          }
        case .escape:
          guard let next else { throw Interpreter.valueError("No escaped character") }
          if case .quote(let quote) = escapedState, next != escape, next != quote { token.append(escape) }
          token.append(next)
          state = escapedState
        case .word:
          guard let next else {
            state = .end
            break tokenLoop
          }
          if whitespace.contains(next) {
            state = .whitespace
            if !token.isEmpty || (posix && quoted) { break tokenLoop }
          } else if comments && next == "#" {
            skipLine()
            if posix {
              state = .whitespace
              if !token.isEmpty || (posix && quoted) { break tokenLoop }
            }
          } else if posix && quotes.contains(next) {
            state = .quote(next)
          } else if posix && next == escape {
            escapedState = .word
            state = .escape
          } else {
            token.append(next)
          }
        }
      }
      hasToken = !token.isEmpty || (posix && quoted)
      // In posix mode the end is a None token; otherwise an empty one.
      if !hasToken { break }
      tokens.append(String(token))
    }
    return tokens
  }
}
