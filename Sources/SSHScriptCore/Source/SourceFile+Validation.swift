import Foundation

extension SourceFile {
  /// The first reason this file cannot be a script, if any (LANGUAGE.md §1.3): a NUL byte,
  /// bytes that are not UTF-8, or a coding declaration naming another encoding.
  public func validate() -> Diagnostic? {
    var i = 0
    let count = text.count
    while i < count {
      let byte = text[i]
      if byte < 0x80 {
        if byte == 0 { return Diagnostic(.error, "source code cannot contain null bytes", in: self, at: i) }
        i += 1
        continue
      }
      let length = SourceFile.sequenceLength(text, at: i)
      if length == 0 {
        let hex = String(byte, radix: 16)
        return Diagnostic(
          .error, "invalid UTF-8 byte 0x\(hex) (sshs source files must be UTF-8)", in: self, at: i)
      }
      i += length
    }
    return codingDeclarationProblem()
  }

  /// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid.
  private static func sequenceLength(_ text: [UInt8], at i: Int) -> Int {
    let lead = text[i]
    let length: Int
    var minimum: UInt32
    switch lead {
    case 0xC2...0xDF:
      length = 2
      minimum = 0x80
    case 0xE0...0xEF:
      length = 3
      minimum = 0x800
    case 0xF0...0xF4:
      length = 4
      minimum = 0x10000
    default: return 0
    }
    guard i + length <= text.count else { return 0 }
    var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length {
      let next = text[i + k]
      guard next & 0xC0 == 0x80 else { return 0 }
      scalar = scalar << 6 | UInt32(next & 0x3F)
    }
    if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return 0 }
    return length
  }

  /// PEP 263: a `coding[:=] NAME` comment on line 1 or 2. Only UTF-8 names are accepted.
  private func codingDeclarationProblem() -> Diagnostic? {
    for line in 1...min(2, lineCount) {
      let content = lineText(line)
      let trimmed = content.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
      guard trimmed.hasPrefix("#") else {
        if trimmed.isEmpty { continue } else { return nil }
      }
      guard let name = SourceFile.codingName(in: String(trimmed)) else { continue }
      let normalised = name.lowercased().replacingOccurrences(of: "_", with: "-")
      if normalised == "utf-8" || normalised == "utf8" || normalised.hasPrefix("utf-8-") {
        return nil
      }
      let offset = lineRange(line).lowerBound
      return Diagnostic(.error, "encoding problem: \(name) (sshs source files must be UTF-8)", in: self, at: offset)
    }
    return nil
  }

  private static func codingName(in comment: String) -> String? {
    guard let range = comment.range(of: "coding") else { return nil }
    var rest = comment[range.upperBound...]
    guard let separator = rest.first, separator == ":" || separator == "=" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    return name.isEmpty ? nil : String(name)
  }
}
