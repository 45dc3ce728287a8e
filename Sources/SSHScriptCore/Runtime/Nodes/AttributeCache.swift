/// A one-entry inline cache of a class attribute lookup (`type.lookup(name)` along the MRO),
/// kept by each attribute node: valid while the receiver's class and `TypeObject.version` are
/// the same as when it was filled, so a loop over `obj.attr` hashes the name only for the
/// instance's own attributes.
struct ClassAttributeCache {
  private var type: ObjectIdentifier?
  private var version = -1
  private var value: Value?
  private var setterHook = false

  /// The class attribute `name` of `type`, if any.
  mutating func lookup(_ type: TypeObject, _ name: String) -> Value? {
    refresh(type, name)
    return value
  }

  /// True when assigning `name` on instances of `type` needs more than storing it: a property
  /// or a `__setattr__` is involved.
  mutating func assignmentIsPlain(_ type: TypeObject, _ name: String) -> Bool {
    refresh(type, name)
    return !setterHook
  }

  private mutating func refresh(_ type: TypeObject, _ name: String) {
    let id = ObjectIdentifier(type)
    guard self.type != id || version != TypeObject.version else { return }
    self.type = id
    version = TypeObject.version
    value = type.lookup(name)
    var isProperty = false
    if case .object(let object)? = value, object is PropertyObject { isProperty = true }
    setterHook = isProperty || Interpreter.override(in: type, "__setattr__") != nil
  }
}

extension Interpreter {
  /// `instance.name` given the cached class attribute: properties first, then the instance's
  /// own attributes, then the class attribute bound to the instance. Nil means "look further"
  /// (`__getattr__`, special names), which the generic path handles.
  @inline(__always)
  func instanceAttribute(_ instance: Instance, _ receiver: Value, _ name: String, classValue: Value?) throws -> Value? {
    if let classValue {
      if case .object(let property as PropertyObject) = classValue {
        guard let getter = property.getter else { return nil }
        return try call(getter, [receiver])
      }
      if let own = instance.attributes[name] { return own }
      return bind(classValue, to: receiver, type: instance.cls)
    }
    return instance.attributes[name]
  }
}
