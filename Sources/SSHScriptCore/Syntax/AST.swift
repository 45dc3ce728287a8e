/// The syntax tree. Node names follow Python's `ast` module; sshs adds `Command` (every command
/// form), `DollarAttr` (`$.name`) and `ConsoleWith` (`with $… as c:`). All nodes carry the span of
/// their source text, in the file they were written in (included files keep their own).

/// A parsed file: its statements, with `$.include` already expanded.
public struct Module: Sendable, Equatable {
  public var body: [Stmt]
}

public struct Stmt: Sendable, Equatable {
  public var kind: StmtKind
  public var span: Span
}

public indirect enum StmtKind: Sendable, Equatable {
  case expr(Expr)
  case assign(targets: [Expr], value: Expr)
  case augAssign(target: Expr, op: BinaryOperator, value: Expr)
  /// `simple` is true when the target is a plain name not in parentheses (as in Python).
  case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
  case `return`(Expr?)
  case delete([Expr])
  case pass
  case `break`
  case `continue`
  case raise(exception: Expr?, cause: Expr?)
  case global([String])
  case nonlocal([String])
  case assert(test: Expr, message: Expr?)
  case `import`([Alias])
  case importFrom(module: String?, names: [Alias], level: Int)
  case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
  case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
  case `for`(target: Expr, iterable: Expr, body: [Stmt], orelse: [Stmt])
  case with(items: [WithItem], body: [Stmt])
  case consoleWith(ConsoleWith)
  /// `star` marks `except*` handlers (Python 3.11 `TryStar`).
  case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], star: Bool)
  case functionDef(FunctionDef)
  case classDef(ClassDef)
}

public struct Expr: Sendable, Equatable {
  public var kind: ExprKind
  public var span: Span
}

public enum ExprContext: String, Sendable, Equatable {
  case load = "Load"
  case store = "Store"
  case del = "Del"
}

public indirect enum ExprKind: Sendable, Equatable {
  case name(String, ExprContext)
  case constant(Constant)
  /// An f-string (or a concatenation containing one).
  case joinedStr([StringPart])
  case boolOp(BoolOperator, [Expr])
  case namedExpr(target: Expr, value: Expr)
  case binOp(Expr, BinaryOperator, Expr)
  case unaryOp(UnaryOperator, Expr)
  case lambda(Arguments, body: Expr)
  case ifExp(test: Expr, body: Expr, orelse: Expr)
  /// A `nil` key is a `**mapping` entry.
  case dict(keys: [Expr?], values: [Expr])
  case set([Expr])
  case listComp(Expr, [Comprehension])
  case setComp(Expr, [Comprehension])
  case dictComp(key: Expr, value: Expr, [Comprehension])
  case generatorExp(Expr, [Comprehension])
  case yield(Expr?)
  case yieldFrom(Expr)
  case compare(Expr, [CompareOperator], [Expr])
  case call(Expr, args: [Expr], keywords: [Keyword])
  case attribute(Expr, String, ExprContext)
  case `subscript`(Expr, Expr, ExprContext)
  case starred(Expr, ExprContext)
  case list([Expr], ExprContext)
  case tuple([Expr], ExprContext)
  case slice(lower: Expr?, upper: Expr?, step: Expr?)
  /// `$cmd`, `$$cmd`, `$'…'`, `$f'…'`, `$(…)`.
  case command(Command)
  /// `$.name`.
  case dollarAttr(String)
}

public enum Constant: Sendable, Equatable {
  case none
  case bool(Bool)
  case int(Int)
  /// An integer literal too large for `Int`: its digits (no underscores) in `radix`.
  case bigInt(digits: String, radix: Int)
  case float(Double)
  case string(String)
  case bytes([UInt8])
  case ellipsis
}

/// A piece of an f-string or of a command template.
public enum StringPart: Sendable, Equatable {
  case literal(String)
  case field(FormattedValue)
}

/// `{expr!conv:spec}` in an f-string, or `@{expr}` / `@{expr!q}` in bare command text.
public struct FormattedValue: Sendable, Equatable {
  public var value: Expr
  public var conversion: Conversion
  /// The format spec, itself a template (`{x:{width}}`); `nil` when absent.
  public var formatSpec: [StringPart]?
  /// For `{expr=}`: the text to print before the value (`"expr="`, blanks kept).
  public var debugText: String?
  /// The span of the whole field (from `{`, or from the `@` of `@{`).
  public var span: Span
}

public enum Conversion: String, Sendable, Equatable {
  case none
  case str = "s"
  case repr = "r"
  case ascii = "a"
  /// Shell quoting (LANGUAGE.md §2.7).
  case quote = "q"
}

public enum BoolOperator: String, Sendable, Equatable {
  case and = "And"
  case or = "Or"
}

public enum BinaryOperator: String, Sendable, Equatable {
  case add = "Add"
  case sub = "Sub"
  case mult = "Mult"
  case matMult = "MatMult"
  case div = "Div"
  case mod = "Mod"
  case pow = "Pow"
  case lShift = "LShift"
  case rShift = "RShift"
  case bitOr = "BitOr"
  case bitXor = "BitXor"
  case bitAnd = "BitAnd"
  case floorDiv = "FloorDiv"
}

public enum UnaryOperator: String, Sendable, Equatable {
  case invert = "Invert"
  case not = "Not"
  case uAdd = "UAdd"
  case uSub = "USub"
}

public enum CompareOperator: String, Sendable, Equatable {
  case eq = "Eq"
  case notEq = "NotEq"
  case lt = "Lt"
  case ltE = "LtE"
  case gt = "Gt"
  case gtE = "GtE"
  case `is` = "Is"
  case isNot = "IsNot"
  case `in` = "In"
  case notIn = "NotIn"
}

public struct Comprehension: Sendable, Equatable {
  public var target: Expr
  public var iterable: Expr
  public var ifs: [Expr]
}

public struct Keyword: Sendable, Equatable {
  /// `nil` for `**mapping`.
  public var name: String?
  public var value: Expr
  public var span: Span
}

public struct Alias: Sendable, Equatable {
  /// Dotted module name, or `*` in `from m import *`.
  public var name: String
  public var asName: String?
  public var span: Span
}

public struct WithItem: Sendable, Equatable {
  public var context: Expr
  public var target: Expr?
}

public struct ExceptHandler: Sendable, Equatable {
  public var type: Expr?
  public var name: String?
  public var body: [Stmt]
  public var span: Span
}

public struct Arg: Sendable, Equatable {
  public var name: String
  public var annotation: Expr?
  public var span: Span
}

/// A parameter list, as Python's `ast.arguments`.
public struct Arguments: Sendable, Equatable {
  public var positionalOnly: [Arg] = []
  public var positional: [Arg] = []
  public var varArg: Arg?
  public var keywordOnly: [Arg] = []
  /// One entry per keyword-only parameter; `nil` where it has no default.
  public var keywordDefaults: [Expr?] = []
  public var kwArg: Arg?
  /// Defaults of the last positional(-only) parameters.
  public var defaults: [Expr] = []

  public init() {}
}

public struct FunctionDef: Sendable, Equatable {
  public var name: String
  public var arguments: Arguments
  public var body: [Stmt]
  public var decorators: [Expr]
  public var returns: Expr?
}

public struct ClassDef: Sendable, Equatable {
  public var name: String
  public var bases: [Expr]
  public var keywords: [Keyword]
  public var body: [Stmt]
  public var decorators: [Expr]
}

/// A command form (LANGUAGE.md §2–§3).
public struct Command: Sendable, Equatable {
  public enum Dollars: String, Sendable, Equatable {
    case one
    case two
  }

  public enum Form: String, Sendable, Equatable {
    /// Text written after the dollars; `@{}` fields, no escapes.
    case bare
    /// A plain, raw or `u` string literal (or adjacent ones): one literal part.
    case string
    /// An f-string (possibly concatenated with plain literals).
    case fstring
    /// `$(expr, key=value…)`.
    case expr
  }

  public var dollars: Dollars
  public var form: Form
  /// The text for `bare`, `string` and `fstring` forms. Bare text is kept as written
  /// (continuations joined, blanks at both ends removed); dedenting happens when it runs.
  public var template: [StringPart]
  /// The command value of the `expr` form.
  public var expression: Expr?
  /// Options of the `expr` form (`timeout=`, `check=`, `input=`, `**mapping`).
  public var keywords: [Keyword]
}

/// `with $… [as name]:` — a console block (LANGUAGE.md §2.8, §5).
public struct ConsoleWith: Sendable, Equatable {
  public var dollars: Command.Dollars
  /// The header's command (an `Expr` of kind `.command`, for its position); `nil` for
  /// `with $:` and `with $ as c:`.
  public var header: Expr?
  public var name: String?
  public var body: [Stmt]
}
