import OrderedCollections

/// `hashlib` (LANGUAGE.md §8.6): `md5 sha1 sha224 sha256 sha384 sha512` and `new(name)`, hash
/// objects with `update digest hexdigest copy name digest_size block_size`, as CPython's
/// OpenSSL-backed `_hashlib.HASH`. The digests are `MessageDigest`.
enum HashlibModule {
  static let pythonOnlyNames: Set<String> = [
    "blake2b", "blake2s", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256", "pbkdf2_hmac",
    "scrypt", "file_digest",
  ]

  nonisolated(unsafe) static let hashType = TypeObject(
    name: "HASH", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_hashlib")

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    installOnce()
    let module = ModuleObject(name: "hashlib", path: nil)
    let globals = module.globals
    let names = MessageDigest.Algorithm.allCases.map { Value.str($0.rawValue) }
    globals["algorithms_guaranteed"] = .set(SetObject(OrderedSet(try! names.map { try HashKey($0) })))
    globals["algorithms_available"] = .set(SetObject(OrderedSet(try! names.map { try HashKey($0) })))
    for algorithm in MessageDigest.Algorithm.allCases {
      let function = "openssl_" + algorithm.rawValue
      globals.function(algorithm.rawValue) { interpreter, arguments in
        if arguments.positional.count > 1 {
          throw Interpreter.typeError(
            "\(function)() takes at most 1 positional argument (\(arguments.positional.count) given)")
        }
        var data = arguments.positional.first
        for (name, value) in arguments.keywords {
          switch name {
          case "string" where data == nil: data = value
          case "usedforsecurity": break
          default: throw Interpreter.typeError("'\(name)' is an invalid keyword argument for \(function)()")
          }
        }
        return .object(try start(algorithm, data))
      }
    }
    globals.function("new") { interpreter, arguments in
      let values = try PythonSignature("new", ["name", "data"], required: 1, keywordOnly: ["usedforsecurity"])
        .bind(arguments)
      guard case .str(let name) = values[0]! else { throw Interpreter.typeError("name must be a string") }
      // OpenSSL's spellings work too: "SHA256", "sha-256".
      let normalized = name.lowercased().replacingOccurrences(of: "-", with: "")
      guard let algorithm = MessageDigest.Algorithm(rawValue: normalized) else {
        throw Interpreter.valueError("unsupported hash type \(name)")
      }
      return .object(try start(algorithm, values[1]))
    }
    return module
  }

  private static func start(_ algorithm: MessageDigest.Algorithm, _ data: Value?) throws -> HashObject {
    var digest = MessageDigest(algorithm)
    if let data { digest.update(try bytes(data)) }
    return HashObject(digest)
  }

  /// The bytes to hash, with CPython's messages for the wrong kinds of argument.
  static func bytes(_ value: Value) throws -> [UInt8] {
    switch value {
    case .bytes(let data): return data
    case .str: throw Interpreter.typeError("Strings must be encoded before hashing")
    default: throw Interpreter.typeError("object supporting the buffer API required")
    }
  }

  nonisolated(unsafe) private static var installed = false

  /// Methods of `_hashlib.HASH`; runs under the interpreter lock.
  private static func installOnce() {
    guard !installed else { return }
    installed = true
    let type = hashType
    func hash(_ arguments: inout CallArguments, _ method: String) throws -> HashObject {
      guard case .object(let object as HashObject) = try BuiltinMethods.receiver(&arguments, "HASH", method) else {
        throw Interpreter.typeError("descriptor '\(method)' requires a '_hashlib.HASH' object")
      }
      return object
    }
    func noArguments(_ arguments: CallArguments, _ method: String) throws {
      if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
        throw Interpreter.typeError(
          "HASH.\(method)() takes no arguments (\(arguments.positional.count + arguments.keywords.count) given)")
      }
    }
    BuiltinMethods.add(type, "update") { _, arguments in
      let target = try hash(&arguments, "update")
      guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
        throw Interpreter.typeError(
          "HASH.update() takes exactly one argument (\(arguments.positional.count + arguments.keywords.count) given)")
      }
      target.digest.update(try bytes(arguments.positional[0]))
      return .none
    }
    BuiltinMethods.add(type, "digest") { _, arguments in
      let target = try hash(&arguments, "digest")
      try noArguments(arguments, "digest")
      return .bytes(target.digest.finalized())
    }
    BuiltinMethods.add(type, "hexdigest") { _, arguments in
      let target = try hash(&arguments, "hexdigest")
      try noArguments(arguments, "hexdigest")
      return .str(hexString(target.digest.finalized()))
    }
    BuiltinMethods.add(type, "copy") { _, arguments in
      let target = try hash(&arguments, "copy")
      try noArguments(arguments, "copy")
      return .object(HashObject(target.digest))
    }
    BuiltinMethods.add(type, "__repr__") { interpreter, arguments in
      let target = try hash(&arguments, "__repr__")
      return .str("<\(target.digest.algorithm.rawValue) _hashlib.HASH object @ 0x\(interpreter.address(target))>")
    }
    func property(_ name: String, _ read: @escaping (MessageDigest) -> Value) {
      type.dict[name] = .object(
        PropertyObject(
          getter: .object(
            BuiltinFunction(name) { _, arguments in
              var arguments = arguments
              return read(try hash(&arguments, name).digest)
            }), setter: nil, deleter: nil))
    }
    property("name") { .str($0.algorithm.rawValue) }
    property("digest_size") { .int($0.algorithm.digestSize) }
    property("block_size") { .int($0.algorithm.blockSize) }
  }

  static func hexString(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xf)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

/// A `_hashlib.HASH` object: one running digest.
final class HashObject: PyObject {
  var digest: MessageDigest

  init(_ digest: MessageDigest) {
    self.digest = digest
  }

  override var pyType: TypeObject { HashlibModule.hashType }
}
