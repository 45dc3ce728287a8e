/// `glob` (LANGUAGE.md §8.6): `glob`, `iglob`, `escape` and `has_magic`, the algorithm of
/// CPython's `glob` module (hidden names, `**` with `recursive=True`, `root_dir`), with the
/// results sorted as the spec asks.
enum GlobModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "glob", path: nil)
    let globals = module.globals
    func run(_ interpreter: Interpreter, _ arguments: CallArguments, _ name: String) throws -> [Value] {
      let values = try PythonSignature(
        name, ["pathname"], keywordOnly: ["root_dir", "dir_fd", "recursive", "include_hidden"]
      ).bind(arguments)
      let patternValue = values[0]!
      let rootValue = values[1] ?? Value.none
      switch patternValue {
      case .str, .bytes: break
      default:
        if rootValue.isNone {
          throw Interpreter.typeError("'\(Runtime.typeName(patternValue))' object is not subscriptable")
        }
      }
      let pattern = try PathArgument.generic(interpreter, patternValue)
      let directoryDescriptor = values[2] ?? Value.none
      let recursive = try values[3].map { try interpreter.truthy($0) } ?? false
      let includeHidden = try values[4].map { try interpreter.truthy($0) } ?? false
      if !directoryDescriptor.isNone { throw Interpreter.unsupported("glob with dir_fd") }
      let root = rootValue.isNone ? [] : try PathArgument.generic(interpreter, rootValue).bytes
      let globber = Globber(recursive: recursive, includeHidden: includeHidden)
      var results = globber.glob(pattern.bytes, root: root, directoriesOnly: false)
      if pattern.bytes.isEmpty || (recursive && isRecursive(Array(pattern.bytes.prefix(2)))) {
        if results.first?.isEmpty == true { results.removeFirst() }
      }
      results.sort { $0.lexicographicallyPrecedes($1) }
      return results.map { pattern.result($0) }
    }
    globals.function("glob") { interpreter, arguments in .list(ListObject(try run(interpreter, arguments, "glob"))) }
    globals.function("iglob") { interpreter, arguments in
      .object(Interpreter.arrayIterator(try run(interpreter, arguments, "iglob")))
    }
    globals.function("escape") { interpreter, arguments in
      let path = try PathArgument.generic(interpreter, try PythonSignature("escape", ["pathname"]).bind(arguments)[0]!)
      var escaped: [UInt8] = []
      for byte in path.bytes {
        if isMagic(byte) { escaped += [UInt8(ascii: "["), byte, UInt8(ascii: "]")] } else { escaped.append(byte) }
      }
      return path.result(escaped)
    }
    globals.function("has_magic") { interpreter, arguments in
      let value = try PythonSignature("has_magic", ["s"]).bind(arguments)[0]!
      return .bool(try PathArgument.generic(interpreter, value).bytes.contains(where: isMagic))
    }
    return module
  }

  static func isMagic(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[")
  }

  static func isRecursive(_ pattern: [UInt8]) -> Bool { pattern == Array("**".utf8) }

  struct Globber {
    let recursive: Bool
    let includeHidden: Bool

    private func isHidden(_ name: [UInt8]) -> Bool { name.first == UInt8(ascii: ".") }

    /// `glob._join`: either part alone when the other is empty.
    private func join(_ directory: [UInt8], _ name: [UInt8]) -> [UInt8] {
      if directory.isEmpty || name.isEmpty { return directory.isEmpty ? name : directory }
      return OSPathModule.join(directory, name)
    }

    private func lexists(_ path: [UInt8]) -> Bool { OSModule.statIfPossible(path, follow: false) != nil }

    private func isDirectory(_ path: [UInt8]) -> Bool {
      OSModule.statIfPossible(path.isEmpty ? [UInt8(ascii: ".")] : path, follow: true).map(OSModule.isDirectory)
        ?? false
    }

    /// `glob._iglob`.
    func glob(_ pattern: [UInt8], root: [UInt8], directoriesOnly: Bool) -> [[UInt8]] {
      let (directory, base) = OSPathModule.split(pattern)
      if !pattern.contains(where: GlobModule.isMagic) {
        if !base.isEmpty {
          return lexists(join(root, pattern)) ? [pattern] : []
        }
        return isDirectory(join(root, directory)) ? [pattern] : []
      }
      if directory.isEmpty {
        if recursive && GlobModule.isRecursive(base) {
          return globRecursive(root, base, directoriesOnly)
        }
        return globPattern(root, base, directoriesOnly)
      }
      let directories: [[UInt8]]
      if directory != pattern && directory.contains(where: GlobModule.isMagic) {
        directories = glob(directory, root: root, directoriesOnly: true)
      } else {
        directories = [directory]
      }
      var results: [[UInt8]] = []
      for parent in directories {
        let inside = join(root, parent)
        let names: [[UInt8]]
        if base.contains(where: GlobModule.isMagic) {
          names =
            recursive && GlobModule.isRecursive(base)
            ? globRecursive(inside, base, directoriesOnly) : globPattern(inside, base, directoriesOnly)
        } else {
          names = globLiteral(inside, base)
        }
        for name in names { results.append(OSPathModule.join(parent, name)) }
      }
      return results
    }

    private func listDirectory(_ directory: [UInt8], _ directoriesOnly: Bool) -> [[UInt8]] {
      let path = directory.isEmpty ? [UInt8(ascii: ".")] : directory
      let argument = PathArgument(value: Value.none, bytes: path, isBytes: true)
      guard let names = try? OSModule.listDirectory(argument) else { return [] }
      if !directoriesOnly { return names }
      return names.filter { isDirectory(OSPathModule.join(path, $0)) }
    }

    /// `glob._glob1`: the names in `directory` that match `pattern`.
    private func globPattern(_ directory: [UInt8], _ pattern: [UInt8], _ directoriesOnly: Bool) -> [[UInt8]] {
      var names = listDirectory(directory, directoriesOnly)
      if includeHidden || !isHidden(pattern) {
        names = names.filter { includeHidden || !isHidden($0) }
      }
      let matcher = FnmatchPattern(Array(String(decoding: pattern, as: UTF8.self).unicodeScalars))
      return names.filter { matcher.matches(Array(String(decoding: $0, as: UTF8.self).unicodeScalars)) }
    }

    /// `glob._glob0`.
    private func globLiteral(_ directory: [UInt8], _ name: [UInt8]) -> [[UInt8]] {
      if !name.isEmpty { return lexists(join(directory, name)) ? [name] : [] }
      return isDirectory(directory) ? [name] : []
    }

    /// `glob._glob2`: the directory itself (as an empty name), then everything below it.
    private func globRecursive(_ directory: [UInt8], _ pattern: [UInt8], _ directoriesOnly: Bool) -> [[UInt8]] {
      var results: [[UInt8]] = [[]]
      walk(directory, directoriesOnly, prefix: [], into: &results)
      return results
    }

    private func walk(_ directory: [UInt8], _ directoriesOnly: Bool, prefix: [UInt8], into results: inout [[UInt8]]) {
      for name in listDirectory(directory, directoriesOnly) where includeHidden || !isHidden(name) {
        let relative = join(prefix, name)
        results.append(relative)
        walk(directory.isEmpty ? name : join(directory, name), directoriesOnly, prefix: relative, into: &results)
      }
    }
  }
}

/// A shell pattern as `fnmatch` reads it: `*`, `?`, `[seq]`, `[!seq]` (ranges as
/// `fnmatch.translate` builds them); everything else literal, case-sensitive.
struct FnmatchPattern {
  enum Token {
    case star
    case any
    case literal(Unicode.Scalar)
    /// Characters and ranges; `negated` for `[!…]`; an empty set never matches.
    case set(singles: Set<Unicode.Scalar>, ranges: [ClosedRange<UInt32>], negated: Bool)
  }

  let tokens: [Token]

  init(_ pattern: [Unicode.Scalar]) {
    var tokens: [Token] = []
    var i = 0
    let n = pattern.count
    while i < n {
      let c = pattern[i]
      i += 1
      switch c {
      case "*":
        if case .star? = tokens.last {} else { tokens.append(.star) }
      case "?":
        tokens.append(.any)
      case "[":
        var j = i
        if j < n && pattern[j] == "!" { j += 1 }
        if j < n && pattern[j] == "]" { j += 1 }
        while j < n && pattern[j] != "]" { j += 1 }
        if j >= n {
          tokens.append(.literal("["))
          continue
        }
        tokens.append(FnmatchPattern.characterSet(pattern, i, j))
        i = j + 1
      default:
        tokens.append(.literal(c))
      }
    }
    self.tokens = tokens
  }

  /// The set `pattern[start..<end]` (between the brackets), with `fnmatch.translate`'s
  /// handling of `-`: ranges between chunks, empty ranges removed, a final `-` literal.
  private static func characterSet(_ pattern: [Unicode.Scalar], _ start: Int, _ end: Int) -> Token {
    var chunks: [[Unicode.Scalar]] = []
    var i = start
    var k = pattern[start] == "!" ? start + 2 : start + 1
    while true {
      guard k < end, let dash = pattern[k..<end].firstIndex(of: "-") else { break }
      chunks.append(Array(pattern[i..<dash]))
      i = dash + 1
      k = dash + 3
    }
    let last = Array(pattern[i..<end])
    if !last.isEmpty || chunks.isEmpty {
      chunks.append(last)
    } else {
      chunks[chunks.count - 1].append("-")
    }
    var index = chunks.count - 1
    while index > 0 {
      if let high = chunks[index].first, let low = chunks[index - 1].last, low.value > high.value {
        chunks[index - 1] = Array(chunks[index - 1].dropLast()) + chunks[index].dropFirst()
        chunks.remove(at: index)
      }
      index -= 1
    }
    var flat: [Unicode.Scalar?] = []
    for (position, chunk) in chunks.enumerated() {
      if position > 0 { flat.append(nil) }
      flat += chunk.map { Optional($0) }
    }
    var negated = false
    if flat.first == "!" {
      negated = true
      flat.removeFirst()
      if flat.isEmpty { return .any }
    }
    var singles = Set<Unicode.Scalar>()
    var ranges: [ClosedRange<UInt32>] = []
    var previous: Unicode.Scalar?
    var position = 0
    while position < flat.count {
      if let scalar = flat[position] {
        if let previous { singles.insert(previous) }
        previous = scalar
        position += 1
      } else {
        if let low = previous, position + 1 < flat.count, let high = flat[position + 1] {
          ranges.append(low.value...high.value)
          previous = nil
          position += 2
        } else {
          position += 1
        }
      }
    }
    if let previous { singles.insert(previous) }
    return .set(singles: singles, ranges: ranges, negated: negated)
  }

  private static func matches(_ token: Token, _ scalar: Unicode.Scalar) -> Bool {
    switch token {
    case .star, .any: return true
    case .literal(let literal): return literal == scalar
    case .set(let singles, let ranges, let negated):
      let inside = singles.contains(scalar) || ranges.contains { $0.contains(scalar.value) }
      return inside != negated
    }
  }

  /// Whether the whole of `name` matches (`*` may match `/` too, as in `fnmatch`).
  func matches(_ name: [Unicode.Scalar]) -> Bool {
    var t = 0
    var s = 0
    var starToken = -1
    var starPosition = 0
    while s < name.count {
      if t < tokens.count, case .star = tokens[t] {
        starToken = t
        starPosition = s
        t += 1
      } else if t < tokens.count, FnmatchPattern.matches(tokens[t], name[s]) {
        t += 1
        s += 1
      } else if starToken >= 0 {
        t = starToken + 1
        starPosition += 1
        s = starPosition
      } else {
        return false
      }
    }
    while t < tokens.count, case .star = tokens[t] { t += 1 }
    return t == tokens.count
  }
}
