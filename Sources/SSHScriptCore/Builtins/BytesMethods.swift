/// Methods of `bytes` (LANGUAGE.md §8.4), with CPython's argument rules and messages. Case
/// changes and whitespace are ASCII-only, as in Python.
enum BytesMethods {
  static func install() {
    let type = BuiltinTypes.bytes
    installSearch(type)
    installSplitting(type)
    installTransforms(type)
    installPredicates(type)
    BuiltinMethods.add(type, "decode") { interpreter, arguments in
      let data = try bytes(&arguments, "decode")
      var reader = ArgumentReader("decode", arguments)
      let encoding = try reader.value(0, "encoding")
      let errors = try reader.value(1, "errors")
      try reader.finish(maximum: 2)
      return .str(try Codecs.decode(data, encoding: encoding, errors: errors, interpreter))
    }
    BuiltinMethods.add(type, "hex") { interpreter, arguments in
      let data = try bytes(&arguments, "hex")
      var reader = ArgumentReader("hex", arguments)
      let separator = try reader.value(0, "sep")
      let group = try reader.value(1, "bytes_per_sep").map { try interpreter.asIndex($0, "bytes_per_sep") } ?? 1
      try reader.finish(maximum: 2)
      return .str(try hex(data, separator: separator, group: group))
    }
    BuiltinMethods.add(type, "join") { interpreter, arguments in
      let separator = try bytes(&arguments, "join")
      try ArgumentReader.exactly(1, "bytes.join", arguments)
      var result: [UInt8] = []
      var position = 0
      let iterator: IteratorObject
      do {
        iterator = try interpreter.makeIterator(arguments.positional[0])
      } catch let failure as ScriptException where failure.exception.cls === BuiltinTypes.typeError {
        throw Interpreter.typeError("can only join an iterable")
      }
      while let element = try iterator.next(interpreter) {
        guard case .bytes(let part) = element else {
          throw Interpreter.typeError(
            "sequence item \(position): expected a bytes-like object, \(Runtime.typeName(element)) found")
        }
        if position > 0 { result += separator }
        result += part
        position += 1
      }
      return .bytes(result)
    }
    type.dict["fromhex"] = .object(
      ClassMethod(
        .object(
          BuiltinFunction("fromhex") { _, arguments in
            guard arguments.positional.count == 2, arguments.keywords.isEmpty else {
              throw Interpreter.typeError(
                "bytes.fromhex() takes exactly one argument (\(max(0, arguments.positional.count - 1)) given)")
            }
            guard case .str(let text) = arguments.positional[1] else {
              throw Interpreter.typeError(
                "fromhex() argument must be str, not \(PythonFormat.clinicName(arguments.positional[1]))")
            }
            return .bytes(try fromHex(text))
          })))
  }

  // MARK: - Arguments

  /// The receiver, checked.
  static func bytes(_ arguments: inout CallArguments, _ method: String) throws -> [UInt8] {
    let receiver = try BuiltinMethods.receiver(&arguments, "bytes", method)
    guard case .bytes(let data) = receiver else {
      throw Interpreter.typeError(
        "descriptor '\(method)' for 'bytes' objects doesn't apply to a '\(Runtime.typeName(receiver))' object")
    }
    return data
  }

  /// A bytes argument ("a bytes-like object is required, not 'str'").
  static func argument(_ value: Value) throws -> [UInt8] {
    guard case .bytes(let data) = value else {
      throw Interpreter.typeError("a bytes-like object is required, not '\(Runtime.typeName(value))'")
    }
    return data
  }

  /// Python's `Py_ISSPACE`: the ASCII whitespace bytes.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
  static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
  static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  static func lower(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte + 32 : byte }
  static func upper(_ byte: UInt8) -> UInt8 { isLower(byte) ? byte - 32 : byte }

  /// CPython's `ADJUST_INDICES`: optional start and end arguments clamped to `0...count`
  /// (a start past the end stays past it, so nothing matches there).
  static func bounds(_ interpreter: Interpreter, _ arguments: [Value], from first: Int, count: Int) throws -> (
    Int, Int
  ) {
    func bound(_ index: Int) throws -> Int? {
      guard index < arguments.count else { return nil }
      switch arguments[index] {
      case .none: return nil
      case .int(let number): return number
      case .bool(let flag): return flag ? 1 : 0
      case .bigInt(let box): return box.value.sign == .minus ? Int.min / 2 : Int.max / 2
      default:
        throw Interpreter.typeError("slice indices must be integers or None or have an __index__ method")
      }
    }
    var start = try bound(first) ?? 0
    var end = try bound(first + 1) ?? count
    if end > count {
      end = count
    } else if end < 0 {
      end = max(0, end + count)
    }
    if start < 0 { start = max(0, start + count) }
    return (start, end)
  }

  // MARK: - Searching

  /// `sub[, start[, end]]`, positional only, as CPython's bytes search methods take them.
  private static func checkSubrangeArguments(_ name: String, _ arguments: CallArguments) throws {
    if !arguments.keywords.isEmpty { throw Interpreter.typeError("bytes.\(name)() takes no keyword arguments") }
    let given = arguments.positional.count
    guard given >= 1 else { throw Interpreter.typeError("\(name)() takes at least 1 argument (0 given)") }
    guard given <= 3 else { throw Interpreter.typeError("\(name)() takes at most 3 arguments (\(given) given)") }
  }

  private static func installSearch(_ type: TypeObject) {
    for name in ["find", "rfind", "index", "rindex", "count"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let data = try bytes(&arguments, name)
        try checkSubrangeArguments(name, arguments)
        let needle: [UInt8]
        switch arguments.positional[0] {
        case .bytes(let sub): needle = sub
        case .int, .bool, .bigInt:
          guard let byte = Runtime.smallInt(arguments.positional[0]), (0...255).contains(byte) else {
            throw Interpreter.valueError("byte must be in range(0, 256)")
          }
          needle = [UInt8(byte)]
        default:
          throw Interpreter.typeError(
            "argument should be integer or bytes-like object, not '\(Runtime.typeName(arguments.positional[0]))'")
        }
        let (start, end) = try bounds(interpreter, arguments.positional, from: 1, count: data.count)
        if name == "count" {
          guard start <= end else { return .int(0) }
          if needle.isEmpty { return .int(end - start + 1) }
          var found = 0
          var position = start
          while position + needle.count <= end {
            if data[position..<(position + needle.count)].elementsEqual(needle) {
              found += 1
              position += needle.count
            } else {
              position += 1
            }
          }
          return .int(found)
        }
        var found = -1
        if end - start >= needle.count {
          let window = Array(data[start..<end])
          if let position = MoreStrMethods.search(window, needle, fromRight: name.hasPrefix("r")) {
            found = start + position
          }
        }
        if found < 0 && name.hasSuffix("index") { throw Interpreter.valueError("subsection not found") }
        return .int(found)
      }
    }
    for name in ["startswith", "endswith"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let data = try bytes(&arguments, name)
        try checkSubrangeArguments(name, arguments)
        let candidates: [Value]
        switch arguments.positional[0] {
        case .bytes: candidates = [arguments.positional[0]]
        case .tuple(let items): candidates = items
        default:
          throw Interpreter.typeError(
            "\(name) first arg must be bytes or a tuple of bytes, not \(Runtime.typeName(arguments.positional[0]))")
        }
        let (start, end) = try bounds(interpreter, arguments.positional, from: 1, count: data.count)
        for candidate in candidates {
          let affix = try argument(candidate)
          guard start + affix.count <= end else { continue }
          let at = name == "startswith" ? start : end - affix.count
          if data[at..<(at + affix.count)].elementsEqual(affix) { return .true }
        }
        return .false
      }
    }
  }

  // MARK: - Splitting

  private static func installSplitting(_ type: TypeObject) {
    for name in ["split", "rsplit"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let data = try bytes(&arguments, name)
        var reader = ArgumentReader(name, arguments)
        let separator = try reader.value(0, "sep")
        let limitValue = try reader.value(1, "maxsplit")
        try reader.finish(maximum: 2)
        var limit = try limitValue.map { try interpreter.asIndex($0, "maxsplit") } ?? -1
        if limit < 0 { limit = Int.max }
        let parts: [ArraySlice<UInt8>]
        if let separator, !isNone(separator) {
          let needle = try argument(separator)
          if needle.isEmpty { throw Interpreter.valueError("empty separator") }
          parts = split(data, needle, limit: limit, fromRight: name == "rsplit")
        } else {
          parts = splitWhitespace(data, limit: limit, fromRight: name == "rsplit")
        }
        return .list(ListObject(parts.map { .bytes(Array($0)) }))
      }
    }
    for name in ["partition", "rpartition"] {
      BuiltinMethods.add(type, name) { _, arguments in
        let data = try bytes(&arguments, name)
        try ArgumentReader.exactly(1, "bytes.\(name)", arguments)
        let separator = try argument(arguments.positional[0])
        if separator.isEmpty { throw Interpreter.valueError("empty separator") }
        guard let found = MoreStrMethods.search(data, separator, fromRight: name == "rpartition") else {
          return name == "partition"
            ? .tuple([.bytes(data), .bytes([]), .bytes([])]) : .tuple([.bytes([]), .bytes([]), .bytes(data)])
        }
        return .tuple([
          .bytes(Array(data[..<found])), .bytes(separator), .bytes(Array(data[(found + separator.count)...])),
        ])
      }
    }
    BuiltinMethods.add(type, "splitlines") { interpreter, arguments in
      let data = try bytes(&arguments, "splitlines")
      var reader = ArgumentReader("splitlines", arguments)
      let keep = try reader.value(0, "keepends").map { try interpreter.truthy($0) } ?? false
      try reader.finish(maximum: 1)
      var lines: [Value] = []
      var start = 0
      var index = 0
      while index < data.count {
        let byte = data[index]
        guard byte == 0x0A || byte == 0x0D else {
          index += 1
          continue
        }
        var end = index + 1
        if byte == 0x0D, end < data.count, data[end] == 0x0A { end += 1 }
        lines.append(.bytes(Array(data[start..<(keep ? end : index)])))
        start = end
        index = end
      }
      if start < data.count { lines.append(.bytes(Array(data[start...]))) }
      return .list(ListObject(lines))
    }
  }

  private static func isNone(_ value: Value) -> Bool {
    if case .none = value { return true }
    return false
  }

  /// `split` and `rsplit` with a separator: at most `limit` splits.
  static func split(_ data: [UInt8], _ separator: [UInt8], limit: Int, fromRight: Bool) -> [ArraySlice<UInt8>] {
    var parts: [ArraySlice<UInt8>] = []
    if fromRight {
      var end = data.count
      var position = data.count - separator.count
      while parts.count < limit && position >= 0 {
        if data[position..<(position + separator.count)].elementsEqual(separator) {
          parts.append(data[(position + separator.count)..<end])
          end = position
          position -= separator.count
        } else {
          position -= 1
        }
      }
      parts.append(data[0..<end])
      return parts.reversed()
    }
    var start = 0
    var position = 0
    while parts.count < limit && position + separator.count <= data.count {
      if data[position..<(position + separator.count)].elementsEqual(separator) {
        parts.append(data[start..<position])
        position += separator.count
        start = position
      } else {
        position += 1
      }
    }
    parts.append(data[start...])
    return parts
  }

  /// CPython's `split_whitespace` and `rsplit_whitespace`: runs of whitespace separate; the
  /// unsplit rest keeps its whitespace on the far side.
  static func splitWhitespace(_ data: [UInt8], limit: Int, fromRight: Bool) -> [ArraySlice<UInt8>] {
    var parts: [ArraySlice<UInt8>] = []
    var remaining = limit
    if fromRight {
      var index = data.count - 1
      while remaining > 0 {
        remaining -= 1
        while index >= 0 && isSpace(data[index]) { index -= 1 }
        if index < 0 { break }
        let end = index
        index -= 1
        while index >= 0 && !isSpace(data[index]) { index -= 1 }
        parts.append(data[(index + 1)...end])
      }
      if index >= 0 {
        while index >= 0 && isSpace(data[index]) { index -= 1 }
        if index >= 0 { parts.append(data[0...index]) }
      }
      return parts.reversed()
    }
    var index = 0
    while remaining > 0 {
      remaining -= 1
      while index < data.count && isSpace(data[index]) { index += 1 }
      if index == data.count { break }
      let start = index
      index += 1
      while index < data.count && !isSpace(data[index]) { index += 1 }
      parts.append(data[start..<index])
    }
    if index < data.count {
      while index < data.count && isSpace(data[index]) { index += 1 }
      if index != data.count { parts.append(data[index...]) }
    }
    return parts
  }

  // MARK: - Transformations

  private static func installTransforms(_ type: TypeObject) {
    func add(_ name: String, _ transform: @escaping ([UInt8]) -> [UInt8]) {
      BuiltinMethods.add(type, name) { _, arguments in
        let data = try bytes(&arguments, name)
        try ArgumentReader.exactly(0, "bytes.\(name)", arguments)
        return .bytes(transform(data))
      }
    }
    add("lower") { $0.map(lower) }
    add("upper") { $0.map(upper) }
    add("swapcase") { data in data.map { isLower($0) ? upper($0) : lower($0) } }
    add("capitalize") { data in data.enumerated().map { $0.offset == 0 ? upper($0.element) : lower($0.element) } }
    add("title") { data in
      var previousCased = false
      return data.map { byte in
        let result = previousCased ? lower(byte) : upper(byte)
        previousCased = isLower(byte) || isUpper(byte)
        return result
      }
    }
    for (name, leading, trailing) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
      BuiltinMethods.add(type, name) { _, arguments in
        let data = try bytes(&arguments, name)
        try ArgumentReader.exactlyAtMost(1, name, arguments)
        var strip: (UInt8) -> Bool = isSpace
        if let given = arguments.positional.first, !isNone(given) {
          let characters = Set(try argument(given))
          strip = { characters.contains($0) }
        }
        var slice = data[...]
        if leading { while let first = slice.first, strip(first) { slice = slice.dropFirst() } }
        if trailing { while let last = slice.last, strip(last) { slice = slice.dropLast() } }
        return .bytes(Array(slice))
      }
    }
    BuiltinMethods.add(type, "replace") { interpreter, arguments in
      let data = try bytes(&arguments, "replace")
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("bytes.replace() takes no keyword arguments") }
      let given = arguments.positional.count
      guard given >= 2 else { throw Interpreter.typeError("replace expected at least 2 arguments, got \(given)") }
      guard given <= 3 else { throw Interpreter.typeError("replace expected at most 3 arguments, got \(given)") }
      let old = try argument(arguments.positional[0])
      let new = try argument(arguments.positional[1])
      var limit = given == 3 ? try interpreter.asIndex(arguments.positional[2], "count") : -1
      if limit < 0 { limit = Int.max }
      return .bytes(replace(data, old, new, limit: limit))
    }
    for name in ["removeprefix", "removesuffix"] {
      BuiltinMethods.add(type, name) { _, arguments in
        let data = try bytes(&arguments, name)
        try ArgumentReader.exactly(1, "bytes.\(name)", arguments)
        let affix = try argument(arguments.positional[0])
        if name == "removeprefix", data.starts(with: affix) { return .bytes(Array(data[affix.count...])) }
        if name == "removesuffix", !affix.isEmpty, data.reversed().starts(with: affix.reversed()) {
          return .bytes(Array(data[..<(data.count - affix.count)]))
        }
        return .bytes(data)
      }
    }
    for name in ["center", "ljust", "rjust"] {
      BuiltinMethods.add(type, name) { interpreter, arguments in
        let data = try bytes(&arguments, name)
        if !arguments.keywords.isEmpty { throw Interpreter.typeError("bytes.\(name)() takes no keyword arguments") }
        let given = arguments.positional.count
        guard given >= 1 else { throw Interpreter.typeError("\(name) expected at least 1 argument, got 0") }
        guard given <= 2 else { throw Interpreter.typeError("\(name) expected at most 2 arguments, got \(given)") }
        let width = try interpreter.asIndex(arguments.positional[0], name)
        var fill = UInt8(ascii: " ")
        if given == 2 {
          guard case .bytes(let text) = arguments.positional[1], text.count == 1 else {
            throw Interpreter.typeError(
              "\(name)() argument 2 must be a byte string of length 1, not \(PythonFormat.clinicName(arguments.positional[1]))"
            )
          }
          fill = text[0]
        }
        guard width > data.count else { return .bytes(data) }
        let margin = width - data.count
        let left: Int
        switch name {
        case "center": left = margin / 2 + (margin & width & 1)
        case "ljust": left = 0
        default: left = margin
        }
        return .bytes([UInt8](repeating: fill, count: left) + data + [UInt8](repeating: fill, count: margin - left))
      }
    }
    BuiltinMethods.add(type, "expandtabs") { interpreter, arguments in
      let data = try bytes(&arguments, "expandtabs")
      var reader = ArgumentReader("expandtabs", arguments)
      let size = try reader.value(0, "tabsize").map { try interpreter.asIndex($0, "tabsize") } ?? 8
      try reader.finish(maximum: 1)
      return .bytes(expandTabs(data, size))
    }
    BuiltinMethods.add(type, "zfill") { interpreter, arguments in
      var data = try bytes(&arguments, "zfill")
      try ArgumentReader.exactly(1, "bytes.zfill", arguments)
      let width = try interpreter.asIndex(arguments.positional[0], "zfill")
      guard width > data.count else { return .bytes(data) }
      let fill = width - data.count
      data.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: fill), at: 0)
      if fill < data.count, data[fill] == UInt8(ascii: "+") || data[fill] == UInt8(ascii: "-") {
        data[0] = data[fill]
        data[fill] = UInt8(ascii: "0")
      }
      return .bytes(data)
    }
  }

  /// `bytes.expandtabs(tabsize=8)`.
  private static func expandTabs(_ data: [UInt8], _ size: Int) -> [UInt8] {
    var result: [UInt8] = []
    var column = 0
    for byte in data {
      switch byte {
      case 0x09:
        if size > 0 {
          let spaces = size - column % size
          result += repeatElement(UInt8(ascii: " "), count: spaces)
          column += spaces
        }
      case 0x0A, 0x0D:
        result.append(byte)
        column = 0
      default:
        result.append(byte)
        column += 1
      }
    }
    return result
  }

  static func replace(_ data: [UInt8], _ old: [UInt8], _ new: [UInt8], limit: Int) -> [UInt8] {
    var result: [UInt8] = []
    var count = 0
    if old.isEmpty {
      for byte in data {
        if count < limit {
          result += new
          count += 1
        }
        result.append(byte)
      }
      if count < limit { result += new }
      return result
    }
    var position = 0
    while position < data.count {
      if count < limit, position + old.count <= data.count,
        data[position..<(position + old.count)].elementsEqual(old)
      {
        result += new
        position += old.count
        count += 1
      } else {
        result.append(data[position])
        position += 1
      }
    }
    return result
  }

  // MARK: - Predicates

  private static func installPredicates(_ type: TypeObject) {
    func add(_ name: String, _ test: @escaping ([UInt8]) -> Bool) {
      BuiltinMethods.add(type, name) { _, arguments in
        let data = try bytes(&arguments, name)
        try ArgumentReader.exactly(0, "bytes.\(name)", arguments)
        return .bool(test(data))
      }
    }
    add("isalnum") { !$0.isEmpty && $0.allSatisfy { isLower($0) || isUpper($0) || isDigit($0) } }
    add("isalpha") { !$0.isEmpty && $0.allSatisfy { isLower($0) || isUpper($0) } }
    add("isdigit") { !$0.isEmpty && $0.allSatisfy(isDigit) }
    add("isspace") { !$0.isEmpty && $0.allSatisfy(isSpace) }
    add("isascii") { $0.allSatisfy { $0 < 0x80 } }
    add("islower") { $0.contains(where: isLower) && !$0.contains(where: isUpper) }
    add("isupper") { $0.contains(where: isUpper) && !$0.contains(where: isLower) }
  }

  // MARK: - Hexadecimal

  /// `bytes.hex(sep, bytes_per_sep)`: groups of `|group|` bytes, counted from the right when
  /// `group` is positive and from the left when it is negative.
  static func hex(_ data: [UInt8], separator: Value?, group: Int) throws -> String {
    let digits = Array("0123456789abcdef")
    var separatorCharacter: Character?
    if let separator {
      let text: String
      switch separator {
      case .str(let value): text = value
      case .bytes(let value): text = String(decoding: value, as: UTF8.self)
      default: throw Interpreter.typeError("object of type '\(Runtime.typeName(separator))' has no len()")
      }
      guard text.unicodeScalars.count == 1, let only = text.first else {
        throw Interpreter.valueError("sep must be length 1.")
      }
      guard only.isASCII else { throw Interpreter.valueError("sep must be ASCII.") }
      separatorCharacter = only
    }
    var result = ""
    result.reserveCapacity(data.count * 3)
    let size = group.magnitude
    for (index, byte) in data.enumerated() {
      if let separatorCharacter, index > 0, size > 0 {
        let boundary = group > 0 ? (data.count - index) % Int(size) == 0 : index % Int(size) == 0
        if boundary { result.append(separatorCharacter) }
      }
      result.append(digits[Int(byte >> 4)])
      result.append(digits[Int(byte & 0x0F)])
    }
    return result
  }

  /// `bytes.fromhex(text)`: pairs of hex digits, with whitespace allowed between pairs.
  static func fromHex(_ text: String) throws -> [UInt8] {
    let scalars = Array(text.unicodeScalars)
    func value(_ scalar: Unicode.Scalar) -> UInt8? {
      guard scalar.isASCII, let digit = UInt8(String(scalar), radix: 16) else { return nil }
      return digit
    }
    var result: [UInt8] = []
    var index = 0
    while index < scalars.count {
      if scalars[index].isASCII && isSpace(UInt8(scalars[index].value)) {
        index += 1
        continue
      }
      guard let high = value(scalars[index]) else {
        throw Interpreter.valueError("non-hexadecimal number found in fromhex() arg at position \(index)")
      }
      guard index + 1 < scalars.count, let low = value(scalars[index + 1]) else {
        throw Interpreter.valueError("non-hexadecimal number found in fromhex() arg at position \(index + 1)")
      }
      result.append(high << 4 | low)
      index += 2
    }
    return result
  }
}
