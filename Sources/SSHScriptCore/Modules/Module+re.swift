import Foundation

/// `re` (LANGUAGE.md §8.6): Python's regular expressions, translated to ICU's syntax
/// (`RegexTranslator`) and run by `NSRegularExpression`. Pattern and match objects, the module
/// functions, flags and `re.error` behave as CPython 3.11's.
enum RegexModule {
  static let pythonOnlyNames: Set<String> = ["template", "Scanner", "RegexFlag", "TEMPLATE", "T"]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "re", path: nil)
    let globals = module.globals
    let types = RegexTypes()
    globals["error"] = .object(types.error)
    globals["Pattern"] = .object(types.pattern)
    globals["Match"] = .object(types.match)
    let flagNames: [(String, String, Int)] = [
      ("A", "ASCII", RegexFlag.ascii), ("I", "IGNORECASE", RegexFlag.ignoreCase), ("L", "LOCALE", RegexFlag.locale),
      ("M", "MULTILINE", RegexFlag.multiline), ("S", "DOTALL", RegexFlag.dotAll), ("U", "UNICODE", RegexFlag.unicode),
      ("X", "VERBOSE", RegexFlag.verbose), ("DEBUG", "DEBUG", RegexFlag.debug),
    ]
    for (short, long, value) in flagNames {
      globals[short] = .int(value)
      globals[long] = .int(value)
    }
    globals["NOFLAG"] = .int(0)

    globals.function("compile") { interpreter, arguments in
      let values = try PythonSignature("compile", ["pattern", "flags"], required: 1).bind(arguments)
      return try types.compile(interpreter, values[0]!, values[1] ?? .int(0))
    }
    globals.function("purge") { _, _ in
      types.cache.removeAll()
      return .none
    }
    globals.function("escape") { _, arguments in
      let values = try PythonSignature("escape", ["pattern"]).bind(arguments)
      return try escape(values[0]!)
    }
    // The module functions compile (or take from the cache) and call the pattern's method.
    let forwarded: [(String, [String], Int)] = [
      ("search", ["pattern", "string", "flags"], 2), ("match", ["pattern", "string", "flags"], 2),
      ("fullmatch", ["pattern", "string", "flags"], 2), ("findall", ["pattern", "string", "flags"], 2),
      ("finditer", ["pattern", "string", "flags"], 2), ("split", ["pattern", "string", "maxsplit", "flags"], 2),
      ("sub", ["pattern", "repl", "string", "count", "flags"], 3),
      ("subn", ["pattern", "repl", "string", "count", "flags"], 3),
    ]
    for (name, parameters, required) in forwarded {
      globals.function(name) { interpreter, arguments in
        let values = try PythonSignature(name, parameters, required: required).bind(arguments)
        let pattern = try types.compile(interpreter, values[0]!, values.last! ?? .int(0))
        let rest = values.dropFirst().dropLast().map { $0 ?? .int(0) }
        return try interpreter.call(try interpreter.getAttribute(pattern, name), Array(rest))
      }
    }
    return module
  }

  /// `re.escape`: a backslash before each character special in patterns.
  static func escape(_ value: Value) throws -> Value {
    let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}".unicodeScalars)
    switch value {
    case .str(let text):
      var result = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        if special.contains(scalar) { result.append("\\") }
        result.append(scalar)
      }
      return .str(String(result))
    case .bytes(let data):
      var result: [UInt8] = []
      for byte in data {
        if special.contains(Unicode.Scalar(byte)) { result.append(92) }
        result.append(byte)
      }
      return .bytes(result)
    default:
      throw Interpreter.typeError("decoding to str: need a bytes-like object, \(Runtime.typeName(value)) found")
    }
  }
}

/// The classes of one `re` module and its cache of compiled patterns.
final class RegexTypes {
  let error = TypeObject.moduleClass("error", module: "re", base: BuiltinTypes.exception, layout: .exception)
  let pattern = TypeObject.moduleClass("Pattern", module: "re")
  let match = TypeObject.moduleClass("Match", module: "re")
  /// Compiled patterns by (kind, text, flags), as CPython caches them.
  var cache: [String: Value] = [:]

  init() {
    installPatternMethods()
    installMatchMethods()
  }

  /// `re.compile(pattern, flags)`: a pattern object (a compiled one passes through).
  func compile(_ interpreter: Interpreter, _ source: Value, _ flagsValue: Value) throws -> Value {
    let flags = try interpreter.asIndex(flagsValue, "flags")
    if case .bytes = source, flags & RegexFlag.unicode != 0 {
      throw Interpreter.valueError("cannot use UNICODE flag with a bytes pattern")
    }
    if case .str = source, flags & RegexFlag.locale != 0 {
      throw Interpreter.valueError("cannot use LOCALE flag with a str pattern")
    }
    if flags & RegexFlag.ascii != 0 && flags & RegexFlag.unicode != 0 {
      throw Interpreter.valueError("ASCII and UNICODE flags are incompatible")
    }
    if case .object(let instance as Instance) = source, instance.cls === pattern {
      if flags != 0 { throw Interpreter.valueError("cannot process flags argument with a compiled pattern") }
      return source
    }
    let key: String
    switch source {
    case .str(let text): key = "s\(flags):" + text
    case .bytes(let data): key = "b\(flags):" + data.map { String($0) }.joined(separator: ",")
    default:
      throw Interpreter.typeError("first argument must be string or compiled pattern")
    }
    if let cached = cache[key] { return cached }
    let compiled: CompiledRegex
    do {
      compiled = try CompiledRegex(source: source, flags: flags)
    } catch let failure {
      if failure.isOverflow { throw Interpreter.error(BuiltinTypes.overflowError, failure.message) }
      throw syntaxError(interpreter, failure, source)
    }
    let instance = Instance(cls: pattern)
    instance.native = compiled
    instance.attributes["pattern"] = source
    instance.attributes["flags"] = .int(compiled.flags)
    instance.attributes["groups"] = .int(compiled.groupCount)
    let index = DictObject()
    for (name, number) in compiled.translated.groupNames { index.storage[try HashKey(.str(name))] = .int(number) }
    instance.attributes["groupindex"] = .dict(index)
    if cache.count >= 512 { cache.removeAll() }
    cache[key] = .object(instance)
    return .object(instance)
  }

  /// `re.error` with `msg`, `pattern`, `pos`, `lineno`, `colno`; its text names the position
  /// (and the line and column of a multi-line pattern).
  func syntaxError(_ interpreter: Interpreter, _ failure: RegexSyntaxError, _ source: Value) -> ScriptException {
    var text = failure.message
    let exception = ExceptionObject(cls: error, args: [])
    exception.attributes["msg"] = .str(failure.message)
    exception.attributes["pattern"] = source
    exception.attributes["pos"] = failure.position.map { .int($0) } ?? Value.none
    if let position = failure.position {
      text += " at position \(position)"
      var scalars: [Unicode.Scalar] = []
      if case .str(let pattern) = source { scalars = Array(pattern.unicodeScalars) }
      if case .bytes(let pattern) = source { scalars = pattern.map { Unicode.Scalar($0) } }
      let before = scalars.prefix(position)
      let line = before.filter { $0 == "\n" }.count + 1
      let column = position - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
      exception.attributes["lineno"] = .int(line)
      exception.attributes["colno"] = .int(column)
      if scalars.contains("\n") { text += " (line \(line), column \(column))" }
    } else {
      exception.attributes["lineno"] = Value.none
      exception.attributes["colno"] = Value.none
    }
    exception.args = [.str(text)]
    return ScriptException(exception)
  }

  // MARK: - Pattern objects

  func compiled(_ arguments: inout CallArguments, _ method: String) throws -> (Instance, CompiledRegex) {
    let instance = try moduleInstance(&arguments, pattern, method)
    return (instance, instance.native as! CompiledRegex)
  }

  /// The subject argument, checked against the kind of the pattern.
  func subject(_ value: Value, _ compiled: CompiledRegex) throws -> RegexSubject {
    switch value {
    case .str where compiled.isBytes:
      throw Interpreter.typeError("cannot use a bytes pattern on a string-like object")
    case .bytes where !compiled.isBytes:
      throw Interpreter.typeError("cannot use a string pattern on a bytes-like object")
    case .str, .bytes:
      return RegexSubject(value)
    default:
      throw Interpreter.typeError("expected string or bytes-like object, got '\(Runtime.typeName(value))'")
    }
  }

  /// The subject and its `[pos, endpos)` bounds from a `(string, pos, endpos)` signature.
  private func searchArguments(_ interpreter: Interpreter, _ values: [Value?], _ compiled: CompiledRegex) throws
    -> (RegexSubject, Int, Int, Int, Int)
  {
    let subject = try subject(values[0]!, compiled)
    let pos = try values[1].map { try interpreter.asIndex($0, "pos") } ?? 0
    let endpos = try values[2].map { try interpreter.asIndex($0, "endpos") } ?? subject.count
    let (start, end) = subject.bounds(pos, endpos)
    return (subject, start, end, min(max(pos, 0), subject.count), min(max(endpos, 0), subject.count))
  }

  private func installPatternMethods() {
    for (name, mode) in [("search", RegexSearchMode.search), ("match", .match), ("fullmatch", .full)] {
      pattern.method(name) { [unowned self] interpreter, arguments in
        let (instance, compiled) = try self.compiled(&arguments, name)
        let values = try PythonSignature("Pattern.\(name)", ["string", "pos", "endpos"], required: 1).bind(arguments)
        let (subject, start, end, pos, endpos) = try self.searchArguments(interpreter, values, compiled)
        guard let result = try compiled.firstMatch(subject, start: start, end: end, mode: mode) else { return .none }
        return self.makeMatch(instance, compiled, subject, result, pos, endpos)
      }
    }
    pattern.method("finditer") { [unowned self] interpreter, arguments in
      let (instance, compiled) = try self.compiled(&arguments, "finditer")
      let values = try PythonSignature("Pattern.finditer", ["string", "pos", "endpos"], required: 1).bind(arguments)
      let (subject, start, end, pos, endpos) = try self.searchArguments(interpreter, values, compiled)
      let matches = try compiled.allMatches(subject, start: start, end: end).map {
        self.makeMatch(instance, compiled, subject, $0, pos, endpos)
      }
      return .object(Interpreter.arrayIterator(matches))
    }
    pattern.method("findall") { [unowned self] interpreter, arguments in
      let (_, compiled) = try self.compiled(&arguments, "findall")
      let values = try PythonSignature("Pattern.findall", ["string", "pos", "endpos"], required: 1).bind(arguments)
      let (subject, start, end, _, _) = try self.searchArguments(interpreter, values, compiled)
      let empty: Value = compiled.isBytes ? .bytes([]) : .str("")
      func group(_ result: NSTextCheckingResult, _ index: Int) -> Value {
        let range = result.range(at: index)
        return range.location == NSNotFound ? empty : subject.slice(range)
      }
      let found = try compiled.allMatches(subject, start: start, end: end).map { result -> Value in
        switch compiled.groupCount {
        case 0: return group(result, 0)
        case 1: return group(result, 1)
        default: return .tuple((1...compiled.groupCount).map { group(result, $0) })
        }
      }
      return .list(ListObject(found))
    }
    pattern.method("split") { [unowned self] interpreter, arguments in
      let (_, compiled) = try self.compiled(&arguments, "split")
      let values = try PythonSignature("Pattern.split", ["string", "maxsplit"], required: 1).bind(arguments)
      let subject = try self.subject(values[0]!, compiled)
      let maxsplit = try values[1].map { try interpreter.asIndex($0, "maxsplit") } ?? 0
      if maxsplit < 0 { return .list(ListObject([subject.value])) }
      var pieces: [Value] = []
      var previous = 0
      for result in try compiled.allMatches(subject, start: 0, end: subject.utf16.count, limit: maxsplit) {
        pieces.append(subject.slice(from: previous, to: result.range.location))
        for index in stride(from: 1, through: compiled.groupCount, by: 1) {
          let range = result.range(at: index)
          pieces.append(range.location == NSNotFound ? Value.none : subject.slice(range))
        }
        previous = result.range.location + result.range.length
      }
      pieces.append(subject.slice(from: previous, to: subject.utf16.count))
      return .list(ListObject(pieces))
    }
    for name in ["sub", "subn"] {
      pattern.method(name) { [unowned self] interpreter, arguments in
        let (instance, compiled) = try self.compiled(&arguments, name)
        let values = try PythonSignature("Pattern.\(name)", ["repl", "string", "count"], required: 2).bind(arguments)
        let (text, count) = try self.substitute(
          interpreter, instance, compiled, values[0]!, values[1]!,
          try values[2].map { try interpreter.asIndex($0, "count") } ?? 0)
        return name == "sub" ? text : .tuple([text, .int(count)])
      }
    }
    pattern.method("__repr__") { [unowned self] interpreter, arguments in
      let (_, compiled) = try self.compiled(&arguments, "__repr__")
      var shown = compiled.flags
      if !compiled.isBytes { shown &= ~RegexFlag.unicode }
      let names: [(Int, String)] = [
        (RegexFlag.ignoreCase, "re.IGNORECASE"), (RegexFlag.locale, "re.LOCALE"), (RegexFlag.multiline, "re.MULTILINE"),
        (RegexFlag.dotAll, "re.DOTALL"), (RegexFlag.unicode, "re.UNICODE"), (RegexFlag.verbose, "re.VERBOSE"),
        (RegexFlag.debug, "re.DEBUG"), (RegexFlag.ascii, "re.ASCII"),
      ]
      let flagText = names.filter { shown & $0.0 != 0 }.map(\.1).joined(separator: "|")
      let source = try interpreter.repr(compiled.source)
      return .str(
        "re.compile(\(source.count > 200 ? String(source.prefix(200)) : source)\(flagText.isEmpty ? "" : ", " + flagText))"
      )
    }
    pattern.method("__eq__") { [unowned self] interpreter, arguments in
      let (_, compiled) = try self.compiled(&arguments, "__eq__")
      guard case .object(let other as Instance)? = arguments.positional.first, other.cls === self.pattern,
        let otherCompiled = other.native as? CompiledRegex
      else { return .object(Builtins.notImplemented) }
      let sameSource = try interpreter.compare(.eq, compiled.source, otherCompiled.source)
      return .bool(otherCompiled.flags == compiled.flags && sameSource)
    }
    pattern.method("__hash__") { [unowned self] _, arguments in
      let (_, compiled) = try self.compiled(&arguments, "__hash__")
      return .int(try HashKey.pythonHash(.tuple([compiled.source, .int(compiled.flags)])))
    }
  }

  /// `sub`/`subn`: the new string and the number of replacements.
  private func substitute(
    _ interpreter: Interpreter, _ instance: Instance, _ compiled: CompiledRegex, _ replacement: Value, _ string: Value,
    _ count: Int
  ) throws -> (Value, Int) {
    let subject = try subject(string, compiled)
    var template: RegexTemplate?
    switch replacement {
    case .str(let text) where !compiled.isBytes:
      template = try parseTemplate(interpreter, Array(text.unicodeScalars), compiled)
    case .bytes(let data) where compiled.isBytes:
      template = try parseTemplate(interpreter, data.map { Unicode.Scalar($0) }, compiled)
    case .str, .bytes:
      // The other kind is used as it is, and fails when the pieces are joined (CPython).
      break
    default:
      if !Runtime.isCallable(replacement) {
        throw Interpreter.typeError("decoding to str: need a bytes-like object, \(Runtime.typeName(replacement)) found")
      }
    }
    if count < 0 { return (string, 0) }
    var result: [UInt16] = []
    var previous = 0
    // CPython joins the pieces; its error for a bad replacement counts them.
    var pieces = 0
    let matches = try compiled.allMatches(subject, start: 0, end: subject.utf16.count, limit: count)
    for match in matches {
      result.append(contentsOf: subject.utf16[previous..<match.range.location])
      if previous < match.range.location { pieces += 1 }
      if let template {
        result.append(contentsOf: template.expand(match, subject))
      } else {
        let piece: Value
        if case .str = replacement {
          piece = replacement
        } else if case .bytes = replacement {
          piece = replacement
        } else {
          piece = try interpreter.call(replacement, [makeMatch(instance, compiled, subject, match, 0, subject.count)])
        }
        try append(piece, to: &result, compiled, index: pieces)
      }
      pieces += 1
      previous = match.range.location + match.range.length
    }
    result.append(contentsOf: subject.utf16[previous...])
    return (text(result, compiled), matches.count)
  }

  /// Adds a replacement to the result, or raises the TypeError of CPython's join; `None` adds
  /// nothing.
  private func append(_ piece: Value, to result: inout [UInt16], _ compiled: CompiledRegex, index: Int) throws {
    switch piece {
    case .str(let text) where !compiled.isBytes: result.append(contentsOf: text.utf16)
    case .bytes(let data) where compiled.isBytes: result.append(contentsOf: data.map { UInt16($0) })
    case .none: break
    default:
      throw Interpreter.typeError(
        "sequence item \(index): expected \(compiled.isBytes ? "a bytes-like object" : "str instance"), "
          + "\(Runtime.typeName(piece)) found")
    }
  }

  private func text(_ units: [UInt16], _ compiled: CompiledRegex) -> Value {
    compiled.isBytes
      ? .bytes(units.map { UInt8(truncatingIfNeeded: $0) }) : .str(String(decoding: units, as: UTF16.self))
  }

  func parseTemplate(_ interpreter: Interpreter, _ template: [Unicode.Scalar], _ compiled: CompiledRegex) throws
    -> RegexTemplate
  {
    do {
      return try RegexTemplate(template, for: compiled)
    } catch .syntax(let message, let position) {
      let source: Value =
        compiled.isBytes ? .bytes(template.map { UInt8($0.value) }) : .str(String(String.UnicodeScalarView(template)))
      throw syntaxError(interpreter, RegexSyntaxError(message: message, position: position), source)
    } catch .unknownName(let name) {
      throw Interpreter.indexError("unknown group name '\(name)'")
    }
  }

  // MARK: - Match objects

  func makeMatch(
    _ patternObject: Instance, _ compiled: CompiledRegex, _ subject: RegexSubject, _ result: NSTextCheckingResult,
    _ pos: Int, _ endpos: Int
  ) -> Value {
    let instance = Instance(cls: match)
    let state = RegexMatch(compiled: compiled, subject: subject, result: result)
    instance.native = state
    instance.attributes["string"] = subject.value
    instance.attributes["re"] = .object(patternObject)
    instance.attributes["pos"] = .int(pos)
    instance.attributes["endpos"] = .int(endpos)
    let last = state.lastIndex
    instance.attributes["lastindex"] = last.map { .int($0) } ?? Value.none
    instance.attributes["lastgroup"] = last.flatMap { compiled.groupName($0) }.map { .str($0) } ?? Value.none
    return .object(instance)
  }

  private func installMatchMethods() {
    func state(_ arguments: inout CallArguments, _ method: String) throws -> RegexMatch {
      try moduleInstance(&arguments, match, method).native as! RegexMatch
    }
    match.method("group") { _, arguments in
      let state = try state(&arguments, "group")
      guard arguments.keywords.isEmpty else {
        throw Interpreter.typeError("Match.group() takes no keyword arguments")
      }
      if arguments.positional.isEmpty { return try state.group(.int(0)) }
      if arguments.positional.count == 1 { return try state.group(arguments.positional[0]) }
      return .tuple(try arguments.positional.map { try state.group($0) })
    }
    match.method("__getitem__") { _, arguments in
      let state = try state(&arguments, "__getitem__")
      try ArgumentReader.exactly(1, "__getitem__", arguments)
      return try state.group(arguments.positional[0])
    }
    match.method("groups") { _, arguments in
      let state = try state(&arguments, "groups")
      let values = try PythonSignature("Match.groups", ["default"], required: 0).bind(arguments)
      let fallback = values[0] ?? Value.none
      return .tuple(
        (0..<state.compiled.groupCount).map { state.groupValue($0 + 1) ?? fallback })
    }
    match.method("groupdict") { _, arguments in
      let state = try state(&arguments, "groupdict")
      let values = try PythonSignature("Match.groupdict", ["default"], required: 0).bind(arguments)
      let result = DictObject()
      for (name, index) in state.compiled.translated.groupNames {
        result.storage[try HashKey(.str(name))] = state.groupValue(index) ?? values[0] ?? Value.none
      }
      return .dict(result)
    }
    for name in ["start", "end", "span"] {
      match.method(name) { _, arguments in
        let state = try state(&arguments, name)
        let values = try PythonSignature("Match.\(name)", ["group"], required: 0).bind(arguments)
        let (start, end) = try state.span(values[0] ?? .int(0))
        switch name {
        case "start": return .int(start)
        case "end": return .int(end)
        default: return .tuple([.int(start), .int(end)])
        }
      }
    }
    match.method("expand") { [unowned self] interpreter, arguments in
      let state = try state(&arguments, "expand")
      let values = try PythonSignature("Match.expand", ["template"]).bind(arguments)
      let scalars: [Unicode.Scalar]
      switch values[0]! {
      case .str(let text) where !state.compiled.isBytes: scalars = Array(text.unicodeScalars)
      case .bytes(let data) where state.compiled.isBytes: scalars = data.map { Unicode.Scalar($0) }
      case .str, .bytes:
        var units: [UInt16] = []
        try self.append(values[0]!, to: &units, state.compiled, index: 0)
        return .none
      default:
        throw Interpreter.typeError("decoding to str: need a bytes-like object, \(Runtime.typeName(values[0]!)) found")
      }
      let units = try self.parseTemplate(interpreter, scalars, state.compiled).expand(state.result, state.subject)
      return self.text(units, state.compiled)
    }
    match.method("__repr__") { interpreter, arguments in
      let state = try state(&arguments, "__repr__")
      let (start, end) = try state.span(.int(0))
      return .str(
        "<re.Match object; span=(\(start), \(end)), match=\(try interpreter.repr(try state.group(.int(0))))>")
    }
  }
}

/// The state of a match object: where each group matched, in the subject.
final class RegexMatch {
  let compiled: CompiledRegex
  let subject: RegexSubject
  let result: NSTextCheckingResult

  init(compiled: CompiledRegex, subject: RegexSubject, result: NSTextCheckingResult) {
    self.compiled = compiled
    self.subject = subject
    self.result = result
  }

  func index(_ key: Value) throws -> Int {
    guard let index = compiled.groupIndex(key) else { throw Interpreter.indexError("no such group") }
    return index
  }

  func groupValue(_ index: Int) -> Value? {
    let range = result.range(at: index)
    return range.location == NSNotFound ? nil : subject.slice(range)
  }

  func group(_ key: Value) throws -> Value { groupValue(try index(key)) ?? Value.none }

  /// Code point offsets of a group; (-1, -1) when it did not take part.
  func span(_ key: Value) throws -> (Int, Int) {
    let range = result.range(at: try index(key))
    guard range.location != NSNotFound else { return (-1, -1) }
    return (subject.index(range.location), subject.index(range.location + range.length))
  }

  /// `lastindex`: the group that closed last — the one ending furthest; on a tie, the one whose
  /// `)` comes later in the pattern (an enclosing group, or a later empty one).
  var lastIndex: Int? {
    var best: (index: Int, end: Int, order: Int)?
    for index in stride(from: 1, through: compiled.groupCount, by: 1) {
      let range = result.range(at: index)
      guard range.location != NSNotFound else { continue }
      let end = range.location + range.length
      let order = compiled.translated.closingOrder[index] ?? 0
      if best == nil || end > best!.end || (end == best!.end && order > best!.order) {
        best = (index, end, order)
      }
    }
    return best?.index
  }
}
