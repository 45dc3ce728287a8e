extension Parser {
  /// params / lambda_params:
  ///   slash_no_default param_no_default* param_with_default* [star_etc]
  ///   | slash_with_default param_with_default* [star_etc]
  ///   | param_no_default+ param_with_default* [star_etc]
  ///   | param_with_default+ [star_etc]
  ///   | star_etc
  /// star_etc: '*' param_no_default param_maybe_default* [kwds] | '*' ',' param_maybe_default+ [kwds] | kwds
  /// kwds: '**' param_no_default
  ///
  /// Stops before `closing` (`)` for `def`, `:` for `lambda`); `annotations` allows `name: expr`.
  mutating func parseParameters(closing: TokenKind, annotations: Bool) throws -> Arguments {
    var arguments = Arguments()
    var seen: Set<String> = []
    var sawStar = false
    var sawDefault = false
    var bareStar: Token?
    while kind != closing {
      if let star = bareStar, kind != .name {
        throw bareStarError(star, closing: closing)
      }
      if arguments.kwArg != nil {
        throw error("arguments cannot follow var-keyword argument", at: current.start)
      }
      switch kind {
      case .slash:
        let slash = advance()
        if sawStar { throw error("/ must be ahead of *", at: slash.start) }
        if !arguments.positionalOnly.isEmpty { throw error("/ may appear only once", at: slash.start) }
        if arguments.positional.isEmpty { throw error("at least one argument must precede /", at: slash.start) }
        arguments.positionalOnly = arguments.positional
        arguments.positional = []
      case .star:
        let star = advance()
        if sawStar { throw error("* argument may appear only once", at: star.start) }
        sawStar = true
        if kind == .name {
          arguments.varArg = try parseParameter(annotations: annotations, seen: &seen, starred: true)
        } else if kind == .comma || kind == closing || kind == .doubleStar {
          bareStar = star
          if kind != .comma { throw bareStarError(star, closing: closing) }
        } else {
          throw invalidSyntax()
        }
      case .doubleStar:
        advance()
        arguments.kwArg = try parseParameter(annotations: annotations, seen: &seen, starred: false)
        if kind == .equal { throw error("var-keyword argument cannot have default value", at: current.start) }
      case .name:
        let nameToken = current
        let parameter = try parseParameter(annotations: annotations, seen: &seen, starred: false)
        bareStar = nil
        let defaultValue = accept(.equal) ? try parseExpression() : nil
        if sawStar {
          arguments.keywordOnly.append(parameter)
          arguments.keywordDefaults.append(defaultValue)
        } else {
          if let defaultValue {
            sawDefault = true
            arguments.defaults.append(defaultValue)
          } else if sawDefault {
            throw error("non-default argument follows default argument", at: nameToken.start)
          }
          arguments.positional.append(parameter)
        }
      default:
        throw invalidSyntax()
      }
      if !accept(.comma) { break }
    }
    if let star = bareStar { throw bareStarError(star, closing: closing) }
    return arguments
  }

  /// CPython puts the caret under the `*` in a `def`, and under the next token in a `lambda`.
  private func bareStarError(_ star: Token, closing: TokenKind) -> Diagnostic {
    error("named arguments must follow bare *", at: closing == .colon ? current.start : star.start)
  }

  /// param: NAME [annotation]; annotation: ':' expression; star_annotation: ':' star_expression
  private mutating func parseParameter(annotations: Bool, seen: inout Set<String>, starred: Bool) throws -> Arg {
    let (name, token) = try expectName()
    if !seen.insert(name).inserted {
      throw error("duplicate argument '\(name)' in function definition", at: token.start)
    }
    var annotation: Expr?
    if annotations && accept(.colon) {
      annotation = starred && kind == .star ? try parseStarredItem(allowNamed: false) : try parseExpression()
    }
    return Arg(name: name, annotation: annotation, span: span(from: token.start))
  }
}
