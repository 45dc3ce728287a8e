import Foundation

/// A replacement template of `re.sub` and `Match.expand`: literal text, `\1`…`\99`, `\g<name>`,
/// `\g<2>` and the escapes `\n \t \r \f \v \a \b \\`, parsed once, with Python's errors.
struct RegexTemplate {
  enum Part {
    /// UTF-16 units (for bytes templates, one unit per byte).
    case literal([UInt16])
    case group(Int)
  }

  let parts: [Part]

  /// Parses `template` for `compiled`; a failure is `re.error` (`IndexError` for an unknown
  /// group name, as in CPython) with its message and position.
  init(_ template: [Unicode.Scalar], for compiled: CompiledRegex) throws(RegexTemplateError) {
    var parts: [Part] = []
    var literal: [UInt16] = []
    var position = 0
    func flush() {
      if !literal.isEmpty { parts.append(.literal(literal)) }
      literal = []
    }
    func append(_ scalar: Unicode.Scalar) {
      if compiled.isBytes { literal.append(UInt16(scalar.value)) } else { literal.append(contentsOf: scalar.utf16) }
    }
    func group(_ index: Int) {
      flush()
      parts.append(.group(index))
    }
    func isDigit(_ offset: Int) -> Bool { offset < template.count && ("0"..."9").contains(template[offset]) }
    func isOctal(_ offset: Int) -> Bool { offset < template.count && ("0"..."7").contains(template[offset]) }

    while position < template.count {
      let scalar = template[position]
      guard scalar == "\\" else {
        append(scalar)
        position += 1
        continue
      }
      guard position + 1 < template.count else { throw .syntax("bad escape (end of pattern)", position) }
      let start = position
      let letter = template[position + 1]
      position += 2
      switch letter {
      case "g":
        guard position < template.count, template[position] == "<" else {
          throw .syntax("missing <", position)
        }
        var name = ""
        var end = position + 1
        while end < template.count && template[end] != ">" {
          name.unicodeScalars.append(template[end])
          end += 1
        }
        guard end < template.count else {
          throw .syntax(name.isEmpty ? "missing group name" : "missing >, unterminated name", position + 1)
        }
        if name.isEmpty { throw .syntax("missing group name", position + 1) }
        if let number = Int(name), name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
          guard number <= compiled.groupCount else { throw .syntax("invalid group reference \(number)", position + 1) }
          group(number)
        } else {
          guard RegexTranslator.isIdentifier(name) else {
            throw .syntax("bad character in group name '\(name)'", position + 1)
          }
          guard let index = compiled.groupIndex(.str(name)) else { throw .unknownName(name) }
          group(index)
        }
        position = end + 1
      case "0":
        var value: UInt32 = 0
        var digits = 0
        while digits < 2 && isOctal(position) {
          value = value * 8 + template[position].value - 48
          position += 1
          digits += 1
        }
        append(Unicode.Scalar(value)!)
      case "1"..."9":
        if isOctal(start + 1) && isOctal(position) && isOctal(position + 1) {
          let value = (letter.value - 48) * 64 + (template[position].value - 48) * 8 + template[position + 1].value - 48
          guard value <= 0o377 else {
            throw .syntax(
              "octal escape value \\\(letter)\(template[position])\(template[position + 1]) outside of range 0-0o377",
              start)
          }
          append(Unicode.Scalar(value)!)
          position += 2
          continue
        }
        var number = Int(letter.value - 48)
        if isDigit(position) {
          number = number * 10 + Int(template[position].value - 48)
          position += 1
        }
        guard number <= compiled.groupCount else { throw .syntax("invalid group reference \(number)", start + 1) }
        group(number)
      case "n": append("\n")
      case "t": append("\t")
      case "r": append("\r")
      case "f": append("\u{0C}")
      case "v": append("\u{0B}")
      case "a": append("\u{07}")
      case "b": append("\u{08}")
      case "\\": append("\\")
      default:
        if letter.isASCII && letter.properties.isAlphabetic { throw .syntax("bad escape \\\(letter)", start) }
        // Other escapes stay as written, backslash included.
        append("\\")
        append(letter)
      }
    }
    flush()
    self.parts = parts
  }

  /// The replacement for one match; unmatched groups give nothing.
  func expand(_ match: NSTextCheckingResult, _ subject: RegexSubject) -> [UInt16] {
    var result: [UInt16] = []
    for part in parts {
      switch part {
      case .literal(let units): result.append(contentsOf: units)
      case .group(let index):
        let range = match.range(at: index)
        if range.location != NSNotFound {
          result.append(contentsOf: subject.utf16[range.location..<(range.location + range.length)])
        }
      }
    }
    return result
  }
}

enum RegexTemplateError: Error {
  case syntax(String, Int)
  case unknownName(String)
}
