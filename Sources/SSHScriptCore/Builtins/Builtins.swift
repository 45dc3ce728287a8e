import BigInt
import Foundation

/// The `builtins` namespace: functions, types, exceptions and constants every script sees.
enum Builtins {
  nonisolated(unsafe) static let notImplemented = SingletonObject(type: BuiltinTypes.notImplementedType)
  nonisolated(unsafe) static let ellipsis = SingletonObject(type: BuiltinTypes.ellipsisType)

  typealias Constructor = (Interpreter, inout CallArguments) throws -> Value

  /// Calling a built-in type: `int("3")`, `list(x)`… Script classes are instantiated by
  /// `Interpreter.instantiate`.
  nonisolated(unsafe) static let constructors: [ObjectIdentifier: Constructor] = {
    var table: [ObjectIdentifier: Constructor] = [:]
    func add(_ type: TypeObject, _ body: @escaping Constructor) { table[ObjectIdentifier(type)] = body }
    add(BuiltinTypes.int, Conversions.int)
    add(BuiltinTypes.float, Conversions.float)
    add(BuiltinTypes.str, Conversions.str)
    add(BuiltinTypes.bool) { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "bool", arguments)
      return .bool(try arguments.positional.first.map { try interpreter.truthy($0) } ?? false)
    }
    add(BuiltinTypes.bytes, Conversions.bytes)
    add(BuiltinTypes.list) { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "list", arguments)
      return .list(ListObject(try arguments.positional.first.map { try interpreter.iterateToArray($0) } ?? []))
    }
    add(BuiltinTypes.tuple) { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "tuple", arguments)
      return .tuple(try arguments.positional.first.map { try interpreter.iterateToArray($0) } ?? [])
    }
    add(BuiltinTypes.dict) { interpreter, arguments in
      let dict = DictObject()
      try DictMethods.update(interpreter, dict, arguments)
      return .dict(dict)
    }
    add(BuiltinTypes.set) { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "set", arguments)
      return .set(SetObject(try SetMethods.keys(interpreter, arguments.positional.first)))
    }
    add(BuiltinTypes.frozenset) { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "frozenset", arguments)
      return .set(SetObject(try SetMethods.keys(interpreter, arguments.positional.first), frozen: true))
    }
    add(BuiltinTypes.range, Conversions.range)
    add(BuiltinTypes.slice) { _, arguments in
      let p = arguments.positional
      switch p.count {
      case 1: return .object(SliceObject(start: .none, stop: p[0], step: .none))
      case 2: return .object(SliceObject(start: p[0], stop: p[1], step: .none))
      case 3: return .object(SliceObject(start: p[0], stop: p[1], step: p[2]))
      default: throw Interpreter.typeError("slice expected at least 1 argument, got \(p.count)")
      }
    }
    add(BuiltinTypes.object) { _, arguments in
      if !arguments.positional.isEmpty { throw Interpreter.typeError("object() takes no arguments") }
      return .object(Instance(cls: BuiltinTypes.object))
    }
    add(BuiltinTypes.type) { interpreter, arguments in
      switch arguments.positional.count {
      case 1: return .object(Runtime.type(of: arguments.positional[0]))
      case 3: break
      default: throw Interpreter.typeError("type() takes 1 or 3 arguments")
      }
      guard case .str(let name) = arguments.positional[0] else {
        throw Interpreter.typeError(
          "type.__new__() argument 1 must be str, not \(Runtime.typeName(arguments.positional[0]))")
      }
      guard case .tuple(let baseValues) = arguments.positional[1] else {
        throw Interpreter.typeError(
          "type.__new__() argument 2 must be tuple, not \(Runtime.typeName(arguments.positional[1]))")
      }
      guard case .dict(let given) = arguments.positional[2] else {
        throw Interpreter.typeError(
          "type.__new__() argument 3 must be dict, not \(Runtime.typeName(arguments.positional[2]))")
      }
      var bases: [TypeObject] = []
      for value in baseValues {
        guard case .object(let base as TypeObject) = value, base.layout != .fixed || base === BuiltinTypes.object
        else { throw Interpreter.typeError("type() bases must be classes that can be subclassed") }
        bases.append(base)
      }
      let namespace = DictObject()
      namespace.storage = given.storage
      var moduleName = "__main__"
      if case .str(let module)? = given.storage[try HashKey(.str("__module__"))] { moduleName = module }
      namespace.storage[try HashKey(.str("__qualname__"))] = .str(name)
      return .object(
        try interpreter.makeClass(
          name, bases: bases.isEmpty ? [BuiltinTypes.object] : bases, namespace: namespace, moduleName: moduleName))
    }
    add(BuiltinTypes.staticmethod) { _, arguments in
      try ArgumentReader.exactly(1, "staticmethod", arguments)
      return .object(StaticMethod(arguments.positional[0]))
    }
    add(BuiltinTypes.classmethod) { _, arguments in
      try ArgumentReader.exactly(1, "classmethod", arguments)
      return .object(ClassMethod(arguments.positional[0]))
    }
    add(BuiltinTypes.property) { _, arguments in
      var reader = ArgumentReader("property", arguments)
      let getter = try reader.value(0, "fget")
      let setter = try reader.value(1, "fset")
      let deleter = try reader.value(2, "fdel")
      let doc = try reader.value(3, "doc") ?? .none
      try reader.finish(maximum: 4)
      func present(_ value: Value?) -> Value? {
        if case .none? = value { return nil }
        return value
      }
      return .object(
        PropertyObject(getter: present(getter), setter: present(setter), deleter: present(deleter), doc: doc))
    }
    add(BuiltinTypes.superType) { _, arguments in
      guard arguments.positional.count == 2, case .object(let type as TypeObject) = arguments.positional[0] else {
        throw Interpreter.typeError("super() needs a class and an object (or is written without arguments in a method)")
      }
      return .object(SuperObject(cls: type, receiver: arguments.positional[1]))
    }
    return table
  }()

  static func namespace() -> [String: Value] {
    var names: [String: Value] = [:]
    for type in [
      BuiltinTypes.object, BuiltinTypes.type, BuiltinTypes.int, BuiltinTypes.bool, BuiltinTypes.float,
      BuiltinTypes.str, BuiltinTypes.bytes, BuiltinTypes.tuple, BuiltinTypes.list, BuiltinTypes.dict,
      BuiltinTypes.set, BuiltinTypes.frozenset, BuiltinTypes.range, BuiltinTypes.slice, BuiltinTypes.staticmethod,
      BuiltinTypes.classmethod, BuiltinTypes.property, BuiltinTypes.superType,
    ] + BuiltinTypes.exceptions {
      names[type.name] = .object(type)
    }
    names["EnvironmentError"] = .object(BuiltinTypes.osError)
    names["IOError"] = .object(BuiltinTypes.osError)
    names["NotImplemented"] = .object(notImplemented)
    names["Ellipsis"] = .object(ellipsis)
    for function in BuiltinFunctions.all { names[function.name] = .object(function) }
    return names
  }
}

/// `NotImplemented` and `Ellipsis`.
final class SingletonObject: PyObject {
  let type: TypeObject

  init(type: TypeObject) {
    self.type = type
  }

  override var pyType: TypeObject { type }
}

extension ArgumentReader {
  /// At most `count` positional arguments and no keywords ("list expected at most 1 argument").
  static func exactlyAtMost(_ count: Int, _ function: String, _ arguments: CallArguments) throws {
    if !arguments.keywords.isEmpty { throw Interpreter.typeError("\(function)() takes no keyword arguments") }
    if arguments.positional.count > count {
      throw Interpreter.typeError(
        "\(function) expected at most \(count) argument\(count == 1 ? "" : "s"), got \(arguments.positional.count)")
    }
  }
}
