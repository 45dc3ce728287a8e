/// A range of a source file, as UTF-8 byte offsets into the file's normalised text.
///
/// Spans are cheap (three integers) so every token and AST node carries one; line and column
/// are computed from them only when a message is printed.
public struct Span: Sendable, Hashable {
  /// Index of the file in the `SourceFiles` table of the program it belongs to.
  public var file: UInt32
  public var start: UInt32
  public var end: UInt32

  public init(file: UInt32, start: Int, end: Int) {
    self.file = file
    self.start = UInt32(truncatingIfNeeded: start)
    self.end = UInt32(truncatingIfNeeded: end)
  }

  /// The smallest span covering both spans (which must be in the same file).
  public func through(_ other: Span) -> Span {
    Span(file: file, start: Int(min(start, other.start)), end: Int(max(end, other.end)))
  }
}
