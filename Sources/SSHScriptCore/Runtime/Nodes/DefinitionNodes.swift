/// `def`, `lambda`, `class` and imports.

/// Makes a function object: evaluates the defaults now (once) and captures the cells of the
/// enclosing frame that the function uses.
final class MakeFunctionNode: Expression {
  let code: FunctionCode
  let defaults: [Expression]
  let keywordDefaults: [Expression?]
  /// For each free variable of the function, its cell index in the defining frame.
  let closureCells: [Int]

  init(code: FunctionCode, defaults: [Expression], keywordDefaults: [Expression?], closureCells: [Int], span: Span) {
    self.code = code
    self.defaults = defaults
    self.keywordDefaults = keywordDefaults
    self.closureCells = closureCells
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let function = FunctionObject(
      code: code, defaults: try defaults.map { try $0.evaluate(frame) },
      keywordDefaults: try keywordDefaults.map { try $0?.evaluate(frame) },
      closure: closureCells.map { frame.cells[$0] },
      module: frame.module, qualifiedName: code.qualifiedName)
    if let doc = code.docstring { function.attributes["__doc__"] = .str(doc) }
    if let outer = frame.code, outer.name != "<module>" {
      function.definingFrame = frame
      function.isNested = true
    }
    return .object(function)
  }
}

/// `@decorators def name(...)` / `class name(...)`: the value, decorated, stored in the target.
final class DefinitionStatement: Statement {
  let value: Expression
  let decorators: [Expression]
  let target: Target

  init(value: Expression, decorators: [Expression], target: Target, span: Span) {
    self.value = value
    self.decorators = decorators
    self.target = target
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let decoratorValues = try decorators.map { try $0.evaluate(frame) }
    var result = try value.evaluate(frame)
    for decorator in decoratorValues.reversed() { result = try frame.interpreter.call(decorator, [result]) }
    try target.assign(result, frame)
    return .normal
  }
}

/// Runs a class body in a namespace and makes the class.
final class MakeClassNode: Expression {
  let name: String
  let qualifiedName: String
  let bases: [Expression]
  let body: Block
  let slotCount: Int
  let ownCellCount: Int
  let classCellIndex: Int?
  let closureCells: [Int]
  let docstring: String?

  init(
    name: String, qualifiedName: String, bases: [Expression], body: Block, slotCount: Int, ownCellCount: Int,
    classCellIndex: Int?, closureCells: [Int], docstring: String?, span: Span
  ) {
    self.name = name
    self.qualifiedName = qualifiedName
    self.bases = bases
    self.body = body
    self.slotCount = slotCount
    self.ownCellCount = ownCellCount
    self.classCellIndex = classCellIndex
    self.closureCells = closureCells
    self.docstring = docstring
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let interpreter = frame.interpreter
    var baseTypes: [TypeObject] = []
    for node in bases {
      guard case .object(let type as TypeObject) = try node.evaluate(frame) else {
        throw Interpreter.typeError("bases must be types")
      }
      if type.layout == .fixed && type !== BuiltinTypes.object {
        throw Interpreter.unsupported("subclassing the built-in type '\(type.name)'")
      }
      baseTypes.append(type)
    }
    if baseTypes.isEmpty { baseTypes = [BuiltinTypes.object] }
    let namespace = DictObject()
    namespace.storage[try HashKey(.str("__module__"))] = .str(frame.module.name)
    namespace.storage[try HashKey(.str("__qualname__"))] = .str(qualifiedName)
    if let docstring { namespace.storage[try HashKey(.str("__doc__"))] = .str(docstring) }
    let classFrame = Frame(
      slotCount: slotCount, cells: (0..<ownCellCount).map { _ in Cell() } + closureCells.map { frame.cells[$0] },
      module: frame.module, interpreter: interpreter, namespace: namespace, line: span)
    interpreter.callDepth += 1
    defer { interpreter.callDepth -= 1 }
    do {
      _ = try body.run(classFrame)
    } catch let failure as ScriptException {
      failure.exception.record(classFrame, name: name)
      throw failure
    }
    let type = try interpreter.makeClass(
      name, bases: baseTypes, namespace: namespace, moduleName: frame.module.name,
      beforeInit: { type in
        if let classCellIndex { classFrame.cells[classCellIndex].value = .object(type) }
      })
    return .object(type)
  }
}

extension Interpreter {
  /// Makes a class from its namespace, for `class` statements and `type(name, bases, dict)`:
  /// computes the MRO, makes a class with `__eq__` but no `__hash__` unhashable, and runs the
  /// base's `__init_subclass__` (after `beforeInit`, which fills the `__class__` cell).
  func makeClass(
    _ name: String, bases: [TypeObject], namespace: DictObject, moduleName: String,
    beforeInit: (TypeObject) -> Void = { _ in }
  ) throws -> TypeObject {
    var attributes: [String: Value] = [:]
    for (key, value) in namespace.storage {
      if case .str(let attribute) = key.value { attributes[attribute] = value }
    }
    if attributes["__eq__"] != nil && attributes["__hash__"] == nil { attributes["__hash__"] = Value.none }
    let layout = bases.map(\.layout).first { $0 != .object } ?? .object
    // The body may set `__module__` (as library classes do to name their home module).
    var moduleName = moduleName
    if case .str(let assigned)? = attributes["__module__"] { moduleName = assigned }
    let type = TypeObject(name: name, bases: bases, dict: attributes, layout: layout, moduleName: moduleName)
    type.namesModuleInMessages = ModuleRegistry.cModuleStandIns.contains(moduleName)
    guard type.computeMRO() else {
      throw Interpreter.typeError(
        "Cannot create a consistent method resolution order (MRO) for bases \(bases.map(\.name).joined(separator: ", "))"
      )
    }
    beforeInit(type)
    if let initSubclass = bases.first?.lookup("__init_subclass__"), case .object(let f) = initSubclass,
      f is FunctionObject
    {
      _ = try call(initSubclass, [.object(type)])
    }
    return type
  }
}

/// `import a.b.c [as d]`.
final class ImportStatement: Statement {
  let module: String
  let target: Target
  /// With `as`, the target receives the last module; without, the first component.
  let bindsLast: Bool

  init(module: String, target: Target, bindsLast: Bool, span: Span) {
    self.module = module
    self.target = target
    self.bindsLast = bindsLast
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    let components = module.split(separator: ".").map(String.init)
    var first: ModuleObject?
    var last: ModuleObject?
    for index in components.indices {
      let name = components[0...index].joined(separator: ".")
      let loaded = try interpreter.importModule(name, from: frame)
      if first == nil { first = loaded }
      last = loaded
    }
    try target.assign(.object(bindsLast ? last! : first!), frame)
    return .normal
  }
}

/// `from module import a, b as c` and `from module import *`.
final class ImportFromStatement: Statement {
  let module: String
  let level: Int
  let names: [(name: String, target: Target)]
  let star: Bool

  init(module: String, level: Int, names: [(name: String, target: Target)], star: Bool, span: Span) {
    self.module = module
    self.level = level
    self.names = names
    self.star = star
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    if level > 0 { throw Interpreter.error(BuiltinTypes.importError, "relative imports are not supported by sshs") }
    let loaded = try interpreter.importModule(module, from: frame)
    if star {
      // The names in the module's `__all__` when it has one, else every name without a leading underscore.
      if let all = loaded.globals["__all__"] {
        for entry in try interpreter.iterateToArray(all) {
          guard case .str(let name) = entry else {
            throw Interpreter.typeError(
              "Item in \(module).__all__ must be str, not \(Runtime.typeName(entry))")
          }
          guard let value = loaded.globals[name] else {
            throw Interpreter.attributeError("module '\(module)' has no attribute '\(name)'")
          }
          frame.module.globals[name] = value
        }
        return .normal
      }
      for (name, value) in loaded.globals.bound where !name.hasPrefix("_") { frame.module.globals[name] = value }
      return .normal
    }
    for (name, target) in names {
      if let value = loaded.globals[name] {
        try target.assign(value, frame)
      } else if let submodule = try? interpreter.importModule(module + "." + name, from: frame) {
        try target.assign(.object(submodule), frame)
      } else {
        let failure = Interpreter.error(
          BuiltinTypes.importError,
          "cannot import name '\(name)' from '\(module)'"
            + (MissingModuleNames.pythonHas(module: module, member: name) ? " (not available in sshs)" : ""))
        throw failure
      }
    }
    return .normal
  }
}
