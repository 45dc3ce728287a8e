/// The `--dump-ast` text (LANGUAGE.md §9.1): one node per line, indented two spaces per level,
/// as `Type @line:col field=value…`. Child lists other than a node's main operands are
/// introduced by a `name:` line (`body:`, `orelse:`, `handlers:`…). Tests compare this text,
/// so it only ever grows new fields.
public struct ASTDumper {
  private let files: [SourceFile]
  private var lines: [String] = []
  private var depth = 0

  public static func dump(_ program: Program) -> String {
    var dumper = ASTDumper(files: program.files)
    dumper.line("Module")
    dumper.nested { $0.statements(program.module.body) }
    return dumper.lines.joined(separator: "\n") + "\n"
  }

  private init(files: [SourceFile]) {
    self.files = files
  }

  // MARK: - Output

  private mutating func line(_ text: String) {
    lines.append(String(repeating: "  ", count: depth) + text)
  }

  private mutating func node(_ name: String, _ span: Span, _ fields: String...) {
    let location = files[Int(span.file)].location(of: Int(span.start))
    let extra = fields.filter { !$0.isEmpty }.joined(separator: " ")
    line("\(name) @\(location.line):\(location.column)" + (extra.isEmpty ? "" : " " + extra))
  }

  private mutating func nested(_ body: (inout ASTDumper) -> Void) {
    depth += 1
    body(&self)
    depth -= 1
  }

  /// A labelled child list; nothing is printed for an empty list.
  private mutating func labelled(_ label: String, _ statements: [Stmt]) {
    guard !statements.isEmpty else { return }
    line(label + ":")
    nested { $0.statements(statements) }
  }

  private mutating func labelled(_ label: String, _ expressions: [Expr]) {
    guard !expressions.isEmpty else { return }
    line(label + ":")
    nested { dumper in for expr in expressions { dumper.expression(expr) } }
  }

  private mutating func labelled(_ label: String, _ expr: Expr?) {
    guard let expr else { return }
    line(label + ":")
    nested { $0.expression(expr) }
  }

  // MARK: - Statements

  private mutating func statements(_ statements: [Stmt]) {
    for stmt in statements { statement(stmt) }
  }

  private mutating func statement(_ stmt: Stmt) {
    let span = stmt.span
    switch stmt.kind {
    case .expr(let value):
      node("Expr", span)
      nested { $0.expression(value) }
    case .assign(let targets, let value):
      node("Assign", span)
      nested { dumper in
        for target in targets { dumper.expression(target) }
        dumper.expression(value)
      }
    case .augAssign(let target, let op, let value):
      node("AugAssign", span, "op=\(op.rawValue)")
      nested { dumper in
        dumper.expression(target)
        dumper.expression(value)
      }
    case .annAssign(let target, let annotation, let value, let simple):
      node("AnnAssign", span, "simple=\(simple ? 1 : 0)")
      nested { dumper in
        dumper.expression(target)
        dumper.labelled("annotation", annotation)
        dumper.labelled("value", value)
      }
    case .return(let value):
      node("Return", span)
      if let value { nested { $0.expression(value) } }
    case .delete(let targets):
      node("Delete", span)
      nested { dumper in for target in targets { dumper.expression(target) } }
    case .pass: node("Pass", span)
    case .break: node("Break", span)
    case .continue: node("Continue", span)
    case .raise(let exception, let cause):
      node("Raise", span)
      nested { dumper in
        if let exception { dumper.expression(exception) }
        dumper.labelled("cause", cause)
      }
    case .global(let names): node("Global", span, "names=\(names.joined(separator: ","))")
    case .nonlocal(let names): node("Nonlocal", span, "names=\(names.joined(separator: ","))")
    case .assert(let test, let message):
      node("Assert", span)
      nested { dumper in
        dumper.expression(test)
        dumper.labelled("msg", message)
      }
    case .import(let names):
      node("Import", span)
      nested { dumper in for alias in names { dumper.alias(alias) } }
    case .importFrom(let module, let names, let level):
      node("ImportFrom", span, "module=\(module ?? "None")", "level=\(level)")
      nested { dumper in for alias in names { dumper.alias(alias) } }
    case .if(let test, let body, let orelse):
      node("If", span)
      nested { dumper in
        dumper.expression(test)
        dumper.labelled("body", body)
        dumper.labelled("orelse", orelse)
      }
    case .while(let test, let body, let orelse):
      node("While", span)
      nested { dumper in
        dumper.expression(test)
        dumper.labelled("body", body)
        dumper.labelled("orelse", orelse)
      }
    case .for(let target, let iterable, let body, let orelse):
      node("For", span)
      nested { dumper in
        dumper.expression(target)
        dumper.expression(iterable)
        dumper.labelled("body", body)
        dumper.labelled("orelse", orelse)
      }
    case .with(let items, let body):
      node("With", span)
      nested { dumper in
        for item in items {
          dumper.line("withitem")
          dumper.nested { inner in
            inner.expression(item.context)
            inner.labelled("as", item.target)
          }
        }
        dumper.labelled("body", body)
      }
    case .consoleWith(let console):
      node("ConsoleWith", span, "kind=\(console.dollars.rawValue)", console.name.map { "name=\($0)" } ?? "")
      nested { dumper in
        if let header = console.header {
          dumper.expression(header)
        }
        dumper.labelled("body", console.body)
      }
    case .try(let body, let handlers, let orelse, let finalbody, let star):
      node(star ? "TryStar" : "Try", span)
      nested { dumper in
        dumper.labelled("body", body)
        for handler in handlers {
          dumper.node("ExceptHandler", handler.span, handler.name.map { "name=\($0)" } ?? "")
          dumper.nested { inner in
            if let type = handler.type { inner.expression(type) }
            inner.labelled("body", handler.body)
          }
        }
        dumper.labelled("orelse", orelse)
        dumper.labelled("finalbody", finalbody)
      }
    case .functionDef(let def):
      node("FunctionDef", span, "name=\(def.name)")
      nested { dumper in
        dumper.labelled("decorators", def.decorators)
        dumper.arguments(def.arguments)
        dumper.labelled("returns", def.returns)
        dumper.labelled("body", def.body)
      }
    case .classDef(let def):
      node("ClassDef", span, "name=\(def.name)")
      nested { dumper in
        dumper.labelled("decorators", def.decorators)
        dumper.labelled("bases", def.bases)
        for keyword in def.keywords { dumper.keyword(keyword) }
        dumper.labelled("body", def.body)
      }
    }
  }

  private mutating func alias(_ alias: Alias) {
    node("alias", alias.span, "name=\(alias.name)", alias.asName.map { "asname=\($0)" } ?? "")
  }

  private mutating func keyword(_ keyword: Keyword) {
    node("keyword", keyword.span, "arg=\(keyword.name ?? "None")")
    nested { $0.expression(keyword.value) }
  }

  private mutating func arguments(_ arguments: Arguments) {
    let all = arguments.positionalOnly + arguments.positional + arguments.keywordOnly
    guard !all.isEmpty || arguments.varArg != nil || arguments.kwArg != nil else { return }
    line("arguments")
    nested { dumper in
      func arg(_ dumper: inout ASTDumper, _ arg: Arg, _ role: String) {
        dumper.node("arg", arg.span, "arg=\(arg.name)", role)
        if let annotation = arg.annotation { dumper.nested { $0.expression(annotation) } }
      }
      for a in arguments.positionalOnly { arg(&dumper, a, "kind=positional-only") }
      for a in arguments.positional { arg(&dumper, a, "") }
      if let a = arguments.varArg { arg(&dumper, a, "kind=vararg") }
      for a in arguments.keywordOnly { arg(&dumper, a, "kind=keyword-only") }
      if let a = arguments.kwArg { arg(&dumper, a, "kind=kwarg") }
      dumper.labelled("defaults", arguments.defaults)
      dumper.labelled("kw_defaults", arguments.keywordDefaults.compactMap { $0 })
    }
  }

  // MARK: - Expressions

  private mutating func expression(_ expr: Expr) {
    let span = expr.span
    switch expr.kind {
    case .name(let id, let ctx): node("Name", span, "id=\(id)", "ctx=\(ctx.rawValue)")
    case .constant(let constant): node("Constant", span, "value=\(ASTDumper.describe(constant))")
    case .joinedStr(let parts):
      node("JoinedStr", span)
      nested { $0.stringParts(parts, inCommand: false) }
    case .boolOp(let op, let values):
      node("BoolOp", span, "op=\(op.rawValue)")
      nested { dumper in for value in values { dumper.expression(value) } }
    case .namedExpr(let target, let value):
      node("NamedExpr", span)
      nested { dumper in
        dumper.expression(target)
        dumper.expression(value)
      }
    case .binOp(let left, let op, let right):
      node("BinOp", span, "op=\(op.rawValue)")
      nested { dumper in
        dumper.expression(left)
        dumper.expression(right)
      }
    case .unaryOp(let op, let operand):
      node("UnaryOp", span, "op=\(op.rawValue)")
      nested { $0.expression(operand) }
    case .lambda(let arguments, let body):
      node("Lambda", span)
      nested { dumper in
        dumper.arguments(arguments)
        dumper.expression(body)
      }
    case .ifExp(let test, let body, let orelse):
      node("IfExp", span)
      nested { dumper in
        dumper.expression(test)
        dumper.expression(body)
        dumper.expression(orelse)
      }
    case .dict(let keys, let values):
      node("Dict", span)
      nested { dumper in
        for (key, value) in zip(keys, values) {
          if let key { dumper.expression(key) } else { dumper.line("**") }
          dumper.nested { $0.expression(value) }
        }
      }
    case .set(let items):
      node("Set", span)
      nested { dumper in for item in items { dumper.expression(item) } }
    case .listComp(let element, let clauses): comprehension("ListComp", span, [element], clauses)
    case .setComp(let element, let clauses): comprehension("SetComp", span, [element], clauses)
    case .generatorExp(let element, let clauses): comprehension("GeneratorExp", span, [element], clauses)
    case .dictComp(let key, let value, let clauses): comprehension("DictComp", span, [key, value], clauses)
    case .yield(let value):
      node("Yield", span)
      if let value { nested { $0.expression(value) } }
    case .yieldFrom(let value):
      node("YieldFrom", span)
      nested { $0.expression(value) }
    case .compare(let left, let ops, let comparators):
      node("Compare", span, "ops=\(ops.map(\.rawValue).joined(separator: ","))")
      nested { dumper in
        dumper.expression(left)
        for comparator in comparators { dumper.expression(comparator) }
      }
    case .call(let function, let args, let keywords):
      node("Call", span)
      nested { dumper in
        dumper.expression(function)
        for arg in args { dumper.expression(arg) }
        for keyword in keywords { dumper.keyword(keyword) }
      }
    case .attribute(let value, let attr, let ctx):
      node("Attribute", span, "attr=\(attr)", "ctx=\(ctx.rawValue)")
      nested { $0.expression(value) }
    case .subscript(let value, let index, let ctx):
      node("Subscript", span, "ctx=\(ctx.rawValue)")
      nested { dumper in
        dumper.expression(value)
        dumper.expression(index)
      }
    case .starred(let value, let ctx):
      node("Starred", span, "ctx=\(ctx.rawValue)")
      nested { $0.expression(value) }
    case .list(let items, let ctx):
      node("List", span, "ctx=\(ctx.rawValue)")
      nested { dumper in for item in items { dumper.expression(item) } }
    case .tuple(let items, let ctx):
      node("Tuple", span, "ctx=\(ctx.rawValue)")
      nested { dumper in for item in items { dumper.expression(item) } }
    case .slice(let lower, let upper, let step):
      node("Slice", span)
      nested { dumper in
        dumper.labelled("lower", lower)
        dumper.labelled("upper", upper)
        dumper.labelled("step", step)
      }
    case .command(let command): self.command(command, span: span)
    case .dollarAttr(let name): node("DollarAttr", span, "attr=\(name)")
    }
  }

  private mutating func comprehension(_ name: String, _ span: Span, _ elements: [Expr], _ clauses: [Comprehension]) {
    node(name, span)
    nested { dumper in
      for element in elements { dumper.expression(element) }
      for clause in clauses {
        dumper.line("comprehension")
        dumper.nested { inner in
          inner.expression(clause.target)
          inner.expression(clause.iterable)
          inner.labelled("ifs", clause.ifs)
        }
      }
    }
  }

  private mutating func command(_ command: Command, span: Span) {
    node("Command", span, "kind=\(command.dollars.rawValue)", "form=\(command.form.rawValue)")
    nested { dumper in
      dumper.stringParts(command.template, inCommand: true)
      if let expression = command.expression { dumper.expression(expression) }
      for keyword in command.keywords { dumper.keyword(keyword) }
    }
  }

  /// Literal parts are `Text` (commands) or `Constant` (f-strings); fields are `Interpolation`
  /// or `FormattedValue`.
  private mutating func stringParts(_ parts: [StringPart], inCommand: Bool) {
    for part in parts {
      switch part {
      case .literal(let text):
        line(inCommand ? "Text value=\(PythonRepr.string(text))" : "Constant value=\(PythonRepr.string(text))")
      case .field(let field):
        let debug = field.debugText.map { "debug=\(PythonRepr.string($0))" } ?? ""
        node(
          inCommand ? "Interpolation" : "FormattedValue", field.span, "conversion=\(field.conversion.rawValue)", debug)
        nested { dumper in
          dumper.expression(field.value)
          if let spec = field.formatSpec {
            dumper.line("format_spec:")
            dumper.nested { $0.stringParts(spec, inCommand: false) }
          }
        }
      }
    }
  }

  static func describe(_ constant: Constant) -> String {
    switch constant {
    case .none: return "None"
    case .bool(let value): return value ? "True" : "False"
    case .int(let value): return String(value)
    case .bigInt(let digits, let radix):
      switch radix {
      case 16: return "0x" + digits
      case 8: return "0o" + digits
      case 2: return "0b" + digits
      default: return digits
      }
    case .float(let value): return PythonRepr.float(value)
    case .string(let value): return PythonRepr.string(value)
    case .bytes(let value): return PythonRepr.bytes(value)
    case .ellipsis: return "Ellipsis"
    }
  }
}
