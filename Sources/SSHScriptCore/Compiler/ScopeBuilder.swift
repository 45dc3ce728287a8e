/// The compiler's first pass: builds the scope tree of a module and records, for every scope,
/// which names are bound, declared `global`/`nonlocal`, or read. The second pass (`Compiler`)
/// finds each child scope again by the span of the node that made it.
struct ScopeBuilder {
  private(set) var current: Scope
  /// Hidden names of the console blocks around the code being visited, innermost last: the
  /// `$` forms inside them read the console (LANGUAGE.md §2.9). Emptied in `def` and `class`.
  private var consoles: [String] = []

  static func build(_ module: Module) -> Scope {
    var builder = ScopeBuilder(
      current: Scope(kind: .module, name: "<module>", parent: nil, span: Span(file: 0, start: 0, end: 0)))
    builder.statements(module.body)
    let root = builder.current
    ScopeBuilder.connectClassCells(root)
    return root
  }

  /// Methods that call `super()` receive their class's `__class__` cell.
  private static func connectClassCells(_ scope: Scope) {
    for child in scope.children { connectClassCells(child) }
    guard scope.usesSuper else { return }
    var chain: [Scope] = [scope]
    var ancestor = scope.parent
    while let candidate = ancestor, candidate.kind != .classBody {
      chain.append(candidate)
      ancestor = candidate.parent
    }
    guard let classScope = ancestor else { return }
    if classScope.cellIndex("__class__") == nil { classScope.addClassCell() }
    for member in chain where member.cellIndex("__class__") == nil { member.addFreeClassCell() }
  }

  private mutating func nested(_ kind: Scope.Kind, _ name: String, _ span: Span, _ body: (inout ScopeBuilder) -> Void) {
    let saved = current
    current = Scope(kind: kind, name: name, parent: saved, span: span)
    let savedConsoles = consoles
    if kind != .comprehension { consoles = [] }
    body(&self)
    consoles = savedConsoles
    current = saved
  }

  private mutating func bind(_ name: String) {
    current.bound.append(name)
  }

  // MARK: - Statements

  mutating func statements(_ list: [Stmt]) {
    for stmt in list { statement(stmt) }
  }

  mutating func statement(_ stmt: Stmt) {
    switch stmt.kind {
    case .expr(let value): expression(value)
    case .assign(let targets, let value):
      expression(value)
      for target in targets { self.target(target) }
    case .augAssign(let target, _, let value):
      expression(value)
      if case .name(let name, _) = target.kind { current.used.insert(name) }
      self.target(target)
    case .annAssign(let target, _, let value, _):
      if let value { expression(value) }
      self.target(target)
    case .return(let value): if let value { expression(value) }
    case .delete(let targets): for target in targets { self.target(target) }
    case .pass, .break, .continue: break
    case .raise(let exception, let cause):
      if let exception { expression(exception) }
      if let cause { expression(cause) }
    case .global(let names): current.globals.formUnion(names)
    case .nonlocal(let names): current.nonlocals.formUnion(names)
    case .assert(let test, let message):
      expression(test)
      if let message { expression(message) }
    case .import(let aliases):
      for alias in aliases { bind(alias.asName ?? String(alias.name.split(separator: ".")[0])) }
    case .importFrom(_, let aliases, _):
      for alias in aliases where alias.name != "*" { bind(alias.asName ?? alias.name) }
    case .if(let test, let body, let orelse), .while(let test, let body, let orelse):
      expression(test)
      statements(body)
      statements(orelse)
    case .for(let target, let iterable, let body, let orelse):
      expression(iterable)
      self.target(target)
      statements(body)
      statements(orelse)
    case .with(let items, let body):
      for item in items {
        expression(item.context)
        if let target = item.target { self.target(target) }
      }
      if Compiler.isConsoleCall(items) {
        let hidden = Compiler.consoleName(stmt.span)
        bind(hidden)
        consoles.append(hidden)
        statements(body)
        consoles.removeLast()
      } else {
        statements(body)
      }
    case .consoleWith(let console):
      if let header = console.header { expression(header) }
      if let name = console.name { bind(name) }
      if let outer = consoles.last { current.used.insert(outer) }
      let hidden = Compiler.consoleName(stmt.span)
      bind(hidden)
      consoles.append(hidden)
      statements(console.body)
      consoles.removeLast()
    case .try(let body, let handlers, let orelse, let finalbody, _):
      statements(body)
      for handler in handlers {
        if let type = handler.type { expression(type) }
        if let name = handler.name { bind(name) }
        statements(handler.body)
      }
      statements(orelse)
      statements(finalbody)
    case .functionDef(let def):
      for decorator in def.decorators { expression(decorator) }
      defaults(def.arguments)
      bind(def.name)
      function(def.name, def.arguments, body: def.body, expression: nil, span: stmt.span)
    case .classDef(let def):
      for decorator in def.decorators { expression(decorator) }
      for base in def.bases { expression(base) }
      for keyword in def.keywords { expression(keyword.value) }
      bind(def.name)
      nested(.classBody, def.name, stmt.span) { builder in builder.statements(def.body) }
    }
  }

  private mutating func defaults(_ arguments: Arguments) {
    for value in arguments.defaults { expression(value) }
    for value in arguments.keywordDefaults.compactMap({ $0 }) { expression(value) }
  }

  private mutating func function(
    _ name: String, _ arguments: Arguments, body: [Stmt], expression value: Expr?, span: Span
  ) {
    nested(.function, name, span) { builder in
      let parameters =
        (arguments.positionalOnly + arguments.positional + arguments.keywordOnly).map(\.name)
        + [arguments.varArg, arguments.kwArg].compactMap { $0?.name }
      builder.current.parameters = parameters
      for parameter in parameters { builder.bind(parameter) }
      builder.statements(body)
      if let value { builder.expression(value) }
    }
  }

  /// A binding target: names are bound, the parts of attribute and subscript targets are read.
  private mutating func target(_ target: Expr) {
    switch target.kind {
    case .name(let name, _): bind(name)
    case .tuple(let items, _), .list(let items, _): for item in items { self.target(item) }
    case .starred(let inner, _): self.target(inner)
    case .attribute(let value, _, _): expression(value)
    case .subscript(let value, let index, _):
      expression(value)
      expression(index)
    default: expression(target)
    }
  }

  // MARK: - Expressions

  mutating func expression(_ expr: Expr) {
    switch expr.kind {
    case .name(let name, _):
      current.used.insert(name)
      if name == "super" { current.usesSuper = true }
    case .constant: break
    case .dollarAttr: if let console = consoles.last { current.used.insert(console) }
    case .joinedStr(let parts): stringParts(parts)
    case .boolOp(_, let values): for value in values { expression(value) }
    case .namedExpr(let target, let value):
      expression(value)
      guard case .name(let name, _) = target.kind else { return }
      // PEP 572: the target belongs to the nearest enclosing non-comprehension scope.
      var scope = current
      while scope.kind == .comprehension, let parent = scope.parent {
        scope.nonlocals.insert(name)
        scope = parent
      }
      scope.bound.append(name)
      if scope.kind == .module, current.kind == .comprehension {
        var inner: Scope? = current
        while let comprehension = inner, comprehension.kind == .comprehension {
          comprehension.nonlocals.remove(name)
          comprehension.globals.insert(name)
          inner = comprehension.parent
        }
      }
    case .binOp(let left, _, let right):
      expression(left)
      expression(right)
    case .unaryOp(_, let operand): expression(operand)
    case .lambda(let arguments, let body):
      defaults(arguments)
      function("<lambda>", arguments, body: [], expression: body, span: expr.span)
    case .ifExp(let test, let body, let orelse):
      expression(test)
      expression(body)
      expression(orelse)
    case .dict(let keys, let values):
      for key in keys.compactMap({ $0 }) { expression(key) }
      for value in values { expression(value) }
    case .set(let items), .list(let items, _), .tuple(let items, _): for item in items { expression(item) }
    case .listComp(let element, let clauses), .setComp(let element, let clauses),
      .generatorExp(let element, let clauses):
      comprehension(clauses, [element], expr.span)
    case .dictComp(let key, let value, let clauses): comprehension(clauses, [key, value], expr.span)
    case .yield(let value):
      current.containsYield = true
      if let value { expression(value) }
    case .yieldFrom(let value):
      current.containsYield = true
      expression(value)
    case .compare(let left, _, let comparators):
      expression(left)
      for comparator in comparators { expression(comparator) }
    case .call(let function, let args, let keywords):
      expression(function)
      for arg in args { expression(arg) }
      for keyword in keywords { expression(keyword.value) }
    case .attribute(let value, _, _): expression(value)
    case .subscript(let value, let index, _):
      expression(value)
      expression(index)
    case .starred(let value, _): expression(value)
    case .slice(let lower, let upper, let step):
      for part in [lower, upper, step].compactMap({ $0 }) { expression(part) }
    case .command(let command):
      if let console = consoles.last { current.used.insert(console) }
      stringParts(command.template)
      if let value = command.expression { expression(value) }
      for keyword in command.keywords { expression(keyword.value) }
    }
  }

  private mutating func stringParts(_ parts: [StringPart]) {
    for part in parts {
      guard case .field(let field) = part else { continue }
      expression(field.value)
      if let spec = field.formatSpec { stringParts(spec) }
    }
  }

  /// The first iterable is evaluated outside the comprehension; the rest inside.
  private mutating func comprehension(_ clauses: [Comprehension], _ elements: [Expr], _ span: Span) {
    guard let first = clauses.first else { return }
    expression(first.iterable)
    nested(.comprehension, "<comprehension>", span) { builder in
      for (position, clause) in clauses.enumerated() {
        if position > 0 { builder.expression(clause.iterable) }
        builder.target(clause.target)
        for condition in clause.ifs { builder.expression(condition) }
      }
      for element in elements { builder.expression(element) }
    }
  }
}
