import OrderedCollections

/// A `dict` (or an instance of a `dict` subclass): insertion-ordered, keyed by Python equality.
final class DictObject: PyObject {
  var storage: OrderedDictionary<HashKey, Value>
  let cls: TypeObject
  var attributes: [String: Value] = [:]

  init(_ storage: OrderedDictionary<HashKey, Value> = [:], cls: TypeObject = BuiltinTypes.dict) {
    self.storage = storage
    self.cls = cls
  }

  override var pyType: TypeObject { cls }
}

/// A `set` or `frozenset`; iteration follows insertion order (LANGUAGE.md §8.1).
final class SetObject: PyObject {
  var storage: OrderedSet<HashKey>
  let frozen: Bool

  init(_ storage: OrderedSet<HashKey> = [], frozen: Bool = false) {
    self.storage = storage
    self.frozen = frozen
  }

  override var pyType: TypeObject { frozen ? BuiltinTypes.frozenset : BuiltinTypes.set }
}

/// A variable captured by an inner function (a closure cell).
final class Cell {
  var value: Value?

  init(_ value: Value? = nil) {
    self.value = value
  }
}

/// A function defined with `def` or `lambda`.
final class FunctionObject: PyObject {
  let code: FunctionCode
  /// Defaults of the last positional parameters, evaluated once when the `def` ran.
  let defaults: [Value]
  /// Defaults of keyword-only parameters, by parameter index (nil: required).
  let keywordDefaults: [Value?]
  /// Cells of the variables this function uses from enclosing functions.
  let closure: [Cell]
  let module: ModuleObject
  /// For a function defined inside another function's invocation: that invocation's frame, whose
  /// last command result `$.stdout` falls back to (LANGUAGE.md §4.1). Weak: the invocation may
  /// have ended; `isNested` spares top-level functions the weak load on every call.
  weak var definingFrame: Frame?
  var isNested = false
  var name: String
  var qualifiedName: String
  var attributes: [String: Value] = [:]

  init(
    code: FunctionCode, defaults: [Value], keywordDefaults: [Value?], closure: [Cell], module: ModuleObject,
    qualifiedName: String
  ) {
    self.code = code
    self.defaults = defaults
    self.keywordDefaults = keywordDefaults
    self.closure = closure
    self.module = module
    self.name = code.name
    self.qualifiedName = qualifiedName
  }

  override var pyType: TypeObject { BuiltinTypes.function }
}

/// The arguments of a call as the caller wrote them (after `*` and `**` unpacking).
struct CallArguments {
  var positional: [Value]
  var keywords: [(name: String, value: Value)] = []

  init(_ positional: [Value], keywords: [(name: String, value: Value)] = []) {
    self.positional = positional
    self.keywords = keywords
  }
}

/// A function written in Swift: a built-in function, or a method of a built-in type (which
/// receives `self` as its first positional argument).
final class BuiltinFunction: PyObject {
  typealias Body = (Interpreter, inout CallArguments) throws -> Value
  let name: String
  let body: Body

  init(_ name: String, _ body: @escaping Body) {
    self.name = name
    self.body = body
  }

  override var pyType: TypeObject { BuiltinTypes.builtinFunction }
}

/// `obj.method` for a function found on the object's class: calling it passes `obj` first.
final class BoundMethod: PyObject {
  let receiver: Value
  let function: Value

  init(receiver: Value, function: Value) {
    self.receiver = receiver
    self.function = function
  }

  override var pyType: TypeObject { BuiltinTypes.method }
}

/// `staticmethod(f)`, `classmethod(f)` and `property(...)` wrappers found in class bodies.
final class StaticMethod: PyObject {
  let function: Value
  init(_ function: Value) { self.function = function }
  override var pyType: TypeObject { BuiltinTypes.staticmethod }
}

final class ClassMethod: PyObject {
  let function: Value
  init(_ function: Value) { self.function = function }
  override var pyType: TypeObject { BuiltinTypes.classmethod }
}

final class PropertyObject: PyObject {
  let getter: Value?
  let setter: Value?
  let deleter: Value?
  let doc: Value

  init(getter: Value?, setter: Value?, deleter: Value?, doc: Value = .none) {
    self.getter = getter
    self.setter = setter
    self.deleter = deleter
    self.doc = doc
  }

  override var pyType: TypeObject { BuiltinTypes.property }
}

/// A module: the main script, an imported `.sshs` file, or a built-in module.
final class ModuleObject: PyObject {
  let name: String
  let globals: GlobalTable
  /// The module's file path (`__file__`), if it has one.
  let path: String?

  /// The last result of a `$` command run at the module's top level (LANGUAGE.md §4.1).
  var lastResult: Value?

  init(name: String, path: String?, globals: GlobalTable = GlobalTable()) {
    self.name = name
    self.path = path
    self.globals = globals
  }

  override var pyType: TypeObject { BuiltinTypes.module }
}

/// Module-level variables. The compiler gives every global name a slot, so reading a global
/// is an array access; `names` maps names to slots for `globals()`, imports and `getattr`.
/// Compiled nodes refer to the table without owning it: the module owns it, and modules are
/// owned by the interpreter's module table and by every function defined in them.
final class GlobalTable {
  private(set) var names: [String: Int] = [:]
  private(set) var order: [String] = []
  /// The values by slot, in storage that never moves while code reads it: a read is a plain load,
  /// without the retain and release of an array buffer (the hottest path of module-level loops).
  private(set) var values: UnsafeMutablePointer<Value?>
  private var capacity = 16

  init() {
    values = .allocate(capacity: capacity)
  }

  deinit {
    values.deinitialize(count: order.count)
    values.deallocate()
  }

  /// The slot of `name`, created (unbound) on first use.
  func slot(_ name: String) -> Int {
    if let index = names[name] { return index }
    let index = order.count
    if index == capacity {
      // Slots are made while compiling, under the interpreter lock: no node is reading.
      let larger = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: values, count: index)
      values.deallocate()
      values = larger
      capacity *= 2
    }
    (values + index).initialize(to: nil)
    names[name] = index
    order.append(name)
    return index
  }

  subscript(name: String) -> Value? {
    get { names[name].flatMap { values[$0] } }
    set {
      // The slot first: making it may move the storage.
      let index = slot(name)
      values[index] = newValue
    }
  }

  /// Bound names in the order they were first given a slot, without the compiler's hidden
  /// names (`$console:…`, which no identifier can spell).
  var bound: [(String, Value)] {
    order.compactMap { name in name.hasPrefix("$") ? nil : values[names[name]!].map { (name, $0) } }
  }
}

/// `range(start, stop, step)`.
final class RangeObject: PyObject {
  let start: Int
  let stop: Int
  let step: Int

  init(start: Int, stop: Int, step: Int) {
    self.start = start
    self.stop = stop
    self.step = step
  }

  var count: Int {
    if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
    return start > stop ? (start - stop - 1) / (-step) + 1 : 0
  }

  override var pyType: TypeObject { BuiltinTypes.range }
}

/// `slice(start, stop, step)`.
final class SliceObject: PyObject {
  let start: Value
  let stop: Value
  let step: Value

  init(start: Value, stop: Value, step: Value) {
    self.start = start
    self.stop = stop
    self.step = step
  }

  override var pyType: TypeObject { BuiltinTypes.slice }
}

/// An iterator implemented in Swift (`iter(list)`, `enumerate`, `zip`, dict views…).
class IteratorObject: PyObject {
  /// The next value, or nil when exhausted.
  func next(_ interpreter: Interpreter) throws -> Value? { nil }

  override var pyType: TypeObject { BuiltinTypes.iterator }
}

/// An iterator over a snapshot-free sequence of values produced by a closure.
final class ClosureIterator: IteratorObject {
  private let produce: (Interpreter) throws -> Value?
  private let typeName: TypeObject

  init(type: TypeObject = BuiltinTypes.iterator, _ produce: @escaping (Interpreter) throws -> Value?) {
    self.produce = produce
    self.typeName = type
  }

  override func next(_ interpreter: Interpreter) throws -> Value? { try produce(interpreter) }
  override var pyType: TypeObject { typeName }
}
