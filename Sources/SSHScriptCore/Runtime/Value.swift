import BigInt

/// A Python value. Immutable data is held inline (`None`, bools, ints, floats, strings, bytes,
/// tuples); mutable containers and every other object live behind `final class` references so
/// that aliasing behaves as in Python (`b = a; b.append(1)` changes `a`).
///
/// Every value has a Python type (`Runtime.type(of:)`); the few inline cases keep the hot
/// paths of arithmetic and comparison free of allocation and dynamic dispatch.
enum Value {
  case none
  case bool(Bool)
  /// An integer that fits in 64 bits; results that do not fit become `.bigInt`.
  case int(Int)
  /// An integer outside the 64-bit range (always normalised: never a value that fits in `Int`).
  case bigInt(BigIntBox)
  case float(Double)
  case str(String)
  case bytes([UInt8])
  case tuple([Value])
  case list(ListObject)
  case dict(DictObject)
  case set(SetObject)
  /// Everything else: instances, functions, classes, modules, iterators, exceptions…
  case object(PyObject)

  static var `true`: Value { .bool(true) }
  static var `false`: Value { .bool(false) }

  /// An integer value from a `BigInt`, using the inline case when it fits.
  var isObject: Bool {
    if case .object = self { return true }
    return false
  }

  static func integer(_ value: BigInt) -> Value {
    if let small = Int(exactly: value) { return .int(small) }
    return .bigInt(BigIntBox(value))
  }
}

/// Boxes a `BigInt` so that `Value` stays small.
final class BigIntBox {
  let value: BigInt

  init(_ value: BigInt) {
    self.value = value
  }
}

/// The root of every heap object that is not an inline value.
class PyObject {
  /// The object's class.
  var pyType: TypeObject { BuiltinTypes.object }
}

/// A plain instance of a class defined in a script: its attributes live in `attributes`.
final class Instance: PyObject {
  let cls: TypeObject
  var attributes = AttributeTable()
  /// State of built-in classes implemented in Swift (a thread's handle).
  var native: AnyObject?

  init(cls: TypeObject) {
    self.cls = cls
  }

  override var pyType: TypeObject { cls }
}

/// A `list` (or an instance of a subclass of `list`).
final class ListObject: PyObject {
  var items: [Value]
  let cls: TypeObject
  /// Attributes of instances of `list` subclasses.
  var attributes: [String: Value] = [:]

  init(_ items: [Value] = [], cls: TypeObject = BuiltinTypes.list) {
    self.items = items
    self.cls = cls
  }

  override var pyType: TypeObject { cls }
}
