/// `x[i]`, `x[a:b:c]`, assignment and deletion through subscripts.
extension Interpreter {
  func getItem(_ container: Value, _ key: Value) throws -> Value {
    if let method = subclassOverride(container, "__getitem__") { return try call(method, [container, key]) }
    return try builtinGetItem(container, key)
  }

  func setItem(_ container: Value, _ key: Value, _ newValue: Value) throws {
    if let method = subclassOverride(container, "__setitem__") {
      _ = try call(method, [container, key, newValue])
      return
    }
    try builtinSetItem(container, key, newValue)
  }

  func deleteItem(_ container: Value, _ key: Value) throws {
    if let method = subclassOverride(container, "__delitem__") {
      _ = try call(method, [container, key])
      return
    }
    try builtinDeleteItem(container, key)
  }

  /// The subscript method a subclass of `list` or `dict` defines, if any.
  private func subclassOverride(_ container: Value, _ name: String) -> Value? {
    Interpreter.containerSubclass(container).flatMap { Interpreter.override(in: $0, name) }
  }

  /// `x[i]` as the built-in type does it (a subclass's `super().__getitem__`).
  func builtinGetItem(_ container: Value, _ key: Value) throws -> Value {
    switch container {
    case .list(let list):
      if case .object(let slice as SliceObject) = key { return .list(ListObject(try sliced(list.items, slice))) }
      return list.items[try index(key, count: list.items.count, "list")]
    case .tuple(let items):
      if case .object(let slice as SliceObject) = key { return .tuple(try sliced(items, slice)) }
      return items[try index(key, count: items.count, "tuple")]
    case .str(let text):
      if let offset = Runtime.smallInt(key), let scalar = Interpreter.scalar(of: text, at: offset) {
        return .str(String(scalar))
      }
      let scalars = Array(text.unicodeScalars)
      if case .object(let slice as SliceObject) = key {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: try sliced(scalars, slice))
        return .str(String(result))
      }
      return .str(String(scalars[try index(key, count: scalars.count, "string")]))
    case .bytes(let data):
      if case .object(let slice as SliceObject) = key { return .bytes(try sliced(data, slice)) }
      return .int(Int(data[try index(key, count: data.count, "index")]))
    case .dict(let dict):
      if let found = dict.storage[try HashKey(key)] { return found }
      if dict.cls !== BuiltinTypes.dict, let missing = dict.cls.lookup("__missing__") {
        return try call(missing, [container, key])
      }
      throw Interpreter.keyError(key)
    case .object(let range as RangeObject):
      if case .object(let slice as SliceObject) = key {
        let (start, _, step, count) = try sliceIndices(slice, count: range.count)
        let first = range.start + start * range.step
        return .object(RangeObject(start: first, stop: first + count * step * range.step, step: step * range.step))
      }
      return .int(range.start + (try index(key, count: range.count, "range object")) * range.step)
    default:
      if let result = try callSpecial(container, "__getitem__", [key]) { return result }
      if case .object(let type as TypeObject) = container, let method = type.lookup("__class_getitem__") {
        return try call(method, [container, key])
      }
      throw Interpreter.typeError("'\(Runtime.typeName(container))' object is not subscriptable")
    }
  }

  func builtinSetItem(_ container: Value, _ key: Value, _ newValue: Value) throws {
    switch container {
    case .list(let list):
      if case .object(let slice as SliceObject) = key {
        try assignSlice(list, slice, try iterateToArray(newValue))
        return
      }
      list.items[try index(key, count: list.items.count, "list assignment")] = newValue
    case .dict(let dict):
      dict.storage[try HashKey(key)] = newValue
    default:
      if try callSpecial(container, "__setitem__", [key, newValue]) != nil { return }
      throw Interpreter.typeError("'\(Runtime.typeName(container))' object does not support item assignment")
    }
  }

  func builtinDeleteItem(_ container: Value, _ key: Value) throws {
    switch container {
    case .list(let list):
      if case .object(let slice as SliceObject) = key {
        let (start, _, step, count) = try sliceIndices(slice, count: list.items.count)
        let doomed = Set((0..<count).map { start + $0 * step })
        list.items = list.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
        return
      }
      list.items.remove(at: try index(key, count: list.items.count, "list assignment"))
    case .dict(let dict):
      guard dict.storage.removeValue(forKey: try HashKey(key)) != nil else { throw Interpreter.keyError(key) }
    default:
      if try callSpecial(container, "__delitem__", [key]) != nil { return }
      throw Interpreter.typeError("'\(Runtime.typeName(container))' object doesn't support item deletion")
    }
  }

  /// `text[offset]` without building an array of the code points: for an ASCII prefix the byte
  /// itself, else a walk from the nearer end. Nil when out of range (the caller raises).
  static func scalar(of text: String, at offset: Int) -> Unicode.Scalar? {
    if offset >= 0 {
      let byte = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt8? in
        guard offset < bytes.count else { return nil }
        for position in 0...offset where bytes[position] >= 0x80 { return nil }
        return bytes[offset]
      }
      if let byte, let ascii = byte { return Unicode.Scalar(ascii) }
    }
    let scalars = text.unicodeScalars
    let start = offset >= 0 ? scalars.startIndex : scalars.endIndex
    let limit = offset >= 0 ? scalars.endIndex : scalars.startIndex
    guard let index = scalars.index(start, offsetBy: offset, limitedBy: limit), index != scalars.endIndex else {
      return nil
    }
    return scalars[index]
  }

  /// A valid index into `count` elements; negative indexes count from the end.
  func index(_ key: Value, count: Int, _ what: String) throws -> Int {
    guard let number = Runtime.smallInt(key) else {
      if case .bigInt = key { throw Interpreter.indexError("cannot fit 'int' into an index-sized integer") }
      let kind = what == "list assignment" ? "list" : what == "index" ? "byte" : what.components(separatedBy: " ")[0]
      throw Interpreter.typeError(
        "\(kind == "string" ? "string" : kind) indices must be integers or slices, not \(Runtime.typeName(key))")
    }
    let resolved = number < 0 ? number + count : number
    guard resolved >= 0 && resolved < count else {
      throw Interpreter.indexError(what == "index" ? "index out of range" : "\(what) index out of range")
    }
    return resolved
  }

  /// start, stop, step and the number of selected elements, as `slice.indices(count)`.
  func sliceIndices(_ slice: SliceObject, count: Int) throws -> (Int, Int, Int, Int) {
    var step = 1
    if case .none = slice.step {
    } else {
      step = try sliceBound(slice.step)
      if step == 0 { throw Interpreter.valueError("slice step cannot be zero") }
    }
    func clamp(_ value: Value, _ defaultValue: Int) throws -> Int {
      if case .none = value { return defaultValue }
      var bound = try sliceBound(value)
      if bound < 0 { bound += count }
      if step > 0 { return min(max(bound, 0), count) }
      return min(max(bound, -1), count - 1)
    }
    let start = try clamp(slice.start, step > 0 ? 0 : count - 1)
    let stop = try clamp(slice.stop, step > 0 ? count : -1)
    let length: Int
    if step > 0 {
      length = start < stop ? (stop - start - 1) / step + 1 : 0
    } else {
      length = start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
    return (start, stop, step, length)
  }

  private func sliceBound(_ value: Value) throws -> Int {
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt(let box): return box.value.sign == .minus ? Int.min / 2 : Int.max / 2
    default:
      throw Interpreter.typeError("slice indices must be integers or None or have an __index__ method")
    }
  }

  func sliced<T>(_ items: [T], _ slice: SliceObject) throws -> [T] {
    let (start, _, step, count) = try sliceIndices(slice, count: items.count)
    if step == 1 { return Array(items[start..<(start + count)]) }
    var result: [T] = []
    result.reserveCapacity(count)
    var index = start
    for _ in 0..<count {
      result.append(items[index])
      index += step
    }
    return result
  }

  private func assignSlice(_ list: ListObject, _ slice: SliceObject, _ values: [Value]) throws {
    let (start, stop, step, count) = try sliceIndices(slice, count: list.items.count)
    if step == 1 {
      list.items.replaceSubrange(start..<max(start, stop), with: values)
      return
    }
    guard values.count == count else {
      throw Interpreter.valueError(
        "attempt to assign sequence of size \(values.count) to extended slice of size \(count)")
    }
    for k in 0..<count { list.items[start + k * step] = values[k] }
  }
}
