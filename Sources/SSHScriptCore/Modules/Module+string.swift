/// `string` (LANGUAGE.md §8.6): the character-class constants, `capwords` and `Template`.
enum StringModule {
  static let pythonOnlyNames: Set<String> = ["Formatter"]

  static let lowercase = "abcdefghijklmnopqrstuvwxyz"
  static let uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  static let digits = "0123456789"
  static let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
  static let whitespace = " \t\n\r\u{0B}\u{0C}"

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "string", path: nil)
    let globals = module.globals
    globals["ascii_lowercase"] = .str(lowercase)
    globals["ascii_uppercase"] = .str(uppercase)
    globals["ascii_letters"] = .str(lowercase + uppercase)
    globals["digits"] = .str(digits)
    globals["hexdigits"] = .str(digits + "abcdefABCDEF")
    globals["octdigits"] = .str("01234567")
    globals["punctuation"] = .str(punctuation)
    globals["whitespace"] = .str(whitespace)
    globals["printable"] = .str(digits + lowercase + uppercase + punctuation + whitespace)
    globals.function("capwords") { interpreter, arguments in
      let values = try PythonSignature("capwords", ["s", "sep"], required: 1).bind(arguments)
      let text = values[0]!
      let separator = values[1] ?? Value.none
      let words = try interpreter.call(try interpreter.getAttribute(text, "split"), [separator])
      let capitalized = try interpreter.iterateToArray(words).map { word in
        try interpreter.call(try interpreter.getAttribute(word, "capitalize"), [])
      }
      let joiner: Value = try interpreter.truthy(separator) ? separator : .str(" ")
      return try interpreter.call(try interpreter.getAttribute(joiner, "join"), [.list(ListObject(capitalized))])
    }
    globals["Template"] = .object(makeTemplateType())
    return module
  }

  // MARK: - Template

  /// One `$…` occurrence in a template.
  enum Placeholder {
    case escaped
    case named(String)
    case braced(String)
    /// `$` followed by something else; the position is just after the delimiter.
    case invalid(Int)
  }

  /// Scans `template` as `string.Template.pattern` does: literal runs and placeholders.
  static func scan(_ template: [Unicode.Scalar], delimiter: [Unicode.Scalar]) -> [(literal: String, Placeholder?)] {
    func isStart(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }
    func isPart(_ scalar: Unicode.Scalar) -> Bool {
      isStart(scalar) || ("0"..."9").contains(scalar)
    }
    func identifier(at start: Int) -> Int? {
      guard start < template.count, isStart(template[start]) else { return nil }
      var end = start + 1
      while end < template.count && isPart(template[end]) { end += 1 }
      return end
    }
    func text(_ range: Range<Int>) -> String {
      var result = String.UnicodeScalarView()
      result.append(contentsOf: template[range])
      return String(result)
    }
    var pieces: [(literal: String, Placeholder?)] = []
    var literalStart = 0
    var index = 0
    while index < template.count {
      guard !delimiter.isEmpty, index + delimiter.count <= template.count,
        Array(template[index..<(index + delimiter.count)]) == delimiter
      else {
        index += 1
        continue
      }
      let literal = text(literalStart..<index)
      let after = index + delimiter.count
      if after + delimiter.count <= template.count, Array(template[after..<(after + delimiter.count)]) == delimiter {
        pieces.append((literal, .escaped))
        index = after + delimiter.count
      } else if let end = identifier(at: after) {
        pieces.append((literal, .named(text(after..<end))))
        index = end
      } else if after < template.count, template[after] == "{", let end = identifier(at: after + 1),
        end < template.count, template[end] == "}"
      {
        pieces.append((literal, .braced(text((after + 1)..<end))))
        index = end + 1
      } else {
        pieces.append((literal, .invalid(after)))
        index = after
      }
      literalStart = index
    }
    pieces.append((text(literalStart..<template.count), nil))
    return pieces
  }

  static func makeTemplateType() -> TypeObject {
    let type = TypeObject.moduleClass("Template", module: "string")
    type.dict["delimiter"] = .str("$")
    type.dict["idpattern"] = .str("(?a:[_a-z][_a-z0-9]*)")
    type.dict["braceidpattern"] = Value.none
    type.method("__init__") { _, arguments in
      let instance = try moduleInstance(&arguments, type, "__init__")
      guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
        if arguments.positional.isEmpty, arguments.keywords.isEmpty {
          throw Interpreter.typeError("Template.__init__() missing 1 required positional argument: 'template'")
        }
        if let keyword = arguments.keywords.first, keyword.name == "template", arguments.positional.isEmpty {
          instance.attributes["template"] = keyword.value
          return .none
        }
        throw Interpreter.typeError(
          "Template.__init__() takes 2 positional arguments but \(arguments.positional.count + 1) were given")
      }
      instance.attributes["template"] = arguments.positional[0]
      return .none
    }

    /// The template text and its placeholders, for the instance (and its class's delimiter).
    func pieces(_ interpreter: Interpreter, _ receiver: Value) throws -> ([Unicode.Scalar], [(String, Placeholder?)]) {
      let template = try interpreter.getAttribute(receiver, "template")
      guard case .str(let text) = template else {
        throw Interpreter.typeError("expected string or bytes-like object, got '\(Runtime.typeName(template))'")
      }
      guard case .str(let delimiter) = try interpreter.getAttribute(receiver, "delimiter") else {
        throw Interpreter.typeError("Template.delimiter must be a string")
      }
      if case .str(let pattern) = try interpreter.getAttribute(receiver, "idpattern"),
        pattern != "(?a:[_a-z][_a-z0-9]*)"
      {
        throw Interpreter.unsupported("string.Template with a custom idpattern")
      }
      let scalars = Array(text.unicodeScalars)
      return (scalars, scan(scalars, delimiter: Array(delimiter.unicodeScalars)))
    }

    func invalidPlaceholder(_ template: [Unicode.Scalar], _ position: Int) -> ScriptException {
      var prefix = String.UnicodeScalarView()
      prefix.append(contentsOf: template[..<position])
      let lines = StrMethods.splitLines(String(prefix), keepEnds: true)
      let line = max(1, lines.count)
      let column = lines.isEmpty ? 1 : position - lines.dropLast().reduce(0) { $0 + $1.unicodeScalars.count }
      return Interpreter.valueError("Invalid placeholder in string: line \(line), col \(column)")
    }

    func substitute(_ interpreter: Interpreter, _ arguments: inout CallArguments, safe: Bool) throws -> Value {
      let method = safe ? "safe_substitute" : "substitute"
      let receiver = arguments.positional.first ?? Value.none
      _ = try moduleInstance(&arguments, type, method)
      if arguments.positional.count > 1 {
        throw Interpreter.typeError(
          "Template.\(method)() takes from 1 to 2 positional arguments but \(arguments.positional.count + 1) were given"
        )
      }
      let mapping = arguments.positional.first
      let keywords = DictObject()
      for (name, value) in arguments.keywords { keywords.storage[try HashKey(.str(name))] = value }
      func lookup(_ name: String) throws -> Value {
        if let value = keywords.storage[try HashKey(.str(name))] { return value }
        guard let mapping else { throw Interpreter.keyError(.str(name)) }
        return try interpreter.getItem(mapping, .str(name))
      }
      let delimiter = try interpreter.str(try interpreter.getAttribute(receiver, "delimiter"))
      let (template, parts) = try pieces(interpreter, receiver)
      var result = ""
      for (literal, placeholder) in parts {
        result += literal
        switch placeholder {
        case nil: break
        case .escaped: result += delimiter
        case .named(let name), .braced(let name):
          do {
            result += try interpreter.str(try lookup(name))
          } catch let failure as ScriptException where safe && failure.exception.isInstance(of: BuiltinTypes.keyError) {
            if case .braced = placeholder { result += delimiter + "{" + name + "}" } else { result += delimiter + name }
          }
        case .invalid(let position):
          if !safe { throw invalidPlaceholder(template, position) }
          result += delimiter
        }
      }
      return .str(result)
    }
    type.method("substitute") { interpreter, arguments in try substitute(interpreter, &arguments, safe: false) }
    type.method("safe_substitute") { interpreter, arguments in try substitute(interpreter, &arguments, safe: true) }
    type.method("get_identifiers") { interpreter, arguments in
      let receiver = arguments.positional.first ?? Value.none
      _ = try moduleInstance(&arguments, type, "get_identifiers")
      var names: [String] = []
      for (_, placeholder) in try pieces(interpreter, receiver).1 {
        switch placeholder {
        case .named(let name)?, .braced(let name)?: if !names.contains(name) { names.append(name) }
        default: break
        }
      }
      return .list(ListObject(names.map { .str($0) }))
    }
    type.method("is_valid") { interpreter, arguments in
      let receiver = arguments.positional.first ?? Value.none
      _ = try moduleInstance(&arguments, type, "is_valid")
      for (_, placeholder) in try pieces(interpreter, receiver).1 {
        if case .invalid? = placeholder { return .false }
      }
      return .true
    }
    return type
  }
}
