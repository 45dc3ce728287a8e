/// Assignment and deletion targets.
class Target {
  let span: Span

  init(span: Span) {
    self.span = span
  }

  func assign(_ value: Value, _ frame: Frame) throws {
    throw Interpreter.error(BuiltinTypes.runtimeError, "internal error: target without implementation")
  }

  func delete(_ frame: Frame) throws {
    throw Interpreter.error(BuiltinTypes.runtimeError, "internal error: target cannot be deleted")
  }
}

final class LocalTarget: Target {
  let slot: Int
  let name: String

  init(slot: Int, name: String, span: Span) {
    self.slot = slot
    self.name = name
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws { frame.locals[slot] = value }

  override func delete(_ frame: Frame) throws {
    guard frame.locals[slot] != nil else {
      throw Interpreter.error(
        BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value"
      )
    }
    frame.locals[slot] = nil
  }
}

final class CellTarget: Target {
  let index: Int
  let name: String

  init(index: Int, name: String, span: Span) {
    self.index = index
    self.name = name
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws { frame.cells[index].value = value }

  override func delete(_ frame: Frame) throws {
    guard frame.cells[index].value != nil else {
      throw Interpreter.nameError(
        "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    }
    frame.cells[index].value = nil
  }
}

final class GlobalTarget: Target {
  /// The module's globals, fixed when the node is compiled (the module outlives its code).
  unowned(unsafe) let table: GlobalTable
  let slot: Int
  let name: String

  init(table: GlobalTable, slot: Int, name: String, span: Span) {
    self.table = table
    self.slot = slot
    self.name = name
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws { table.values[slot] = value }

  override func delete(_ frame: Frame) throws {
    guard table.values[slot] != nil else { throw frame.interpreter.undefinedName(name, frame: frame) }
    table.values[slot] = nil
  }
}

final class NamespaceTarget: Target {
  let name: String
  let key: HashKey

  init(name: String, span: Span) {
    self.name = name
    self.key = try! HashKey(.str(name))
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws { frame.namespace?.storage[key] = value }

  override func delete(_ frame: Frame) throws {
    guard frame.namespace?.storage.removeValue(forKey: key) != nil else {
      throw Interpreter.nameError("name '\(name)' is not defined")
    }
  }
}

final class AttributeTarget: Target {
  let object: Expression
  let name: String
  private var cache = ClassAttributeCache()

  init(object: Expression, name: String, span: Span) {
    self.object = object
    self.name = name
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws {
    let receiver = try object.evaluate(frame)
    if case .object(let instance as Instance) = receiver, cache.assignmentIsPlain(instance.cls, name) {
      instance.attributes[name] = value
      return
    }
    try frame.interpreter.setAttribute(receiver, name, value)
  }

  override func delete(_ frame: Frame) throws {
    try frame.interpreter.deleteAttribute(try object.evaluate(frame), name)
  }
}

final class SubscriptTarget: Target {
  let container: Expression
  let key: Expression

  init(container: Expression, key: Expression, span: Span) {
    self.container = container
    self.key = key
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws {
    let target = try container.evaluate(frame)
    try frame.interpreter.setItem(target, try key.evaluate(frame), value)
  }

  override func delete(_ frame: Frame) throws {
    let target = try container.evaluate(frame)
    try frame.interpreter.deleteItem(target, try key.evaluate(frame))
  }
}

/// `a, *rest, b = value`.
final class UnpackTarget: Target {
  let elements: [Target]
  /// Index of the starred element, if any.
  let starIndex: Int?

  init(elements: [Target], starIndex: Int?, span: Span) {
    self.elements = elements
    self.starIndex = starIndex
    super.init(span: span)
  }

  override func assign(_ value: Value, _ frame: Frame) throws {
    let items = try frame.interpreter.iterateForUnpacking(value)
    if let star = starIndex {
      let after = elements.count - star - 1
      guard items.count >= elements.count - 1 else {
        throw Interpreter.valueError(
          "not enough values to unpack (expected at least \(elements.count - 1), got \(items.count))")
      }
      for index in 0..<star { try elements[index].assign(items[index], frame) }
      try elements[star].assign(.list(ListObject(Array(items[star..<(items.count - after)]))), frame)
      for index in 0..<after { try elements[star + 1 + index].assign(items[items.count - after + index], frame) }
      return
    }
    guard items.count == elements.count else {
      if items.count > elements.count {
        throw Interpreter.valueError("too many values to unpack (expected \(elements.count))")
      }
      throw Interpreter.valueError("not enough values to unpack (expected \(elements.count), got \(items.count))")
    }
    for (target, item) in zip(elements, items) { try target.assign(item, frame) }
  }

  override func delete(_ frame: Frame) throws {
    for element in elements { try element.delete(frame) }
  }
}

extension Interpreter {
  /// The values of the right-hand side of an unpacking assignment.
  func iterateForUnpacking(_ value: Value) throws -> [Value] {
    switch value {
    case .tuple(let items): return items
    case .list(let list) where list.cls === BuiltinTypes.list: return list.items
    default:
      do {
        return try iterateToArray(value)
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.typeError) {
        throw Interpreter.typeError("cannot unpack non-iterable \(Runtime.typeName(value)) object")
      }
    }
  }
}
