/// The variables of one running function (or module, or class body).
///
/// Locals live in slots numbered by the compiler, so the hot path never hashes a name. Variables
/// shared with inner functions live in cells: first this function's own, then the ones it
/// received from enclosing functions (`FunctionObject.closure`).
final class Frame {
  /// `slotCount` slots, owned by the frame (a plain allocation: frames are made for every call).
  let locals: UnsafeMutablePointer<Value?>
  private let slotCount: Int
  var cells: [Cell]
  /// The running function (or its defining frame) keeps the module alive.
  unowned(unsafe) let module: ModuleObject
  /// The interpreter outlives every frame it runs (frames live only during its calls).
  unowned(unsafe) let interpreter: Interpreter
  /// The namespace of a class body being executed.
  let namespace: DictObject?
  /// The statement running now, for tracebacks.
  var line: Span
  /// Set by `return`.
  var returnValue: Value = .none
  /// The exception being handled by the innermost `except` (for bare `raise` and chaining).
  var handling: [ExceptionObject] = []
  /// The last result of a `$` command run by this function invocation (LANGUAGE.md §4.1).
  var lastResult: Value?
  /// The invocation that defined the running function, when it is a nested one (§4.1).
  weak var enclosing: Frame?
  /// The code running in this frame (nil for class bodies), for traceback entries.
  unowned(unsafe) var code: FunctionCode?
  /// The generator whose body this frame runs; the core owns the frame, so this is weak.
  unowned(unsafe) var generator: GeneratorCore?

  init(
    slotCount: Int, cells: [Cell], module: ModuleObject, interpreter: Interpreter, namespace: DictObject? = nil,
    line: Span
  ) {
    self.slotCount = slotCount
    self.locals = UnsafeMutablePointer<Value?>.allocate(capacity: max(slotCount, 1))
    self.locals.initialize(repeating: nil, count: slotCount)
    self.cells = cells
    self.module = module
    self.interpreter = interpreter
    self.namespace = namespace
    self.line = line
  }

  deinit {
    locals.deinitialize(count: slotCount)
    locals.deallocate()
  }
}

/// What a statement tells the statements around it.
enum Flow {
  case normal
  case breakLoop
  case continueLoop
  case returned
}

/// A compiled statement. Subclasses implement `execute`.
class Statement {
  let span: Span

  init(span: Span) {
    self.span = span
  }

  func execute(_ frame: Frame) throws -> Flow {
    throw Interpreter.error(BuiltinTypes.runtimeError, "internal error: statement without implementation")
  }
}

/// A compiled expression. Subclasses implement `evaluate`.
class Expression {
  let span: Span

  init(span: Span) {
    self.span = span
  }

  func evaluate(_ frame: Frame) throws -> Value {
    throw Interpreter.error(BuiltinTypes.runtimeError, "internal error: expression without implementation")
  }
}

/// Runs statements in order; stops at the first that breaks the normal flow.
struct Block {
  let statements: [Statement]

  @inline(__always)
  func run(_ frame: Frame) throws -> Flow {
    for statement in statements {
      frame.line = statement.span
      let flow = try statement.execute(frame)
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }
}

/// The compiled form of a `def` or `lambda`, shared by every function object made from it.
final class FunctionCode {
  let name: String
  let qualifiedName: String
  /// Parameter names in slot order: positional(-only and normal), keyword-only, `*args`, `**kwargs`.
  let parameterNames: [String]
  let positionalCount: Int
  let positionalOnlyCount: Int
  let keywordOnlyCount: Int
  let hasVarArgs: Bool
  let hasVarKeywords: Bool
  let slotCount: Int
  let ownCellCount: Int
  /// Parameters that inner functions capture: (slot, cell) pairs copied after binding.
  let parameterCells: [(slot: Int, cell: Int)]
  let localNames: [String]
  let isGenerator: Bool
  let span: Span
  var docstring: String?
  var body = Block(statements: [])

  init(
    name: String, qualifiedName: String, parameterNames: [String], positionalCount: Int, positionalOnlyCount: Int,
    keywordOnlyCount: Int, hasVarArgs: Bool, hasVarKeywords: Bool, slotCount: Int, ownCellCount: Int,
    parameterCells: [(slot: Int, cell: Int)], localNames: [String], isGenerator: Bool, span: Span
  ) {
    self.name = name
    self.qualifiedName = qualifiedName
    self.parameterNames = parameterNames
    self.positionalCount = positionalCount
    self.positionalOnlyCount = positionalOnlyCount
    self.keywordOnlyCount = keywordOnlyCount
    self.hasVarArgs = hasVarArgs
    self.hasVarKeywords = hasVarKeywords
    self.slotCount = slotCount
    self.ownCellCount = ownCellCount
    self.parameterCells = parameterCells
    self.localNames = localNames
    self.isGenerator = isGenerator
    self.span = span
  }

  /// True when a call with exactly `positionalCount` positional arguments needs no other work.
  var isSimple: Bool {
    keywordOnlyCount == 0 && !hasVarArgs && !hasVarKeywords && parameterCells.isEmpty && !isGenerator
  }
}
