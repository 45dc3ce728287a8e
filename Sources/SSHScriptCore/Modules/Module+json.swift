import Foundation

/// `json` (LANGUAGE.md §8.6): `dumps`, `loads`, `dump`, `load`, `JSONEncoder`, `JSONDecoder`
/// and `JSONDecodeError`, with the output and the error messages of CPython 3.11.
enum JSONModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "json", path: nil)
    let globals = module.globals
    let decodeError = TypeObject.moduleClass(
      "JSONDecodeError", module: "json.decoder", base: BuiltinTypes.valueError, layout: .exception)
    decodeError.method("__init__") { interpreter, arguments in
      guard case .object(let exception as ExceptionObject)? = arguments.positional.first else {
        throw Interpreter.typeError("descriptor '__init__' requires a 'JSONDecodeError' object")
      }
      var rest = arguments
      rest.positional.removeFirst()
      let values = try PythonSignature("JSONDecodeError.__init__", ["msg", "doc", "pos"], self: true).bind(rest)
      let message = values[0]!
      let document = values[1]!
      let position = try interpreter.asIndex(values[2]!, "pos")
      let text = try interpreter.str(message)
      let scalars = Array(try interpreter.str(document).unicodeScalars)
      fill(exception, message: text, document: document, scalars: scalars, position: position)
      return .none
    }
    globals["JSONDecodeError"] = .object(decodeError)

    let encoderType = makeEncoderType()
    globals["JSONEncoder"] = .object(encoderType)
    let decoderType = makeDecoderType(decodeError)
    globals["JSONDecoder"] = .object(decoderType)

    let dumpsOptions = [
      "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys",
    ]
    /// `dumps`/`dump`: the default encoder, or `cls(**options)` when a class or unknown
    /// keywords are given (as CPython does).
    func encode(_ interpreter: Interpreter, _ object: Value, _ keywords: [(name: String, value: Value)]) throws
      -> String
    {
      let cls = keywords.first { $0.name == "cls" }?.value ?? Value.none
      let extra = keywords.contains { !dumpsOptions.contains($0.name) }
      if cls.isNone && !extra {
        let encoder = Encoder(interpreter: interpreter, options: try EncoderOptions(interpreter, keywords))
        return try encoder.encode(object)
      }
      var arguments = CallArguments([], keywords: keywords.filter { $0.name != "cls" })
      let instance = try interpreter.call(cls.isNone ? .object(encoderType) : cls, &arguments)
      let result = try interpreter.call(try interpreter.getAttribute(instance, "encode"), [object])
      guard case .str(let text) = result else {
        throw Interpreter.typeError("encode() returned non-string (type \(Runtime.typeName(result)))")
      }
      return text
    }
    globals.function("dumps") { interpreter, arguments in
      guard arguments.positional.count <= 1 else {
        throw Interpreter.typeError(
          "dumps() takes 1 positional argument but \(arguments.positional.count) were given")
      }
      guard let object = arguments.positional.first else {
        throw Interpreter.typeError("dumps() missing 1 required positional argument: 'obj'")
      }
      return .str(try encode(interpreter, object, arguments.keywords))
    }
    globals.function("dump") { interpreter, arguments in
      guard arguments.positional.count <= 2 else {
        throw Interpreter.typeError("dump() takes 2 positional arguments but \(arguments.positional.count) were given")
      }
      guard arguments.positional.count == 2 else {
        let missing =
          arguments.positional.isEmpty
          ? "2 required positional arguments: 'obj' and 'fp'" : "1 required positional argument: 'fp'"
        throw Interpreter.typeError("dump() missing \(missing)")
      }
      let text = try encode(interpreter, arguments.positional[0], arguments.keywords)
      _ = try interpreter.call(try interpreter.getAttribute(arguments.positional[1], "write"), [.str(text)])
      return .none
    }

    func decode(_ interpreter: Interpreter, _ document: Value, _ keywords: [(name: String, value: Value)]) throws
      -> Value
    {
      let text: String
      switch document {
      case .str(let value): text = value
      case .bytes(let data):
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : data
        text = try Codecs.decode(body, encoding: .str("utf-8"), errors: nil, interpreter)
      default:
        throw Interpreter.typeError(
          "the JSON object must be str, bytes or bytearray, not \(Runtime.typeName(document))")
      }
      let cls = keywords.first { $0.name == "cls" }?.value ?? Value.none
      if cls.isNone {
        let options = try DecoderOptions(interpreter, keywords.filter { $0.name != "cls" }, "JSONDecoder.__init__")
        let decoder = Decoder(
          interpreter: interpreter, text: text, original: .str(text), options: options, error: decodeError)
        return try decoder.decodeDocument()
      }
      var arguments = CallArguments([], keywords: keywords.filter { $0.name != "cls" })
      let instance = try interpreter.call(cls, &arguments)
      return try interpreter.call(try interpreter.getAttribute(instance, "decode"), [.str(text)])
    }
    globals.function("loads") { interpreter, arguments in
      guard arguments.positional.count <= 1 else {
        throw Interpreter.typeError("loads() takes 1 positional argument but \(arguments.positional.count) were given")
      }
      guard let document = arguments.positional.first else {
        throw Interpreter.typeError("loads() missing 1 required positional argument: 's'")
      }
      return try decode(interpreter, document, arguments.keywords)
    }
    globals.function("load") { interpreter, arguments in
      guard arguments.positional.count <= 1 else {
        throw Interpreter.typeError("load() takes 1 positional argument but \(arguments.positional.count) were given")
      }
      guard let file = arguments.positional.first else {
        throw Interpreter.typeError("load() missing 1 required positional argument: 'fp'")
      }
      let document = try interpreter.call(try interpreter.getAttribute(file, "read"), [])
      return try decode(interpreter, document, arguments.keywords)
    }
    return module
  }

  /// Sets the message and the `msg doc pos lineno colno` attributes of a `JSONDecodeError`.
  static func fill(
    _ exception: ExceptionObject, message: String, document: Value, scalars: [Unicode.Scalar], position: Int
  ) {
    let before = scalars.prefix(max(0, min(position, scalars.count)))
    let line = before.filter { $0 == "\n" }.count + 1
    let column = position - (before.lastIndex(of: "\n") ?? -1)
    exception.args = [.str("\(message): line \(line) column \(column) (char \(position))")]
    exception.attributes["msg"] = .str(message)
    exception.attributes["doc"] = document
    exception.attributes["pos"] = .int(position)
    exception.attributes["lineno"] = .int(line)
    exception.attributes["colno"] = .int(column)
  }

  // MARK: - Encoding

  struct EncoderOptions {
    var skipKeys = false
    var ensureASCII = true
    var checkCircular = true
    var allowNaN = true
    var sortKeys = false
    var indent: String?
    var itemSeparator = ", "
    var keySeparator = ": "
    var defaultFunction: Value?

    init() {}

    /// The keyword arguments of `dumps` / `JSONEncoder(...)`.
    init(_ interpreter: Interpreter, _ keywords: [(name: String, value: Value)], function: String = "dumps") throws {
      var separators: Value = .none
      for (name, value) in keywords {
        switch name {
        case "skipkeys": skipKeys = try interpreter.truthy(value)
        case "ensure_ascii": ensureASCII = try interpreter.truthy(value)
        case "check_circular": checkCircular = try interpreter.truthy(value)
        case "allow_nan": allowNaN = try interpreter.truthy(value)
        case "sort_keys": sortKeys = try interpreter.truthy(value)
        case "indent": indent = try EncoderOptions.indentText(interpreter, value)
        case "separators": separators = value
        case "default": defaultFunction = value.isNone ? nil : value
        case "cls": break
        default: throw Interpreter.typeError("\(function)() got an unexpected keyword argument '\(name)'")
        }
      }
      if !separators.isNone {
        (itemSeparator, keySeparator) = try EncoderOptions.separatorPair(interpreter, separators)
      } else if indent != nil {
        itemSeparator = ","
      }
    }

    static func indentText(_ interpreter: Interpreter, _ value: Value) throws -> String? {
      switch value {
      case .none: return nil
      case .str(let text): return text
      case .int, .bool: return String(repeating: " ", count: max(0, try interpreter.asIndex(value, "indent")))
      default:
        throw Interpreter.typeError("can't multiply sequence by non-int of type '\(Runtime.typeName(value))'")
      }
    }

    static func separatorPair(_ interpreter: Interpreter, _ value: Value) throws -> (String, String) {
      let parts = try interpreter.iterateToArray(value)
      guard parts.count == 2 else {
        if parts.count < 2 {
          throw Interpreter.valueError("not enough values to unpack (expected 2, got \(parts.count))")
        }
        throw Interpreter.valueError("too many values to unpack (expected 2)")
      }
      return (try separatorText(parts[0]), try separatorText(parts[1]))
    }

    private static func separatorText(_ value: Value) throws -> String {
      guard case .str(let text) = value else {
        throw Interpreter.typeError("sequence item 1: expected str instance, \(Runtime.typeName(value)) found")
      }
      return text
    }
  }

  final class Encoder {
    let interpreter: Interpreter
    var options: EncoderOptions
    private var markers: Set<ObjectIdentifier> = []
    private var output = ""

    init(interpreter: Interpreter, options: EncoderOptions) {
      self.interpreter = interpreter
      self.options = options
    }

    func encode(_ value: Value) throws -> String {
      output = ""
      markers = []
      try write(value, level: 0)
      return output
    }

    private func write(_ value: Value, level: Int) throws {
      switch value {
      case .str(let text): output += JSONModule.quote(text, ascii: options.ensureASCII)
      case .none: output += "null"
      case .bool(let flag): output += flag ? "true" : "false"
      case .int(let number): output += String(number)
      case .bigInt(let box): output += String(box.value)
      case .float(let number): output += try floatText(number)
      case .list(let list): try writeArray(list.items, identity: ObjectIdentifier(list), level: level)
      case .tuple(let items): try writeArray(items, identity: nil, level: level)
      case .dict(let dict): try writeObject(dict, level: level)
      default:
        var identity: ObjectIdentifier?
        if case .object(let object) = value, options.checkCircular {
          identity = ObjectIdentifier(object)
          if markers.contains(identity!) { throw Interpreter.valueError("Circular reference detected") }
          markers.insert(identity!)
        }
        guard let function = options.defaultFunction else {
          throw Interpreter.typeError("Object of type \(Runtime.typeName(value)) is not JSON serializable")
        }
        let replacement = try interpreter.call(function, [value])
        try write(replacement, level: level)
        if let identity { markers.remove(identity) }
      }
    }

    private func floatText(_ number: Double) throws -> String {
      if number.isFinite { return PythonRepr.float(number) }
      if !options.allowNaN { throw Interpreter.valueError("Out of range float values are not JSON compliant") }
      if number.isNaN { return "NaN" }
      return number < 0 ? "-Infinity" : "Infinity"
    }

    private func enter(_ identity: ObjectIdentifier?) throws {
      guard let identity, options.checkCircular else { return }
      if markers.contains(identity) { throw Interpreter.valueError("Circular reference detected") }
      markers.insert(identity)
    }

    private func leave(_ identity: ObjectIdentifier?) {
      if let identity { markers.remove(identity) }
    }

    /// The separator between items and the text before the first one, for nesting `level`.
    private func layout(_ level: Int) -> (open: String, separator: String, close: String) {
      guard let indent = options.indent else { return ("", options.itemSeparator, "") }
      let inner = "\n" + String(repeating: indent, count: level + 1)
      return (inner, options.itemSeparator + inner, "\n" + String(repeating: indent, count: level))
    }

    private func writeArray(_ items: [Value], identity: ObjectIdentifier?, level: Int) throws {
      if items.isEmpty {
        output += "[]"
        return
      }
      try enter(identity)
      let (open, separator, close) = layout(level)
      output += "[" + open
      for (index, item) in items.enumerated() {
        if index > 0 { output += separator }
        try write(item, level: level + 1)
      }
      output += close + "]"
      leave(identity)
    }

    private func writeObject(_ dict: DictObject, level: Int) throws {
      if dict.storage.isEmpty {
        output += "{}"
        return
      }
      let identity = ObjectIdentifier(dict)
      try enter(identity)
      var pairs = dict.storage.map { ($0.key.value, $0.value) }
      if options.sortKeys {
        let keys = ListObject(pairs.map(\.0))
        try ListMethods.sort(interpreter, keys, key: nil, reverse: nil)
        pairs = try keys.items.map { key in (key, dict.storage[try HashKey(key)] ?? Value.none) }
      }
      let (open, separator, close) = layout(level)
      output += "{" + open
      var first = true
      for (key, value) in pairs {
        let name: String
        switch key {
        case .str(let text): name = text
        case .float(let number): name = try floatText(number)
        case .bool(let flag): name = flag ? "true" : "false"
        case .none: name = "null"
        case .int(let number): name = String(number)
        case .bigInt(let box): name = String(box.value)
        default:
          if options.skipKeys { continue }
          throw Interpreter.typeError(
            "keys must be str, int, float, bool or None, not \(Runtime.typeName(key))")
        }
        if !first { output += separator }
        first = false
        output += JSONModule.quote(name, ascii: options.ensureASCII) + options.keySeparator
        try write(value, level: level + 1)
      }
      output += close + "}"
      leave(identity)
    }
  }

  /// A JSON string literal: `"` `\` and control characters escaped, and with `ascii` every
  /// character outside printable ASCII as `\uXXXX` (surrogate pairs above U+FFFF).
  static func quote(_ text: String, ascii: Bool) -> String {
    var out = "\""
    func hex(_ value: UInt32) -> String {
      let digits = String(value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        let value = scalar.value
        if value < 0x20 {
          out += hex(value)
        } else if ascii && value >= 0x7F {
          if value > 0xFFFF {
            let offset = value - 0x10000
            out += hex(0xD800 | (offset >> 10)) + hex(0xDC00 | (offset & 0x3FF))
          } else {
            out += hex(value)
          }
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `json.JSONEncoder`: options as attributes; `encode`, `iterencode` and `default`, which a
  /// subclass overrides to serialise other objects.
  static func makeEncoderType() -> TypeObject {
    let type = TypeObject.moduleClass("JSONEncoder", module: "json.encoder")
    type.dict["item_separator"] = .str(", ")
    type.dict["key_separator"] = .str(": ")
    type.method("__init__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__init__")
      if !arguments.positional.isEmpty {
        throw Interpreter.typeError(
          "JSONEncoder.__init__() takes 1 positional argument but \(arguments.positional.count + 1) were given")
      }
      let options = try EncoderOptions(interpreter, arguments.keywords, function: "JSONEncoder.__init__")
      instance.attributes["skipkeys"] = .bool(options.skipKeys)
      instance.attributes["ensure_ascii"] = .bool(options.ensureASCII)
      instance.attributes["check_circular"] = .bool(options.checkCircular)
      instance.attributes["allow_nan"] = .bool(options.allowNaN)
      instance.attributes["sort_keys"] = .bool(options.sortKeys)
      instance.attributes["indent"] = arguments.keywords.first { $0.name == "indent" }?.value ?? Value.none
      let separators = arguments.keywords.first { $0.name == "separators" }?.value ?? Value.none
      if !separators.isNone || options.indent != nil {
        instance.attributes["item_separator"] = .str(options.itemSeparator)
        instance.attributes["key_separator"] = .str(options.keySeparator)
      }
      if let function = options.defaultFunction { instance.attributes["default"] = function }
      return .none
    }
    type.method("default") { _, arguments in
      _ = try moduleInstance(&arguments, type, "default")
      let value = arguments.positional.first ?? Value.none
      throw Interpreter.typeError("Object of type \(Runtime.typeName(value)) is not JSON serializable")
    }
    func encode(_ interpreter: Interpreter, _ arguments: inout CallArguments, _ method: String) throws -> String {
      let receiver = arguments.positional.first ?? Value.none
      let instance = try moduleInstance(&arguments, type, method)
      guard let value = arguments.positional.first else {
        throw Interpreter.typeError("JSONEncoder.\(method)() missing 1 required positional argument: 'o'")
      }
      var options = EncoderOptions()
      func flag(_ name: String, _ fallback: Bool) throws -> Bool {
        try instance.attributes[name].map { try interpreter.truthy($0) } ?? fallback
      }
      options.skipKeys = try flag("skipkeys", false)
      options.ensureASCII = try flag("ensure_ascii", true)
      options.checkCircular = try flag("check_circular", true)
      options.allowNaN = try flag("allow_nan", true)
      options.sortKeys = try flag("sort_keys", false)
      options.indent = try EncoderOptions.indentText(interpreter, instance.attributes["indent"] ?? Value.none)
      if case .str(let separator) = try interpreter.getAttribute(receiver, "item_separator") {
        options.itemSeparator = separator
      }
      if case .str(let separator) = try interpreter.getAttribute(receiver, "key_separator") {
        options.keySeparator = separator
      }
      options.defaultFunction = try interpreter.getAttribute(receiver, "default")
      let encoder = Encoder(interpreter: interpreter, options: options)
      return try encoder.encode(value)
    }
    type.method("encode") { interpreter, arguments in .str(try encode(interpreter, &arguments, "encode")) }
    type.method("iterencode") { interpreter, arguments in
      .object(Interpreter.arrayIterator([.str(try encode(interpreter, &arguments, "iterencode"))]))
    }
    return type
  }

  // MARK: - Decoding

  struct DecoderOptions {
    var objectHook: Value?
    var objectPairsHook: Value?
    var parseFloat: Value?
    var parseInt: Value?
    var parseConstant: Value?
    var strict = true

    init(_ interpreter: Interpreter, _ keywords: [(name: String, value: Value)], _ function: String) throws {
      for (name, value) in keywords {
        let hook = value.isNone ? nil : value
        switch name {
        case "object_hook": objectHook = hook
        case "object_pairs_hook": objectPairsHook = hook
        case "parse_float": parseFloat = hook
        case "parse_int": parseInt = hook
        case "parse_constant": parseConstant = hook
        case "strict": strict = try interpreter.truthy(value)
        default: throw Interpreter.typeError("\(function)() got an unexpected keyword argument '\(name)'")
        }
      }
    }
  }

  /// CPython's scanner (`_json.c`): the same grammar, the same error messages and positions
  /// (in characters).
  final class Decoder {
    let interpreter: Interpreter
    let scalars: [Unicode.Scalar]
    let original: Value
    let options: DecoderOptions
    let error: TypeObject

    init(interpreter: Interpreter, text: String, original: Value, options: DecoderOptions, error: TypeObject) {
      self.interpreter = interpreter
      self.scalars = Array(text.unicodeScalars)
      self.original = original
      self.options = options
      self.error = error
    }

    func failure(_ message: String, _ position: Int) -> ScriptException {
      let exception = ExceptionObject(cls: error, args: [])
      JSONModule.fill(exception, message: message, document: original, scalars: scalars, position: position)
      return ScriptException(exception)
    }

    func skipSpace(_ index: Int) -> Int {
      var index = index
      while index < scalars.count,
        scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n"
          || scalars[index] == "\r"
      {
        index += 1
      }
      return index
    }

    /// `json.loads`: one value between optional white space.
    func decodeDocument() throws -> Value {
      if scalars.first == "\u{FEFF}" { throw failure("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0) }
      let (value, end) = try rawDecode(skipSpace(0))
      let rest = skipSpace(end)
      if rest != scalars.count { throw failure("Extra data", rest) }
      return value
    }

    func rawDecode(_ index: Int) throws -> (Value, Int) {
      guard let result = try scan(index) else { throw failure("Expecting value", index) }
      return result
    }

    private func matches(_ word: StaticString, at index: Int) -> Bool {
      let count = word.utf8CodeUnitCount
      guard index + count <= scalars.count else { return false }
      return word.withUTF8Buffer { bytes in
        bytes.indices.allSatisfy { scalars[index + $0].value == UInt32(bytes[$0]) }
      }
    }

    private func constant(_ name: String, _ value: Double) throws -> Value {
      if let hook = options.parseConstant { return try interpreter.call(hook, [.str(name)]) }
      return .float(value)
    }

    /// One value at `index`, or nil when none starts there ("Expecting value").
    func scan(_ index: Int) throws -> (Value, Int)? {
      guard index < scalars.count else { return nil }
      switch scalars[index] {
      case "\"": return try scanString(index + 1)
      case "{": return try scanObject(index + 1)
      case "[": return try scanArray(index + 1)
      case "n" where matches("null", at: index): return (.none, index + 4)
      case "t" where matches("true", at: index): return (.true, index + 4)
      case "f" where matches("false", at: index): return (.false, index + 5)
      case "N" where matches("NaN", at: index): return (try constant("NaN", .nan), index + 3)
      case "I" where matches("Infinity", at: index): return (try constant("Infinity", .infinity), index + 8)
      case "-" where matches("-Infinity", at: index): return (try constant("-Infinity", -.infinity), index + 9)
      default: return try scanNumber(index)
      }
    }

    private func isDigit(_ index: Int) -> Bool {
      index < scalars.count && scalars[index].value >= 0x30 && scalars[index].value <= 0x39
    }

    private func scanNumber(_ start: Int) throws -> (Value, Int)? {
      var index = start
      if index < scalars.count && scalars[index] == "-" { index += 1 }
      guard index < scalars.count else { return nil }
      if scalars[index] == "0" {
        index += 1
      } else if isDigit(index) {
        while isDigit(index) { index += 1 }
      } else {
        return nil
      }
      var isFloat = false
      if index < scalars.count && scalars[index] == "." && isDigit(index + 1) {
        isFloat = true
        index += 2
        while isDigit(index) { index += 1 }
      }
      if index < scalars.count && (scalars[index] == "e" || scalars[index] == "E") {
        let exponentStart = index
        index += 1
        if index < scalars.count && (scalars[index] == "+" || scalars[index] == "-") { index += 1 }
        if isDigit(index) {
          while isDigit(index) { index += 1 }
          isFloat = true
        } else {
          index = exponentStart
        }
      }
      if !isFloat && options.parseInt == nil && index - start < 19 {
        var number = 0
        var position = start
        let negative = scalars[position] == "-"
        if negative { position += 1 }
        while position < index {
          number = number * 10 + Int(scalars[position].value - 0x30)
          position += 1
        }
        return (.int(negative ? -number : number), index)
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars[start..<index])
      if isFloat {
        if let hook = options.parseFloat { return (try interpreter.call(hook, [.str(text)]), index) }
        return (.float(Double(text) ?? .nan), index)
      }
      if let hook = options.parseInt { return (try interpreter.call(hook, [.str(text)]), index) }
      return (try Conversions.parseInt(text, base: 10), index)
    }

    private func hexValue(_ start: Int) -> UInt32? {
      guard start + 4 <= scalars.count else { return nil }
      var value: UInt32 = 0
      for scalar in scalars[start..<(start + 4)] {
        guard let digit = Int(String(scalar), radix: 16) else { return nil }
        value = value * 16 + UInt32(digit)
      }
      return value
    }

    /// A string whose opening quote is just before `start`.
    func scanString(_ start: Int) throws -> (Value, Int) {
      var result = String.UnicodeScalarView()
      var index = start
      while true {
        guard index < scalars.count else { throw failure("Unterminated string starting at", start - 1) }
        let scalar = scalars[index]
        if scalar == "\"" { return (.str(String(result)), index + 1) }
        if scalar != "\\" {
          if scalar.value < 0x20 && options.strict { throw failure("Invalid control character at", index) }
          result.append(scalar)
          index += 1
          continue
        }
        index += 1
        guard index < scalars.count else { throw failure("Unterminated string starting at", start - 1) }
        let escape = scalars[index]
        if escape != "u" {
          switch escape {
          case "\"": result.append("\"")
          case "\\": result.append("\\")
          case "/": result.append("/")
          case "b": result.append("\u{08}")
          case "f": result.append("\u{0C}")
          case "n": result.append("\n")
          case "r": result.append("\r")
          case "t": result.append("\t")
          default: throw failure("Invalid \\escape", index - 1)
          }
          index += 1
          continue
        }
        index += 1
        guard index + 4 < scalars.count, var code = hexValue(index) else {
          throw failure("Invalid \\uXXXX escape", index - 1)
        }
        index += 4
        if (0xD800...0xDBFF).contains(code), index + 6 <= scalars.count, scalars[index] == "\\",
          scalars[index + 1] == "u", let low = hexValue(index + 2), (0xDC00...0xDFFF).contains(low)
        {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          index += 6
        }
        // A lone surrogate cannot be held in a string here: U+FFFD stands for it.
        result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
      }
    }

    private func scanArray(_ start: Int) throws -> (Value, Int) {
      var items: [Value] = []
      var index = skipSpace(start)
      if index < scalars.count && scalars[index] == "]" { return (.list(ListObject()), index + 1) }
      while true {
        guard let (value, next) = try scan(index) else { throw failure("Expecting value", index) }
        items.append(value)
        index = skipSpace(next)
        if index < scalars.count && scalars[index] == "]" { return (.list(ListObject(items)), index + 1) }
        guard index < scalars.count && scalars[index] == "," else { throw failure("Expecting ',' delimiter", index) }
        index = skipSpace(index + 1)
      }
    }

    private func scanObject(_ start: Int) throws -> (Value, Int) {
      var pairs: [(Value, Value)] = []
      var index = skipSpace(start)
      if !(index < scalars.count && scalars[index] == "}") {
        while true {
          guard index < scalars.count && scalars[index] == "\"" else {
            throw failure("Expecting property name enclosed in double quotes", index)
          }
          let (key, afterKey) = try scanString(index + 1)
          index = skipSpace(afterKey)
          guard index < scalars.count && scalars[index] == ":" else {
            throw failure("Expecting ':' delimiter", index)
          }
          index = skipSpace(index + 1)
          guard let (value, next) = try scan(index) else { throw failure("Expecting value", index) }
          pairs.append((key, value))
          index = skipSpace(next)
          if index < scalars.count && scalars[index] == "}" { break }
          guard index < scalars.count && scalars[index] == "," else {
            throw failure("Expecting ',' delimiter", index)
          }
          index = skipSpace(index + 1)
        }
      }
      let end = index + 1
      if let hook = options.objectPairsHook {
        return (try interpreter.call(hook, [.list(ListObject(pairs.map { .tuple([$0.0, $0.1]) }))]), end)
      }
      let dict = DictObject()
      for (key, value) in pairs { dict.storage[try HashKey(key)] = value }
      if let hook = options.objectHook { return (try interpreter.call(hook, [.dict(dict)]), end) }
      return (.dict(dict), end)
    }
  }

  /// `json.JSONDecoder(object_hook=…, …)` with `decode` and `raw_decode`.
  static func makeDecoderType(_ error: TypeObject) -> TypeObject {
    let type = TypeObject.moduleClass("JSONDecoder", module: "json.decoder")
    type.method("__init__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__init__")
      if !arguments.positional.isEmpty {
        throw Interpreter.typeError(
          "JSONDecoder.__init__() takes 1 positional argument but \(arguments.positional.count + 1) were given")
      }
      _ = try DecoderOptions(interpreter, arguments.keywords, "JSONDecoder.__init__")
      for name in ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"] {
        instance.attributes[name] = arguments.keywords.first { $0.name == name }?.value ?? Value.none
      }
      instance.attributes["strict"] = arguments.keywords.first { $0.name == "strict" }?.value ?? .true
      return .none
    }
    func decoder(_ interpreter: Interpreter, _ arguments: inout CallArguments, _ method: String) throws -> Decoder {
      let instance = try moduleInstance(&arguments, type, method)
      guard case .str(let text)? = arguments.positional.first else {
        let given = arguments.positional.first.map { Runtime.typeName($0) } ?? "nothing"
        throw Interpreter.typeError("first argument must be a string, not \(given)")
      }
      let names = ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant", "strict"]
      let keywords = names.compactMap { name in instance.attributes[name].map { (name: name, value: $0) } }
      let options = try DecoderOptions(interpreter, keywords, "JSONDecoder")
      return Decoder(interpreter: interpreter, text: text, original: .str(text), options: options, error: error)
    }
    type.method("decode") { interpreter, arguments in
      let decoder = try decoder(interpreter, &arguments, "decode")
      return try decoder.decodeDocument()
    }
    type.method("raw_decode") { interpreter, arguments in
      let start = arguments.positional.count > 2 ? try interpreter.asIndex(arguments.positional[2], "idx") : 0
      let decoder = try decoder(interpreter, &arguments, "raw_decode")
      let (value, end) = try decoder.rawDecode(start)
      return .tuple([value, .int(end)])
    }
    return type
  }
}
