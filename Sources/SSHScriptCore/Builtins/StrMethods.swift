import Foundation

/// Methods of `str` (LANGUAGE.md §8.4).
enum StrMethods {
  static func text(_ arguments: inout CallArguments, _ method: String) throws -> String {
    let receiver = try BuiltinMethods.receiver(&arguments, "str", method)
    guard case .str(let text) = receiver else {
      throw Interpreter.typeError(
        "descriptor '\(method)' for 'str' objects doesn't apply to a '\(Runtime.typeName(receiver))' object")
    }
    return text
  }

  static func noArguments(_ arguments: CallArguments, _ method: String) throws {
    if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
      throw Interpreter.typeError(
        "\(method)() takes no arguments (\(arguments.positional.count + arguments.keywords.count) given)")
    }
  }

  static func argument(_ value: Value, _ method: String) throws -> String {
    guard case .str(let text) = value else {
      throw Interpreter.typeError("must be str, not \(Runtime.typeName(value))")
    }
    return text
  }

  static func install() {
    let type = BuiltinTypes.str
    BuiltinMethods.add(type, "join") { interpreter, arguments in
      let separator = try text(&arguments, "join")
      try ArgumentReader.exactly(1, "str.join", arguments)
      var parts: [String] = []
      var position = 0
      if case .none = arguments.positional[0] { throw Interpreter.typeError("can only join an iterable") }
      try interpreter.forEach(arguments.positional[0]) { element in
        guard case .str(let part) = element else {
          throw Interpreter.typeError(
            "sequence item \(position): expected str instance, \(Runtime.typeName(element)) found")
        }
        parts.append(part)
        position += 1
        return true
      }
      return .str(parts.joined(separator: separator))
    }
    BuiltinMethods.add(type, "split") { interpreter, arguments in
      let value = try text(&arguments, "split")
      return try split(interpreter, value, arguments, fromRight: false)
    }
    BuiltinMethods.add(type, "rsplit") { interpreter, arguments in
      let value = try text(&arguments, "rsplit")
      return try split(interpreter, value, arguments, fromRight: true)
    }
    for (name, leading, trailing) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
      BuiltinMethods.add(type, name) { _, arguments in
        let value = try text(&arguments, name)
        try ArgumentReader.exactlyAtMost(1, name, arguments)
        var characters: Set<Unicode.Scalar>?
        if let given = arguments.positional.first, case .str(let set) = given { characters = Set(set.unicodeScalars) }
        let strip: (Unicode.Scalar) -> Bool = { scalar in
          characters.map { $0.contains(scalar) } ?? scalar.properties.isWhitespace
        }
        var scalars = Substring(value).unicodeScalars[...]
        if leading { while let first = scalars.first, strip(first) { scalars = scalars.dropFirst() } }
        if trailing { while let last = scalars.last, strip(last) { scalars = scalars.dropLast() } }
        return .str(String(String.UnicodeScalarView(scalars)))
      }
    }
    for name in ["startswith", "endswith"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let value = try text(&arguments, name)
        guard (1...3).contains(arguments.positional.count) else {
          throw Interpreter.typeError("\(name) expected at least 1 argument, got \(arguments.positional.count)")
        }
        var candidates: [Value] = [arguments.positional[0]]
        if case .tuple(let options) = arguments.positional[0] { candidates = options }
        var scalars = Array(value.unicodeScalars)
        if arguments.positional.count > 1 {
          let slice = SliceObject(
            start: arguments.positional[1], stop: arguments.positional.count > 2 ? arguments.positional[2] : .none,
            step: .none)
          scalars = try interpreter.sliced(scalars, slice)
        }
        for candidate in candidates {
          guard case .str(let affix) = candidate else {
            throw Interpreter.typeError(
              "\(name) first arg must be str or a tuple of str, not \(Runtime.typeName(candidate))")
          }
          let affixScalars = Array(affix.unicodeScalars)
          let matches =
            name == "startswith"
            ? scalars.starts(with: affixScalars) : scalars.reversed().starts(with: affixScalars.reversed())
          if matches { return .true }
        }
        return .false
      }
    }
    BuiltinMethods.add(type, "upper") { _, arguments in
      let value = try text(&arguments, "upper")
      try noArguments(arguments, "str.upper")
      return .str(value.uppercased())
    }
    BuiltinMethods.add(type, "lower") { _, arguments in
      let value = try text(&arguments, "lower")
      try noArguments(arguments, "str.lower")
      let scalars = Array(value.unicodeScalars)
      return .str(scalars.indices.map { MoreStrMethods.lower(scalars, $0) }.joined())
    }
    BuiltinMethods.add(type, "replace") { interpreter, arguments in
      let value = try text(&arguments, "replace")
      guard (2...3).contains(arguments.positional.count) else {
        throw Interpreter.typeError("replace expected at least 2 arguments, got \(arguments.positional.count)")
      }
      let old = try argument(arguments.positional[0], "replace")
      let new = try argument(arguments.positional[1], "replace")
      var limit = arguments.positional.count == 3 ? try interpreter.asIndex(arguments.positional[2], "count") : -1
      if limit < 0 { limit = Int.max }
      return .str(replace(value, old, new, limit: limit))
    }
    for name in ["find", "index", "rfind", "rindex"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let value = try text(&arguments, name)
        guard (1...3).contains(arguments.positional.count) else {
          throw Interpreter.typeError("\(name) expected at least 1 argument, got \(arguments.positional.count)")
        }
        let needle = Array(try argument(arguments.positional[0], name).unicodeScalars)
        let haystack = Array(value.unicodeScalars)
        let slice = SliceObject(
          start: arguments.positional.count > 1 ? arguments.positional[1] : .none,
          stop: arguments.positional.count > 2 ? arguments.positional[2] : .none, step: .none)
        let (start, stop, _, _) = try interpreter.sliceIndices(slice, count: haystack.count)
        var found = -1
        if stop - start >= needle.count {
          let positions = Array(start...(stop - needle.count))
          let ordered = name.hasPrefix("r") ? positions.reversed() : positions
          for position in ordered where Array(haystack[position..<(position + needle.count)]) == needle {
            found = position
            break
          }
        }
        if found < 0 && name.hasSuffix("index") { throw Interpreter.valueError("substring not found") }
        return .int(found)
      }
    }
    BuiltinMethods.add(type, "count") { _, arguments in
      let value = try text(&arguments, "count")
      try ArgumentReader.exactly(1, "count", arguments)
      let needle = try argument(arguments.positional[0], "count")
      if needle.isEmpty { return .int(value.unicodeScalars.count + 1) }
      return .int(value.components(separatedBy: needle).count - 1)
    }
    BuiltinMethods.add(type, "format") { interpreter, arguments in
      let template = try text(&arguments, "format")
      return .str(try PythonFormat.strFormat(template, arguments, interpreter))
    }
    BuiltinMethods.add(type, "splitlines") { interpreter, arguments in
      let value = try text(&arguments, "splitlines")
      var reader = ArgumentReader("splitlines", arguments)
      let keep = try reader.value(0, "keepends").map { try interpreter.truthy($0) } ?? false
      try reader.finish(maximum: 1)
      return .list(ListObject(splitLines(value, keepEnds: keep).map { .str($0) }))
    }
    BuiltinMethods.add(type, "encode") { interpreter, arguments in
      let value = try text(&arguments, "encode")
      var reader = ArgumentReader("encode", arguments)
      let encoding = try reader.value(0, "encoding")
      let errors = try reader.value(1, "errors")
      try reader.finish(maximum: 2)
      return .bytes(try Codecs.encode(value, encoding: encoding, errors: errors, interpreter))
    }
    for (name, test) in [
      (
        "isdigit", { (s: Unicode.Scalar) in s.properties.numericType == .digit || s.properties.numericType == .decimal }
      ),
      ("isdecimal", { (s: Unicode.Scalar) in s.properties.numericType == .decimal }),
      ("isnumeric", { (s: Unicode.Scalar) in s.properties.numericType != nil }),
      ("isalpha", { (s: Unicode.Scalar) in s.properties.isAlphabetic }),
      ("isspace", { (s: Unicode.Scalar) in s.properties.isWhitespace }),
      ("isalnum", { (s: Unicode.Scalar) in s.properties.isAlphabetic || s.properties.numericType != nil }),
    ] as [(String, (Unicode.Scalar) -> Bool)] {
      BuiltinMethods.add(type, name) { _, arguments in
        let value = try text(&arguments, name)
        return .bool(!value.isEmpty && value.unicodeScalars.allSatisfy(test))
      }
    }
  }

  static func replace(_ value: String, _ old: String, _ new: String, limit: Int) -> String {
    if old.isEmpty {
      var result = ""
      var count = 0
      for scalar in value.unicodeScalars {
        if count < limit {
          result += new
          count += 1
        }
        result.unicodeScalars.append(scalar)
      }
      if count < limit { result += new }
      return result
    }
    var result = ""
    var remainder = Substring(value)
    var count = 0
    while count < limit, let range = remainder.range(of: old) {
      result += remainder[..<range.lowerBound] + new
      remainder = remainder[range.upperBound...]
      count += 1
    }
    return result + remainder
  }

  /// `str.split(sep=None, maxsplit=-1)` and `rsplit`.
  static func split(_ interpreter: Interpreter, _ value: String, _ arguments: CallArguments, fromRight: Bool) throws
    -> Value
  {
    var reader = ArgumentReader(fromRight ? "rsplit" : "split", arguments)
    let separatorValue = try reader.value(0, "sep")
    let limitValue = try reader.value(1, "maxsplit")
    try reader.finish(maximum: 2)
    var limit = try limitValue.map { try interpreter.asIndex($0, "maxsplit") } ?? -1
    if limit < 0 { limit = Int.max }
    var separator: String?
    if let separatorValue, !separatorValue.isNone {
      guard case .str(let text) = separatorValue else {
        throw Interpreter.typeError("must be str or None, not \(Runtime.typeName(separatorValue))")
      }
      if text.isEmpty { throw Interpreter.valueError("empty separator") }
      separator = text
    }
    var parts: [String]
    if let separator {
      parts = []
      var remainder = Substring(value)
      if fromRight {
        var reversedParts: [String] = []
        while reversedParts.count < limit, let range = remainder.range(of: separator, options: .backwards) {
          reversedParts.append(String(remainder[range.upperBound...]))
          remainder = remainder[..<range.lowerBound]
        }
        parts = [String(remainder)] + reversedParts.reversed()
      } else {
        while parts.count < limit, let range = remainder.range(of: separator) {
          parts.append(String(remainder[..<range.lowerBound]))
          remainder = remainder[range.upperBound...]
        }
        parts.append(String(remainder))
      }
    } else {
      let scalars = Array(value.unicodeScalars)
      var words: [(Int, Int)] = []
      var index = 0
      while index < scalars.count {
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index < scalars.count else { break }
        let start = index
        while index < scalars.count, !scalars[index].properties.isWhitespace { index += 1 }
        words.append((start, index))
      }
      func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
      if limit == Int.max || words.count <= limit {
        parts = words.map { text($0.0..<$0.1) }
      } else if fromRight {
        let tail = words.suffix(limit)
        var headEnd = tail.first!.0
        while headEnd > 0, scalars[headEnd - 1].properties.isWhitespace { headEnd -= 1 }
        parts = [text(0..<headEnd)] + tail.map { text($0.0..<$0.1) }
      } else {
        let head = words.prefix(limit)
        parts = head.map { text($0.0..<$0.1) } + [text(words[limit].0..<scalars.count)]
      }
    }
    return .list(ListObject(parts.map { .str($0) }))
  }

  /// `str.splitlines`: splits on \n, \r, \r\n and the other Unicode line boundaries.
  static func splitLines(_ value: String, keepEnds: Bool) -> [String] {
    let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
    let scalars = Array(value.unicodeScalars)
    var lines: [String] = []
    var start = 0
    var index = 0
    while index < scalars.count {
      if breaks.contains(scalars[index].value) {
        var end = index + 1
        if scalars[index] == "\r", end < scalars.count, scalars[end] == "\n" { end += 1 }
        let stop = keepEnds ? end : index
        lines.append(String(String.UnicodeScalarView(scalars[start..<stop])))
        start = end
        index = end
      } else {
        index += 1
      }
    }
    if start < scalars.count { lines.append(String(String.UnicodeScalarView(scalars[start...]))) }
    return lines
  }
}
