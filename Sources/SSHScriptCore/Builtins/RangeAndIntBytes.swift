import BigInt

/// `range.index`/`range.count` (LANGUAGE.md §8.4) and the extended `int.to_bytes` /
/// `int.from_bytes`.
enum RangeAndIntBytes {
  static func install() {
    func range(_ arguments: inout CallArguments, _ method: String) throws -> RangeObject {
      guard case .object(let range as RangeObject) = try BuiltinMethods.receiver(&arguments, "range", method) else {
        throw Interpreter.typeError("descriptor '\(method)' for 'range' objects doesn't apply")
      }
      return range
    }
    /// The position of `value` in the range, if it is an int the range produces.
    func position(_ range: RangeObject, _ value: Value) -> Int? {
      guard let number = Runtime.smallInt(value), range.step != 0 else { return nil }
      let offset = number - range.start
      guard offset % range.step == 0 else { return nil }
      let index = offset / range.step
      return index >= 0 && index < range.count ? index : nil
    }
    BuiltinMethods.add(BuiltinTypes.range, "index") { interpreter, arguments in
      let range = try range(&arguments, "index")
      try ArgumentReader.exactly(1, "range.index", arguments)
      guard let index = position(range, arguments.positional[0]) else {
        throw Interpreter.valueError("\(try interpreter.repr(arguments.positional[0])) is not in range")
      }
      return .int(index)
    }
    BuiltinMethods.add(BuiltinTypes.range, "count") { _, arguments in
      let range = try range(&arguments, "count")
      try ArgumentReader.exactly(1, "range.count", arguments)
      return .int(position(range, arguments.positional[0]) == nil ? 0 : 1)
    }
    BuiltinMethods.add(BuiltinTypes.int, "to_bytes") { interpreter, arguments in
      let receiver = try BuiltinMethods.receiver(&arguments, "int", "to_bytes")
      let values = try PythonSignature("to_bytes", ["length", "byteorder"], required: 0, keywordOnly: ["signed"])
        .bind(arguments)
      guard let number = NumericValue(receiver)?.bigInt, !(NumericValue(receiver)?.isFloat ?? true) else {
        throw Interpreter.typeError("descriptor 'to_bytes' for 'int' objects doesn't apply")
      }
      let length = try values[0].map { try interpreter.asIndex($0, "length") } ?? 1
      let little = try byteOrder(values[1])
      let signed = try values[2].map { try interpreter.truthy($0) } ?? false
      if !signed && number < 0 {
        throw Interpreter.error(BuiltinTypes.overflowError, "can't convert negative int to unsigned")
      }
      let modulus = BigInt(1) << (8 * length)
      let limit = signed ? modulus / 2 : modulus
      guard number < limit && number >= (signed ? -limit : 0) else {
        throw Interpreter.error(BuiltinTypes.overflowError, "int too big to convert")
      }
      var remaining = number < 0 ? number + modulus : number
      var bytes: [UInt8] = []
      for _ in 0..<length {
        bytes.append(UInt8(truncatingIfNeeded: Int(remaining & 0xFF)))
        remaining >>= 8
      }
      return .bytes(little ? bytes : bytes.reversed())
    }
    BuiltinMethods.add(BuiltinTypes.int, "from_bytes") { interpreter, arguments in
      let values = try PythonSignature("from_bytes", ["bytes", "byteorder"], required: 1, keywordOnly: ["signed"])
        .bind(
          arguments.positional.first.map { first in
            var rest = arguments
            if case .object(let type as TypeObject) = first, type === BuiltinTypes.int { rest.positional.removeFirst() }
            return rest
          } ?? arguments)
      guard case .bytes(let data) = values[0]! else {
        throw Interpreter.typeError("cannot convert '\(Runtime.typeName(values[0]!))' object to bytes")
      }
      let ordered = try byteOrder(values[1]) ? data.reversed() : data
      var number = BigInt(0)
      for byte in ordered { number = (number << 8) | BigInt(byte) }
      if try values[2].map({ try interpreter.truthy($0) }) ?? false, let first = ordered.first, first >= 0x80 {
        number -= BigInt(1) << (8 * data.count)
      }
      return .integer(number)
    }
  }

  /// `byteorder`: `'big'` (the default) or `'little'`; true for little-endian.
  private static func byteOrder(_ value: Value?) throws -> Bool {
    guard let value else { return false }
    guard case .str(let order) = value, order == "big" || order == "little" else {
      throw Interpreter.valueError("byteorder must be either 'little' or 'big'")
    }
    return order == "little"
  }
}
