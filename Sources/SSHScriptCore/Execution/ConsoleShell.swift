import Foundation

/// Which shell a console runs (LANGUAGE.md §2.8, §5.1), from its header.
enum ConsoleShell {
  /// Shells that speak the console protocol; a one-word header naming one of them picks it.
  static let posixShells: Set<String> = ["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"]

  /// The shell's words (`-i` added unless present) and the header's initial commands, if any.
  /// `inherited` is the shell of the enclosing console (a nested one runs the same shell).
  static func choose(header: String?, inherited: [String]? = nil) -> ([String], String?) {
    var words: [String]?
    var initial: String?
    let text = (header ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("#!") {
      let line = text.prefix { $0 != "\n" }
      words = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      let rest = text.dropFirst(line.count)
      if !rest.allSatisfy(\.isWhitespace) { initial = ShellSyntax.dedent(String(rest)) }
      if words?.isEmpty == true { words = nil }
    } else if !text.isEmpty {
      if !text.contains(where: \.isWhitespace), posixShells.contains((text as NSString).lastPathComponent) {
        words = [text]
      } else {
        initial = text
      }
    }
    var shell = words ?? inherited.map { Array($0.prefix { $0 != "-i" }) } ?? [defaultShell()]
    if !shell.contains("-i") { shell.append("-i") }
    return (shell, initial)
  }

  /// `$SHELL` if it names a POSIX shell; else `bash` on `PATH`; else `/bin/sh`.
  static func defaultShell() -> String {
    let environment = ProcessInfo.processInfo.environment
    if let shell = environment["SHELL"], posixShells.contains((shell as NSString).lastPathComponent),
      access(shell, X_OK) == 0
    {
      return shell
    }
    for directory in (environment["PATH"] ?? "/bin:/usr/bin").split(separator: ":") {
      let candidate = "\(directory)/bash"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return "/bin/sh"
  }
}
