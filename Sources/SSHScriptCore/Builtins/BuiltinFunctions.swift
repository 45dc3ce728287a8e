import BigInt
import Foundation

/// The built-in functions of LANGUAGE.md §8.3.
enum BuiltinFunctions {
  nonisolated(unsafe) static let all: [BuiltinFunction] = [
    BuiltinFunction("print", print),
    BuiltinFunction("len") { interpreter, arguments in
      try ArgumentReader.exactly(1, "len", arguments)
      return .int(try interpreter.length(arguments.positional[0]))
    },
    BuiltinFunction("repr") { interpreter, arguments in
      try ArgumentReader.exactly(1, "repr", arguments)
      return .str(try interpreter.repr(arguments.positional[0]))
    },
    BuiltinFunction("ascii") { interpreter, arguments in
      try ArgumentReader.exactly(1, "ascii", arguments)
      return .str(asciiOnly(try interpreter.repr(arguments.positional[0])))
    },
    BuiltinFunction("abs", abs),
    BuiltinFunction("min") { interpreter, arguments in try extreme(interpreter, arguments, "min", .lt) },
    BuiltinFunction("max") { interpreter, arguments in try extreme(interpreter, arguments, "max", .gt) },
    BuiltinFunction("sum", sum),
    BuiltinFunction("sorted") { interpreter, arguments in
      var reader = ArgumentReader("sorted", arguments)
      let iterable = try reader.required(0, "iterable")
      let key = reader.keyword("key")
      let reverse = reader.keyword("reverse")
      try reader.finish(maximum: 1)
      let list = ListObject(try interpreter.iterateToArray(iterable))
      try ListMethods.sort(interpreter, list, key: key, reverse: reverse)
      return .list(list)
    },
    BuiltinFunction("reversed") { interpreter, arguments in
      try ArgumentReader.exactly(1, "reversed", arguments)
      let value = arguments.positional[0]
      if let result = try interpreter.callSpecial(value, "__reversed__", []) { return result }
      switch value {
      case .list, .tuple, .str, .bytes, .object(is RangeObject), .dict:
        return .object(Interpreter.arrayIterator(try interpreter.iterateToArray(value).reversed()))
      case .object(let view as DictViewObject):
        return .object(Interpreter.arrayIterator(view.elements.reversed()))
      default:
        // The sequence protocol: `__len__` and `__getitem__`, read from the last index down.
        let type = Runtime.type(of: value)
        guard case .object(let object) = value, object is Instance, let getItem = type.lookup("__getitem__"),
          type.lookup("__len__") != nil
        else {
          throw Interpreter.typeError("'\(Runtime.typeName(value))' object is not reversible")
        }
        var index = try interpreter.length(value) - 1
        return .object(
          ClosureIterator { interpreter in
            guard index >= 0 else { return nil }
            defer { index -= 1 }
            return try interpreter.call(getItem, [value, .int(index)])
          })
      }
    },
    BuiltinFunction("enumerate") { interpreter, arguments in
      var reader = ArgumentReader("enumerate", arguments)
      let iterable = try reader.required(0, "iterable")
      var counter = try reader.value(1, "start").map { try interpreter.asIndex($0, "start") } ?? 0
      try reader.finish(maximum: 2)
      let iterator = try interpreter.makeIterator(iterable)
      return .object(
        ClosureIterator { interpreter in
          guard let next = try iterator.next(interpreter) else { return nil }
          defer { counter += 1 }
          return .tuple([.int(counter), next])
        })
    },
    BuiltinFunction("zip") { interpreter, arguments in
      var reader = ArgumentReader("zip", arguments)
      let strict = try reader.keyword("strict").map { try interpreter.truthy($0) } ?? false
      try reader.finish(maximum: Int.max)
      let iterators = try arguments.positional.map { try interpreter.makeIterator($0) }
      var finished = false
      return .object(
        ClosureIterator { interpreter in
          guard !iterators.isEmpty, !finished else { return nil }
          var row: [Value] = []
          for (position, iterator) in iterators.enumerated() {
            guard let next = try iterator.next(interpreter) else {
              finished = true
              let othersLeft = try iterators.dropFirst().contains { try $0.next(interpreter) != nil }
              if strict && (position > 0 || othersLeft) {
                throw Interpreter.valueError("zip() argument \(position + 1) is shorter than argument 1")
              }
              return nil
            }
            row.append(next)
          }
          return .tuple(row)
        })
    },
    BuiltinFunction("map") { interpreter, arguments in
      guard arguments.positional.count >= 2 else {
        throw Interpreter.typeError("map() must have at least two arguments.")
      }
      let function = arguments.positional[0]
      let iterators = try arguments.positional.dropFirst().map { try interpreter.makeIterator($0) }
      return .object(
        ClosureIterator { interpreter in
          var values: [Value] = []
          for iterator in iterators {
            guard let next = try iterator.next(interpreter) else { return nil }
            values.append(next)
          }
          return try interpreter.call(function, values)
        })
    },
    BuiltinFunction("filter") { interpreter, arguments in
      try ArgumentReader.exactly(2, "filter", arguments)
      let function = arguments.positional[0]
      let iterator = try interpreter.makeIterator(arguments.positional[1])
      return .object(
        ClosureIterator { interpreter in
          while let next = try iterator.next(interpreter) {
            let keep: Value
            if case .none = function { keep = next } else { keep = try interpreter.call(function, [next]) }
            if try interpreter.truthy(keep) { return next }
          }
          return nil
        })
    },
    BuiltinFunction("any") { interpreter, arguments in
      try ArgumentReader.exactly(1, "any", arguments)
      var found = false
      try interpreter.forEach(arguments.positional[0]) { value in
        found = try interpreter.truthy(value)
        return !found
      }
      return .bool(found)
    },
    BuiltinFunction("all") { interpreter, arguments in
      try ArgumentReader.exactly(1, "all", arguments)
      var result = true
      try interpreter.forEach(arguments.positional[0]) { value in
        result = try interpreter.truthy(value)
        return result
      }
      return .bool(result)
    },
    BuiltinFunction("isinstance") { interpreter, arguments in
      try ArgumentReader.exactly(2, "isinstance", arguments)
      return .bool(try classMatches(Runtime.type(of: arguments.positional[0]), arguments.positional[1], "isinstance"))
    },
    BuiltinFunction("issubclass") { interpreter, arguments in
      try ArgumentReader.exactly(2, "issubclass", arguments)
      guard case .object(let type as TypeObject) = arguments.positional[0] else {
        throw Interpreter.typeError("issubclass() arg 1 must be a class")
      }
      return .bool(try classMatches(type, arguments.positional[1], "issubclass"))
    },
    BuiltinFunction("hasattr") { interpreter, arguments in
      try ArgumentReader.exactly(2, "hasattr", arguments)
      guard case .str(let name) = arguments.positional[1] else {
        throw Interpreter.typeError("hasattr(): attribute name must be string")
      }
      do {
        return .bool(try interpreter.attributeIfPresent(arguments.positional[0], name) != nil)
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.attributeError) {
        return .false
      }
    },
    BuiltinFunction("getattr") { interpreter, arguments in
      guard (2...3).contains(arguments.positional.count), arguments.keywords.isEmpty else {
        throw Interpreter.typeError("getattr expected at least 2 arguments, got \(arguments.positional.count)")
      }
      guard case .str(let name) = arguments.positional[1] else {
        throw Interpreter.typeError("attribute name must be string, not '\(Runtime.typeName(arguments.positional[1]))'")
      }
      guard arguments.positional.count == 3 else { return try interpreter.getAttribute(arguments.positional[0], name) }
      do {
        return try interpreter.attributeIfPresent(arguments.positional[0], name) ?? arguments.positional[2]
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.attributeError) {
        return arguments.positional[2]
      }
    },
    BuiltinFunction("setattr") { interpreter, arguments in
      try ArgumentReader.exactly(3, "setattr", arguments)
      guard case .str(let name) = arguments.positional[1] else {
        throw Interpreter.typeError("attribute name must be string, not '\(Runtime.typeName(arguments.positional[1]))'")
      }
      try interpreter.setAttribute(arguments.positional[0], name, arguments.positional[2])
      return .none
    },
    BuiltinFunction("delattr") { interpreter, arguments in
      try ArgumentReader.exactly(2, "delattr", arguments)
      guard case .str(let name) = arguments.positional[1] else {
        throw Interpreter.typeError("attribute name must be string, not '\(Runtime.typeName(arguments.positional[1]))'")
      }
      try interpreter.deleteAttribute(arguments.positional[0], name)
      return .none
    },
    BuiltinFunction("callable") { interpreter, arguments in
      try ArgumentReader.exactly(1, "callable", arguments)
      return .bool(Runtime.isCallable(arguments.positional[0]))
    },
    BuiltinFunction("id") { interpreter, arguments in
      try ArgumentReader.exactly(1, "id", arguments)
      switch arguments.positional[0] {
      case .list(let object): return .int(Interpreter.identity(object))
      case .dict(let object): return .int(Interpreter.identity(object))
      case .set(let object): return .int(Interpreter.identity(object))
      case .object(let object): return .int(Interpreter.identity(object))
      default: return .int(try HashKey.pythonHash(arguments.positional[0]))
      }
    },
    BuiltinFunction("hash") { interpreter, arguments in
      try ArgumentReader.exactly(1, "hash", arguments)
      return .int(try HashKey.pythonHash(arguments.positional[0]))
    },
    BuiltinFunction("iter") { interpreter, arguments in
      try ArgumentReader.exactly(1, "iter", arguments)
      return .object(try interpreter.makeIterator(arguments.positional[0]))
    },
    BuiltinFunction("next") { interpreter, arguments in
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError("next expected at least 1 argument, got \(arguments.positional.count)")
      }
      let target = arguments.positional[0]
      if case .object(let iterator as IteratorObject) = target {
        if let value = try iterator.next(interpreter) { return value }
      } else if let method = Runtime.type(of: target).lookup("__next__") {
        do {
          return try interpreter.call(method, [target])
        } catch let failure as ScriptException
          where arguments.positional.count == 2 && failure.exception.isInstance(of: BuiltinTypes.stopIteration)
        {
          return arguments.positional[1]
        }
      } else {
        throw Interpreter.typeError("'\(Runtime.typeName(target))' object is not an iterator")
      }
      if arguments.positional.count == 2 { return arguments.positional[1] }
      throw ScriptException(ExceptionObject(cls: BuiltinTypes.stopIteration, args: []))
    },
    BuiltinFunction("chr") { interpreter, arguments in
      try ArgumentReader.exactly(1, "chr", arguments)
      let code = try interpreter.asIndex(arguments.positional[0], "chr")
      guard (0...0x10FFFF).contains(code) else { throw Interpreter.valueError("chr() arg not in range(0x110000)") }
      return .str(String(Character(Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}")))
    },
    BuiltinFunction("ord") { interpreter, arguments in
      try ArgumentReader.exactly(1, "ord", arguments)
      switch arguments.positional[0] {
      case .str(let text) where text.unicodeScalars.count == 1: return .int(Int(text.unicodeScalars.first!.value))
      case .str(let text):
        throw Interpreter.typeError(
          "ord() expected a character, but string of length \(text.unicodeScalars.count) found")
      case .bytes(let data) where data.count == 1: return .int(Int(data[0]))
      default:
        throw Interpreter.typeError(
          "ord() expected string of length 1, but \(Runtime.typeName(arguments.positional[0])) found")
      }
    },
    BuiltinFunction("hex") { interpreter, arguments in try radixString(interpreter, arguments, "hex", 16, "0x") },
    BuiltinFunction("oct") { interpreter, arguments in try radixString(interpreter, arguments, "oct", 8, "0o") },
    BuiltinFunction("bin") { interpreter, arguments in try radixString(interpreter, arguments, "bin", 2, "0b") },
    BuiltinFunction("round", round),
    BuiltinFunction("divmod") { interpreter, arguments in
      try ArgumentReader.exactly(2, "divmod", arguments)
      let (a, b) = (arguments.positional[0], arguments.positional[1])
      if NumericValue(a) != nil, NumericValue(b) != nil {
        return .tuple([try interpreter.binary(.floorDiv, a, b), try interpreter.binary(.mod, a, b)])
      }
      for (receiver, method, other) in [(a, "__divmod__", b), (b, "__rdivmod__", a)] {
        if let result = try interpreter.callSpecial(receiver, method, [other]), !interpreter.isNotImplemented(result) {
          return result
        }
      }
      throw Interpreter.typeError(
        "unsupported operand type(s) for divmod(): '\(Runtime.typeName(a))' and '\(Runtime.typeName(b))'")
    },
    BuiltinFunction("pow") { interpreter, arguments in
      guard (2...3).contains(arguments.positional.count) else {
        throw Interpreter.typeError("pow expected at least 2 arguments, got \(arguments.positional.count)")
      }
      let p = arguments.positional
      if p.count == 3, case .none = p[2] {
      } else if p.count == 3 {
        guard let base = NumericValue(p[0]), let exponent = NumericValue(p[1]), let modulus = NumericValue(p[2]),
          case .integer = NumericValue.integer(base.bigInt), exponent.bigInt.sign == .plus
        else { throw Interpreter.typeError("pow() 3rd argument not allowed unless all arguments are integers") }
        if modulus.bigInt == 0 { throw Interpreter.valueError("pow() 3rd argument cannot be 0") }
        var result = base.bigInt.power(exponent.bigInt, modulus: modulus.bigInt)
        if result.sign == .minus { result += modulus.bigInt }
        if modulus.bigInt.sign == .minus && result > 0 { result += modulus.bigInt }
        return .integer(result)
      }
      return try interpreter.binary(.pow, p[0], p[1])
    },
    BuiltinFunction("format") { interpreter, arguments in
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError("format expected at most 2 arguments, got \(arguments.positional.count)")
      }
      var spec = ""
      if arguments.positional.count == 2 {
        guard case .str(let text) = arguments.positional[1] else {
          throw Interpreter.typeError(
            "format() argument 2 must be str, not \(Runtime.typeName(arguments.positional[1]))")
        }
        spec = text
      }
      return .str(try PythonFormat.format(arguments.positional[0], spec, interpreter))
    },
    FileMethods.open,
    BuiltinFunction("input") { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "input", arguments)
      if let prompt = arguments.positional.first {
        interpreter.writeStdout(try interpreter.str(prompt))
      }
      interpreter.flushStdout()
      var line = try interpreter.stdin.readLineBytes(interpreter)
      guard !line.isEmpty else {
        throw ScriptException(ExceptionObject(cls: BuiltinTypes.eofError, args: [.str("EOF when reading a line")]))
      }
      if line.last == 10 { line.removeLast() }
      return .str(try interpreter.stdin.decode(line, interpreter))
    },
    BuiltinFunction("vars") { interpreter, arguments in
      try ArgumentReader.exactly(1, "vars", arguments)
      return try interpreter.getAttribute(arguments.positional[0], "__dict__")
    },
    BuiltinFunction("dir") { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "dir", arguments)
      guard let value = arguments.positional.first else {
        throw Interpreter.unsupported("dir() without an argument")
      }
      var names = Set<String>()
      switch value {
      case .object(let instance as Instance): names.formUnion(instance.attributes.keys)
      case .object(let module as ModuleObject): names.formUnion(module.globals.bound.map(\.0))
      case .object(let type as TypeObject): for t in type.mro { names.formUnion(t.dict.keys) }
      default: break
      }
      if case .object(is ModuleObject) = value {
      } else {
        for t in Runtime.type(of: value).mro { names.formUnion(t.dict.keys) }
      }
      return .list(ListObject(names.sorted().map { .str($0) }))
    },
    BuiltinFunction("exit", exit),
    BuiltinFunction("quit", exit),
  ]

  // MARK: - Implementations

  static func print(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    var reader = ArgumentReader("print", arguments)
    let separator = try text(reader.keyword("sep"), default: " ", "sep")
    let end = try text(reader.keyword("end"), default: "\n", "end")
    let file = reader.keyword("file")
    let flush = try reader.keyword("flush").map { try interpreter.truthy($0) } ?? false
    try reader.finish(maximum: Int.max)
    let line = try arguments.positional.map { try interpreter.str($0) }.joined(separator: separator) + end
    if let file, !isNone(file) {
      _ = try interpreter.call(try interpreter.getAttribute(file, "write"), [.str(line)])
      if flush, let flusher = try interpreter.findAttribute(file, "flush") { _ = try interpreter.call(flusher, []) }
      return .none
    }
    interpreter.writeStdout(line)
    if flush { interpreter.flushStdout() }
    return .none
  }

  private static func isNone(_ value: Value) -> Bool {
    if case .none = value { return true }
    return false
  }

  private static func text(_ value: Value?, default fallback: String, _ name: String) throws -> String {
    guard let value else { return fallback }
    switch value {
    case .none: return fallback
    case .str(let text): return text
    default: throw Interpreter.typeError("\(name) must be None or a string, not \(Runtime.typeName(value))")
    }
  }

  static func abs(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    try ArgumentReader.exactly(1, "abs", arguments)
    switch arguments.positional[0] {
    case .int(let number): return number == .min ? .integer(-BigInt(number)) : .int(Swift.abs(number))
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .bigInt(let box): return .integer(BigInt(box.value.magnitude))
    case .float(let number): return .float(Swift.abs(number))
    default:
      if let result = try interpreter.callSpecial(arguments.positional[0], "__abs__", []) { return result }
      throw Interpreter.typeError("bad operand type for abs(): '\(Runtime.typeName(arguments.positional[0]))'")
    }
  }

  static func sum(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    var reader = ArgumentReader("sum", arguments)
    let iterable = try reader.required(0, "iterable")
    var total = try reader.value(1, "start") ?? .int(0)
    try reader.finish(maximum: 2)
    if case .str = total { throw Interpreter.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
    try interpreter.forEach(iterable) { value in
      total = try interpreter.binary(.add, total, value)
      return true
    }
    return total
  }

  /// `min`/`max` over one iterable or several arguments, with `key=` and `default=`.
  static func extreme(_ interpreter: Interpreter, _ arguments: CallArguments, _ name: String, _ better: CompareOperator)
    throws -> Value
  {
    var reader = ArgumentReader(name, arguments)
    let key = reader.keyword("key")
    let fallback = reader.keyword("default")
    try reader.finish(maximum: Int.max)
    let candidates: [Value]
    if arguments.positional.count == 1 {
      candidates = try interpreter.iterateToArray(arguments.positional[0])
    } else if arguments.positional.isEmpty {
      throw Interpreter.typeError("\(name) expected at least 1 argument, got 0")
    } else {
      if fallback != nil {
        throw Interpreter.typeError("Cannot specify a default for \(name)() with multiple positional arguments")
      }
      candidates = arguments.positional
    }
    guard var best = candidates.first else {
      if let fallback { return fallback }
      throw Interpreter.valueError("\(name)() arg is an empty sequence")
    }
    let keyOf: (Value) throws -> Value = { value in
      if let key, !isNone(key) { return try interpreter.call(key, [value]) }
      return value
    }
    var bestKey = try keyOf(best)
    for candidate in candidates.dropFirst() {
      let candidateKey = try keyOf(candidate)
      if try interpreter.order(better, candidateKey, bestKey) {
        best = candidate
        bestKey = candidateKey
      }
    }
    return best
  }

  static func classMatches(_ type: TypeObject, _ spec: Value, _ function: String) throws -> Bool {
    switch spec {
    case .object(let target as TypeObject): return type.isSubtype(of: target)
    case .tuple(let options): return try options.contains { try classMatches(type, $0, function) }
    default:
      throw Interpreter.typeError("\(function)() arg 2 must be a type, a tuple of types, or a union")
    }
  }

  private static func radixString(
    _ interpreter: Interpreter, _ arguments: CallArguments, _ name: String, _ radix: Int, _ prefix: String
  ) throws -> Value {
    try ArgumentReader.exactly(1, name, arguments)
    let value = arguments.positional[0]
    let number: BigInt
    switch value {
    case .int(let small): number = BigInt(small)
    case .bool(let flag): number = flag ? 1 : 0
    case .bigInt(let box): number = box.value
    default: throw Interpreter.typeError("'\(Runtime.typeName(value))' object cannot be interpreted as an integer")
    }
    let digits = String(number.magnitude, radix: radix)
    return .str((number.sign == .minus ? "-" : "") + prefix + digits)
  }

  static func round(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    var reader = ArgumentReader("round", arguments)
    let value = try reader.required(0, "number")
    let digits = try reader.value(1, "ndigits")
    try reader.finish(maximum: 2)
    let places: Int? = try digits.flatMap { isNone($0) ? nil : try interpreter.asIndex($0, "ndigits") }
    switch value {
    case .int, .bool, .bigInt:
      guard let places, places < 0 else { return Runtime.smallInt(value).map { .int($0) } ?? value }
      let factor = BigInt(10).power(-places)
      let number = NumericValue(value)!.bigInt
      var (quotient, remainder) = number.quotientAndRemainder(dividingBy: factor)
      if remainder.sign == .minus {
        quotient -= 1
        remainder += factor
      }
      if remainder * 2 > factor || (remainder * 2 == factor && quotient % 2 != 0) { quotient += 1 }
      return .integer(quotient * factor)
    case .float(let number):
      guard let places else {
        if number.isNaN { throw Interpreter.valueError("cannot convert float NaN to integer") }
        if number.isInfinite { throw Interpreter.overflowError("cannot convert float infinity to integer") }
        return .integer(BigInt(number.rounded(.toNearestOrEven)))
      }
      if !number.isFinite { return value }
      // Decimal rounding of the exact binary value, as CPython does (round(2.675, 2) == 2.67).
      let formatted = String(format: "%.\(max(0, places))f", number)
      if places >= 0 { return .float(Double(formatted) ?? number) }
      let factor = Foundation.pow(10.0, Double(-places))
      return .float((number / factor).rounded(.toNearestOrEven) * factor)
    default:
      if let result = try interpreter.callSpecial(value, "__round__", digits.map { [$0] } ?? []) { return result }
      throw Interpreter.typeError("type \(Runtime.typeName(value)) doesn't define __round__ method")
    }
  }

  static func exit(_ interpreter: Interpreter, _ arguments: inout CallArguments) throws -> Value {
    throw ScriptException(ExceptionObject(cls: BuiltinTypes.systemExit, args: arguments.positional))
  }

  static func asciiOnly(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x80 {
        result.unicodeScalars.append(scalar)
      } else if scalar.value < 0x100 {
        result += String(format: "\\x%02x", scalar.value)
      } else if scalar.value < 0x10000 {
        result += String(format: "\\u%04x", scalar.value)
      } else {
        result += String(format: "\\U%08x", scalar.value)
      }
    }
    return result
  }
}

extension Interpreter {
  /// `len(value)`.
  func length(_ value: Value) throws -> Int {
    switch value {
    case .str(let text): return text.unicodeScalars.count
    case .bytes(let data): return data.count
    case .tuple(let items): return items.count
    case .list(let list):
      if list.cls !== BuiltinTypes.list, let result = try callOverride(list.cls, value, "__len__", []) {
        return try asIndex(result, "len")
      }
      return list.items.count
    case .dict(let dict):
      if dict.cls !== BuiltinTypes.dict, let result = try callOverride(dict.cls, value, "__len__", []) {
        return try asIndex(result, "len")
      }
      return dict.storage.count
    case .set(let set): return set.storage.count
    case .object(let range as RangeObject): return range.count
    case .object(let view as DictViewObject): return view.dict.storage.count
    default:
      if let result = try callSpecial(value, "__len__", []) {
        let count = try asIndex(result, "__len__")
        if count < 0 { throw Interpreter.valueError("__len__() should return >= 0") }
        return count
      }
      throw Interpreter.typeError("object of type '\(Runtime.typeName(value))' has no len()")
    }
  }
}
