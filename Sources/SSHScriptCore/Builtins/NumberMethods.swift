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
    for type in [BuiltinTypes.int, BuiltinTypes.float] {
      BuiltinMethods.add(type, "conjugate") { _, arguments in
        try BuiltinMethods.receiver(&arguments, type.name, "conjugate")
      }
    }
  }
}
