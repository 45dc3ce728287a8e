extension Compiler {
  mutating func expression(_ expr: Expr) throws -> Expression {
    let at = span(expr.span)
    switch expr.kind {
    case .name(let name, _):
      return load(name, at)
    case .constant(let constant):
      return ConstantNode(Compiler.value(of: constant), span: at)
    case .joinedStr(let parts):
      return try fString(parts, at)
    case .boolOp(let op, let values):
      return BoolNode(isAnd: op == .and, values: try values.map { try expression($0) }, span: at)
    case .namedExpr(let target, let value):
      let valueNode = try expression(value)
      return NamedExprNode(target: try self.target(target), value: valueNode, span: at)
    case .binOp(let left, let op, let right):
      let leftNode = try expression(left)
      let rightNode = try expression(right)
      if op == .add { return AddNode(leftNode, rightNode, span: at) }
      return BinaryNode(op, leftNode, rightNode, span: at)
    case .unaryOp(let op, let operand):
      return UnaryNode(op, try expression(operand), span: at)
    case .lambda(let arguments, let body):
      return try makeFunction(name: "<lambda>", arguments: arguments, body: [], lambdaBody: body, span: expr.span)
    case .ifExp(let test, let body, let orelse):
      return IfExpNode(test: try expression(test), body: try expression(body), orelse: try expression(orelse), span: at)
    case .dict(let keys, let values):
      var entries: [(key: Expression?, value: Expression)] = []
      for (key, value) in zip(keys, values) {
        entries.append((try key.map { try expression($0) }, try expression(value)))
      }
      return DictNode(entries: entries, span: at)
    case .set(let items):
      return SetNode(elements: try elements(items), span: at)
    case .list(let items, _):
      return ListNode(elements: try elements(items), span: at)
    case .tuple(let items, _):
      return TupleNode(elements: try elements(items), span: at)
    case .listComp(let element, let clauses):
      return try makeComprehension(.list, clauses, element: element, value: nil, syntaxSpan: expr.span)
    case .setComp(let element, let clauses):
      return try makeComprehension(.set, clauses, element: element, value: nil, syntaxSpan: expr.span)
    case .generatorExp(let element, let clauses):
      return try makeComprehension(.generator, clauses, element: element, value: nil, syntaxSpan: expr.span)
    case .dictComp(let key, let value, let clauses):
      return try makeComprehension(.dict, clauses, element: key, value: value, syntaxSpan: expr.span)
    case .yield(let value):
      return YieldNode(value: try value.map { try expression($0) }, span: at)
    case .yieldFrom(let value):
      return YieldFromNode(iterable: try expression(value), span: at)
    case .compare(let left, let ops, let comparators):
      let leftNode = try expression(left)
      let rest = try comparators.map { try expression($0) }
      if ops.count == 1 { return CompareNode(ops[0], leftNode, rest[0], span: at) }
      return ChainedCompareNode(operands: [leftNode] + rest, ops: ops, span: at)
    case .call(let function, let args, let keywords):
      return try call(function, args, keywords, at)
    case .attribute(let value, let name, _):
      return AttributeNode(object: try expression(value), name: name, span: at)
    case .subscript(let value, let index, _):
      return SubscriptNode(container: try expression(value), key: try expression(index), span: at)
    case .starred:
      throw Interpreter.error(BuiltinTypes.syntaxError, "can't use starred expression here")
    case .slice(let lower, let upper, let step):
      return SliceNode(
        lower: try lower.map { try expression($0) }, upper: try upper.map { try expression($0) },
        step: try step.map { try expression($0) }, span: at)
    case .command(let command):
      let template: FStringNode? =
        command.form == .expr ? nil : FStringNode(parts: try stringParts(command.template), span: at)
      let value = try command.expression.map { try expression($0) }
      let options = try command.keywords.map { (name: $0.name, value: try expression($0.value)) }
      if let console = consoles.last {
        return ConsoleCommandNode(
          console: load(console, at), template: template, value: value, options: options, span: at)
      }
      return CommandNode(dollars: command.dollars, template: template, value: value, options: options, span: at)
    case .dollarAttr(let name):
      if let console = consoles.last {
        return ConsoleAttributeNode(
          console: load(console, at), fallback: DollarAttributeNode(name: name, span: at), span: at)
      }
      return DollarAttributeNode(name: name, span: at)
    }
  }

  static func value(of constant: Constant) -> Value {
    switch constant {
    case .none: return .none
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .bigInt(let digits, let radix): return Conversions.bigIntLiteral(digits, radix: radix)
    case .float(let number): return .float(number)
    case .string(let text): return .str(text)
    case .bytes(let data): return .bytes(data)
    case .ellipsis: return .object(Builtins.ellipsis)
    }
  }

  private mutating func elements(_ items: [Expr]) throws -> [ElementNode] {
    try items.map { item in
      if case .starred(let inner, _) = item.kind { return .star(try expression(inner)) }
      return .value(try expression(item))
    }
  }

  private mutating func arguments(_ args: [Expr], _ keywords: [Keyword]) throws -> [ArgumentNode] {
    var nodes: [ArgumentNode] = []
    for arg in args {
      if case .starred(let inner, _) = arg.kind {
        nodes.append(.star(try expression(inner)))
      } else {
        nodes.append(.positional(try expression(arg)))
      }
    }
    for keyword in keywords {
      let value = try expression(keyword.value)
      nodes.append(keyword.name.map { .keyword($0, value) } ?? .doubleStar(value))
    }
    return nodes
  }

  private mutating func call(_ function: Expr, _ args: [Expr], _ keywords: [Keyword], _ at: Span) throws -> Expression {
    if case .name("super", _) = function.kind, args.isEmpty, keywords.isEmpty, let node = superCall(at) {
      return node
    }
    if case .name(let name, _) = function.kind, ["globals", "locals", "dir"].contains(name), args.isEmpty,
      keywords.isEmpty, scopePlace(name) == .global || scopePlace(name) == .namespace
    {
      let snapshot = namespaceSnapshot(isGlobals: name == "globals", at)
      // `dir()`: the sorted names of the current scope.
      return name == "dir" ? SortedKeysNode(snapshot, span: at) : snapshot
    }
    if case .attribute(let object, let name, _) = function.kind {
      let objectNode = try expression(object)
      return MethodCallNode(object: objectNode, name: name, arguments: try arguments(args, keywords), span: at)
    }
    let functionNode = try expression(function)
    return CallNode(function: functionNode, arguments: try arguments(args, keywords), span: at)
  }

  /// `super()` inside a method: its class's `__class__` cell and its first parameter.
  private func superCall(_ at: Span) -> Expression? {
    guard case .cell(let cell) = scopePlace("__class__") else { return nil }
    return SuperNode(classCell: cell, firstArgumentSlot: firstParameterSlot(), span: at)
  }

  private mutating func fString(_ parts: [StringPart], _ at: Span) throws -> Expression {
    FStringNode(parts: try stringParts(parts), span: at)
  }

  mutating func stringParts(_ parts: [StringPart]) throws -> [FStringNode.Part] {
    try parts.map { part in
      switch part {
      case .literal(let text): return .literal(text)
      case .field(let field):
        let value = try expression(field.value)
        let spec = try field.formatSpec.map { FStringNode(parts: try stringParts($0), span: span(field.span)) }
        return .field(value: value, conversion: field.conversion, spec: spec, debugText: field.debugText)
      }
    }
  }
}
