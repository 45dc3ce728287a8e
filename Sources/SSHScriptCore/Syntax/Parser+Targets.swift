/// Assignment and deletion targets: checking that an expression can be one, and giving it the
/// Store or Del context, with CPython's messages ("cannot assign to function call").
extension Parser {
  /// star_targets / del_targets / single_target, from an already parsed expression.
  ///
  /// `assignmentSuggestion` adds CPython's "here. Maybe you meant '==' instead of '='?" for the
  /// only target of a plain `=` statement.
  func asTarget(_ expr: Expr, context: ExprContext, assignmentSuggestion: Bool = false) throws -> Expr {
    if let bad = invalidTarget(expr, context: context) {
      let verb = context == .del ? "delete" : "assign to"
      var message = "cannot \(verb) \(expressionName(bad))"
      if assignmentSuggestion && bad == expr && suggestsComparison(bad) {
        message += " here. Maybe you meant '==' instead of '='?"
      }
      throw error(message, at: bad.span)
    }
    if context == .store {
      try checkStarredTargets(expr, topLevel: true)
    }
    return retarget(expr, context)
  }

  private func suggestsComparison(_ expr: Expr) -> Bool {
    switch expr.kind {
    case .list, .tuple, .generatorExp, .constant(.bool), .constant(.none): return false
    default: return true
    }
  }

  /// The first sub-expression that cannot be a target, if any.
  private func invalidTarget(_ expr: Expr, context: ExprContext) -> Expr? {
    switch expr.kind {
    case .name, .attribute, .subscript:
      return nil
    case .starred(let inner, _):
      return context == .del ? expr : invalidTarget(inner, context: context)
    case .tuple(let items, _), .list(let items, _):
      for item in items {
        if let bad = invalidTarget(item, context: context) { return bad }
      }
      return nil
    default:
      return expr
    }
  }

  /// `*a = 1` and `a, *b, *c = d` are errors.
  private func checkStarredTargets(_ expr: Expr, topLevel: Bool) throws {
    switch expr.kind {
    case .starred:
      if topLevel { throw error("starred assignment target must be in a list or tuple", at: expr.span) }
    case .tuple(let items, _), .list(let items, _):
      var starred = 0
      for item in items {
        if case .starred = item.kind { starred += 1 }
        try checkStarredTargets(item, topLevel: false)
      }
      if starred > 1 { throw error("multiple starred expressions in assignment", at: expr.span) }
    default:
      break
    }
  }

  /// The same expression with the target context set on it and its elements.
  func retarget(_ expr: Expr, _ context: ExprContext) -> Expr {
    var result = expr
    switch expr.kind {
    case .name(let name, _): result.kind = .name(name, context)
    case .attribute(let value, let attr, _): result.kind = .attribute(value, attr, context)
    case .subscript(let value, let index, _): result.kind = .subscript(value, index, context)
    case .starred(let inner, _): result.kind = .starred(retarget(inner, context), context)
    case .tuple(let items, _): result.kind = .tuple(items.map { retarget($0, context) }, context)
    case .list(let items, _): result.kind = .list(items.map { retarget($0, context) }, context)
    default: break
    }
    return result
  }

  /// CPython's name for a kind of expression, as used in error messages.
  func expressionName(_ expr: Expr) -> String {
    switch expr.kind {
    case .name: return "name"
    case .attribute: return "attribute"
    case .subscript: return "subscript"
    case .starred: return "starred"
    case .list: return "list"
    case .tuple: return "tuple"
    case .lambda: return "lambda"
    case .call: return "function call"
    case .boolOp, .binOp, .unaryOp: return "expression"
    case .generatorExp: return "generator expression"
    case .yield, .yieldFrom: return "yield expression"
    case .listComp: return "list comprehension"
    case .setComp: return "set comprehension"
    case .dictComp: return "dict comprehension"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .joinedStr: return "f-string expression"
    case .compare: return "comparison"
    case .ifExp: return "conditional expression"
    case .namedExpr: return "named expression"
    case .slice: return "slice"
    case .command: return "command"
    case .dollarAttr(let name): return "$.\(name)"
    case .constant(let constant):
      switch constant {
      case .none: return "None"
      case .bool(let value): return value ? "True" : "False"
      case .ellipsis: return "ellipsis"
      case .int, .bigInt, .float, .string, .bytes: return "literal"
      }
    }
  }
}
