import Foundation

/// The `str` methods of LANGUAGE.md §8.4 that `StrMethods` does not define: case changes,
/// padding, partitioning, translation and the remaining predicates. Characters are Unicode
/// code points, as in Python (not Swift's grapheme clusters).
enum MoreStrMethods {
  static func install() {
    PythonFormat.install()
    let type = BuiltinTypes.str
    installCase(type)
    installPadding(type)
    installPredicates(type)
    BuiltinMethods.add(type, "format_map") { interpreter, arguments in
      let template = try StrMethods.text(&arguments, "format_map")
      try ArgumentReader.exactly(1, "str.format_map", arguments)
      return .str(try PythonFormat.formatMap(template, arguments.positional[0], interpreter))
    }
    for name in ["partition", "rpartition"] {
      BuiltinMethods.add(type, name) { _, arguments in
        let value = try StrMethods.text(&arguments, name)
        try ArgumentReader.exactly(1, "str.\(name)", arguments)
        let separator = try StrMethods.argument(arguments.positional[0], name)
        if separator.isEmpty { throw Interpreter.valueError("empty separator") }
        let scalars = Array(value.unicodeScalars)
        let needle = Array(separator.unicodeScalars)
        guard let found = search(scalars, needle, fromRight: name == "rpartition") else {
          return name == "partition"
            ? .tuple([.str(value), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(value)])
        }
        return .tuple([
          .str(text(scalars[..<found])), .str(separator), .str(text(scalars[(found + needle.count)...])),
        ])
      }
    }
    for name in ["removeprefix", "removesuffix"] {
      BuiltinMethods.add(type, name) { _, arguments in
        let value = try StrMethods.text(&arguments, name)
        try ArgumentReader.exactly(1, "str.\(name)", arguments)
        guard case .str(let affix) = arguments.positional[0] else {
          throw Interpreter.typeError(
            "\(name)() argument must be str, not \(PythonFormat.clinicName(arguments.positional[0]))")
        }
        let scalars = Array(value.unicodeScalars)
        let affixScalars = Array(affix.unicodeScalars)
        if name == "removeprefix", scalars.starts(with: affixScalars) {
          return .str(text(scalars[affixScalars.count...]))
        }
        if name == "removesuffix", !affixScalars.isEmpty, scalars.reversed().starts(with: affixScalars.reversed()) {
          return .str(text(scalars[..<(scalars.count - affixScalars.count)]))
        }
        return .str(value)
      }
    }
    BuiltinMethods.add(type, "translate") { interpreter, arguments in
      let value = try StrMethods.text(&arguments, "translate")
      try ArgumentReader.exactly(1, "str.translate", arguments)
      return .str(try translate(value, arguments.positional[0], interpreter))
    }
    type.dict["maketrans"] = .object(StaticMethod(.object(BuiltinFunction("maketrans", makeTranslation))))
  }

  /// The first (or last) position of `needle` in `haystack`.
  static func search<T: Equatable>(_ haystack: [T], _ needle: [T], fromRight: Bool) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    let positions = 0...(haystack.count - needle.count)
    let matches = { (start: Int) in haystack[start..<(start + needle.count)].elementsEqual(needle) }
    return fromRight ? positions.reversed().first(where: matches) : positions.first(where: matches)
  }

  static func text<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  // MARK: - Case

  private static func installCase(_ type: TypeObject) {
    func add(_ name: String, _ transform: @escaping ([Unicode.Scalar]) -> String) {
      BuiltinMethods.add(type, name) { _, arguments in
        let value = try StrMethods.text(&arguments, name)
        try ArgumentReader.exactly(0, "str.\(name)", arguments)
        return .str(transform(Array(value.unicodeScalars)))
      }
    }
    add("capitalize") { scalars in
      guard let first = scalars.first else { return "" }
      var result = first.properties.titlecaseMapping
      for index in 1..<scalars.count { result += lower(scalars, index) }
      return result
    }
    add("casefold") { scalars in
      text(scalars).folding(options: [.caseInsensitive], locale: nil)
    }
    add("swapcase") { scalars in
      var result = ""
      for (index, scalar) in scalars.enumerated() {
        if scalar.properties.isUppercase {
          result += lower(scalars, index)
        } else if scalar.properties.isLowercase {
          result += scalar.properties.uppercaseMapping
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
      return result
    }
    add("title") { scalars in
      var result = ""
      var previousCased = false
      for (index, scalar) in scalars.enumerated() {
        result += previousCased ? lower(scalars, index) : scalar.properties.titlecaseMapping
        previousCased = scalar.properties.isCased
      }
      return result
    }
  }

  /// The lower-case mapping of `scalars[index]`, with the final-sigma rule of CPython's
  /// `lower_ucs4` (Σ becomes ς at the end of a word).
  static func lower(_ scalars: [Unicode.Scalar], _ index: Int) -> String {
    let scalar = scalars[index]
    guard scalar == "\u{03A3}" else { return scalar.properties.lowercaseMapping }
    var before = index - 1
    while before >= 0 && scalars[before].properties.isCaseIgnorable { before -= 1 }
    var finalSigma = before >= 0 && scalars[before].properties.isCased
    if finalSigma && index + 1 < scalars.count {
      var after = index + 1
      while after < scalars.count && scalars[after].properties.isCaseIgnorable { after += 1 }
      finalSigma = after == scalars.count || !scalars[after].properties.isCased
    }
    return finalSigma ? "\u{03C2}" : "\u{03C3}"
  }

  // MARK: - Padding

  private static func installPadding(_ type: TypeObject) {
    for name in ["center", "ljust", "rjust"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let value = try StrMethods.text(&arguments, name)
        if !arguments.keywords.isEmpty { throw Interpreter.typeError("str.\(name)() takes no keyword arguments") }
        let count = arguments.positional.count
        guard count >= 1 else { throw Interpreter.typeError("\(name) expected at least 1 argument, got 0") }
        guard count <= 2 else { throw Interpreter.typeError("\(name) expected at most 2 arguments, got \(count)") }
        let width = try interpreter.asIndex(arguments.positional[0], name)
        let fill = try fillCharacter(count == 2 ? arguments.positional[1] : nil)
        let length = value.unicodeScalars.count
        guard width > length else { return .str(value) }
        let margin = width - length
        let left: Int
        switch name {
        case "center": left = margin / 2 + (margin & width & 1)
        case "ljust": left = 0
        default: left = margin
        }
        return .str(String(repeating: fill, count: left) + value + String(repeating: fill, count: margin - left))
      }
    }
    BuiltinMethods.add(type, "zfill") { interpreter, arguments in
      let value = try StrMethods.text(&arguments, "zfill")
      try ArgumentReader.exactly(1, "str.zfill", arguments)
      let width = try interpreter.asIndex(arguments.positional[0], "zfill")
      var scalars = Array(value.unicodeScalars)
      guard width > scalars.count else { return .str(value) }
      let fill = width - scalars.count
      scalars.insert(contentsOf: repeatElement("0", count: fill), at: 0)
      if fill < scalars.count, scalars[fill] == "+" || scalars[fill] == "-" {
        scalars[0] = scalars[fill]
        scalars[fill] = "0"
      }
      return .str(text(scalars))
    }
    BuiltinMethods.add(type, "expandtabs") { interpreter, arguments in
      let value = try StrMethods.text(&arguments, "expandtabs")
      var reader = ArgumentReader("expandtabs", arguments)
      let size = try reader.value(0, "tabsize").map { try interpreter.asIndex($0, "tabsize") } ?? 8
      try reader.finish(maximum: 1)
      var result = String.UnicodeScalarView()
      var column = 0
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\t":
          if size > 0 {
            let spaces = size - column % size
            result.append(contentsOf: repeatElement(" ", count: spaces))
            column += spaces
          }
        case "\n", "\r":
          result.append(scalar)
          column = 0
        default:
          result.append(scalar)
          column += 1
        }
      }
      return .str(String(result))
    }
  }

  /// The fill character of `center`, `ljust` and `rjust`: one code point.
  private static func fillCharacter(_ value: Value?) throws -> String {
    guard let value else { return " " }
    guard case .str(let text) = value else {
      throw Interpreter.typeError("The fill character must be a unicode character, not \(Runtime.typeName(value))")
    }
    guard text.unicodeScalars.count == 1 else {
      throw Interpreter.typeError("The fill character must be exactly one character long")
    }
    return text
  }

  // MARK: - Predicates

  private static func installPredicates(_ type: TypeObject) {
    func add(_ name: String, _ test: @escaping ([Unicode.Scalar]) -> Bool) {
      BuiltinMethods.add(type, name) { _, arguments in
        let value = try StrMethods.text(&arguments, name)
        try ArgumentReader.exactly(0, "str.\(name)", arguments)
        return .bool(test(Array(value.unicodeScalars)))
      }
    }
    add("isascii") { $0.allSatisfy(\.isASCII) }
    add("isprintable") { $0.allSatisfy(PythonRepr.isPrintable) }
    add("isidentifier") { scalars in
      guard let first = scalars.first, first == "_" || first.properties.isXIDStart else { return false }
      return scalars.dropFirst().allSatisfy { $0.properties.isXIDContinue }
    }
    add("islower") { scalars in
      var cased = false
      for scalar in scalars {
        if scalar.properties.isUppercase || isTitlecase(scalar) { return false }
        if scalar.properties.isLowercase { cased = true }
      }
      return cased
    }
    add("isupper") { scalars in
      var cased = false
      for scalar in scalars {
        if scalar.properties.isLowercase || isTitlecase(scalar) { return false }
        if scalar.properties.isUppercase { cased = true }
      }
      return cased
    }
    add("istitle") { scalars in
      var cased = false
      var previousCased = false
      for scalar in scalars {
        if scalar.properties.isUppercase || isTitlecase(scalar) {
          if previousCased { return false }
          previousCased = true
          cased = true
        } else if scalar.properties.isLowercase {
          if !previousCased { return false }
          previousCased = true
          cased = true
        } else {
          previousCased = false
        }
      }
      return cased
    }
  }

  private static func isTitlecase(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .titlecaseLetter
  }

  // MARK: - Translation

  /// `str.translate(table)`: `table[ord(c)]` is a code point, a string or None (delete); a
  /// missing key (`LookupError`) keeps the character.
  static func translate(_ value: String, _ table: Value, _ interpreter: Interpreter) throws -> String {
    var result = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      let mapped: Value
      do {
        mapped = try interpreter.getItem(table, .int(Int(scalar.value)))
      } catch let failure as ScriptException where failure.exception.cls.isSubtype(of: BuiltinTypes.lookupError) {
        result.append(scalar)
        continue
      }
      switch mapped {
      case .none: break
      case .str(let replacement): result.append(contentsOf: replacement.unicodeScalars)
      case .int, .bool, .bigInt:
        guard let code = Runtime.smallInt(mapped), (0...0x10FFFF).contains(code) else {
          throw Interpreter.valueError("character mapping must be in range(0x110000)")
        }
        guard let replacement = Unicode.Scalar(UInt32(code)) else {
          throw Interpreter.valueError("character mapping must be in range(0x110000)")
        }
        result.append(replacement)
      default:
        throw Interpreter.typeError("character mapping must return integer, None or str")
      }
    }
    return String(result)
  }

  /// `str.maketrans(x[, y[, z]])`.
  private static func makeTranslation(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    if !arguments.keywords.isEmpty { throw Interpreter.typeError("maketrans() takes no keyword arguments") }
    let count = arguments.positional.count
    guard count >= 1 else { throw Interpreter.typeError("maketrans expected at least 1 argument, got 0") }
    guard count <= 3 else { throw Interpreter.typeError("maketrans expected at most 3 arguments, got \(count)") }
    let result = DictObject()
    let first = arguments.positional[0]
    if count == 1 {
      guard case .dict(let mapping) = first else {
        throw Interpreter.typeError("if you give only one argument to maketrans it must be a dict")
      }
      for (key, value) in mapping.storage {
        switch key.value {
        case .str(let text):
          guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
            throw Interpreter.valueError("string keys in translate table must be of length 1")
          }
          result.storage[try HashKey(.int(Int(scalar.value)))] = value
        case .int, .bool, .bigInt:
          result.storage[key] = value
        default:
          throw Interpreter.typeError("keys in translate table must be strings or integers")
        }
      }
      return .dict(result)
    }
    guard case .str(let from) = first else {
      throw Interpreter.typeError("first maketrans argument must be a string if there is a second argument")
    }
    guard case .str(let to) = arguments.positional[1] else {
      throw Interpreter.typeError(
        "maketrans() argument 2 must be str, not \(PythonFormat.clinicName(arguments.positional[1]))")
    }
    var deleted = ""
    if count == 3 {
      guard case .str(let text) = arguments.positional[2] else {
        throw Interpreter.typeError(
          "maketrans() argument 3 must be str, not \(PythonFormat.clinicName(arguments.positional[2]))")
      }
      deleted = text
    }
    let sources = Array(from.unicodeScalars)
    let targets = Array(to.unicodeScalars)
    guard sources.count == targets.count else {
      throw Interpreter.valueError("the first two maketrans arguments must have equal length")
    }
    for (source, target) in zip(sources, targets) {
      result.storage[try HashKey(.int(Int(source.value)))] = .int(Int(target.value))
    }
    for scalar in deleted.unicodeScalars { result.storage[try HashKey(.int(Int(scalar.value)))] = Value.none }
    return .dict(result)
  }
}
