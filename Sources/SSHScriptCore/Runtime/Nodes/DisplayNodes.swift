import Foundation

/// Displays (`[…]`, `(…)`, `{…}`), comprehensions and f-strings.

/// An element of a list, tuple or set display: a value or `*iterable`.
enum ElementNode {
  case value(Expression)
  case star(Expression)
}

extension Interpreter {
  func evaluateElements(_ elements: [ElementNode], _ frame: Frame) throws -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(elements.count)
    for element in elements {
      switch element {
      case .value(let node): values.append(try node.evaluate(frame))
      case .star(let node): values.append(contentsOf: try iterateToArray(try node.evaluate(frame)))
      }
    }
    return values
  }
}

final class ListNode: Expression {
  let elements: [ElementNode]

  init(elements: [ElementNode], span: Span) {
    self.elements = elements
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    .list(ListObject(try frame.interpreter.evaluateElements(elements, frame)))
  }
}

final class TupleNode: Expression {
  let elements: [ElementNode]

  init(elements: [ElementNode], span: Span) {
    self.elements = elements
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    .tuple(try frame.interpreter.evaluateElements(elements, frame))
  }
}

final class SetNode: Expression {
  let elements: [ElementNode]

  init(elements: [ElementNode], span: Span) {
    self.elements = elements
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let set = SetObject()
    for value in try frame.interpreter.evaluateElements(elements, frame) { set.storage.append(try HashKey(value)) }
    return .set(set)
  }
}

final class DictNode: Expression {
  /// A nil key is a `**mapping` entry.
  let entries: [(key: Expression?, value: Expression)]

  init(entries: [(key: Expression?, value: Expression)], span: Span) {
    self.entries = entries
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let dict = DictObject()
    for (key, value) in entries {
      if let key {
        let keyValue = try key.evaluate(frame)
        dict.storage[try HashKey(keyValue)] = try value.evaluate(frame)
      } else {
        let mapping = try value.evaluate(frame)
        guard case .dict(let other) = mapping else {
          throw Interpreter.typeError("'\(Runtime.typeName(mapping))' object is not a mapping")
        }
        for (k, v) in other.storage { dict.storage[k] = v }
      }
    }
    return .dict(dict)
  }
}

/// A comprehension: runs in its own frame (its own scope), fed by the first iterable, which is
/// evaluated in the enclosing scope.
final class ComprehensionNode: Expression {
  enum Kind {
    case list
    case set
    case dict
    /// A generator expression: a lazy iterator (`ComprehensionIterator`), no thread needed.
    case generator
  }

  struct Clause {
    let target: Target
    /// nil for the first clause (its iterable is `firstIterable`).
    let iterable: Expression?
    let conditions: [Expression]
  }

  let kind: Kind
  let firstIterable: Expression
  let clauses: [Clause]
  let element: Expression
  let value: Expression?
  let slotCount: Int
  let ownCellCount: Int
  /// For each free variable of the comprehension, the cell index in the enclosing frame.
  let closureCells: [Int]

  init(
    kind: Kind, firstIterable: Expression, clauses: [Clause], element: Expression, value: Expression?, slotCount: Int,
    ownCellCount: Int, closureCells: [Int], span: Span
  ) {
    self.kind = kind
    self.firstIterable = firstIterable
    self.clauses = clauses
    self.element = element
    self.value = value
    self.slotCount = slotCount
    self.ownCellCount = ownCellCount
    self.closureCells = closureCells
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    let iterable = try firstIterable.evaluate(frame)
    let inner = Frame(
      slotCount: slotCount, cells: (0..<ownCellCount).map { _ in Cell() } + closureCells.map { frame.cells[$0] },
      module: frame.module, interpreter: frame.interpreter, namespace: nil, line: frame.line)
    if kind == .generator {
      return .object(ComprehensionIterator(self, inner, try frame.interpreter.makeIterator(iterable)))
    }
    var items: [Value] = []
    let dict = kind == .dict ? DictObject() : nil
    try run(clause: 0, iterable: iterable, inner) { frame in
      if let dict, let value {
        let key = try self.element.evaluate(frame)
        dict.storage[try HashKey(key)] = try value.evaluate(frame)
      } else {
        items.append(try self.element.evaluate(frame))
      }
    }
    switch kind {
    case .list: return .list(ListObject(items))
    case .set:
      let set = SetObject()
      for item in items { set.storage.append(try HashKey(item)) }
      return .set(set)
    case .dict, .generator: return .dict(dict!)
    }
  }

  private func run(clause index: Int, iterable: Value, _ frame: Frame, _ produce: (Frame) throws -> Void) throws {
    let clause = clauses[index]
    try frame.interpreter.forEach(iterable) { item in
      try clause.target.assign(item, frame)
      for condition in clause.conditions where try !frame.interpreter.truthy(try condition.evaluate(frame)) {
        return true
      }
      if index + 1 < clauses.count {
        let next = try clauses[index + 1].iterable!.evaluate(frame)
        try run(clause: index + 1, iterable: next, frame, produce)
      } else {
        try produce(frame)
      }
      return true
    }
  }
}

/// A running generator expression: one iterator per `for` clause, advanced like an odometer;
/// each `next` runs the clauses until the element expression produces a value.
final class ComprehensionIterator: IteratorObject, Resumable {
  private let node: ComprehensionNode
  private let frame: Frame
  private var iterators: [IteratorObject]

  init(_ node: ComprehensionNode, _ frame: Frame, _ first: IteratorObject) {
    self.node = node
    self.frame = frame
    self.iterators = [first]
  }

  override var pyType: TypeObject { BuiltinTypes.generator }

  var returnValue: Value { .none }

  func resume(_ interpreter: Interpreter, send value: Value, throwing exception: ScriptException?) throws -> Value? {
    if let exception {
      iterators.removeAll()
      throw exception
    }
    return try next(interpreter)
  }

  func close(_ interpreter: Interpreter) throws {
    iterators.removeAll()
  }

  override func next(_ interpreter: Interpreter) throws -> Value? {
    do {
      while let current = iterators.last {
        let level = iterators.count - 1
        guard let item = try current.next(interpreter) else {
          iterators.removeLast()
          continue
        }
        let clause = node.clauses[level]
        try clause.target.assign(item, frame)
        var passes = true
        for condition in clause.conditions where try !interpreter.truthy(try condition.evaluate(frame)) {
          passes = false
          break
        }
        guard passes else { continue }
        if level + 1 < node.clauses.count {
          iterators.append(try interpreter.makeIterator(try node.clauses[level + 1].iterable!.evaluate(frame)))
          continue
        }
        return try node.element.evaluate(frame)
      }
      return nil
    } catch {
      // As with a generator, an exception ends it.
      iterators.removeAll()
      throw error
    }
  }
}

/// An f-string: literal parts and formatted fields, concatenated.
final class FStringNode: Expression {
  enum Part {
    case literal(String)
    case field(value: Expression, conversion: Conversion, spec: FStringNode?, debugText: String?)
  }

  let parts: [Part]

  init(parts: [Part], span: Span) {
    self.parts = parts
    super.init(span: span)
  }

  override func evaluate(_ frame: Frame) throws -> Value {
    .str(try render(frame))
  }

  func render(_ frame: Frame) throws -> String {
    let interpreter = frame.interpreter
    var result = ""
    for part in parts {
      switch part {
      case .literal(let text): result += text
      case .field(let node, let conversion, let specNode, let debugText):
        if let debugText { result += debugText }
        var value = try node.evaluate(frame)
        switch conversion {
        case .none: break
        case .str: value = .str(try interpreter.str(value))
        case .repr: value = .str(try interpreter.repr(value))
        case .ascii: value = .str(BuiltinFunctions.asciiOnly(try interpreter.repr(value)))
        case .quote: value = .str(ShellQuote.quote(value, interpreter))
        }
        let spec = try specNode?.render(frame) ?? ""
        if spec.isEmpty, case .str(let text) = value {
          result += text
        } else {
          result += try PythonFormat.format(value, spec, interpreter)
        }
      }
    }
    return result
  }
}

/// The `!q` conversion (LANGUAGE.md §2.7): quoting for a POSIX shell.
enum ShellQuote {
  static func quote(_ value: Value, _ interpreter: Interpreter) -> String {
    switch value {
    case .list(let list): return list.items.map { quote($0, interpreter) }.joined(separator: " ")
    case .tuple(let items): return items.map { quote($0, interpreter) }.joined(separator: " ")
    case .bytes(let data): return quote(String(decoding: data, as: UTF8.self))
    case .str(let text): return quote(text)
    default: return quote((try? interpreter.str(value)) ?? "")
    }
  }

  static func quote(_ text: String) -> String {
    if text.isEmpty { return "''" }
    let safe = text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "@%+=:,./_-".unicodeScalars.contains(scalar))
    }
    if safe { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
