/// Iteration: `iter()`, `next()`, and the eager forms used by `list(x)`, unpacking and calls.
extension Interpreter {
  /// `iter(value)`.
  func makeIterator(_ value: Value) throws -> IteratorObject {
    if let cls = Interpreter.containerSubclass(value), let method = Interpreter.override(in: cls, "__iter__") {
      return try iterator(from: method, value)
    }
    return try nativeIterator(value)
  }

  /// `iter(value)` without a list or dict subclass's own `__iter__`: what `dict.__iter__` gives.
  func nativeIterator(_ value: Value) throws -> IteratorObject {
    switch value {
    case .list(let list):
      var index = 0
      return ClosureIterator(type: BuiltinTypes.iterator) { _ in
        guard index < list.items.count else { return nil }
        defer { index += 1 }
        return list.items[index]
      }
    case .tuple(let items): return Interpreter.arrayIterator(items)
    case .str(let text):
      var iterator = text.unicodeScalars.makeIterator()
      return ClosureIterator { _ in iterator.next().map { .str(String($0)) } }
    case .bytes(let data): return Interpreter.arrayIterator(data.map { .int(Int($0)) })
    case .dict(let dict):
      let keys = dict.storage.keys.map(\.value)
      let count = dict.storage.count
      var index = 0
      return ClosureIterator { _ in
        guard dict.storage.count == count else {
          throw Interpreter.error(BuiltinTypes.runtimeError, "dictionary changed size during iteration")
        }
        guard index < keys.count else { return nil }
        defer { index += 1 }
        return keys[index]
      }
    case .set(let set):
      return Interpreter.arrayIterator(set.storage.map(\.value))
    case .object(let object):
      if let iterator = object as? IteratorObject { return iterator }
      if let view = object as? DictViewObject { return Interpreter.arrayIterator(view.elements) }
      if let range = object as? RangeObject {
        var current = range.start
        let step = range.step
        let stop = range.stop
        return ClosureIterator { _ in
          guard step > 0 ? current < stop : current > stop else { return nil }
          defer { current += step }
          return .int(current)
        }
      }
      if let method = Runtime.type(of: value).lookup("__iter__") { return try iterator(from: method, value) }
      if let getItem = Runtime.type(of: value).lookup("__getitem__") {
        var index = 0
        return ClosureIterator { interpreter in
          do {
            defer { index += 1 }
            return try interpreter.call(getItem, [value, .int(index)])
          } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.indexError) {
            return nil
          }
        }
      }
    default:
      break
    }
    throw Interpreter.typeError("'\(Runtime.typeName(value))' object is not iterable")
  }

  /// The iterator that a script class's `__iter__` returns, wrapped for the runtime's loops.
  private func iterator(from method: Value, _ value: Value) throws -> IteratorObject {
    let iterator = try call(method, [value])
    if case .object(let object) = iterator, let native = object as? IteratorObject { return native }
    guard let next = Runtime.type(of: iterator).lookup("__next__") else {
      throw Interpreter.typeError("iter() returned non-iterator of type '\(Runtime.typeName(iterator))'")
    }
    return ClosureIterator { interpreter in
      do {
        return try interpreter.call(next, [iterator])
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.stopIteration) {
        return nil
      }
    }
  }

  static func arrayIterator(_ items: [Value]) -> IteratorObject {
    var index = 0
    return ClosureIterator { _ in
      guard index < items.count else { return nil }
      defer { index += 1 }
      return items[index]
    }
  }

  /// All the values of an iterable, as `list(value)` would see them.
  func iterateToArray(_ value: Value) throws -> [Value] {
    switch value {
    case .list(let list) where list.cls === BuiltinTypes.list: return list.items
    case .tuple(let items): return items
    default:
      var result: [Value] = []
      let iterator = try makeIterator(value)
      while let element = try iterator.next(self) { result.append(element) }
      return result
    }
  }

  /// Runs `body` for each element; the body returns false to stop early. Lists, tuples and
  /// ranges are walked without making an iterator object.
  func forEach(_ iterable: Value, _ body: (Value) throws -> Bool) throws {
    switch iterable {
    case .list(let list) where list.cls === BuiltinTypes.list:
      var index = 0
      while index < list.items.count {
        if try !body(list.items[index]) { return }
        index += 1
      }
    case .tuple(let items):
      for item in items where try !body(item) { return }
    case .object(let range as RangeObject):
      var current = range.start
      if range.step > 0 {
        while current < range.stop {
          if try !body(.int(current)) { return }
          current += range.step
        }
      } else {
        while current > range.stop {
          if try !body(.int(current)) { return }
          current += range.step
        }
      }
    default:
      let iterator = try makeIterator(iterable)
      while let element = try iterator.next(self) {
        if try !body(element) { return }
      }
    }
  }
}
