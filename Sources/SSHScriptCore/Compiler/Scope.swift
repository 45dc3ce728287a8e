import OrderedCollections

/// One scope of a program — the module, a function (or lambda), a class body or a
/// comprehension — with what the compiler needs to give every name a place (LANGUAGE.md §8.1:
/// Python's scoping rules).
final class Scope {
  enum Kind {
    case module
    case function
    case classBody
    case comprehension
  }

  /// Where a name lives, as seen from one scope.
  enum Place: Equatable {
    case local(Int)
    case cell(Int)
    case global
    /// A name assigned in a class body: the class namespace, else a global.
    case namespace
  }

  let kind: Kind
  let name: String
  weak var parent: Scope?
  var children: [Scope] = []
  /// Child scopes by the span of the node that makes them (def, class, lambda, comprehension).
  var childrenBySpan: [Span: Scope] = [:]
  /// Names bound here (parameters first, in order).
  var bound = OrderedSet<String>()
  var parameters: [String] = []
  var globals = Set<String>()
  var nonlocals = Set<String>()
  var used = Set<String>()
  /// A method whose body calls `super()`: it needs the `__class__` cell of its class.
  var usesSuper = false
  var containsYield = false

  // Filled by `resolve()`.
  private(set) var slots: [String: Int] = [:]
  private(set) var slotNames: [String] = []
  /// Own cells (captured by inner scopes), then free variables (received from outer ones).
  private(set) var cellVariables = OrderedSet<String>()
  private(set) var freeVariables = OrderedSet<String>()

  init(kind: Kind, name: String, parent: Scope?, span: Span) {
    self.kind = kind
    self.name = name
    self.parent = parent
    parent?.children.append(self)
    parent?.childrenBySpan[span] = self
  }

  var isFunctionLike: Bool { kind == .function || kind == .comprehension }

  func cellIndex(_ name: String) -> Int? {
    if let own = cellVariables.firstIndex(of: name) { return own }
    if let free = freeVariables.firstIndex(of: name) { return cellVariables.count + free }
    return nil
  }

  /// Where `name` lives when used in this scope.
  func place(of name: String) -> Place {
    if let cell = cellIndex(name), !(kind == .classBody && bound.contains(name) && !freeVariables.contains(name)) {
      return .cell(cell)
    }
    if let slot = slots[name] { return .local(slot) }
    if kind == .classBody && bound.contains(name) && !globals.contains(name) { return .namespace }
    return .global
  }

  // MARK: - Resolution

  /// Decides locals, cells and free variables for this scope and everything inside it.
  /// Throws the message of a syntax error (for `nonlocal` without a binding).
  func resolve() throws(ScopeError) {
    if isFunctionLike {
      for name in parameters where slots[name] == nil { addSlot(name) }
      for name in bound where !globals.contains(name) && !nonlocals.contains(name) && slots[name] == nil {
        addSlot(name)
      }
    }
    for name in nonlocals {
      guard let owner = enclosingBinding(of: name) else {
        throw ScopeError(message: "no binding for nonlocal '\(name)' found", name: name)
      }
      capture(name, from: owner)
    }
    for child in children { try child.resolve() }
    // Names used here but bound in an enclosing function become free variables.
    for name in used.union(kind == .classBody ? [] : Set(bound)) where isFree(name) {
      if let owner = enclosingBinding(of: name) { capture(name, from: owner) }
    }
  }

  private func addSlot(_ name: String) {
    slots[name] = slotNames.count
    slotNames.append(name)
  }

  var localNames: [String] { slotNames }
  /// Own cells and free variables, in cell order.
  var cellNames: [String] { Array(cellVariables) + Array(freeVariables) }

  private func isFree(_ name: String) -> Bool {
    if globals.contains(name) { return false }
    if kind == .module { return false }
    if isFunctionLike && bound.contains(name) && !nonlocals.contains(name) { return false }
    if kind == .classBody && bound.contains(name) { return false }
    return true
  }

  /// The nearest enclosing function-like scope (class bodies are skipped) that binds `name`.
  private func enclosingBinding(of name: String) -> Scope? {
    var scope = parent
    while let current = scope {
      if current.kind == .module { return nil }
      if current.isFunctionLike, current.bound.contains(name), !current.globals.contains(name),
        !current.nonlocals.contains(name)
      {
        return current
      }
      if current.isFunctionLike, current.nonlocals.contains(name), let owner = current.enclosingBinding(of: name) {
        return owner
      }
      if current.isFunctionLike, current.globals.contains(name) { return nil }
      scope = current.parent
    }
    return nil
  }

  /// Makes `name` a cell of `owner` and a free variable of every scope from here up to it.
  private func capture(_ name: String, from owner: Scope) {
    owner.cellVariables.append(name)
    var scope: Scope? = self
    while let current = scope, current !== owner {
      current.freeVariables.append(name)
      scope = current.parent
    }
  }

  /// Requests the implicit `__class__` cell (for `super()` in methods).
  func addClassCell() {
    cellVariables.append("__class__")
  }

  func addFreeClassCell() {
    freeVariables.append("__class__")
  }
}

struct ScopeError: Error {
  var message: String
  var name: String
}
