/// A syntax error or warning found before anything runs (LANGUAGE.md §10.1, §10.2).
///
/// A diagnostic is resolved to its file, line and column when it is made, so it can be printed
/// without the source table and carried across threads.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Severity: String, Sendable, Equatable {
    case error
    case warning
  }

  public var severity: Severity
  public var message: String
  public var location: SourceLocation
  /// The source line the caret points into (without its newline).
  public var sourceLine: String

  public init(severity: Severity = .error, message: String, location: SourceLocation, sourceLine: String) {
    self.severity = severity
    self.message = message
    self.location = location
    self.sourceLine = sourceLine
  }

  /// A diagnostic at a byte offset of a file.
  public init(_ severity: Severity = .error, _ message: String, in file: SourceFile, at offset: Int) {
    let location = file.location(of: offset)
    self.init(
      severity: severity, message: message, location: location, sourceLine: file.lineText(location.line))
  }

  /// The three-line form, without colour.
  public var description: String { DiagnosticRenderer(useColor: false).render(self) }
}
