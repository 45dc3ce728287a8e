/// Calls, attribute access and subscripts.

/// One argument as written: plain, `*iterable`, `name=value` or `**mapping`.
enum ArgumentNode {
  case positional(Expression)
  case star(Expression)
  case keyword(String, Expression)
  case doubleStar(Expression)
}

extension Interpreter {
  /// Evaluates arguments as written into positional and keyword lists.
  func evaluateArguments(_ nodes: [ArgumentNode], _ frame: Frame, callee: () -> String) throws -> CallArguments {
    var arguments = CallArguments([])
    arguments.positional.reserveCapacity(nodes.count)
    for node in nodes {
      switch node {
      case .positional(let expression): arguments.positional.append(try expression.evaluate(frame))
      case .star(let expression):
        let value = try expression.evaluate(frame)
        do {
          arguments.positional.append(contentsOf: try iterateToArray(value))
        } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.typeError) {
          throw Interpreter.typeError(
            "\(callee()) argument after * must be an iterable, not \(Runtime.typeName(value))")
        }
      case .keyword(let name, let expression):
        arguments.keywords.append((name, try expression.evaluate(frame)))
      case .doubleStar(let expression):
        let value = try expression.evaluate(frame)
        guard case .dict(let dict) = value else {
          throw Interpreter.typeError("\(callee()) argument after ** must be a mapping, not \(Runtime.typeName(value))")
        }
        for (key, item) in dict.storage {
          guard case .str(let name) = key.value else { throw Interpreter.typeError("keywords must be strings") }
          if arguments.keywords.contains(where: { $0.name == name }) {
            throw Interpreter.typeError("\(callee()) got multiple values for keyword argument '\(name)'")
          }
          arguments.keywords.append((name, item))
        }
      }
    }
    return arguments
  }

  /// "f()" for messages about a call.
  func calleeName(_ value: Value) -> String {
    switch value {
    case .object(let function as FunctionObject): return function.qualifiedName + "()"
    case .object(let function as BuiltinFunction): return function.name + "()"
    case .object(let type as TypeObject): return type.name + "()"
    default: return Runtime.typeName(value) + " object"
    }
  }
}

extension Interpreter {
  /// The common call: a script function given exactly its positional parameters (the
  /// receiver first for a method), nothing else to bind. The arguments are evaluated straight
  /// into the new frame's slots. Nil when the call needs the general path.
  @inline(__always)
  func callDirectly(_ function: FunctionObject, receiver: Value?, _ arguments: [Expression], _ frame: Frame) throws
    -> Value?
  {
    let code = function.code
    let offset = receiver == nil ? 0 : 1
    guard code.isSimple, function.closure.isEmpty, code.ownCellCount == 0,
      code.positionalCount == arguments.count + offset
    else { return nil }
    let callFrame = Frame(
      slotCount: code.slotCount, cells: [], module: function.module, interpreter: self, line: code.span)
    if function.isNested { callFrame.enclosing = function.definingFrame }
    if let receiver { callFrame.locals[0] = receiver }
    for index in 0..<arguments.count { callFrame.locals[index + offset] = try arguments[index].evaluate(frame) }
    return try run(code, in: callFrame)
  }
}

final class CallNode: Expression {
  let function: Expression
  let arguments: [ArgumentNode]
  /// All arguments plain positional: evaluated straight into an array.
  private let simple: [Expression]?

  init(function: Expression, arguments: [ArgumentNode], span: Span) {
    self.function = function
    self.arguments = arguments
    let plain = arguments.compactMap { argument -> Expression? in
      if case .positional(let expression) = argument { return expression }
      return nil
    }
    self.simple = plain.count == arguments.count ? plain : nil
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let callee = try function.evaluate(frame)
    let interpreter = frame.interpreter
    if let simple, case .object(let object) = callee, let target = object as? FunctionObject,
      let result = try interpreter.callDirectly(target, receiver: nil, simple, frame)
    {
      return result
    }
    var arguments: CallArguments
    if let simple {
      var values: [Value] = []
      values.reserveCapacity(simple.count)
      for node in simple { values.append(try node.evaluate(frame)) }
      arguments = CallArguments(values)
    } else {
      arguments = try interpreter.evaluateArguments(self.arguments, frame) { interpreter.calleeName(callee) }
    }
    return try interpreter.call(callee, &arguments)
  }
}

/// `obj.name(args)`: a method found on the class is called without making a bound method.
final class MethodCallNode: Expression {
  let object: Expression
  let name: String
  let arguments: [ArgumentNode]

  /// The arguments when all are plain positional ones.
  private let plainArguments: [Expression]?

  init(object: Expression, name: String, arguments: [ArgumentNode], span: Span) {
    self.object = object
    self.name = name
    self.arguments = arguments
    let plain = arguments.compactMap { argument -> Expression? in
      if case .positional(let expression) = argument { return expression }
      return nil
    }
    self.plainArguments = plain.count == arguments.count ? plain : nil
    super.init(span: span)
  }

  /// The last class seen and its method (nil: not a plain method), valid while
  /// `TypeObject.version` is unchanged.
  private var cachedType: ObjectIdentifier?
  private var cachedVersion = -1
  private var cachedMethod: Value?

  private func method(of type: TypeObject) -> Value? {
    let id = ObjectIdentifier(type)
    if cachedType == id && cachedVersion == TypeObject.version { return cachedMethod }
    let found = type.lookup(name)
    cachedMethod = found.flatMap { isPlainFunction($0) ? $0 : nil }
    cachedType = id
    cachedVersion = TypeObject.version
    return cachedMethod
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let receiver = try object.evaluate(frame)
    let interpreter = frame.interpreter
    let type = Runtime.type(of: receiver)
    // Plain methods of the class, unless the instance has its own attribute of that name.
    if let method = method(of: type), !hasOwnAttribute(receiver) {
      if case .object(let function as FunctionObject) = method, let plain = plainArguments,
        let result = try interpreter.callDirectly(function, receiver: receiver, plain, frame)
      {
        return result
      }
      var arguments: CallArguments
      if let plain = plainArguments {
        // The receiver goes first: built-in methods take it from there.
        var values: [Value] = []
        values.reserveCapacity(plain.count + 1)
        values.append(receiver)
        for node in plain { values.append(try node.evaluate(frame)) }
        arguments = CallArguments(values)
      } else {
        arguments = try interpreter.evaluateArguments(self.arguments, frame) { "\(name)()" }
        arguments.positional.insert(receiver, at: 0)
      }
      return try interpreter.call(method, &arguments)
    }
    let callee = try interpreter.getAttribute(receiver, name)
    var arguments = try interpreter.evaluateArguments(self.arguments, frame) { interpreter.calleeName(callee) }
    return try interpreter.call(callee, &arguments)
  }

  private func isPlainFunction(_ value: Value) -> Bool {
    guard case .object(let object) = value else { return false }
    return object is FunctionObject || object is BuiltinFunction
  }

  private func hasOwnAttribute(_ receiver: Value) -> Bool {
    switch receiver {
    case .object(let instance as Instance): return instance.attributes[name] != nil
    case .object(is TypeObject), .object(is ModuleObject), .object(is SuperObject): return true
    default: return false
    }
  }
}

final class AttributeNode: Expression {
  let object: Expression
  let name: String
  private var cache = ClassAttributeCache()

  init(object: Expression, name: String, span: Span) {
    self.object = object
    self.name = name
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let receiver = try object.evaluate(frame)
    if case .object(let instance as Instance) = receiver,
      let found = try frame.interpreter.instanceAttribute(
        instance, receiver, name, classValue: cache.lookup(instance.cls, name))
    {
      return found
    }
    return try frame.interpreter.getAttribute(receiver, name)
  }
}

final class SubscriptNode: Expression {
  let container: Expression
  let key: Expression

  init(container: Expression, key: Expression, span: Span) {
    self.container = container
    self.key = key
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let target = try container.evaluate(frame)
    let index = try key.evaluate(frame)
    if case .list(let list) = target, case .int(let position) = index, list.cls === BuiltinTypes.list {
      let resolved = position < 0 ? position + list.items.count : position
      if resolved >= 0 && resolved < list.items.count { return list.items[resolved] }
    }
    return try frame.interpreter.getItem(target, index)
  }
}

final class SliceNode: Expression {
  let lower: Expression?
  let upper: Expression?
  let step: Expression?

  init(lower: Expression?, upper: Expression?, step: Expression?, span: Span) {
    self.lower = lower
    self.upper = upper
    self.step = step
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    .object(
      SliceObject(
        start: try lower?.evaluate(frame) ?? .none, stop: try upper?.evaluate(frame) ?? .none,
        step: try step?.evaluate(frame) ?? .none))
  }
}

/// `super()` in a method: the `__class__` cell and the first argument.
final class SuperNode: Expression {
  let classCell: Int
  let firstArgumentSlot: Int?

  init(classCell: Int, firstArgumentSlot: Int?, span: Span) {
    self.classCell = classCell
    self.firstArgumentSlot = firstArgumentSlot
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    guard case .object(let type as TypeObject)? = frame.cells[classCell].value else {
      throw Interpreter.error(BuiltinTypes.runtimeError, "super(): __class__ cell not found")
    }
    guard let slot = firstArgumentSlot, let receiver = frame.locals[slot] else {
      throw Interpreter.error(BuiltinTypes.runtimeError, "super(): no arguments")
    }
    return .object(SuperObject(cls: type, receiver: receiver))
  }
}

/// `globals()` and `locals()`: the names of the module, or of the running function or class
/// body, as a new dict (a snapshot: assigning into it does not create variables).
final class NamespaceSnapshotNode: Expression {
  /// Local slots and cells with their names; both empty for `globals()` and module code.
  let slots: [(name: String, slot: Int)]
  let cells: [(name: String, index: Int)]
  let isGlobals: Bool

  init(slots: [(name: String, slot: Int)], cells: [(name: String, index: Int)], isGlobals: Bool, span: Span) {
    self.slots = slots
    self.cells = cells
    self.isGlobals = isGlobals
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let result = DictObject()
    if !isGlobals, let namespace = frame.namespace {
      result.storage = namespace.storage
      return .dict(result)
    }
    if isGlobals {
      for (name, value) in frame.module.globals.bound { result.storage[try HashKey(.str(name))] = value }
      return .dict(result)
    }
    for (name, slot) in slots {
      if let value = frame.locals[slot] { result.storage[try HashKey(.str(name))] = value }
    }
    for (name, index) in cells {
      if let value = frame.cells[index].value { result.storage[try HashKey(.str(name))] = value }
    }
    return .dict(result)
  }
}

/// `dir()` without an argument: the sorted names of `locals()`.
final class SortedKeysNode: Expression {
  let namespace: Expression

  init(_ namespace: Expression, span: Span) {
    self.namespace = namespace
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    guard case .dict(let names) = try namespace.evaluate(frame) else { return .list(ListObject([])) }
    let sorted = names.storage.keys.compactMap { key -> String? in
      if case .str(let name) = key.value { return name }
      return nil
    }.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
    return .list(ListObject(sorted.map { .str($0) }))
  }
}
