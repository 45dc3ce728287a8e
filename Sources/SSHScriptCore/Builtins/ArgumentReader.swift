/// Reads the arguments of a built-in function by position or keyword, with CPython's messages
/// for wrong counts and unknown keywords.
struct ArgumentReader {
  let function: String
  private var arguments: CallArguments
  private var used: Set<String> = []

  init(_ function: String, _ arguments: CallArguments) {
    self.function = function
    self.arguments = arguments
  }

  var positionalCount: Int { arguments.positional.count }
  var positional: [Value] { arguments.positional }

  /// Argument `index`, or the keyword `name` (nil when absent or None-less).
  mutating func value(_ index: Int, _ name: String? = nil) throws -> Value? {
    if index < arguments.positional.count {
      if let name, arguments.keywords.contains(where: { $0.name == name }) {
        throw Interpreter.typeError("\(function)() got multiple values for argument '\(name)'")
      }
      return arguments.positional[index]
    }
    guard let name else { return nil }
    used.insert(name)
    return arguments.keywords.first { $0.name == name }?.value
  }

  mutating func required(_ index: Int, _ name: String) throws -> Value {
    guard let found = try value(index, name) else {
      throw Interpreter.typeError("\(function)() missing required argument '\(name)' (pos \(index + 1))")
    }
    return found
  }

  /// A keyword-only argument.
  mutating func keyword(_ name: String) -> Value? {
    used.insert(name)
    return arguments.keywords.first { $0.name == name }?.value
  }

  /// Fails on unknown keywords and on more than `maximum` positional arguments.
  func finish(maximum: Int) throws {
    if arguments.positional.count > maximum {
      throw Interpreter.typeError(
        "\(function)() takes at most \(maximum) argument\(maximum == 1 ? "" : "s") (\(arguments.positional.count) given)"
      )
    }
    for keyword in arguments.keywords where !used.contains(keyword.name) {
      throw Interpreter.typeError("\(function)() got an unexpected keyword argument '\(keyword.name)'")
    }
  }

  /// Exactly `count` positional arguments and no keywords ("len() takes exactly one argument").
  static func exactly(_ count: Int, _ function: String, _ arguments: CallArguments) throws {
    if !arguments.keywords.isEmpty {
      throw Interpreter.typeError("\(function)() takes no keyword arguments")
    }
    guard arguments.positional.count == count else {
      let words = ["no arguments", "exactly one argument", "exactly 2 arguments", "exactly 3 arguments"]
      let expected = count < words.count ? words[count] : "exactly \(count) arguments"
      throw Interpreter.typeError("\(function)() takes \(expected) (\(arguments.positional.count) given)")
    }
  }
}
