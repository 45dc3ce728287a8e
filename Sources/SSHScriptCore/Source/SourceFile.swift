/// One source file (or `-c` string, or stdin), normalised the way the lexer expects it.
///
/// Normalisation (LANGUAGE.md §1.3): a leading UTF-8 byte-order mark is dropped and `\r\n` and
/// `\r` become `\n`. Both keep line numbers and columns unchanged, so every span into `text`
/// still names the right place in the file the user sees.
public final class SourceFile: Sendable {
  /// The name diagnostics and tracebacks print: the path as given, `<string>` or `<stdin>`.
  public let path: String
  /// Index in the program's file table (`Span.file`).
  public let id: UInt32
  /// The normalised bytes. Not guaranteed to be valid UTF-8: `validate()` says so.
  public let text: [UInt8]
  /// Byte offset of the first character of each line; `lineStarts[0] == 0`.
  let lineStarts: [Int]

  public init(path: String, id: UInt32, bytes: [UInt8]) {
    self.path = path
    self.id = id
    let normalised = SourceFile.normalise(bytes)
    self.text = normalised
    var starts = [0]
    starts.reserveCapacity(normalised.count / 32 + 1)
    for (offset, byte) in normalised.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    self.lineStarts = starts
  }

  public convenience init(path: String, id: UInt32, string: String) {
    self.init(path: path, id: id, bytes: Array(string.utf8))
  }

  private static func normalise(_ bytes: [UInt8]) -> [UInt8] {
    var start = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    guard bytes[start...].contains(UInt8(ascii: "\r")) else {
      return start == 0 ? bytes : Array(bytes[start...])
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count - start)
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == UInt8(ascii: "\r") {
        out.append(UInt8(ascii: "\n"))
        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
      } else {
        out.append(b)
      }
      i += 1
    }
    return out
  }

  public var lineCount: Int { lineStarts.count }

  /// The 1-based line containing `offset`.
  public func line(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// Byte range of a 1-based line, without its newline.
  public func lineRange(_ line: Int) -> Range<Int> {
    let start = lineStarts[max(0, min(line - 1, lineStarts.count - 1))]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : text.count
    if end < start { end = start }
    return start..<end
  }

  /// Text of a 1-based line, without its newline; invalid UTF-8 shows as U+FFFD.
  public func lineText(_ line: Int) -> String {
    String(decoding: text[lineRange(line)], as: UTF8.self)
  }

  /// Line and character column (both 1-based) of a byte offset.
  public func location(of offset: Int) -> SourceLocation {
    let line = line(of: offset)
    let start = lineStarts[line - 1]
    var column = 1
    var i = start
    let stop = min(offset, text.count)
    while i < stop {
      // Count UTF-8 lead bytes only, so a column is a character count.
      if text[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return SourceLocation(path: path, line: line, column: column)
  }

  /// The text of a span as a string (invalid UTF-8 replaced).
  public func string(_ range: Range<Int>) -> String {
    String(decoding: text[range], as: UTF8.self)
  }
}
