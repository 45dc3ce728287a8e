import Foundation

/// Helpers shared by the built-in modules written in Swift.
extension GlobalTable {
  /// Defines a module-level built-in function.
  func function(_ name: String, _ body: @escaping BuiltinFunction.Body) {
    self[name] = .object(BuiltinFunction(name, body))
  }
}

extension TypeObject {
  /// Defines a method; its body receives `self` as `arguments.positional[0]`.
  func method(_ name: String, _ body: @escaping BuiltinFunction.Body) {
    dict[name] = .object(BuiltinFunction(name, body))
  }

  /// A class defined by a built-in module (`os.stat_result`, `string.Template`…).
  static func moduleClass(
    _ name: String, module: String, base: TypeObject = BuiltinTypes.object, layout: TypeObject.Layout = .object
  ) -> TypeObject {
    TypeObject(name: name, bases: [base], layout: layout, moduleName: module)
  }
}

/// The receiver of a method of a module class, checked to be an instance of that class.
func moduleInstance(_ arguments: inout CallArguments, _ type: TypeObject, _ method: String) throws -> Instance {
  guard !arguments.positional.isEmpty else {
    throw Interpreter.typeError("descriptor '\(method)' of '\(type.name)' object needs an argument")
  }
  let receiver = arguments.positional.removeFirst()
  guard case .object(let instance as Instance) = receiver, instance.cls.isSubtype(of: type) else {
    throw Interpreter.typeError(
      "descriptor '\(method)' for '\(type.name)' objects doesn't apply to a '\(Runtime.typeName(receiver))' object")
  }
  return instance
}

/// `OSError` and its subclasses as the runtime raises them: the class chosen by `errno`, the
/// message `[Errno 2] No such file or directory: 'name'`, and the attributes `errno`,
/// `strerror`, `filename` (and `filename2`).
enum OSErrors {
  static func type(for code: Int32) -> TypeObject {
    switch code {
    case ENOENT: return BuiltinTypes.fileNotFoundError
    case EEXIST: return BuiltinTypes.fileExistsError
    case EACCES, EPERM: return BuiltinTypes.permissionError
    case EISDIR: return BuiltinTypes.isADirectoryError
    case ENOTDIR: return BuiltinTypes.notADirectoryError
    case ETIMEDOUT: return BuiltinTypes.timeoutError
    case EPIPE, ESHUTDOWN: return BuiltinTypes.brokenPipeError
    case ECONNREFUSED: return BuiltinTypes.connectionRefusedError
    case ECONNRESET: return BuiltinTypes.connectionResetError
    case ECONNABORTED: return BuiltinTypes.connectionAbortedError
    case EAGAIN, EALREADY, EINPROGRESS: return BuiltinTypes.blockingIOError
    case ECHILD: return BuiltinTypes.childProcessError
    case EINTR: return BuiltinTypes.interruptedError
    case ESRCH: return BuiltinTypes.processLookupError
    default: return BuiltinTypes.osError
    }
  }

  static func message(_ code: Int32) -> String {
    String(cString: strerror(code))
  }

  /// The exception for `code`, naming the files as CPython does (`'a' -> 'b'` for two).
  static func make(_ code: Int32, _ filename: Value? = nil, _ filename2: Value? = nil) -> ScriptException {
    let strerror = message(code)
    // As in CPython, `args` is (errno, strerror); the file names are attributes, and `str(e)`
    // puts them together (`Interpreter.exceptionMessage`).
    let exception = ExceptionObject(cls: type(for: code), args: [.int(Int(code)), .str(strerror)])
    exception.attributes["errno"] = .int(Int(code))
    exception.attributes["strerror"] = .str(strerror)
    exception.attributes["filename"] = filename ?? Value.none
    exception.attributes["filename2"] = filename2 ?? Value.none
    return ScriptException(exception)
  }

  static func make(_ code: Int32, path: String, _ path2: String? = nil) -> ScriptException {
    make(code, .str(path), path2.map { .str($0) })
  }

  /// The current `errno` as an exception.
  static func current(_ filename: Value? = nil, _ filename2: Value? = nil) -> ScriptException {
    make(errno, filename, filename2)
  }
}

/// A path argument: `str`, `bytes` or an object with `__fspath__`.
struct PathArgument {
  /// The original value, for error messages (`filename`).
  let value: Value
  /// The path as the file system sees it.
  let bytes: [UInt8]
  let isBytes: Bool

  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// The path in the kind of the argument: `str` for a `str` path, `bytes` for a `bytes` one.
  func result(_ path: [UInt8]) -> Value {
    isBytes ? .bytes(path) : .str(String(decoding: path, as: UTF8.self))
  }

  /// For os functions: `mkdir: path should be string, bytes or os.PathLike, not int`.
  static func os(
    _ interpreter: Interpreter, _ value: Value, _ function: String, argument: String = "path",
    accepts: String = "string, bytes or os.PathLike"
  ) throws -> PathArgument {
    if let path = try fspath(interpreter, value) { return path }
    throw Interpreter.typeError("\(function): \(argument) should be \(accepts), not \(Runtime.typeName(value))")
  }

  /// For `os.path` functions: `expected str, bytes or os.PathLike object, not int`.
  static func generic(_ interpreter: Interpreter, _ value: Value) throws -> PathArgument {
    if let path = try fspath(interpreter, value) { return path }
    throw Interpreter.typeError("expected str, bytes or os.PathLike object, not \(Runtime.typeName(value))")
  }

  static func fspath(_ interpreter: Interpreter, _ value: Value) throws -> PathArgument? {
    switch value {
    case .str(let text):
      return PathArgument(value: value, bytes: Array(text.utf8), isBytes: false)
    case .bytes(let data):
      return PathArgument(value: value, bytes: data, isBytes: true)
    case .object:
      guard let result = try interpreter.callSpecial(value, "__fspath__", []) else { return nil }
      switch result {
      case .str, .bytes: return try fspath(interpreter, result)
      default:
        throw Interpreter.typeError(
          "expected \(Runtime.typeName(value)).__fspath__() to return str or bytes, not \(Runtime.typeName(result))")
      }
    default:
      return nil
    }
  }

  /// Runs a C call with the path as a NUL-terminated string; `ValueError: embedded null byte`
  /// for paths that contain NUL.
  func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) throws -> T {
    if bytes.contains(0) { throw Interpreter.valueError("embedded null byte") }
    var terminated = bytes.map { CChar(bitPattern: $0) }
    terminated.append(0)
    return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
  }
}

/// Named-tuple-like results (`os.stat_result`, `time.struct_time`): instances whose first
/// `fields` attributes also form a tuple (indexing, `len`, iteration, comparison).
enum StructSequence {
  static func makeType(_ name: String, module: String, fields: [String], reprFields: [String]? = nil) -> TypeObject {
    // A subclass of tuple, as in CPython (`isinstance(os.stat(p), tuple)`); `tuple`'s own methods
    // read the values through `tupleItems`.
    let type = TypeObject.moduleClass(name, module: module, base: BuiltinTypes.tuple)
    type.dict["__tuple_fields__"] = .tuple(fields.map { .str($0) })
    func items(_ arguments: inout CallArguments, _ method: String) throws -> [Value] {
      let instance = try moduleInstance(&arguments, type, method)
      return fields.map { instance.attributes[$0] ?? Value.none }
    }
    type.method("__getitem__") { interpreter, arguments in
      let values = try items(&arguments, "__getitem__")
      guard let key = arguments.positional.first else {
        throw Interpreter.typeError("expected 1 argument, got 0")
      }
      return try interpreter.getItem(.tuple(values), key)
    }
    type.method("__len__") { _, arguments in .int(try items(&arguments, "__len__").count) }
    type.method("__iter__") { _, arguments in
      .object(Interpreter.arrayIterator(try items(&arguments, "__iter__")))
    }
    type.method("__contains__") { interpreter, arguments in
      let values = try items(&arguments, "__contains__")
      return .bool(try interpreter.contains(.tuple(values), arguments.positional.first ?? Value.none))
    }
    type.method("__repr__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__repr__")
      let shown = try (reprFields ?? fields).map {
        "\($0)=" + (try interpreter.repr(instance.attributes[$0] ?? Value.none))
      }
      return .str("\(module).\(name)(" + shown.joined(separator: ", ") + ")")
    }
    type.method("__hash__") { _, arguments in
      .int(try HashKey.pythonHash(.tuple(try items(&arguments, "__hash__"))))
    }
    func other(_ interpreter: Interpreter, _ value: Value) -> [Value]? {
      switch value {
      case .tuple(let values): return values
      case .object(let instance as Instance) where instance.cls.isSubtype(of: type):
        return fields.map { instance.attributes[$0] ?? Value.none }
      default: return nil
      }
    }
    // `+` and `*` are those of the tuple (and give plain tuples).
    for (method, op, reflected) in [
      ("__add__", BinaryOperator.add, false), ("__radd__", .add, true), ("__mul__", .mult, false),
      ("__rmul__", .mult, true),
    ] {
      type.method(method) { interpreter, arguments in
        let values = Value.tuple(try items(&arguments, method))
        guard let other = arguments.positional.first else { throw Interpreter.typeError("expected 1 argument, got 0") }
        if case .object = other, op == .add, StructSequence.tupleItems(other) == nil {
          return .object(Builtins.notImplemented)
        }
        let right = StructSequence.tupleItems(other).map { Value.tuple($0) } ?? other
        return try reflected ? interpreter.binary(op, right, values) : interpreter.binary(op, values, right)
      }
    }
    let comparisons: [(String, CompareOperator)] = [
      ("__eq__", .eq), ("__ne__", .notEq), ("__lt__", .lt), ("__le__", .ltE), ("__gt__", .gt), ("__ge__", .gtE),
    ]
    for (method, op) in comparisons {
      type.method(method) { interpreter, arguments in
        let values = try items(&arguments, method)
        guard let right = arguments.positional.first, let rightValues = other(interpreter, right) else {
          return .object(Builtins.notImplemented)
        }
        return .bool(try interpreter.compare(op, .tuple(values), .tuple(rightValues)))
      }
    }
    return type
  }

  static func make(_ type: TypeObject, _ values: [(String, Value)]) -> Value {
    let instance = Instance(cls: type)
    for (name, value) in values { instance.attributes[name] = value }
    return .object(instance)
  }

  /// The tuple part of an instance of such a type, for the methods of `tuple`.
  static func tupleItems(_ value: Value) -> [Value]? {
    guard case .object(let instance as Instance) = value,
      case .tuple(let fields)? = instance.cls.lookup("__tuple_fields__")
    else { return nil }
    return fields.map { field in
      guard case .str(let name) = field else { return Value.none }
      return instance.attributes[name] ?? Value.none
    }
  }
}

/// The parameters of a function that CPython defines in Python (`os.path.join`,
/// `random.randint`…): binding the arguments gives CPython's messages for those
/// (`randint() missing 1 required positional argument: 'b'`), which differ from the ones of
/// functions written in C.
struct PythonSignature {
  /// The name in messages, qualified for methods (`Random.randint`).
  let function: String
  /// Positional-or-keyword parameters, without `self`.
  let parameters: [String]
  /// How many of `parameters` have no default.
  let required: Int
  let keywordOnly: [String]
  /// Counted in "takes N positional arguments" (bound methods).
  let hasSelf: Bool

  init(
    _ function: String, _ parameters: [String], required: Int? = nil, keywordOnly: [String] = [],
    self hasSelf: Bool = false
  ) {
    self.function = function
    self.parameters = parameters
    self.required = required ?? parameters.count
    self.keywordOnly = keywordOnly
    self.hasSelf = hasSelf
  }

  private static func list(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    switch quoted.count {
    case 1: return quoted[0]
    case 2: return quoted[0] + " and " + quoted[1]
    default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
    }
  }

  /// The value of each parameter, then of each keyword-only one (nil: not given).
  func bind(_ arguments: CallArguments) throws -> [Value?] {
    let offset = hasSelf ? 1 : 0
    if arguments.positional.count > parameters.count {
      let most = parameters.count + offset
      let takes = required == parameters.count ? "\(most)" : "from \(required + offset) to \(most)"
      let given = arguments.positional.count + offset
      throw Interpreter.typeError(
        "\(function)() takes \(takes) positional argument\(most == 1 && required == parameters.count ? "" : "s") but \(given) \(given == 1 ? "was" : "were") given"
      )
    }
    var values: [Value?] =
      Array(arguments.positional) + Array(repeating: nil, count: parameters.count - arguments.positional.count)
    values += Array(repeating: nil, count: keywordOnly.count)
    for (name, value) in arguments.keywords {
      if let index = parameters.firstIndex(of: name) {
        if values[index] != nil {
          throw Interpreter.typeError("\(function)() got multiple values for argument '\(name)'")
        }
        values[index] = value
      } else if let index = keywordOnly.firstIndex(of: name) {
        values[parameters.count + index] = value
      } else {
        throw Interpreter.typeError("\(function)() got an unexpected keyword argument '\(name)'")
      }
    }
    let missing = (0..<required).filter { values[$0] == nil }.map { parameters[$0] }
    if !missing.isEmpty {
      let noun = missing.count == 1 ? "argument" : "arguments"
      throw Interpreter.typeError(
        "\(function)() missing \(missing.count) required positional \(noun): \(PythonSignature.list(missing))")
    }
    return values
  }
}

/// Names that CPython's modules have and sshs's do not, by module: for the
/// ` (not available in sshs)` suffix of LANGUAGE.md §8.7 (`module 'os' has no attribute 'fork'`).
enum MissingModuleNames {
  static let byModule: [String: Set<String>] = [
    "os": OSModule.pythonOnlyNames,
    "tempfile": TempfileModule.pythonOnlyNames,
    "string": StringModule.pythonOnlyNames,
    "shlex": ShlexModule.pythonOnlyNames,
    "random": RandomModule.pythonOnlyNames,
    "time": TimeModule.pythonOnlyNames,
    "math": MathModule.pythonOnlyNames,
    "os.path": ["supports_unicode_filenames", "genericpath", "os", "stat", "sys"],
    "posixpath": ["supports_unicode_filenames", "genericpath", "os", "stat", "sys"],
    "json": ["decoder", "encoder", "scanner", "detect_encoding"],
    "glob": ["glob0", "glob1", "magic_check", "magic_check_bytes"],
    "fnmatch": FnmatchModule.pythonOnlyNames,
    "re": RegexModule.pythonOnlyNames,
    "traceback": TracebackModule.pythonOnlyNames,
    "socket": [
      "socket", "create_connection", "getaddrinfo", "gethostbyname", "getfqdn", "AF_INET", "AF_INET6", "SOCK_STREAM",
      "SOCK_DGRAM", "timeout", "error", "herror", "gaierror", "create_server", "socketpair", "fromfd", "inet_aton",
      "inet_ntoa", "htons", "ntohs", "gethostbyaddr", "getservbyname", "setdefaulttimeout", "getdefaulttimeout",
    ],
    "getpass": ["GetPassWarning", "unix_getpass", "fallback_getpass"],
    "collections": ["UserDict", "UserList", "UserString", "abc"],
    "functools": [
      "cached_property", "singledispatch", "singledispatchmethod", "partialmethod", "get_cache_token", "recursive_repr",
      "GenericAlias", "RLock",
    ],
    "concurrent.futures": ["ProcessPoolExecutor", "process"],
    "hashlib": HashlibModule.pythonOnlyNames,
    "binascii": BinasciiModule.pythonOnlyNames,
    "base64": Base64Module.pythonOnlyNames,
    "uuid": UUIDModule.pythonOnlyNames,
  ]

  static func pythonHas(module: String, member: String) -> Bool {
    byModule[module]?.contains(member) ?? false
  }
}
