/// `str.format` and `str.format_map`, as CPython's `Objects/stringlib/unicode_format.h`:
/// literal text with `{{` and `}}`, replacement fields `{name.attr[key]!conversion:spec}`
/// with automatic or manual numbering, and specs that contain fields themselves (`{x:{w}}`).
/// The template is walked as UTF-8: every delimiter is ASCII.
extension PythonFormat {
  /// `template.format(*args, **kwargs)`.
  static func strFormat(_ template: String, _ arguments: CallArguments, _ interpreter: Interpreter) throws -> String {
    let keywords = arguments.keywords
    var renderer = FieldRenderer(positional: arguments.positional, interpreter: interpreter) { name in
      guard let found = keywords.last(where: { $0.name == name }) else { throw Interpreter.keyError(.str(name)) }
      return found.value
    }
    return String(decoding: try renderer.render(Array(template.utf8)[...], depth: 2), as: UTF8.self)
  }

  /// `template.format_map(mapping)`: fields are looked up with `mapping[name]`; numbered
  /// fields are an error.
  static func formatMap(_ template: String, _ mapping: Value, _ interpreter: Interpreter) throws -> String {
    var renderer = FieldRenderer(positional: nil, interpreter: interpreter) { name in
      try interpreter.getItem(mapping, .str(name))
    }
    return String(decoding: try renderer.render(Array(template.utf8)[...], depth: 2), as: UTF8.self)
  }
}

/// One `str.format` call: the arguments and the numbering state (`AutoNumber`).
private struct FieldRenderer {
  typealias Text = ArraySlice<UInt8>

  /// The positional arguments; nil for `format_map`.
  let positional: [Value]?
  let interpreter: Interpreter
  let keyword: (String) throws -> Value

  enum Numbering {
    case unknown
    case automatic
    case manual
  }

  var numbering = Numbering.unknown
  var nextNumber = 0

  init(positional: [Value]?, interpreter: Interpreter, keyword: @escaping (String) throws -> Value) {
    self.positional = positional
    self.interpreter = interpreter
    self.keyword = keyword
  }

  static let open = UInt8(ascii: "{")
  static let close = UInt8(ascii: "}")

  /// `build_string` and `MarkupIterator_next`: literal text and fields, in order.
  mutating func render(_ text: Text, depth: Int) throws -> [UInt8] {
    if depth <= 0 { throw Interpreter.valueError("Max string recursion exceeded") }
    var output: [UInt8] = []
    output.reserveCapacity(text.count + 16)
    var position = text.startIndex
    while position < text.endIndex {
      let literalStart = position
      while position < text.endIndex && text[position] != FieldRenderer.open && text[position] != FieldRenderer.close {
        position += 1
      }
      output += text[literalStart..<position]
      guard position < text.endIndex else { break }
      let brace = text[position]
      position += 1
      let atEnd = position >= text.endIndex
      if brace == FieldRenderer.close {
        guard !atEnd, text[position] == FieldRenderer.close else {
          throw Interpreter.valueError("Single '}' encountered in format string")
        }
        output.append(brace)
        position += 1
        continue
      }
      if atEnd { throw Interpreter.valueError("Single '{' encountered in format string") }
      if text[position] == FieldRenderer.open {
        output.append(brace)
        position += 1
        continue
      }
      let field = try parseField(text, &position)
      output += try renderField(field, depth: depth).utf8
    }
    return output
  }

  struct Field {
    var name: Text
    var conversion: Unicode.Scalar?
    var spec: Text
    var specHasFields = false
  }

  /// `parse_field`: `position` is just after the opening brace; it ends after the closing one.
  func parseField(_ text: Text, _ position: inout Int) throws -> Field {
    let nameStart = position
    var terminator: UInt8?
    scan: while position < text.endIndex {
      let byte = text[position]
      position += 1
      switch byte {
      case FieldRenderer.open: throw Interpreter.valueError("unexpected '{' in field name")
      case UInt8(ascii: "["):
        while position < text.endIndex && text[position] != UInt8(ascii: "]") { position += 1 }
      case FieldRenderer.close, UInt8(ascii: ":"), UInt8(ascii: "!"):
        terminator = byte
        break scan
      default: break
      }
    }
    guard let terminator else { throw Interpreter.valueError("expected '}' before end of string") }
    var field = Field(name: text[nameStart..<(position - 1)], spec: [])
    if terminator == FieldRenderer.close { return field }
    if terminator == UInt8(ascii: "!") {
      guard position < text.endIndex else {
        throw Interpreter.valueError("end of string while looking for conversion specifier")
      }
      field.conversion = PythonFormat.decodeScalar(text, at: position)
      position += PythonFormat.sequenceLength(text[position])
      if position < text.endIndex {
        let next = text[position]
        position += 1
        if next == FieldRenderer.close { return field }
        if next != UInt8(ascii: ":") { throw Interpreter.valueError("expected ':' after conversion specifier") }
      }
    }
    let specStart = position
    var depth = 1
    while position < text.endIndex {
      let byte = text[position]
      position += 1
      if byte == FieldRenderer.open {
        field.specHasFields = true
        depth += 1
      } else if byte == FieldRenderer.close {
        depth -= 1
        if depth == 0 {
          field.spec = text[specStart..<(position - 1)]
          return field
        }
      }
    }
    throw Interpreter.valueError("unmatched '{' in format spec")
  }

  /// `output_markup`: the value, converted, formatted with its (expanded) spec.
  mutating func renderField(_ field: Field, depth: Int) throws -> String {
    var value = try fieldValue(field.name)
    if let conversion = field.conversion {
      switch conversion {
      case "r": value = .str(try interpreter.repr(value))
      case "s": value = .str(try interpreter.str(value))
      case "a": value = .str(BuiltinFunctions.asciiOnly(try interpreter.repr(value)))
      case "q": value = .str(ShellQuote.quote(value, interpreter))
      default:
        let shown =
          conversion.value > 32 && conversion.value < 127
          ? String(conversion) : "\\x\(String(conversion.value, radix: 16))"
        throw Interpreter.valueError("Unknown conversion specifier \(shown)")
      }
    }
    let spec =
      field.specHasFields
      ? String(decoding: try render(field.spec, depth: depth - 1), as: UTF8.self)
      : String(decoding: field.spec, as: UTF8.self)
    if spec.isEmpty, case .str(let text) = value { return text }
    return try PythonFormat.format(value, spec, interpreter)
  }

  /// `get_field_object`: the argument named by the first part, then `.attr` and `[key]` parts.
  mutating func fieldValue(_ name: Text) throws -> Value {
    let dot = UInt8(ascii: ".")
    let bracket = UInt8(ascii: "[")
    var end = name.startIndex
    while end < name.endIndex && name[end] != dot && name[end] != bracket { end += 1 }
    let first = name[name.startIndex..<end]
    var index = try FieldRenderer.integer(first)
    let isEmpty = first.isEmpty
    if isEmpty || index != nil {
      if numbering == .unknown { numbering = isEmpty ? .automatic : .manual }
      if numbering == .manual && isEmpty {
        throw Interpreter.valueError("cannot switch from manual field specification to automatic field numbering")
      }
      if numbering == .automatic && !isEmpty {
        throw Interpreter.valueError("cannot switch from automatic field numbering to manual field specification")
      }
      if isEmpty {
        index = nextNumber
        nextNumber += 1
      }
    }
    var value: Value
    if let index {
      guard let positional else { throw Interpreter.valueError("Format string contains positional fields") }
      guard index < positional.count else {
        throw Interpreter.indexError("Replacement index \(index) out of range for positional args tuple")
      }
      value = positional[index]
    } else {
      value = try keyword(String(decoding: first, as: UTF8.self))
    }
    var position = end
    while position < name.endIndex {
      let marker = name[position]
      position += 1
      let partStart = position
      let part: Text
      switch marker {
      case dot:
        while position < name.endIndex && name[position] != dot && name[position] != bracket { position += 1 }
        part = name[partStart..<position]
      case bracket:
        while position < name.endIndex && name[position] != UInt8(ascii: "]") { position += 1 }
        guard position < name.endIndex else { throw Interpreter.valueError("Missing ']' in format string") }
        part = name[partStart..<position]
        position += 1
      default:
        throw Interpreter.valueError("Only '.' or '[' may follow ']' in format field specifier")
      }
      if part.isEmpty { throw Interpreter.valueError("Empty attribute in format string") }
      if marker == dot {
        value = try interpreter.getAttribute(value, String(decoding: part, as: UTF8.self))
      } else if let number = try FieldRenderer.integer(part) {
        value = try interpreter.getItem(value, .int(number))
      } else {
        value = try interpreter.getItem(value, .str(String(decoding: part, as: UTF8.self)))
      }
    }
    return value
  }

  /// `get_integer` of `unicode_format.h`: the number when every character is a decimal digit.
  static func integer(_ text: Text) throws -> Int? {
    guard !text.isEmpty else { return nil }
    var result = 0
    func add(_ digit: Int) throws {
      let (product, overflow1) = result.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = product.addingReportingOverflow(digit)
      if overflow1 || overflow2 { throw Interpreter.valueError("Too many decimal digits in format string") }
      result = sum
    }
    if text.allSatisfy({ $0 < 0x80 }) {
      for byte in text {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        try add(Int(byte) - 48)
      }
      return result
    }
    for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
      guard let digit = PythonFormat.decimalValue(scalar) else { return nil }
      try add(digit)
    }
    return result
  }
}
