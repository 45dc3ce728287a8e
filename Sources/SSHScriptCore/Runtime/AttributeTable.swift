/// The attributes of an instance, in the order they were first set, as CPython keeps them:
/// `vars(obj)`, `obj.__dict__` and reprs built from them list attributes in assignment order.
///
/// A name maps to a slot of two parallel arrays; deleting leaves an empty slot (so the other
/// slots keep their numbers), and the arrays are compacted when half of them are empty.
struct AttributeTable: Sequence {
  private var slots: [String: Int] = [:]
  private var names: [String] = []
  private var values: [Value?] = []

  var isEmpty: Bool { slots.isEmpty }
  var count: Int { slots.count }

  /// The names in assignment order.
  var keys: [String] { compactMap { $0.key } }

  subscript(name: String) -> Value? {
    get {
      guard let slot = slots[name] else { return nil }
      return values[slot]
    }
    set {
      if let slot = slots[name] {
        if let newValue {
          values[slot] = newValue
        } else {
          remove(name, at: slot)
        }
      } else if let newValue {
        slots[name] = names.count
        names.append(name)
        values.append(newValue)
      }
    }
  }

  @discardableResult
  mutating func removeValue(forKey name: String) -> Value? {
    guard let slot = slots[name] else { return nil }
    let old = values[slot]
    remove(name, at: slot)
    return old
  }

  private mutating func remove(_ name: String, at slot: Int) {
    slots[name] = nil
    values[slot] = nil
    if slots.count * 2 < names.count { compact() }
  }

  private mutating func compact() {
    var newNames: [String] = []
    var newValues: [Value?] = []
    newNames.reserveCapacity(slots.count)
    newValues.reserveCapacity(slots.count)
    for (name, value) in self {
      slots[name] = newNames.count
      newNames.append(name)
      newValues.append(value)
    }
    names = newNames
    values = newValues
  }

  func makeIterator() -> Iterator { Iterator(table: self) }

  /// (name, value) pairs in assignment order.
  struct Iterator: IteratorProtocol {
    let table: AttributeTable
    var index = 0

    init(table: AttributeTable) {
      self.table = table
    }

    mutating func next() -> (key: String, value: Value)? {
      while index < table.names.count {
        defer { index += 1 }
        if let value = table.values[index] { return (table.names[index], value) }
      }
      return nil
    }
  }
}
