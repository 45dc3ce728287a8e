import Foundation

/// A compiled pattern: the Python source, its ICU translation and the `NSRegularExpression`.
final class CompiledRegex {
  let source: Value
  let isBytes: Bool
  let translated: TranslatedRegex
  let regex: NSRegularExpression
  /// The pattern followed by `\z`, for `fullmatch` (alternatives must reach the end).
  private(set) lazy var fullRegex: NSRegularExpression = {
    (try? NSRegularExpression(pattern: "(?:" + translated.pattern + ")\\z", options: regex.options)) ?? regex
  }()

  var flags: Int { translated.flags }
  var groupCount: Int { translated.groupCount }

  init(source: Value, flags: Int) throws(RegexSyntaxError) {
    self.source = source
    let scalars: [Unicode.Scalar]
    switch source {
    case .bytes(let data):
      isBytes = true
      scalars = data.map { Unicode.Scalar($0) }
    case .str(let text):
      isBytes = false
      scalars = Array(text.unicodeScalars)
    default:
      throw RegexSyntaxError(message: "first argument must be string or compiled pattern", position: nil)
    }
    translated = try RegexTranslator.translate(scalars, flags: flags, isBytes: isBytes)
    // Only `\n` ends a line, as in Python; `.` and `$` treat `\r` and U+2028 as characters.
    var options: NSRegularExpression.Options = [.useUnixLineSeparators]
    if translated.flags & RegexFlag.ignoreCase != 0 { options.insert(.caseInsensitive) }
    if translated.flags & RegexFlag.multiline != 0 { options.insert(.anchorsMatchLines) }
    if translated.flags & RegexFlag.dotAll != 0 { options.insert(.dotMatchesLineSeparators) }
    do {
      regex = try NSRegularExpression(pattern: translated.pattern, options: options)
    } catch {
      // What the translator accepts and ICU cannot run is, in practice, a lookbehind of unbounded
      // length, which Python refuses too.
      let lookbehind = translated.pattern.contains("(?<=") || translated.pattern.contains("(?<!")
      throw RegexSyntaxError(
        message: lookbehind
          ? "look-behind requires fixed-width pattern" : "pattern not supported by the regular expression engine",
        position: nil)
    }
  }

  /// The number of the group named or numbered by `key`, or nil.
  func groupIndex(_ key: Value) -> Int? {
    switch key {
    case .int(let number): return (0...groupCount).contains(number) ? number : nil
    case .bool(let flag): return flag ? 1 : 0
    case .str(let name): return translated.groupNames.first { $0.name == name }?.index
    default: return nil
    }
  }

  func groupName(_ index: Int) -> String? {
    translated.groupNames.first { $0.index == index }?.name
  }
}

/// The string a pattern is matched against, in the form ICU needs (UTF-16) and the form Python
/// indexes (code points); bytes are matched as Latin-1 text.
final class RegexSubject {
  let value: Value
  let isBytes: Bool
  /// The text ICU sees.
  let text: String
  let utf16: [UInt16]
  /// The UTF-16 offset of each code point and of the end, when some code point takes two
  /// UTF-16 units; nil when the offsets are the code point indexes.
  private let offsets: [Int]?

  var count: Int { offsets.map { $0.count - 1 } ?? utf16.count }

  init(_ value: Value) {
    self.value = value
    switch value {
    case .bytes(let data):
      isBytes = true
      utf16 = data.map { UInt16($0) }
      text = String(decoding: utf16, as: UTF16.self)
      offsets = nil
    case .str(let string):
      isBytes = false
      text = string
      utf16 = Array(string.utf16)
      if utf16.count == string.unicodeScalars.count {
        offsets = nil
      } else {
        var table: [Int] = []
        var offset = 0
        for scalar in string.unicodeScalars {
          table.append(offset)
          offset += scalar.utf16.count
        }
        table.append(offset)
        offsets = table
      }
    default:
      isBytes = false
      text = ""
      utf16 = []
      offsets = nil
    }
  }

  /// The UTF-16 offset of code point `index`.
  func utf16Offset(_ index: Int) -> Int { offsets?[index] ?? index }

  /// The code point index of a UTF-16 offset.
  func index(_ utf16Offset: Int) -> Int {
    guard let offsets else { return utf16Offset }
    var low = 0
    var high = offsets.count - 1
    while low < high {
      let middle = (low + high) / 2
      if offsets[middle] < utf16Offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The part of the subject in `range` (UTF-16), as `str` or `bytes`.
  func slice(_ range: NSRange) -> Value {
    let part = utf16[range.location..<(range.location + range.length)]
    if isBytes { return .bytes(part.map { UInt8(truncatingIfNeeded: $0) }) }
    return .str(String(decoding: part, as: UTF16.self))
  }

  func slice(from start: Int, to end: Int) -> Value { slice(NSRange(location: start, length: end - start)) }

  /// `pos`/`endpos` arguments: code point indexes clamped to the subject, as UTF-16 offsets.
  /// An `endpos` before `pos` gives an end of -1 (see `firstMatch`).
  func bounds(_ pos: Int, _ endpos: Int) -> (start: Int, end: Int) {
    let start = min(max(pos, 0), count)
    let end = min(max(endpos, 0), count)
    return (utf16Offset(start), end < start ? -1 : utf16Offset(end))
  }
}

/// How a search is anchored: `search` anywhere, `match` at the start, `fullmatch` over all.
enum RegexSearchMode {
  case search, match, full
}

extension CompiledRegex {
  /// The first match in `[start, end)` (UTF-16 offsets). As in Python, `^` does not match at a
  /// `pos` greater than zero, lookbehinds see the text before it, and the subject ends at `endpos`.
  func firstMatch(_ subject: RegexSubject, start: Int, end: Int, mode: RegexSearchMode) throws -> NSTextCheckingResult?
  {
    // CPython: with `endpos` before `pos`, search finds nothing but match tries the empty text.
    guard end >= start || mode != .search else { return nil }
    return try matches(
      mode == .full ? fullRegex : regex, subject, start: start, end: max(end, start), anchored: mode != .search,
      limit: 1
    ).first
  }

  /// Every match in `[start, end)`, empty ones included as Python 3.7+ finds them; `limit`
  /// stops early (0: no limit).
  func allMatches(_ subject: RegexSubject, start: Int, end: Int, limit: Int = 0) throws -> [NSTextCheckingResult] {
    guard end >= start else { return [] }
    return try matches(regex, subject, start: start, end: end, anchored: false, limit: limit)
  }

  private func matches(
    _ regex: NSRegularExpression, _ subject: RegexSubject, start: Int, end: Int, anchored: Bool, limit: Int
  ) throws -> [NSTextCheckingResult] {
    let text = end < subject.utf16.count ? String(decoding: subject.utf16[..<end], as: UTF16.self) : subject.text
    var options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .reportCompletion]
    if start > 0 { options.insert(.withoutAnchoringBounds) }
    if anchored { options.insert(.anchored) }
    var results: [NSTextCheckingResult] = []
    var failed = false
    regex.enumerateMatches(in: text, options: options, range: NSRange(location: start, length: end - start)) {
      result, flags, stop in
      if flags.contains(.internalError) { failed = true }
      guard let result else { return }
      results.append(result)
      if limit > 0 && results.count >= limit { stop.pointee = true }
    }
    // ICU gives up (and NSRegularExpression reports no match) when its backtracking stack is
    // full, as with `(a|b)*` over a million characters; a wrong "no match" must not pass silently.
    if failed {
      throw Interpreter.error(
        BuiltinTypes.runtimeError,
        "regular expression too complex for this input: the matcher ran out of backtracking space "
          + "(match smaller pieces, or repeat a character class: [ab]* rather than (?:a|b)*)")
    }
    return results
  }
}
