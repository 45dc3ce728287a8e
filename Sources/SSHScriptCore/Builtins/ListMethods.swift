/// Methods of `list` and `tuple` (LANGUAGE.md §8.4).
enum ListMethods {
  static func list(_ arguments: inout CallArguments, _ method: String) throws -> ListObject {
    let receiver = try BuiltinMethods.receiver(&arguments, "list", method)
    guard case .list(let list) = receiver else {
      throw BuiltinMethods.wrongReceiver("list", method, receiver)
    }
    return list
  }

  static func install() {
    let type = BuiltinTypes.list
    BuiltinMethods.add(type, "__init__") { interpreter, arguments in
      let list = try list(&arguments, "__init__")
      try ArgumentReader.exactlyAtMost(1, "list", arguments)
      list.items = try arguments.positional.first.map { try interpreter.iterateToArray($0) } ?? []
      return .none
    }
    // The special methods a subclass reaches through `super()` or `list.__repr__(self)`.
    BuiltinMethods.add(type, "__repr__") { interpreter, arguments in
      let list = try list(&arguments, "__repr__")
      try ArgumentReader.exactly(0, "__repr__", arguments)
      return .str(try interpreter.nativeRepr(list))
    }
    BuiltinMethods.add(type, "__len__") { _, arguments in
      let list = try list(&arguments, "__len__")
      try ArgumentReader.exactly(0, "__len__", arguments)
      return .int(list.items.count)
    }
    BuiltinMethods.add(type, "__iter__") { interpreter, arguments in
      let list = try list(&arguments, "__iter__")
      try ArgumentReader.exactly(0, "__iter__", arguments)
      return .object(try interpreter.nativeIterator(.list(list)))
    }
    BuiltinMethods.add(type, "append") { _, arguments in
      let list = try list(&arguments, "append")
      try ArgumentReader.exactly(1, "list.append", arguments)
      list.items.append(arguments.positional[0])
      return .none
    }
    BuiltinMethods.add(type, "extend") { interpreter, arguments in
      let list = try list(&arguments, "extend")
      try ArgumentReader.exactly(1, "list.extend", arguments)
      list.items.append(contentsOf: try interpreter.iterateToArray(arguments.positional[0]))
      return .none
    }
    BuiltinMethods.add(type, "insert") { interpreter, arguments in
      let list = try list(&arguments, "insert")
      try ArgumentReader.exactly(2, "insert", arguments)
      var index = try interpreter.asIndex(arguments.positional[0], "insert")
      if index < 0 { index = max(0, index + list.items.count) }
      list.items.insert(arguments.positional[1], at: min(index, list.items.count))
      return .none
    }
    BuiltinMethods.add(type, "pop") { interpreter, arguments in
      let list = try list(&arguments, "pop")
      try ArgumentReader.exactlyAtMost(1, "pop", arguments)
      if list.items.isEmpty { throw Interpreter.indexError("pop from empty list") }
      guard let position = arguments.positional.first else { return list.items.removeLast() }
      var index = try interpreter.asIndex(position, "pop")
      if index < 0 { index += list.items.count }
      guard index >= 0 && index < list.items.count else { throw Interpreter.indexError("pop index out of range") }
      return list.items.remove(at: index)
    }
    BuiltinMethods.add(type, "remove") { interpreter, arguments in
      let list = try list(&arguments, "remove")
      try ArgumentReader.exactly(1, "list.remove", arguments)
      guard let index = try list.items.firstIndex(where: { try interpreter.equal($0, arguments.positional[0]) }) else {
        throw Interpreter.valueError("list.remove(x): x not in list")
      }
      list.items.remove(at: index)
      return .none
    }
    BuiltinMethods.add(type, "index") { interpreter, arguments in
      let list = try list(&arguments, "index")
      return try index(interpreter, list.items, arguments, "list")
    }
    BuiltinMethods.add(type, "count") { interpreter, arguments in
      let list = try list(&arguments, "count")
      try ArgumentReader.exactly(1, "list.count", arguments)
      return .int(try list.items.filter { try interpreter.equal($0, arguments.positional[0]) }.count)
    }
    BuiltinMethods.add(type, "reverse") { _, arguments in
      let list = try list(&arguments, "reverse")
      list.items.reverse()
      return .none
    }
    BuiltinMethods.add(type, "clear") { _, arguments in
      let list = try list(&arguments, "clear")
      list.items.removeAll()
      return .none
    }
    BuiltinMethods.add(type, "copy") { _, arguments in
      .list(ListObject(try list(&arguments, "copy").items))
    }
    BuiltinMethods.add(type, "sort") { interpreter, arguments in
      let list = try list(&arguments, "sort")
      var reader = ArgumentReader("sort", arguments)
      let key = reader.keyword("key")
      let reverse = reader.keyword("reverse")
      try reader.finish(maximum: 0)
      try sort(interpreter, list, key: key, reverse: reverse)
      return .none
    }
  }

  /// `seq.index(x[, start[, stop]])` for lists and tuples.
  static func index(_ interpreter: Interpreter, _ items: [Value], _ arguments: CallArguments, _ name: String) throws
    -> Value
  {
    guard (1...3).contains(arguments.positional.count) else {
      throw Interpreter.typeError("index expected at least 1 argument, got \(arguments.positional.count)")
    }
    var start = arguments.positional.count > 1 ? try interpreter.asIndex(arguments.positional[1], "index") : 0
    var stop = arguments.positional.count > 2 ? try interpreter.asIndex(arguments.positional[2], "index") : items.count
    if start < 0 { start = max(0, start + items.count) }
    if stop < 0 { stop = max(0, stop + items.count) }
    stop = min(stop, items.count)
    if start < stop {
      for position in start..<stop where try interpreter.equal(items[position], arguments.positional[0]) {
        return .int(position)
      }
    }
    throw Interpreter.valueError(
      name == "list"
        ? "\(try interpreter.repr(arguments.positional[0])) is not in list" : "tuple.index(x): x not in tuple")
  }

  /// A stable sort with Python's `key=` and `reverse=` (reverse keeps equal items in order).
  static func sort(_ interpreter: Interpreter, _ list: ListObject, key: Value?, reverse: Value?) throws {
    let descending = try reverse.map { try interpreter.truthy($0) } ?? false
    var keys = list.items
    if let key, !isNone(key) { keys = try list.items.map { try interpreter.call(key, [$0]) } }
    var order = Array(keys.indices)
    try mergeSort(&order) { a, b in
      descending ? try interpreter.order(.lt, keys[b], keys[a]) : try interpreter.order(.lt, keys[a], keys[b])
    }
    list.items = order.map { list.items[$0] }
  }

  private static func isNone(_ value: Value) -> Bool {
    if case .none = value { return true }
    return false
  }

  /// Stable merge sort with a throwing comparison ("is a strictly before b").
  static func mergeSort(_ items: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
    guard items.count > 1 else { return }
    var buffer = items
    var width = 1
    while width < items.count {
      var start = 0
      while start < items.count {
        let middle = min(start + width, items.count)
        let end = min(start + 2 * width, items.count)
        var i = start
        var j = middle
        var k = start
        while i < middle && j < end {
          if try less(items[j], items[i]) {
            buffer[k] = items[j]
            j += 1
          } else {
            buffer[k] = items[i]
            i += 1
          }
          k += 1
        }
        while i < middle {
          buffer[k] = items[i]
          i += 1
          k += 1
        }
        while j < end {
          buffer[k] = items[j]
          j += 1
          k += 1
        }
        start += 2 * width
      }
      swap(&items, &buffer)
      width *= 2
    }
  }
}

enum TupleMethods {
  /// The items of a tuple or of a struct sequence (a tuple subclass made in Swift).
  static func items(_ value: Value) -> [Value]? {
    if case .tuple(let items) = value { return items }
    return StructSequence.tupleItems(value)
  }

  static func install() {
    BuiltinMethods.add(BuiltinTypes.tuple, "index") { interpreter, arguments in
      let receiver = try BuiltinMethods.receiver(&arguments, "tuple", "index")
      guard let items = TupleMethods.items(receiver) else {
        throw Interpreter.typeError("descriptor 'index' for 'tuple' objects doesn't apply")
      }
      return try ListMethods.index(interpreter, items, arguments, "tuple")
    }
    BuiltinMethods.add(BuiltinTypes.tuple, "count") { interpreter, arguments in
      let receiver = try BuiltinMethods.receiver(&arguments, "tuple", "count")
      guard let items = TupleMethods.items(receiver) else {
        throw Interpreter.typeError("descriptor 'count' for 'tuple' objects doesn't apply")
      }
      try ArgumentReader.exactly(1, "tuple.count", arguments)
      return .int(try items.filter { try interpreter.equal($0, arguments.positional[0]) }.count)
    }
  }
}
