import Foundation

/// A console block (LANGUAGE.md §2.8, §2.9, §5.6): opens the console, binds it (to the hidden
/// name the `$` lines of the body use, and to `as NAME`), runs the body and closes the console
/// however the body ends. The enclosing slot's last result is then the console's summary.
final class ConsoleStatement: Statement {
  enum Opener {
    /// A with-dollar header: its text (nil for `with $:`), from a template or `$(expr)`.
    case header(template: FStringNode?, value: Expression?)
    /// `with x.enter(…) [as p]:` and the like: a console block when the value is a console,
    /// else an ordinary `with`.
    case call(Expression)
  }

  let opener: Opener
  let hidden: Target
  let target: Target?
  let body: Block
  /// The enclosing console block's console: a header inside one opens a nested console.
  let enclosing: Expression?

  init(opener: Opener, hidden: Target, target: Target?, body: Block, enclosing: Expression?, span: Span) {
    self.opener = opener
    self.hidden = hidden
    self.target = target
    self.body = body
    self.enclosing = enclosing
    super.init(span: span)
  }

  override func execute(_ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    let console: ConsoleObject
    switch opener {
    case .header(let template, let value):
      var text: String?
      if let template { text = try template.render(frame) }
      if let value {
        let header = try value.evaluate(frame)
        guard case .str(let headerText) = header else {
          throw Interpreter.typeError("a console header must be str, not \(Runtime.typeName(header))")
        }
        text = headerText
      }
      var parent: ConsoleObject?
      if let enclosing, case .object(let object as ConsoleObject) = try enclosing.evaluate(frame) { parent = object }
      console = try ConsoleObject.open(header: text, interpreter, inside: parent)
    case .call(let expression):
      let value = try expression.evaluate(frame)
      guard case .object(let object as ConsoleObject) = value else { return try ordinaryWith(value, frame) }
      console = object
    }
    try hidden.assign(.object(console), frame)
    let flow: Flow
    do {
      try target?.assign(.object(console), frame)
      flow = try body.run(frame)
    } catch {
      console.closeQuietly(interpreter)
      CommandResults.record(console.summary(), frame)
      throw error
    }
    let summary = try console.close(interpreter)
    CommandResults.record(summary, frame)
    return flow
  }

  /// The context-manager protocol, for a `with x.shell(…)` whose value is not a console.
  private func ordinaryWith(_ manager: Value, _ frame: Frame) throws -> Flow {
    let interpreter = frame.interpreter
    let type = Runtime.type(of: manager)
    guard let enter = type.lookup("__enter__"), let exit = type.lookup("__exit__") else {
      throw Interpreter.typeError("'\(type.name)' object does not support the context manager protocol")
    }
    let entered = try interpreter.call(enter, [manager])
    try hidden.assign(entered, frame)
    try target?.assign(entered, frame)
    let flow: Flow
    do {
      flow = try body.run(frame)
    } catch let failure as ScriptException {
      let exception = failure.exception
      let suppress = try interpreter.call(exit, [manager, .object(exception.cls), .object(exception), .none])
      if try interpreter.truthy(suppress) { return .normal }
      throw failure
    }
    _ = try interpreter.call(exit, [manager, .none, .none, .none])
    return flow
  }
}

/// A `$` command inside a console block (§2.9): `c(text)`. `$(expr, timeout=…, check=…)`
/// passes its options; a list or tuple is joined as one quoted argument vector.
final class ConsoleCommandNode: Expression {
  let console: Expression
  let template: FStringNode?
  let value: Expression?
  let options: [(name: String?, value: Expression)]

  init(
    console: Expression, template: FStringNode?, value: Expression?, options: [(name: String?, value: Expression)],
    span: Span
  ) {
    self.console = console
    self.template = template
    self.value = value
    self.options = options
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let interpreter = frame.interpreter
    let target = try console.evaluate(frame)
    let text: String
    if let template {
      text = try template.render(frame)
    } else {
      let command = try value!.evaluate(frame)
      switch command {
      case .str(let string): text = string
      case .list, .tuple:
        text = try interpreter.iterateToArray(command).map { item in
          guard case .str(let word) = item else {
            throw Interpreter.typeError("command arguments must be str, not \(Runtime.typeName(item))")
          }
          return ShellQuote.quote(word)
        }.joined(separator: " ")
      default:
        throw Interpreter.typeError("command must be str, list or tuple, not \(Runtime.typeName(command))")
      }
    }
    var keywords: [(name: String, value: Value)] = []
    for (name, expression) in options {
      let option = try expression.evaluate(frame)
      guard let name else {
        guard case .dict(let mapping) = option else {
          throw Interpreter.typeError("$() argument after ** must be a mapping, not \(Runtime.typeName(option))")
        }
        for (key, item) in mapping.storage {
          guard case .str(let keyName) = key.value else { throw Interpreter.typeError("keywords must be strings") }
          keywords.append((keyName, item))
        }
        continue
      }
      keywords.append((name, option))
    }
    if keywords.contains(where: { $0.name == "input" }) {
      throw Interpreter.typeError("input= is not available for a command in a console; use send() or input()")
    }
    var arguments = CallArguments([.str(text)], keywords: keywords)
    let result = try interpreter.call(target, &arguments)
    return result
  }
}

/// `$.name` inside a console block (§2.9): the console's member when it has one, else its
/// session's (§5.4), else the usual meaning (`$.exit`, `$.break`).
final class ConsoleAttributeNode: Expression {
  let console: Expression
  let fallback: DollarAttributeNode

  init(console: Expression, fallback: DollarAttributeNode, span: Span) {
    self.console = console
    self.fallback = fallback
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let target = try console.evaluate(frame)
    guard case .object(let object as ConsoleObject) = target else { return try fallback.evaluate(frame) }
    if ConsoleType.members.contains(fallback.name) {
      return try frame.interpreter.getAttribute(.object(object), fallback.name)
    }
    return try SessionType.member(fallback.name, of: object.session, frame.interpreter) ?? fallback.evaluate(frame)
  }
}
