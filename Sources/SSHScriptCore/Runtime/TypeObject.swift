/// A class: a built-in type or one defined by a `class` statement.
final class TypeObject: PyObject {
  /// How instances of the class are laid out, inherited from the nearest built-in base.
  enum Layout {
    case object
    case exception
    case list
    case dict
    /// A built-in type that scripts cannot subclass (yet) or instantiate directly.
    case fixed
  }

  var name: String
  let bases: [TypeObject]
  private(set) var mro: [TypeObject] = []
  /// The class attributes. Any change bumps `version`, which invalidates the lookup caches of
  /// attribute and method nodes.
  var dict: [String: Value] {
    didSet { TypeObject.version &+= 1 }
  }

  /// Changes whenever any class's attributes change (guarded by the interpreter lock).
  nonisolated(unsafe) static var version = 0
  let layout: Layout
  /// `builtins` for built-in types, else the defining module's name (scripts may reassign
  /// `__module__`, as `collections.namedtuple` does).
  var moduleName: String
  /// `__qualname__` when a script assigned one; otherwise it reads as `name`.
  var assignedQualifiedName: String?

  init(name: String, bases: [TypeObject], dict: [String: Value] = [:], layout: Layout, moduleName: String = "builtins")
  {
    self.name = name
    self.bases = bases
    self.dict = dict
    self.layout = layout
    self.moduleName = moduleName
    super.init()
    mro = [self] + (bases.count == 1 ? bases[0].mro : [])
  }

  override var pyType: TypeObject { BuiltinTypes.type }

  /// Computes the C3 linearisation for a class with several bases (single inheritance is done
  /// in `init`). Returns nil when no consistent order exists.
  func computeMRO() -> Bool {
    guard bases.count > 1 else { return true }
    var sequences = bases.map(\.mro) + [bases]
    var result: [TypeObject] = [self]
    while true {
      sequences.removeAll { $0.isEmpty }
      if sequences.isEmpty {
        mro = result
        return true
      }
      var candidate: TypeObject?
      for sequence in sequences {
        let head = sequence[0]
        let inTail = sequences.contains { tail in tail.dropFirst().contains { $0 === head } }
        if !inTail {
          candidate = head
          break
        }
      }
      guard let next = candidate else { return false }
      result.append(next)
      for k in sequences.indices where sequences[k].first === next {
        sequences[k].removeFirst()
      }
    }
  }

  /// Finds an attribute along the MRO.
  func lookup(_ name: String) -> Value? {
    for type in mro {
      if let value = type.dict[name] { return value }
    }
    return nil
  }

  func isSubtype(of other: TypeObject) -> Bool {
    self === other || mro.contains { $0 === other }
  }

  var isBuiltin: Bool { moduleName == "builtins" }

  /// Set for the classes of a Python-source module that stands in for one CPython writes in C
  /// (ModuleRegistry.cModuleStandIns): C types name their module in messages.
  var namesModuleInMessages = false

  /// The name error messages give the class: `'date'`, or `'datetime.date'` as CPython says it.
  var messageName: String { namesModuleInMessages ? "\(moduleName).\(name)" : name }
}
