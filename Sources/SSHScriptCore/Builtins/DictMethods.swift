import OrderedCollections

/// `dict.keys()`, `.values()` and `.items()`: live views of a dict.
final class DictViewObject: PyObject {
  enum Kind: String {
    case keys = "dict_keys"
    case values = "dict_values"
    case items = "dict_items"
  }

  let dict: DictObject
  let kind: Kind

  init(_ dict: DictObject, _ kind: Kind) {
    self.dict = dict
    self.kind = kind
  }

  var elements: [Value] {
    switch kind {
    case .keys: return dict.storage.keys.map(\.value)
    case .values: return Array(dict.storage.values)
    case .items: return dict.storage.map { .tuple([$0.key.value, $0.value]) }
    }
  }

  override var pyType: TypeObject {
    switch kind {
    case .keys: return BuiltinTypes.dictKeys
    case .values: return BuiltinTypes.dictValues
    case .items: return BuiltinTypes.dictItems
    }
  }
}

/// Methods of `dict` (LANGUAGE.md §8.4).
enum DictMethods {
  static func dict(_ arguments: inout CallArguments, _ method: String) throws -> DictObject {
    let receiver = try BuiltinMethods.receiver(&arguments, "dict", method)
    guard case .dict(let dict) = receiver else {
      throw BuiltinMethods.wrongReceiver("dict", method, receiver)
    }
    return dict
  }

  /// `dict.update(other, **kwargs)` and the `dict(...)` constructor.
  static func update(_ interpreter: Interpreter, _ dict: DictObject, _ arguments: CallArguments) throws {
    if arguments.positional.count > 1 {
      throw Interpreter.typeError("dict expected at most 1 argument, got \(arguments.positional.count)")
    }
    if let source = arguments.positional.first {
      switch source {
      case .dict(let other):
        for (key, value) in other.storage { dict.storage[key] = value }
      default:
        if let keys = try interpreter.findAttribute(source, "keys") {
          for key in try interpreter.iterateToArray(try interpreter.call(keys, [])) {
            dict.storage[try HashKey(key)] = try interpreter.getItem(source, key)
          }
        } else {
          var position = 0
          try interpreter.forEach(source) { element in
            let pair = try interpreter.iterateToArray(element)
            guard pair.count == 2 else {
              throw Interpreter.valueError(
                "dictionary update sequence element #\(position) has length \(pair.count); 2 is required")
            }
            dict.storage[try HashKey(pair[0])] = pair[1]
            position += 1
            return true
          }
        }
      }
    }
    for (name, value) in arguments.keywords { dict.storage[try HashKey(.str(name))] = value }
  }

  static func install() {
    let type = BuiltinTypes.dict
    BuiltinMethods.add(type, "__init__") { interpreter, arguments in
      let dict = try dict(&arguments, "__init__")
      try update(interpreter, dict, arguments)
      return .none
    }
    BuiltinMethods.add(type, "__getitem__") { interpreter, arguments in
      let dict = try dict(&arguments, "__getitem__")
      try ArgumentReader.exactly(1, "__getitem__", arguments)
      guard let value = dict.storage[try HashKey(arguments.positional[0])] else {
        throw Interpreter.keyError(arguments.positional[0])
      }
      return value
    }
    BuiltinMethods.add(type, "__setitem__") { _, arguments in
      let dict = try dict(&arguments, "__setitem__")
      try ArgumentReader.exactly(2, "__setitem__", arguments)
      dict.storage[try HashKey(arguments.positional[0])] = arguments.positional[1]
      return .none
    }
    // The special methods a subclass reaches through `super()` or `dict.__repr__(self)`: each
    // works on the storage itself, never on the subclass's own redefinition.
    BuiltinMethods.add(type, "__repr__") { interpreter, arguments in
      let dict = try dict(&arguments, "__repr__")
      try ArgumentReader.exactly(0, "__repr__", arguments)
      return .str(try interpreter.nativeRepr(dict))
    }
    BuiltinMethods.add(type, "__len__") { _, arguments in
      let dict = try dict(&arguments, "__len__")
      try ArgumentReader.exactly(0, "__len__", arguments)
      return .int(dict.storage.count)
    }
    BuiltinMethods.add(type, "__iter__") { interpreter, arguments in
      let dict = try dict(&arguments, "__iter__")
      try ArgumentReader.exactly(0, "__iter__", arguments)
      return .object(try interpreter.nativeIterator(.dict(dict)))
    }
    BuiltinMethods.add(type, "__eq__") { interpreter, arguments in
      let dict = try dict(&arguments, "__eq__")
      try ArgumentReader.exactly(1, "__eq__", arguments)
      guard case .dict(let other) = arguments.positional[0] else { return .object(Builtins.notImplemented) }
      return .bool(try interpreter.equal(.dict(DictObject(dict.storage)), .dict(DictObject(other.storage))))
    }
    BuiltinMethods.add(type, "__delitem__") { _, arguments in
      let dict = try dict(&arguments, "__delitem__")
      try ArgumentReader.exactly(1, "__delitem__", arguments)
      guard dict.storage.removeValue(forKey: try HashKey(arguments.positional[0])) != nil else {
        throw Interpreter.keyError(arguments.positional[0])
      }
      return .none
    }
    BuiltinMethods.add(type, "__contains__") { _, arguments in
      let dict = try dict(&arguments, "__contains__")
      try ArgumentReader.exactly(1, "__contains__", arguments)
      return .bool(dict.storage[try HashKey(arguments.positional[0])] != nil)
    }
    BuiltinMethods.add(type, "get") { _, arguments in
      let dict = try dict(&arguments, "get")
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError("get expected at least 1 argument, got \(arguments.positional.count)")
      }
      return dict.storage[try HashKey(arguments.positional[0])]
        ?? (arguments.positional.count == 2 ? arguments.positional[1] : .none)
    }
    BuiltinMethods.add(type, "keys") { _, arguments in .object(DictViewObject(try dict(&arguments, "keys"), .keys)) }
    BuiltinMethods.add(type, "values") { _, arguments in
      .object(DictViewObject(try dict(&arguments, "values"), .values))
    }
    BuiltinMethods.add(type, "items") { _, arguments in .object(DictViewObject(try dict(&arguments, "items"), .items)) }
    BuiltinMethods.add(type, "pop") { _, arguments in
      let dict = try dict(&arguments, "pop")
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError("pop expected at least 1 argument, got \(arguments.positional.count)")
      }
      if let value = dict.storage.removeValue(forKey: try HashKey(arguments.positional[0])) { return value }
      if arguments.positional.count == 2 { return arguments.positional[1] }
      throw Interpreter.keyError(arguments.positional[0])
    }
    BuiltinMethods.add(type, "popitem") { _, arguments in
      let dict = try dict(&arguments, "popitem")
      guard let last = dict.storage.elements.last else {
        throw Interpreter.error(BuiltinTypes.keyError, "popitem(): dictionary is empty")
      }
      dict.storage.removeLast()
      return .tuple([last.key.value, last.value])
    }
    BuiltinMethods.add(type, "setdefault") { _, arguments in
      let dict = try dict(&arguments, "setdefault")
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError("setdefault expected at least 1 argument, got \(arguments.positional.count)")
      }
      let key = try HashKey(arguments.positional[0])
      if let value = dict.storage[key] { return value }
      let value = arguments.positional.count == 2 ? arguments.positional[1] : .none
      dict.storage[key] = value
      return value
    }
    BuiltinMethods.add(type, "update") { interpreter, arguments in
      let dict = try dict(&arguments, "update")
      try update(interpreter, dict, arguments)
      return .none
    }
    BuiltinMethods.add(type, "copy") { _, arguments in .dict(DictObject(try dict(&arguments, "copy").storage)) }
    BuiltinMethods.add(type, "clear") { _, arguments in
      try dict(&arguments, "clear").storage.removeAll()
      return .none
    }
    type.dict["fromkeys"] = .object(
      ClassMethod(
        .object(
          BuiltinFunction("fromkeys") { interpreter, arguments in
            guard (2...3).contains(arguments.positional.count) else {
              throw Interpreter.typeError(
                "fromkeys expected at least 1 argument, got \(arguments.positional.count - 1)")
            }
            let value = arguments.positional.count == 3 ? arguments.positional[2] : .none
            let dict = DictObject()
            for key in try interpreter.iterateToArray(arguments.positional[1]) {
              dict.storage[try HashKey(key)] = value
            }
            return .dict(dict)
          })))
  }
}

/// Methods of `set` and `frozenset`.
enum SetMethods {
  /// The elements of an optional iterable, as set storage.
  static func keys(_ interpreter: Interpreter, _ iterable: Value?) throws -> OrderedSet<HashKey> {
    guard let iterable else { return [] }
    var storage = OrderedSet<HashKey>()
    try interpreter.forEach(iterable) { element in
      storage.append(try HashKey(element))
      return true
    }
    return storage
  }

  static func set(_ arguments: inout CallArguments, _ method: String, mutating: Bool = false) throws -> SetObject {
    let receiver = try BuiltinMethods.receiver(&arguments, "set", method)
    guard case .set(let set) = receiver, !(mutating && set.frozen) else {
      throw Interpreter.attributeError("'\(Runtime.typeName(receiver))' object has no attribute '\(method)'")
    }
    return set
  }

  static func install() {
    for type in [BuiltinTypes.set, BuiltinTypes.frozenset] {
      let mutable = type === BuiltinTypes.set
      if mutable {
        BuiltinMethods.add(type, "add") { _, arguments in
          let set = try set(&arguments, "add", mutating: true)
          try ArgumentReader.exactly(1, "set.add", arguments)
          set.storage.append(try HashKey(arguments.positional[0]))
          return .none
        }
        BuiltinMethods.add(type, "discard") { _, arguments in
          let set = try set(&arguments, "discard", mutating: true)
          try ArgumentReader.exactly(1, "set.discard", arguments)
          set.storage.remove(try HashKey(arguments.positional[0]))
          return .none
        }
        BuiltinMethods.add(type, "remove") { _, arguments in
          let set = try set(&arguments, "remove", mutating: true)
          try ArgumentReader.exactly(1, "set.remove", arguments)
          guard set.storage.remove(try HashKey(arguments.positional[0])) != nil else {
            throw Interpreter.keyError(arguments.positional[0])
          }
          return .none
        }
        BuiltinMethods.add(type, "update") { interpreter, arguments in
          let set = try set(&arguments, "update", mutating: true)
          for other in arguments.positional { set.storage.formUnion(try keys(interpreter, other)) }
          return .none
        }
        BuiltinMethods.add(type, "clear") { _, arguments in
          try set(&arguments, "clear", mutating: true).storage.removeAll()
          return .none
        }
        BuiltinMethods.add(type, "intersection_update") { interpreter, arguments in
          let set = try set(&arguments, "intersection_update", mutating: true)
          for other in arguments.positional { set.storage.formIntersection(try keys(interpreter, other)) }
          return .none
        }
        BuiltinMethods.add(type, "difference_update") { interpreter, arguments in
          let set = try set(&arguments, "difference_update", mutating: true)
          for other in arguments.positional { set.storage.subtract(try keys(interpreter, other)) }
          return .none
        }
        BuiltinMethods.add(type, "symmetric_difference_update") { interpreter, arguments in
          let set = try set(&arguments, "symmetric_difference_update", mutating: true)
          try ArgumentReader.exactly(1, "set.symmetric_difference_update", arguments)
          set.storage.formSymmetricDifference(try keys(interpreter, arguments.positional[0]))
          return .none
        }
        BuiltinMethods.add(type, "pop") { _, arguments in
          let set = try set(&arguments, "pop", mutating: true)
          guard !set.storage.isEmpty else { throw Interpreter.error(BuiltinTypes.keyError, "pop from an empty set") }
          return set.storage.removeFirst().value
        }
      }
      BuiltinMethods.add(type, "copy") { _, arguments in
        let set = try set(&arguments, "copy")
        return .set(SetObject(set.storage, frozen: set.frozen))
      }
      BuiltinMethods.add(type, "union") { interpreter, arguments in
        let set = try set(&arguments, "union")
        var storage = set.storage
        for other in arguments.positional { storage.formUnion(try keys(interpreter, other)) }
        return .set(SetObject(storage, frozen: set.frozen))
      }
      BuiltinMethods.add(type, "intersection") { interpreter, arguments in
        let set = try set(&arguments, "intersection")
        var storage = set.storage
        for other in arguments.positional { storage.formIntersection(try keys(interpreter, other)) }
        return .set(SetObject(storage, frozen: set.frozen))
      }
      BuiltinMethods.add(type, "difference") { interpreter, arguments in
        let set = try set(&arguments, "difference")
        var storage = set.storage
        for other in arguments.positional { storage.subtract(try keys(interpreter, other)) }
        return .set(SetObject(storage, frozen: set.frozen))
      }
      BuiltinMethods.add(type, "symmetric_difference") { interpreter, arguments in
        let set = try set(&arguments, "symmetric_difference")
        guard arguments.positional.count == 1 else {
          throw Interpreter.typeError(
            "\(type.name).symmetric_difference() takes exactly one argument (\(arguments.positional.count) given)")
        }
        return .set(
          SetObject(set.storage.symmetricDifference(try keys(interpreter, arguments.positional[0])), frozen: set.frozen)
        )
      }
      BuiltinMethods.add(type, "issubset") { interpreter, arguments in
        let set = try set(&arguments, "issubset")
        try ArgumentReader.exactly(1, "issubset", arguments)
        return .bool(set.storage.isSubset(of: try keys(interpreter, arguments.positional[0])))
      }
      BuiltinMethods.add(type, "issuperset") { interpreter, arguments in
        let set = try set(&arguments, "issuperset")
        try ArgumentReader.exactly(1, "issuperset", arguments)
        return .bool(set.storage.isSuperset(of: try keys(interpreter, arguments.positional[0])))
      }
      BuiltinMethods.add(type, "isdisjoint") { interpreter, arguments in
        let set = try set(&arguments, "isdisjoint")
        try ArgumentReader.exactly(1, "isdisjoint", arguments)
        return .bool(set.storage.isDisjoint(with: try keys(interpreter, arguments.positional[0])))
      }
    }
  }
}
