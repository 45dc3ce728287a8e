/// Python's `re` flags (the values of `re.IGNORECASE`…).
enum RegexFlag {
  static let ignoreCase = 2
  static let locale = 4
  static let multiline = 8
  static let dotAll = 16
  static let unicode = 32
  static let verbose = 64
  static let debug = 128
  static let ascii = 256

  /// The letters of inline flags, `(?aiLmsux)`.
  static let letters: [Unicode.Scalar: Int] = [
    "a": ascii, "i": ignoreCase, "L": locale, "m": multiline, "s": dotAll, "u": unicode, "x": verbose,
  ]
}

/// `re.error`: the message and the position in the pattern (code points).
struct RegexSyntaxError: Error {
  let message: String
  let position: Int?
  /// A repeat count beyond Python's limit, which CPython reports as `OverflowError`.
  var isOverflow = false
}

/// A Python regular expression rewritten in the syntax of ICU, the engine behind
/// `NSRegularExpression`.
struct TranslatedRegex {
  var pattern: String
  /// The flags, with the inline global flags (`(?i)`) and `re.UNICODE` for str patterns added.
  var flags: Int
  var groupCount: Int
  /// Group names with their numbers, in the order they are defined (`Pattern.groupindex`).
  var groupNames: [(name: String, index: Int)]
  /// For each group number, the order of its `)` in the pattern.
  var closingOrder: [Int: Int]
}

/// Translates Python's regular expression syntax to ICU's, checking it as CPython's parser does
/// and raising its messages. What differs:
///
/// * named groups become plain groups (ICU names allow no `_`): `(?P<name>…)` is numbered and
///   the name kept in `groupNames`; `(?P=name)` becomes a numbered back reference;
/// * every literal that is not a letter or a digit is written as `\x{…}`, so characters special
///   to ICU only (`[` and `&` in classes, `#`, whitespace) mean themselves;
/// * `\Z` is ICU's `\z`, `{,n}` is `{0,n}`, a `{` that starts no repeat is a literal;
/// * verbose mode (`re.X`) is applied here: whitespace and comments outside classes are dropped;
/// * `re.ASCII` (and bytes patterns) turn `\d \w \s` into ASCII classes.
struct RegexTranslator {
  private let scalars: [Unicode.Scalar]
  private let isBytes: Bool
  private var flags: Int
  private var position = 0
  private var output = ""
  private var groupCount = 0
  private var groupNames: [(name: String, index: Int)] = []
  /// The flags that change how the pattern is read: verbose mode, and ASCII classes (`re.A`,
  /// bytes patterns). Scoped flags (`(?x:…)`) change them for one group.
  private struct Mode {
    var verbose: Bool
    var ascii: Bool
  }
  private var mode: Mode
  /// Open groups: where each started, its number if it captures, the mode outside it, and
  /// whether it is a lookaround written inside `(?:…)` (ICU repeats no bare assertion; Python
  /// allows `(?=a)*`).
  private var openGroups: [(start: Int, index: Int?, outer: Mode, wrapped: Bool)] = []
  /// For each group number, the order in which its `)` appears (`Match.lastindex`).
  private var closingOrder: [Int: Int] = [:]

  /// What the last item written was, for "nothing to repeat" and "multiple repeat".
  private enum Last { case nothing, atom, repeatable, quantifier }
  private var last = Last.nothing

  static func translate(_ pattern: [Unicode.Scalar], flags: Int, isBytes: Bool) throws(RegexSyntaxError)
    -> TranslatedRegex
  {
    var translator = RegexTranslator(scalars: pattern, flags: flags, isBytes: isBytes)
    try translator.run()
    var flags = translator.flags
    if !isBytes && flags & RegexFlag.ascii == 0 { flags |= RegexFlag.unicode }
    return TranslatedRegex(
      pattern: translator.output.isEmpty ? "(?:)" : translator.output, flags: flags,
      groupCount: translator.groupCount, groupNames: translator.groupNames, closingOrder: translator.closingOrder)
  }

  private init(scalars: [Unicode.Scalar], flags: Int, isBytes: Bool) {
    self.scalars = scalars
    self.flags = flags
    self.isBytes = isBytes
    self.mode = Mode(verbose: flags & RegexFlag.verbose != 0, ascii: isBytes || flags & RegexFlag.ascii != 0)
  }

  private var verbose: Bool { mode.verbose }
  private var ascii: Bool { mode.ascii }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    position + offset < scalars.count ? scalars[position + offset] : nil
  }

  private func error(_ message: String, at position: Int? = nil) -> RegexSyntaxError {
    RegexSyntaxError(message: message, position: position ?? self.position)
  }

  // MARK: - The pattern

  private mutating func run() throws(RegexSyntaxError) {
    try leadingFlags()
    while let scalar = peek() {
      if verbose && skipVerboseSpace(scalar) { continue }
      switch scalar {
      case "\\": try escape()
      case "[": try characterClass()
      case "(": try openGroup()
      case ")": try closeGroup()
      case "|":
        output += "|"
        position += 1
        last = .nothing
      case "*", "+", "?":
        try quantifier(String(scalar), start: position, length: 1)
      case "{":
        if let (text, length) = try braceQuantifier() {
          try quantifier(text, start: position, length: length)
        } else {
          literal(scalar)
          position += 1
        }
      case "^", "$":
        output.unicodeScalars.append(scalar)
        position += 1
        last = .atom
      case ".":
        output += "."
        position += 1
        last = .repeatable
      default:
        literal(scalar)
        position += 1
      }
    }
    if let open = openGroups.last {
      throw error("missing ), unterminated subpattern", at: open.start)
    }
  }

  /// Whitespace and `#` comments in verbose mode; true when something was skipped.
  private mutating func skipVerboseSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "#" {
      while let next = peek(), next != "\n" { position += 1 }
      return true
    }
    if " \t\n\r\u{0B}\u{0C}".unicodeScalars.contains(scalar) {
      position += 1
      return true
    }
    return false
  }

  /// `(?ims)` at the start: flags for the whole pattern.
  private mutating func leadingFlags() throws(RegexSyntaxError) {
    while peek() == "(" && peek(1) == "?" {
      // Comments may come before the flags.
      if peek(2) == "#" {
        var end = position + 3
        while end < scalars.count && scalars[end] != ")" { end += 1 }
        guard end < scalars.count else { return }
        position = end + 1
        continue
      }
      var offset = 2
      var found = 0
      while let scalar = peek(offset), let flag = RegexFlag.letters[scalar] {
        found |= flag
        offset += 1
      }
      guard offset > 2, peek(offset) == ")" else { return }
      try checkFlags(found, at: position + offset)
      flags |= found
      mode.verbose = flags & RegexFlag.verbose != 0
      mode.ascii = mode.ascii || flags & RegexFlag.ascii != 0
      position += offset + 1
      // In verbose mode, whitespace and comments may separate the leading flags.
      while verbose, let scalar = peek(), skipVerboseSpace(scalar) {}
    }
  }

  private func checkFlags(_ found: Int, at position: Int) throws(RegexSyntaxError) {
    if isBytes && found & RegexFlag.unicode != 0 {
      throw error("bad inline flags: cannot use 'u' flag with a bytes pattern", at: position)
    }
    if !isBytes && found & RegexFlag.locale != 0 {
      throw error("bad inline flags: cannot use 'L' flag with a str pattern", at: position)
    }
    let exclusive = [RegexFlag.ascii, RegexFlag.unicode, RegexFlag.locale].filter { found & $0 != 0 }.count
    if exclusive > 1 { throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", at: position) }
  }

  /// A literal character, written so that ICU cannot read it as syntax.
  private mutating func literal(_ scalar: Unicode.Scalar) {
    if (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
      || (!scalar.isASCII && !scalar.properties.isWhitespace)
    {
      output.unicodeScalars.append(scalar)
    } else {
      output += "\\x{" + String(scalar.value, radix: 16) + "}"
    }
    last = .repeatable
  }

  // MARK: - Repeats

  private mutating func quantifier(_ text: String, start: Int, length: Int) throws(RegexSyntaxError) {
    switch last {
    case .nothing, .atom: throw error("nothing to repeat", at: start)
    case .quantifier: throw error("multiple repeat", at: start)
    case .repeatable: break
    }
    output += text
    position += length
    // A lazy `?` or possessive `+` belongs to the repeat.
    if let next = peek(), next == "?" || next == "+" {
      output.unicodeScalars.append(next)
      position += 1
    }
    last = .quantifier
  }

  /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at the current position, in ICU's spelling, with its length;
  /// nil when the brace starts no repeat (it is then a literal, as in Python).
  private func braceQuantifier() throws(RegexSyntaxError) -> (String, Int)? {
    var offset = 1
    func digits() -> String {
      var text = ""
      while let scalar = peek(offset), ("0"..."9").contains(scalar) {
        text.unicodeScalars.append(scalar)
        offset += 1
      }
      return text
    }
    let low = digits()
    var high: String? = low
    var hasComma = false
    if peek(offset) == "," {
      offset += 1
      hasComma = true
      high = digits()
    }
    guard peek(offset) == "}" else { return nil }
    if low.isEmpty && !hasComma { return nil }
    for bound in [low, high ?? ""] where bound.count > 9 || (Int(bound) ?? 0) > 4_294_967_295 {
      throw RegexSyntaxError(message: "the repetition number is too large", position: nil, isOverflow: true)
    }
    if let high, !high.isEmpty, let lowValue = Int(low.isEmpty ? "0" : low), let highValue = Int(high),
      highValue < lowValue
    {
      throw error("min repeat greater than max repeat", at: position + 1)
    }
    let text = "{" + (low.isEmpty ? "0" : low) + (hasComma ? "," + (high ?? "") : "") + "}"
    return (text, offset + 1)
  }

  // MARK: - Groups

  private mutating func openGroup() throws(RegexSyntaxError) {
    let start = position
    guard peek(1) == "?" else {
      groupCount += 1
      openGroups.append((start, groupCount, mode, false))
      output += "("
      position += 1
      last = .nothing
      return
    }
    position += 2
    guard let kind = peek() else { throw error("unexpected end of pattern") }
    switch kind {
    case "P":
      position += 1
      if peek() == "<" {
        position += 1
        let name = try groupName(terminator: ">")
        if let previous = groupNames.first(where: { $0.name == name }) {
          throw error(
            "redefinition of group name '\(name)' as group \(groupCount + 1); was group \(previous.index)",
            at: position - name.unicodeScalars.count - 1)
        }
        groupCount += 1
        groupNames.append((name, groupCount))
        openGroups.append((start, groupCount, mode, false))
        output += "("
        last = .nothing
      } else if peek() == "=" {
        position += 1
        let nameStart = position
        let name = try groupName(terminator: ")")
        guard let group = groupNames.first(where: { $0.name == name }) else {
          throw error("unknown group name '\(name)'", at: nameStart)
        }
        if openGroups.contains(where: { $0.index == group.index }) {
          throw error("cannot refer to an open group", at: start)
        }
        output += "(?:\\\(group.index))"
        last = .repeatable
      } else {
        guard let next = peek() else { throw error("unexpected end of pattern") }
        throw error("unknown extension ?P\(next)", at: position - 2)
      }
    case ":", ">":
      output += "(?" + String(kind)
      position += 1
      openGroups.append((start, nil, mode, false))
      last = .nothing
    case "=", "!":
      output += "(?:(?" + String(kind)
      position += 1
      openGroups.append((start, nil, mode, true))
      last = .nothing
    case "<":
      guard let next = peek(1), next == "=" || next == "!" else {
        throw error(peek(1).map { "unknown extension ?<\($0)" } ?? "unexpected end of pattern", at: start + 1)
      }
      output += "(?:(?<" + String(next)
      position += 2
      openGroups.append((start, nil, mode, true))
      last = .nothing
    case "#":
      while let scalar = peek(), scalar != ")" { position += 1 }
      guard peek() == ")" else { throw error("missing ), unterminated comment", at: start) }
      position += 1
    case "(":
      throw error("conditional groups (?(id)yes|no) are not supported by sshs", at: start)
    default:
      try scopedFlags(start: start)
    }
  }

  /// `(?i:…)`, `(?-i:…)`, `(?x-i:…)`: flags for one group. Global flags elsewhere than at the start
  /// are an error, as in Python 3.11.
  private mutating func scopedFlags(start: Int) throws(RegexSyntaxError) {
    guard let first = peek(), first == "-" || RegexFlag.letters[first] != nil else {
      throw error("unknown extension ?\(peek()!)", at: start + 1)
    }
    var added = 0
    var removed = 0
    var removing = false
    var icuAdded = ""
    var icuRemoved = ""
    while let scalar = peek() {
      if scalar == "-" && !removing {
        removing = true
      } else if let flag = RegexFlag.letters[scalar] {
        // ICU knows i, m and s; x is applied here, a/u/L change only \d \w \s.
        let icu = "ims".unicodeScalars.contains(scalar) ? String(scalar) : ""
        if removing {
          removed |= flag
          icuRemoved += icu
        } else {
          added |= flag
          icuAdded += icu
        }
      } else {
        break
      }
      position += 1
    }
    guard let end = peek() else { throw error(removing && removed == 0 ? "missing flag" : "missing -, : or )") }
    if removing && removed == 0 { throw error("missing flag") }
    if end == ")" && !removing { throw error("global flags not at the start of the expression", at: start) }
    guard end == ":" else { throw error(removing ? "missing :" : "missing -, : or )") }
    if added & removed != 0 { throw error("bad inline flags: flag turned on and off") }
    try checkFlags(added, at: position)
    openGroups.append((start, nil, mode, false))
    if added & RegexFlag.verbose != 0 { mode.verbose = true }
    if removed & RegexFlag.verbose != 0 { mode.verbose = false }
    if added & RegexFlag.ascii != 0 { mode.ascii = true }
    if added & RegexFlag.unicode != 0 && !isBytes { mode.ascii = false }
    output += "(?" + icuAdded + (icuRemoved.isEmpty ? "" : "-" + icuRemoved) + ":"
    position += 1
    last = .nothing
  }

  /// A group name up to `terminator`; it must be an identifier.
  private mutating func groupName(terminator: Unicode.Scalar) throws(RegexSyntaxError) -> String {
    let start = position
    var name = ""
    while let scalar = peek(), scalar != terminator {
      name.unicodeScalars.append(scalar)
      position += 1
    }
    guard peek() == terminator else {
      throw error(name.isEmpty ? "missing group name" : "missing \(terminator), unterminated name", at: start)
    }
    if name.isEmpty { throw error("missing group name", at: start) }
    guard Self.isIdentifier(name) else { throw error("bad character in group name '\(name)'", at: start) }
    position += 1
    return name
  }

  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
    return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
  }

  private mutating func closeGroup() throws(RegexSyntaxError) {
    guard let group = openGroups.popLast() else { throw error("unbalanced parenthesis") }
    mode = group.outer
    if let index = group.index { closingOrder[index] = closingOrder.count }
    output += group.wrapped ? "))" : ")"
    position += 1
    last = .repeatable
  }

  // MARK: - Escapes

  private mutating func escape() throws(RegexSyntaxError) {
    let start = position
    guard let letter = peek(1) else { throw error("bad escape (end of pattern)") }
    position += 2
    switch letter {
    case "d", "D", "s", "S", "w", "W":
      output += classText(letter, inClass: false)
      last = .repeatable
    case "b", "B":
      output += boundary(negated: letter == "B")
      last = .atom
    case "A":
      output += "\\A"
      last = .atom
    case "Z":
      output += "\\z"
      last = .atom
    case "0"..."9":
      try numericEscape(letter, start: start, inClass: false)
    default:
      guard let scalar = try characterEscape(letter, start: start) else {
        throw error("bad escape \\\(letter)", at: start)
      }
      literal(scalar)
    }
  }

  /// The characters of `\d`, `\s` and `\w` as Python defines them: `str.isdecimal`, `str.isspace`
  /// and `str.isalnum` plus `_` (ICU's own classes differ: its `\w` has marks, its `\s` lacks
  /// U+001C…U+001F), or the ASCII ones.
  private func classMembers(_ letter: Unicode.Scalar) -> String {
    switch (letter, ascii) {
    case ("d", true), ("D", true): return "0-9"
    case ("d", false), ("D", false): return "\\p{Nd}"
    case ("s", true), ("S", true): return "\\t\\n\\x{0b}\\x{0c}\\r\\x{20}"
    case ("s", false), ("S", false):
      return "\\t\\n\\x{0b}\\x{0c}\\r\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"
        + "\\x{202f}\\x{205f}\\x{3000}"
    case (_, true): return "a-zA-Z0-9_"
    default: return "\\p{L}\\p{N}_"
    }
  }

  /// `\d \D \s \S \w \W` as an ICU set, or as members of the enclosing set.
  private func classText(_ letter: Unicode.Scalar, inClass: Bool) -> String {
    let negated = ("A"..."Z").contains(letter)
    if inClass && !negated { return classMembers(letter) }
    return (negated ? "[^" : "[") + classMembers(letter) + "]"
  }

  /// `\b` and `\B` over Python's word characters. As in CPython, `\B` never matches in an empty
  /// string.
  private func boundary(negated: Bool) -> String {
    let word = "[" + classMembers("w") + "]"
    if negated {
      return "(?:(?<=\(word))(?=\(word))|(?<!\(word))(?!\(word))(?:(?=[\\s\\S])|(?<=[\\s\\S])))"
    }
    return "(?:(?<=\(word))(?!\(word))|(?<!\(word))(?=\(word)))"
  }

  /// The character an escape stands for (`\n`, `\x41`, `\u00e9`, `\N{…}`, `\.`); nil for an
  /// unknown letter. The position is just after the letter.
  private mutating func characterEscape(_ letter: Unicode.Scalar, start: Int) throws(RegexSyntaxError)
    -> Unicode.Scalar?
  {
    switch letter {
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "f": return "\u{0C}"
    case "v": return "\u{0B}"
    case "a": return "\u{07}"
    case "x": return try hexEscape(digits: 2, start: start)
    case "u" where !isBytes: return try hexEscape(digits: 4, start: start)
    case "U" where !isBytes: return try hexEscape(digits: 8, start: start)
    case "N" where !isBytes:
      guard peek() == "{" else { throw error("missing {", at: position) }
      var name = ""
      var offset = 1
      while let scalar = peek(offset), scalar != "}" {
        name.unicodeScalars.append(scalar)
        offset += 1
      }
      if peek(offset) == nil && name.isEmpty { throw error("missing character name", at: position + 1) }
      guard peek(offset) == "}" else { throw error("missing }, unterminated name", at: position + 1) }
      if name.isEmpty { throw error("missing character name", at: position + 1) }
      guard let found = UnicodeNames.scalar(named: name) else {
        throw error("undefined character name '\(name)'", at: start)
      }
      position += offset + 1
      return found
    default:
      if letter.isASCII && (letter.properties.isAlphabetic || ("0"..."9").contains(letter)) { return nil }
      return letter
    }
  }

  private mutating func hexEscape(digits: Int, start: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
    var text = ""
    while text.count < digits, let scalar = peek(), scalar.properties.isASCIIHexDigit {
      text.unicodeScalars.append(scalar)
      position += 1
    }
    guard text.count == digits else {
      throw error("incomplete escape \\\(scalars[start + 1])\(text)", at: start)
    }
    guard let value = UInt32(text, radix: 16), let scalar = Unicode.Scalar(value) else {
      throw error("bad escape \\\(scalars[start + 1])\(text)", at: start)
    }
    return scalar
  }

  /// `\0`, `\012` (octal) or `\1`…`\99` (a back reference, outside classes).
  private mutating func numericEscape(_ first: Unicode.Scalar, start: Int, inClass: Bool) throws(RegexSyntaxError) {
    func isOctal(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { ("0"..."7").contains($0) } ?? false }
    var digits = String(first)
    if first == "0" || inClass || (isOctal(first) && isOctal(peek()) && isOctal(peek(1))) {
      guard isOctal(first) else { throw error("bad escape \\\(first)", at: start) }
      while digits.count < 3, isOctal(peek()) {
        digits.unicodeScalars.append(peek()!)
        position += 1
      }
      let value = UInt32(digits, radix: 8)!
      guard value <= 0o377 else {
        throw error("octal escape value \\\(digits) outside of range 0-0o377", at: start)
      }
      literal(Unicode.Scalar(value)!)
      return
    }
    if let next = peek(), ("0"..."9").contains(next) {
      digits.unicodeScalars.append(next)
      position += 1
    }
    let group = Int(digits)!
    guard group <= groupCount else { throw error("invalid group reference \(group)", at: start + 1) }
    if openGroups.contains(where: { $0.index == group }) { throw error("cannot refer to an open group", at: start) }
    output += "(?:\\\(group))"
    last = .repeatable
  }

  // MARK: - Character classes

  private mutating func characterClass() throws(RegexSyntaxError) {
    let start = position
    position += 1
    output += "["
    if peek() == "^" {
      output += "^"
      position += 1
    }
    var first = true
    /// The previous single character, the start of a possible range.
    var previous: (scalar: Unicode.Scalar, start: Int)?
    while true {
      guard let scalar = peek() else { throw error("unterminated character set", at: start) }
      if scalar == "]" && !first {
        position += 1
        break
      }
      first = false
      let itemStart = position
      if scalar == "-", let low = previous, let next = peek(1), next != "]" {
        position += 1
        let highStart = position
        guard let high = try classItem() else {
          let written = String(String.UnicodeScalarView(scalars[highStart..<position]))
          throw error("bad character range \(low.scalar)-\(written)", at: low.start)
        }
        if high.value < low.scalar.value {
          throw error("bad character range \(low.scalar)-\(high)", at: low.start)
        }
        output += "-"
        literal(high)
        previous = nil
        continue
      }
      if let single = try classItem() {
        literal(single)
        previous = (single, itemStart)
      } else {
        previous = nil
        // A class escape cannot start a range: `[\d-z]`.
        if peek() == "-", let next = peek(1), next != "]" {
          let low = String(String.UnicodeScalarView(scalars[itemStart..<position]))
          let highEnd = min(position + (next == "\\" ? 3 : 2), scalars.count)
          let high = String(String.UnicodeScalarView(scalars[(position + 1)..<highEnd]))
          throw error("bad character range \(low)-\(high)", at: itemStart)
        }
      }
    }
    output += "]"
    last = .repeatable
  }

  /// One item of a class: a character (returned, not yet written) or a class escape like `\d`
  /// (written; nil returned).
  private mutating func classItem() throws(RegexSyntaxError) -> Unicode.Scalar? {
    let start = position
    let scalar = peek()!
    guard scalar == "\\" else {
      position += 1
      return scalar
    }
    guard let letter = peek(1) else { throw error("bad escape (end of pattern)") }
    position += 2
    switch letter {
    case "d", "D", "s", "S", "w", "W":
      // A negated class is nested in the enclosing one, which ICU allows.
      output += classText(letter, inClass: true)
      return nil
    case "b":
      return "\u{08}"
    case "0"..."7":
      var digits = String(letter)
      while digits.count < 3, let next = peek(), ("0"..."7").contains(next) {
        digits.unicodeScalars.append(next)
        position += 1
      }
      let value = UInt32(digits, radix: 8)!
      guard value <= 0o377 else { throw error("octal escape value \\\(digits) outside of range 0-0o377", at: start) }
      return Unicode.Scalar(value)!
    default:
      guard let character = try characterEscape(letter, start: start) else {
        throw error("bad escape \\\(letter)", at: start)
      }
      return character
    }
  }
}
