/// The text rules of one-dollar commands (LANGUAGE.md §3.2–§3.3): the dedent of multi-line text,
/// whether a text needs `/bin/sh`, and the POSIX word splitting of the direct path.
enum ShellSyntax {
  /// §3.2 step 2: blank lines at both ends removed, then the whitespace prefix common to all
  /// non-blank lines. Single-line text only loses its surrounding blanks.
  static func dedent(_ text: String) -> String {
    guard text.contains("\n") else { return text.trimmingCharacters(in: .whitespaces) }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
    while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
    let indents = lines.filter { !$0.allSatisfy({ $0 == " " || $0 == "\t" }) }.map {
      $0.prefix { $0 == " " || $0 == "\t" }
    }
    guard var common = indents.first.map(String.init) else { return "" }
    for indent in indents.dropFirst() {
      while !indent.hasPrefix(common) { common.removeLast() }
    }
    return lines.map { $0.hasPrefix(common) ? String($0.dropFirst(common.count)) : "" }.joined(separator: "\n")
  }

  private static let reservedWords: Set<String> = [
    "!", "{", "}", "[[", "]]", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in",
    "select", "then", "time", "until", "while",
  ]
  private static let builtins: Set<String> = [
    ".", ":", "[", "alias", "bg", "break", "builtin", "cd", "command", "continue", "declare", "dirs", "disown", "eval",
    "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash", "history", "jobs", "let", "local", "logout",
    "popd", "pushd", "read", "readonly", "return", "set", "shift", "shopt", "source", "suspend", "test", "times",
    "trap", "true", "type", "typeset", "ulimit", "umask", "unalias", "unset", "wait",
  ]

  /// The words of `text` for the direct path, or nil when the text needs a shell (§3.3).
  static func directWords(_ text: String) -> [String]? {
    let scalars = Array(text.unicodeScalars)
    var words: [String] = []
    var word = String.UnicodeScalarView()
    var inWord = false
    var index = 0
    func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && c.properties.isAlphabetic) }
    func dollarTriggers(_ next: Unicode.Scalar?) -> Bool {
      guard let next else { return false }
      return isNameStart(next) || ("0"..."9").contains(next) || "{(?$!#@*-".unicodeScalars.contains(next)
    }
    func endWord() {
      if inWord { words.append(String(word)) }
      word = String.UnicodeScalarView()
      inWord = false
    }
    while index < scalars.count {
      let c = scalars[index]
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      switch c {
      case "\n": return nil
      case " ", "\t":
        endWord()
      case "|", "&", ";", "<", ">", "(", ")", "`", "*", "?", "[":
        return nil
      case "$":
        if dollarTriggers(next) { return nil }
        word.append(c)
        inWord = true
      case "~", "#":
        if !inWord { return nil }
        word.append(c)
      case "\\":
        guard let next else { return nil }
        word.append(next)
        inWord = true
        index += 1
      case "'":
        inWord = true
        index += 1
        while index < scalars.count && scalars[index] != "'" {
          word.append(scalars[index])
          index += 1
        }
        if index >= scalars.count { return nil }
      case "\"":
        inWord = true
        index += 1
        while index < scalars.count && scalars[index] != "\"" {
          let inner = scalars[index]
          if inner == "`" { return nil }
          if inner == "$" && dollarTriggers(index + 1 < scalars.count ? scalars[index + 1] : nil) { return nil }
          if inner == "\\", index + 1 < scalars.count, "\\\"$`\n".unicodeScalars.contains(scalars[index + 1]) {
            index += 1
          }
          word.append(scalars[index])
          index += 1
        }
        if index >= scalars.count { return nil }
      default:
        word.append(c)
        inWord = true
      }
      index += 1
    }
    endWord()
    guard let first = words.first else { return words }
    if reservedWords.contains(first) || builtins.contains(first) { return nil }
    if let equals = first.firstIndex(of: "="), equals != first.startIndex {
      let name = first[..<equals]
      if let head = name.unicodeScalars.first, isNameStart(head),
        name.unicodeScalars.allSatisfy({ isNameStart($0) || ("0"..."9").contains($0) })
      {
        return nil
      }
    }
    return words
  }

  /// `$.trim`: the text without ANSI escape sequences and lone carriage returns.
  static func trimTerminalCodes(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}" {
        index += 1
        if index < scalars.count && scalars[index] == "[" {
          index += 1
          while index < scalars.count && !(0x40...0x7E).contains(scalars[index].value) { index += 1 }
        }
        index += 1
        continue
      }
      if scalar == "\r" && !(index + 1 < scalars.count && scalars[index + 1] == "\n") {
        index += 1
        continue
      }
      result.append(scalar)
      index += 1
    }
    return String(result)
  }
}
