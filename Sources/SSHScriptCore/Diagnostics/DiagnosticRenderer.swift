/// Prints diagnostics in the `FILE:LINE:COL: error: MESSAGE` form, with the source line and a caret.
public struct DiagnosticRenderer: Sendable {
  /// Colour `error:`/`warning:`; the host decides (a terminal, `TERM` not `dumb`, no `NO_COLOR`).
  public var useColor: Bool

  public init(useColor: Bool) {
    self.useColor = useColor
  }

  public func render(_ diagnostic: Diagnostic) -> String {
    let label = diagnostic.severity.rawValue + ":"
    let coloured: String
    if useColor {
      let code = diagnostic.severity == .error ? "1;31" : "1;35"
      coloured = "\u{1B}[\(code)m\(label)\u{1B}[0m"
    } else {
      coloured = label
    }
    return "\(diagnostic.location): \(coloured) \(diagnostic.message)\n"
      + "\(diagnostic.sourceLine)\n\(caretLine(diagnostic))\n"
  }

  /// Blanks up to the column, reproducing the tabs of the source line so the caret lines up.
  private func caretLine(_ diagnostic: Diagnostic) -> String {
    var caret = ""
    var column = 1
    for character in diagnostic.sourceLine {
      if column >= diagnostic.location.column { break }
      caret.append(character == "\t" ? "\t" : " ")
      column += 1
    }
    while column < diagnostic.location.column {
      caret.append(" ")
      column += 1
    }
    return caret + "^"
  }
}
