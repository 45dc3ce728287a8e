/// A human position in a file: 1-based line, and 1-based column counted in characters.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int

  public var description: String { "\(path):\(line):\(column)" }
}
