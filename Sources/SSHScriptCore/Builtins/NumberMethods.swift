import BigInt

/// Methods and attributes of `int` and `float` (LANGUAGE.md §8.4).
enum NumberMethods {
  static func install() {
    BuiltinMethods.add(BuiltinTypes.int, "bit_length") { _, arguments in
      let receiver = try BuiltinMethods.receiver(&arguments, "int", "bit_length")
      guard let number = NumericValue(receiver), case .integer = NumericValue.integer(number.bigInt) else {
        throw Interpreter.typeError("descriptor 'bit_length' for 'int' objects doesn't apply")
      }
      let magnitude = number.bigInt.magnitude
      return .int(magnitude == 0 ? 0 : magnitude.bitWidth - magnitude.leadingZeroBitCount)
    }
    BuiltinMethods.add(BuiltinTypes.float, "is_integer") { _, arguments in
      guard case .float(let number) = try BuiltinMethods.receiver(&arguments, "float", "is_integer") else {
        throw Interpreter.typeError("descriptor 'is_integer' for 'float' objects doesn't apply")
      }
      return .bool(number.isFinite && number.rounded() == number)
    }
    BuiltinMethods.add(BuiltinTypes.float, "as_integer_ratio") { _, arguments in
      guard case .float(let number) = try BuiltinMethods.receiver(&arguments, "float", "as_integer_ratio") else {
        throw Interpreter.typeError("descriptor 'as_integer_ratio' for 'float' objects doesn't apply")
      }
      try ArgumentReader.exactly(0, "float.as_integer_ratio", arguments)
      if number.isNaN { throw Interpreter.valueError("cannot convert NaN to integer ratio") }
      if number.isInfinite { throw Interpreter.overflowError("cannot convert Infinity to integer ratio") }
      // Doubling is exact, so this ends with an integral mantissa; the loop stops at the first
      // one, so the mantissa is odd whenever the power of two is above 1: the ratio is reduced.
      var mantissa = number
      var exponent = 0
      while mantissa.rounded(.towardZero) != mantissa {
        mantissa *= 2
        exponent += 1
      }
      return .tuple([.integer(BigInt(mantissa)), .integer(BigInt(1) << exponent)])
    }
    BuiltinMethods.add(BuiltinTypes.int, "as_integer_ratio") { _, arguments in
      let receiver = try BuiltinMethods.receiver(&arguments, "int", "as_integer_ratio")
      try ArgumentReader.exactly(0, "int.as_integer_ratio", arguments)
      if case .bool(let flag) = receiver { return .tuple([.int(flag ? 1 : 0), .int(1)]) }
      return .tuple([receiver, .int(1)])
    }
    for type in [BuiltinTypes.int, BuiltinTypes.float] {
      BuiltinMethods.add(type, "conjugate") { _, arguments in
        try BuiltinMethods.receiver(&arguments, type.name, "conjugate")
      }
    }
  }
}
