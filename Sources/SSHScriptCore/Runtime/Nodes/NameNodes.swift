/// Reading variables: locals by slot, cells, globals by module slot (then builtins), and
/// class-body names (namespace, then globals).

final class ConstantNode: Expression {
  let value: Value

  init(_ value: Value, span: Span) {
    self.value = value
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value { value }
}

final class LocalLoad: Expression {
  let slot: Int
  let name: String

  init(slot: Int, name: String, span: Span) {
    self.slot = slot
    self.name = name
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    if let value = frame.locals[slot] { return value }
    throw Interpreter.error(
      BuiltinTypes.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
  }
}

final class CellLoad: Expression {
  let index: Int
  let name: String

  init(index: Int, name: String, span: Span) {
    self.index = index
    self.name = name
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    if let value = frame.cells[index].value { return value }
    throw Interpreter.nameError(
      "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
  }
}

final class GlobalLoad: Expression {
  /// The module's globals, fixed when the node is compiled (the module outlives its code).
  unowned(unsafe) let table: GlobalTable
  let slot: Int
  let name: String
  /// The builtin of the same name, looked up once.
  private var builtin: Value?
  private var lookedUp = false

  init(table: GlobalTable, slot: Int, name: String, span: Span) {
    self.table = table
    self.slot = slot
    self.name = name
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    if let value = table.values[slot] { return value }
    if !lookedUp {
      builtin = try frame.interpreter.builtin(named: name, frame: frame)
      lookedUp = true
    }
    if let builtin { return builtin }
    throw frame.interpreter.undefinedName(name, frame: frame)
  }
}

/// A name read in a class body: the class namespace first, then globals and builtins.
final class NamespaceLoad: Expression {
  let name: String
  let key: HashKey
  let fallback: GlobalLoad

  init(name: String, table: GlobalTable, globalSlot: Int, span: Span) {
    self.name = name
    self.key = try! HashKey(.str(name))
    self.fallback = GlobalLoad(table: table, slot: globalSlot, name: name, span: span)
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    if let namespace = frame.namespace, let value = namespace.storage[key] { return value }
    return try fallback.evaluate(frame)
  }
}

extension Interpreter {
  /// Modules every script sees without importing them, for SSHScript 2.0 compatibility
  /// (LANGUAGE.md §8.7); imported on first use.
  static let predefinedModules: Set<String> = ["os", "sys", "glob", "threading"]

  /// A builtin, or a predefined module.
  func builtin(named name: String, frame: Frame) throws -> Value? {
    if let value = builtins[name] { return value }
    if Interpreter.predefinedModules.contains(name) { return .object(try importModule(name, from: frame)) }
    return nil
  }

  /// `NameError: name 'x' is not defined`, with a "Did you mean" hint from the visible names.
  func undefinedName(_ name: String, frame: Frame) -> ScriptException {
    let failure = Interpreter.nameError("name '\(name)' is not defined")
    failure.exception.attributes["name"] = .str(name)
    let candidates = frame.module.globals.bound.map(\.0) + Array(builtins.keys)
    failure.exception.hint = Suggestions.closest(to: name, in: candidates)
    return failure
  }
}
