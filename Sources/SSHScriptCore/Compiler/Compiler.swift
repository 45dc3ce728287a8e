/// The compiler's second pass: turns the syntax tree of a module into executable nodes, with
/// every name resolved to a local slot, a cell, a global slot or a class namespace entry.
///
/// Spans are rebased onto the interpreter's source table (`fileBase`), so tracebacks can name
/// the file of every node, included and imported files too.
struct Compiler {
  let module: ModuleObject
  let fileBase: UInt32
  private var scope: Scope
  /// Qualified-name prefix of the scope being compiled (`Class.method.<locals>.`).
  private var qualifiedPrefix = ""
  /// Hidden names of the enclosing console blocks, innermost last (LANGUAGE.md §2.9); emptied
  /// in `def`, `class` and `lambda` bodies, whose `$` lines run on the session again.
  var consoles: [String] = []

  /// Compiles a parsed program's main module into a code object for the module body.
  static func compile(_ program: Program, module: ModuleObject, fileBase: UInt32) throws -> FunctionCode {
    let root = ScopeBuilder.build(program.module)
    do {
      try root.resolve()
    } catch {
      throw Interpreter.error(BuiltinTypes.syntaxError, error.message)
    }
    var compiler = Compiler(module: module, fileBase: fileBase, scope: root)
    let body = try compiler.block(program.module.body)
    let span = program.module.body.first.map { compiler.span($0.span) } ?? Span(file: fileBase, start: 0, end: 0)
    let code = FunctionCode(
      name: "<module>", qualifiedName: "<module>", parameterNames: [], positionalCount: 0, positionalOnlyCount: 0,
      keywordOnlyCount: 0, hasVarArgs: false, hasVarKeywords: false, slotCount: 0, ownCellCount: 0,
      parameterCells: [], localNames: [], isGenerator: false, span: span)
    code.body = body
    return code
  }

  func span(_ span: Span) -> Span {
    Span(file: span.file + fileBase, start: Int(span.start), end: Int(span.end))
  }

  // MARK: - Scopes

  /// Enters the child scope made by the node at `span` (syntax spans, before rebasing).
  private mutating func enterChild(_ span: Span) throws -> Scope {
    guard let child = scope.childrenBySpan[span] else {
      throw Interpreter.error(BuiltinTypes.systemError, "internal error: no scope for a definition")
    }
    scope = child
    return child
  }

  private mutating func leaveChild() {
    scope = scope.parent!
  }

  // MARK: - Names

  func scopePlace(_ name: String) -> Scope.Place { scope.place(of: name) }

  /// The slot of the current function's first parameter (`self` in a method).
  func firstParameterSlot() -> Int? {
    scope.parameters.first.flatMap { scope.place(of: $0) == .local(0) ? 0 : nil }
  }

  /// `globals()` / `locals()`: what the running scope can see, by slot and cell.
  func namespaceSnapshot(isGlobals: Bool, _ at: Span) -> Expression {
    guard !isGlobals, scope.isFunctionLike else {
      // At module level, locals() is globals(); in a class body, the class namespace.
      return NamespaceSnapshotNode(slots: [], cells: [], isGlobals: isGlobals || scope.kind == .module, span: at)
    }
    let slots = scope.localNames.compactMap { name -> (name: String, slot: Int)? in
      if case .local(let slot) = scopePlace(name), !name.hasPrefix("$") { return (name, slot) }
      return nil
    }
    let cells = (scope.cellNames).compactMap { name in scope.cellIndex(name).map { (name: name, index: $0) } }
    return NamespaceSnapshotNode(slots: slots, cells: cells, isGlobals: false, span: at)
  }

  func load(_ name: String, _ span: Span) -> Expression {
    switch scope.place(of: name) {
    case .local(let slot): return LocalLoad(slot: slot, name: name, span: span)
    case .cell(let index): return CellLoad(index: index, name: name, span: span)
    case .global: return GlobalLoad(table: module.globals, slot: module.globals.slot(name), name: name, span: span)
    case .namespace:
      return NamespaceLoad(name: name, table: module.globals, globalSlot: module.globals.slot(name), span: span)
    }
  }

  func store(_ name: String, _ span: Span) -> Target {
    switch scope.place(of: name) {
    case .local(let slot): return LocalTarget(slot: slot, name: name, span: span)
    case .cell(let index): return CellTarget(index: index, name: name, span: span)
    case .global: return GlobalTarget(table: module.globals, slot: module.globals.slot(name), name: name, span: span)
    case .namespace: return NamespaceTarget(name: name, span: span)
    }
  }

  // MARK: - Statements

  mutating func block(_ statements: [Stmt]) throws -> Block {
    var nodes: [Statement] = []
    nodes.reserveCapacity(statements.count)
    for stmt in statements {
      if let node = try statement(stmt) { nodes.append(node) }
    }
    return Block(statements: nodes)
  }

  mutating func statement(_ stmt: Stmt) throws -> Statement? {
    let at = span(stmt.span)
    switch stmt.kind {
    case .expr(let value):
      return ExpressionStatement(try expression(value), span: at)
    case .assign(let targets, let value):
      let valueNode = try expression(value)
      if targets.count == 1, case .name(let name, _) = targets[0].kind, case .local(let slot) = scope.place(of: name) {
        return LocalAssignStatement(slot: slot, value: valueNode, span: at)
      }
      return AssignStatement(targets: try targets.map { try target($0) }, value: valueNode, span: at)
    case .augAssign(let target, let op, let value):
      let place: AugmentedAssignStatement.Place
      switch target.kind {
      case .name(let name, _):
        place = .name(read: load(name, span(target.span)), write: store(name, span(target.span)))
      case .attribute(let object, let name, _):
        place = .attribute(object: try expression(object), name: name)
      case .subscript(let container, let key, _):
        place = .subscript(container: try expression(container), key: try expression(key))
      default:
        throw Interpreter.error(BuiltinTypes.syntaxError, "illegal expression for augmented assignment")
      }
      return AugmentedAssignStatement(place: place, op: op, value: try expression(value), span: at)
    case .annAssign(let target, _, let value, _):
      guard let value else { return nil }
      return AssignStatement(targets: [try self.target(target)], value: try expression(value), span: at)
    case .return(let value):
      return ReturnStatement(value: try value.map { try expression($0) }, span: at)
    case .delete(let targets):
      return DeleteStatement(targets: try targets.map { try target($0) }, span: at)
    case .pass: return PassStatement(span: at)
    case .break: return BreakStatement(span: at)
    case .continue: return ContinueStatement(span: at)
    case .raise(let exception, let cause):
      return RaiseStatement(
        exception: try exception.map { try expression($0) }, cause: try cause.map { try expression($0) }, span: at)
    case .global, .nonlocal:
      return nil
    case .assert(let test, let message):
      return AssertStatement(test: try expression(test), message: try message.map { try expression($0) }, span: at)
    case .import(let aliases):
      let nodes = aliases.map { alias -> Statement in
        let bound = alias.asName ?? String(alias.name.split(separator: ".")[0])
        return ImportStatement(
          module: alias.name, target: store(bound, span(alias.span)), bindsLast: alias.asName != nil, span: at)
      }
      return nodes.count == 1 ? nodes[0] : SequenceStatement(nodes, span: at)
    case .importFrom(let moduleName, let aliases, let level):
      let star = aliases.contains { $0.name == "*" }
      let names = aliases.filter { $0.name != "*" }.map { ($0.name, store($0.asName ?? $0.name, span($0.span))) }
      return ImportFromStatement(module: moduleName ?? "", level: level, names: names, star: star, span: at)
    case .if(let test, let body, let orelse):
      return IfStatement(test: try expression(test), body: try block(body), orelse: try block(orelse), span: at)
    case .while(let test, let body, let orelse):
      return WhileStatement(test: try expression(test), body: try block(body), orelse: try block(orelse), span: at)
    case .for(let targetExpr, let iterable, let body, let orelse):
      let iterableNode = try expression(iterable)
      return ForStatement(
        target: try target(targetExpr), iterable: iterableNode, body: try block(body), orelse: try block(orelse),
        span: at)
    case .with(let items, let body):
      if Compiler.isConsoleCall(items) {
        let hidden = Compiler.consoleName(stmt.span)
        let context = try expression(items[0].context)
        let target = try items[0].target.map { try self.target($0) }
        consoles.append(hidden)
        defer { consoles.removeLast() }
        return ConsoleStatement(
          opener: .call(context), hidden: store(hidden, at), target: target, body: try block(body), enclosing: nil,
          span: at)
      }
      var inner = try block(body)
      for item in items.reversed() {
        let node = WithStatement(
          context: try expression(item.context), target: try item.target.map { try target($0) }, body: inner, span: at)
        inner = Block(statements: [node])
      }
      return inner.statements[0]
    case .consoleWith(let console):
      let hidden = Compiler.consoleName(stmt.span)
      var opener = ConsoleStatement.Opener.header(template: nil, value: nil)
      if let header = console.header, case .command(let command) = header.kind {
        if command.form == .expr, let value = command.expression {
          opener = .header(template: nil, value: try expression(value))
        } else {
          opener = .header(template: FStringNode(parts: try stringParts(command.template), span: at), value: nil)
        }
      }
      let enclosing = consoles.last.map { load($0, at) }
      let target = console.name.map { store($0, at) }
      consoles.append(hidden)
      defer { consoles.removeLast() }
      return ConsoleStatement(
        opener: opener, hidden: store(hidden, at), target: target, body: try block(console.body),
        enclosing: enclosing, span: at)
    case .try(let body, let handlers, let orelse, let finalbody, let star):
      if star { return UnsupportedStatement(message: "'except*' is not supported by sshs yet", span: at) }
      let bodyBlock = try block(body)
      var compiled: [TryStatement.Handler] = []
      for handler in handlers {
        compiled.append(
          TryStatement.Handler(
            types: try handler.type.map { try expression($0) },
            target: handler.name.map { store($0, span(handler.span)) },
            body: try block(handler.body), span: span(handler.span)))
      }
      return TryStatement(
        body: bodyBlock, handlers: compiled, orelse: try block(orelse), finalbody: try block(finalbody), span: at)
    case .functionDef(let def):
      let decorators = try def.decorators.map { try expression($0) }
      let function = try makeFunction(
        name: def.name, arguments: def.arguments, body: def.body, lambdaBody: nil, span: stmt.span)
      return DefinitionStatement(value: function, decorators: decorators, target: store(def.name, at), span: at)
    case .classDef(let def):
      if !def.keywords.isEmpty {
        return UnsupportedStatement(message: "class keywords such as metaclass= are not supported by sshs", span: at)
      }
      let decorators = try def.decorators.map { try expression($0) }
      let bases = try def.bases.map { try expression($0) }
      let classNode = try makeClass(def, bases: bases, syntaxSpan: stmt.span)
      return DefinitionStatement(value: classNode, decorators: decorators, target: store(def.name, at), span: at)
    }
  }

  /// The hidden variable of the console block at `span` (a name no identifier can spell).
  static func consoleName(_ span: Span) -> String { "$console:\(span.file):\(span.start)" }

  /// §2.9: a `with` whose single item calls a method named `shell`, `sudo`, `su` or `enter`
  /// is a console block when its value is a console.
  static func isConsoleCall(_ items: [WithItem]) -> Bool {
    guard items.count == 1, case .call(let function, _, _) = items[0].context.kind else { return false }
    let names: Set<String> = ["shell", "sudo", "su", "enter"]
    switch function.kind {
    case .attribute(_, let name, _): return names.contains(name)
    case .dollarAttr(let name): return names.contains(name)
    default: return false
    }
  }

  // MARK: - Definitions

  mutating func makeFunction(name: String, arguments: Arguments, body: [Stmt], lambdaBody: Expr?, span syntaxSpan: Span)
    throws -> Expression
  {
    let at = span(syntaxSpan)
    let defaults = try arguments.defaults.map { try expression($0) }
    let keywordDefaults = try arguments.keywordDefaults.map { try $0.map { try expression($0) } }
    let qualifiedName = qualifiedPrefix + name
    let child = try enterChild(syntaxSpan)
    let savedPrefix = qualifiedPrefix
    let savedConsoles = consoles
    qualifiedPrefix = qualifiedName + ".<locals>."
    consoles = []
    defer {
      qualifiedPrefix = savedPrefix
      consoles = savedConsoles
      leaveChild()
    }
    let parameters = child.parameters
    let parameterCells = parameters.enumerated().compactMap { index, parameter -> (slot: Int, cell: Int)? in
      guard let cell = child.cellVariables.firstIndex(of: parameter) else { return nil }
      return (index, cell)
    }
    var bodyBlock: Block
    if let lambdaBody {
      bodyBlock = Block(statements: [ReturnStatement(value: try expression(lambdaBody), span: span(lambdaBody.span))])
    } else {
      bodyBlock = try block(body)
    }
    let code = FunctionCode(
      name: name, qualifiedName: qualifiedName, parameterNames: parameters,
      positionalCount: arguments.positionalOnly.count + arguments.positional.count,
      positionalOnlyCount: arguments.positionalOnly.count, keywordOnlyCount: arguments.keywordOnly.count,
      hasVarArgs: arguments.varArg != nil, hasVarKeywords: arguments.kwArg != nil, slotCount: child.localNames.count,
      ownCellCount: child.cellVariables.count, parameterCells: parameterCells, localNames: child.localNames,
      isGenerator: child.containsYield, span: at)
    code.body = bodyBlock
    if lambdaBody == nil { code.docstring = Compiler.docstring(body) }
    let cells = child.freeVariables.map { name in savedScopeCell(name) }
    return MakeFunctionNode(
      code: code, defaults: defaults, keywordDefaults: keywordDefaults, closureCells: cells, span: at)
  }

  /// The cell index of `name` in the scope enclosing the current child.
  private func savedScopeCell(_ name: String) -> Int {
    scope.parent!.cellIndex(name)!
  }

  static func docstring(_ body: [Stmt]) -> String? {
    if case .expr(let value)? = body.first?.kind, case .constant(.string(let text)) = value.kind { return text }
    return nil
  }

  private mutating func makeClass(_ def: ClassDef, bases: [Expression], syntaxSpan: Span) throws -> Expression {
    let at = span(syntaxSpan)
    let qualifiedName = qualifiedPrefix + def.name
    let child = try enterChild(syntaxSpan)
    let savedPrefix = qualifiedPrefix
    let savedConsoles = consoles
    qualifiedPrefix = qualifiedName + "."
    consoles = []
    defer {
      qualifiedPrefix = savedPrefix
      consoles = savedConsoles
      leaveChild()
    }
    let body = try block(def.body)
    let cells = child.freeVariables.map { savedScopeCell($0) }
    return MakeClassNode(
      name: def.name, qualifiedName: qualifiedName, bases: bases, body: body, slotCount: child.localNames.count,
      ownCellCount: child.cellVariables.count, classCellIndex: child.cellVariables.firstIndex(of: "__class__"),
      closureCells: cells, docstring: Compiler.docstring(def.body), span: at)
  }

  /// A comprehension's scope is entered by the caller (`expression`), which evaluates the first
  /// iterable outside it.
  mutating func makeComprehension(
    _ kind: ComprehensionNode.Kind, _ clauses: [Comprehension], element: Expr, value: Expr?, syntaxSpan: Span
  ) throws -> Expression {
    let at = span(syntaxSpan)
    let firstIterable = try expression(clauses[0].iterable)
    let child = try enterChild(syntaxSpan)
    defer { leaveChild() }
    var compiled: [ComprehensionNode.Clause] = []
    for (index, clause) in clauses.enumerated() {
      let iterable = index == 0 ? nil : try expression(clause.iterable)
      compiled.append(
        ComprehensionNode.Clause(
          target: try target(clause.target), iterable: iterable, conditions: try clause.ifs.map { try expression($0) }))
    }
    let elementNode = try expression(element)
    let valueNode = try value.map { try expression($0) }
    return ComprehensionNode(
      kind: kind, firstIterable: firstIterable, clauses: compiled, element: elementNode, value: valueNode,
      slotCount: child.localNames.count, ownCellCount: child.cellVariables.count,
      closureCells: child.freeVariables.map { savedScopeCell($0) }, span: at)
  }

  // MARK: - Targets

  mutating func target(_ expr: Expr) throws -> Target {
    let at = span(expr.span)
    switch expr.kind {
    case .name(let name, _): return store(name, at)
    case .attribute(let object, let name, _):
      return AttributeTarget(object: try expression(object), name: name, span: at)
    case .subscript(let container, let key, _):
      return SubscriptTarget(container: try expression(container), key: try expression(key), span: at)
    case .tuple(let items, _), .list(let items, _):
      var elements: [Target] = []
      var starIndex: Int?
      for (index, item) in items.enumerated() {
        if case .starred(let inner, _) = item.kind {
          starIndex = index
          elements.append(try target(inner))
        } else {
          elements.append(try target(item))
        }
      }
      return UnpackTarget(elements: elements, starIndex: starIndex, span: at)
    case .starred(let inner, _): return try target(inner)
    default:
      throw Interpreter.error(BuiltinTypes.syntaxError, "cannot assign to expression")
    }
  }
}

/// Several statements compiled from one (`import a, b`).
final class SequenceStatement: Statement {
  let statements: [Statement]

  init(_ statements: [Statement], span: Span) {
    self.statements = statements
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    for statement in statements { _ = try statement.execute(frame) }
    return .normal
  }
}
