import Foundation

/// `os.path` (LANGUAGE.md §8.6), the algorithms of CPython's `posixpath`. Paths are handled
/// as UTF-8 bytes (`/` and `.` never occur inside a multi-byte character), so `str` and
/// `bytes` arguments share one implementation and results come back in the argument's kind.
enum OSPathModule {
  static let slash = UInt8(ascii: "/")
  static let dot = UInt8(ascii: ".")

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    // CPython's `os.path` is `posixpath`: its name in messages and `__name__`.
    let module = ModuleObject(name: "posixpath", path: nil)
    let globals = module.globals
    globals["sep"] = .str("/")
    globals["altsep"] = Value.none
    globals["pathsep"] = .str(":")
    globals["curdir"] = .str(".")
    globals["pardir"] = .str("..")
    globals["extsep"] = .str(".")
    globals["devnull"] = .str("/dev/null")
    globals["defpath"] = .str("/bin:/usr/bin")
    installPure(globals)
    installFileSystem(globals)
    return module
  }

  /// A function of one path argument returning a path of the same kind.
  private static func unary(
    _ globals: GlobalTable, _ name: String, _ parameter: String, _ body: @escaping ([UInt8]) -> [UInt8]
  ) {
    let signature = PythonSignature(name, [parameter])
    globals.function(name) { interpreter, arguments in
      let path = try PathArgument.generic(interpreter, try signature.bind(arguments)[0]!)
      return path.result(body(path.bytes))
    }
  }

  private static func pair(_ path: PathArgument, _ parts: ([UInt8], [UInt8])) -> Value {
    .tuple([path.result(parts.0), path.result(parts.1)])
  }

  // MARK: - String operations

  static func installPure(_ globals: GlobalTable) {
    globals.function("join") { interpreter, arguments in
      if let keyword = arguments.keywords.first {
        throw Interpreter.typeError("join() got an unexpected keyword argument '\(keyword.name)'")
      }
      guard let first = arguments.positional.first else {
        throw Interpreter.typeError("join() missing 1 required positional argument: 'a'")
      }
      let start = try PathArgument.generic(interpreter, first)
      var path = start.bytes
      for value in arguments.positional.dropFirst() {
        guard let part = try PathArgument.fspath(interpreter, value) else {
          throw Interpreter.typeError(
            "join() argument must be str, bytes, or os.PathLike object, not '\(Runtime.typeName(value))'")
        }
        if part.isBytes != start.isBytes {
          throw Interpreter.typeError("Can't mix strings and bytes in path components")
        }
        path = join(path, part.bytes)
      }
      return start.result(path)
    }
    unary(globals, "basename", "p") { split($0).1 }
    unary(globals, "dirname", "p") { split($0).0 }
    unary(globals, "normpath", "path") { normalize($0) }
    unary(globals, "normcase", "s") { $0 }
    globals.function("split") { interpreter, arguments in
      let argument = try PythonSignature("split", ["p"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return pair(path, split(path.bytes))
    }
    globals.function("splitext") { interpreter, arguments in
      let argument = try PythonSignature("splitext", ["p"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return pair(path, splitExtension(path.bytes))
    }
    globals.function("splitdrive") { interpreter, arguments in
      let argument = try PythonSignature("splitdrive", ["p"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return pair(path, ([], path.bytes))
    }
    globals.function("isabs") { interpreter, arguments in
      let argument = try PythonSignature("isabs", ["s"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return .bool(path.bytes.first == slash)
    }
    globals.function("expanduser") { interpreter, arguments in
      let argument = try PythonSignature("expanduser", ["path"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return path.result(try expandUser(interpreter, path.bytes))
    }
    globals.function("expandvars") { interpreter, arguments in
      let argument = try PythonSignature("expandvars", ["path"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return path.result(try expandVariables(interpreter, path.bytes))
    }
    globals.function("abspath") { interpreter, arguments in
      let argument = try PythonSignature("abspath", ["path"]).bind(arguments)[0]!
      let path = try PathArgument.generic(interpreter, argument)
      return path.result(try absolute(path.bytes))
    }
    globals.function("realpath") { interpreter, arguments in
      let values = try PythonSignature("realpath", ["filename"], keywordOnly: ["strict"]).bind(arguments)
      let path = try PathArgument.generic(interpreter, values[0]!)
      let strict = try values[1].map { try interpreter.truthy($0) } ?? false
      var seen: [[UInt8]: [UInt8]?] = [:]
      let (resolved, _) = try realPath([], path.bytes, strict: strict, seen: &seen)
      return path.result(try absolute(resolved))
    }
    globals.function("relpath") { interpreter, arguments in
      let values = try PythonSignature("relpath", ["path", "start"], required: 1).bind(arguments)
      let pathValue = values[0]!
      let startValue = values[1] ?? Value.none
      if try !interpreter.truthy(pathValue) { throw Interpreter.valueError("no path specified") }
      let path = try PathArgument.generic(interpreter, pathValue)
      let start =
        startValue.isNone
        ? PathArgument(value: .str("."), bytes: [dot], isBytes: path.isBytes)
        : try PathArgument.generic(interpreter, startValue)
      if start.isBytes != path.isBytes { throw Interpreter.typeError("Can't mix strings and bytes in path components") }
      let startParts = try absolute(start.bytes).split(separator: slash).map(Array.init)
      let pathParts = try absolute(path.bytes).split(separator: slash).map(Array.init)
      var common = 0
      while common < startParts.count && common < pathParts.count && startParts[common] == pathParts[common] {
        common += 1
      }
      let parts = Array(repeating: [dot, dot], count: startParts.count - common) + pathParts[common...]
      if parts.isEmpty { return path.result([dot]) }
      return path.result(parts.dropFirst().reduce(parts[0]) { join($0, $1) })
    }
    globals.function("commonprefix") { interpreter, arguments in
      let argument = try PythonSignature("commonprefix", ["m"]).bind(arguments)[0]!
      let sequence = argument
      if try !interpreter.truthy(sequence) { return .str("") }
      let first = try interpreter.getItem(sequence, .int(0))
      var items = try interpreter.iterateToArray(sequence)
      switch first {
      case .list, .tuple: break
      default: items = try items.map { try PathArgument.generic(interpreter, $0).value }
      }
      var smallest = first
      var largest = first
      for item in items {
        if try interpreter.order(.lt, item, smallest) { smallest = item }
        if try interpreter.order(.gt, item, largest) { largest = item }
      }
      let elements = try interpreter.iterateToArray(smallest)
      for (index, element) in elements.enumerated()
      where try !interpreter.equal(element, try interpreter.getItem(largest, .int(index))) {
        return try interpreter.getItem(smallest, .object(SliceObject(start: .none, stop: .int(index), step: .none)))
      }
      return smallest
    }
    globals.function("commonpath") { interpreter, arguments in
      let argument = try PythonSignature("commonpath", ["paths"]).bind(arguments)[0]!
      let values = try interpreter.iterateToArray(argument)
      if values.isEmpty { throw Interpreter.valueError("commonpath() arg is an empty sequence") }
      let paths = try values.map { try PathArgument.generic(interpreter, $0) }
      if paths.contains(where: { $0.isBytes != paths[0].isBytes }) {
        throw Interpreter.typeError("Can't mix strings and bytes in path components")
      }
      let absolute = Set(paths.map { $0.bytes.first == slash })
      if absolute.count > 1 { throw Interpreter.valueError("Can't mix absolute and relative paths") }
      let split = paths.map { $0.bytes.split(separator: slash).map(Array.init).filter { $0 != [dot] } }
      let smallest = split.min { $0.lexicographicallyPrecedes($1) { $0.lexicographicallyPrecedes($1) } }!
      let largest = split.max { $0.lexicographicallyPrecedes($1) { $0.lexicographicallyPrecedes($1) } }!
      var common = smallest
      for (index, component) in smallest.enumerated() where component != largest[index] {
        common = Array(smallest[..<index])
        break
      }
      let joined = common.isEmpty ? [] : common.dropFirst().reduce(common[0]) { $0 + [slash] + $1 }
      return paths[0].result((absolute.first! ? [slash] : []) + joined)
    }
  }

  /// `posixpath.join(a, b)`.
  static func join(_ path: [UInt8], _ part: [UInt8]) -> [UInt8] {
    if part.first == slash { return part }
    if path.isEmpty || path.last == slash { return path + part }
    return path + [slash] + part
  }

  /// `posixpath.split`: (head without trailing slashes unless all slashes, tail).
  static func split(_ path: [UInt8]) -> ([UInt8], [UInt8]) {
    let cut = (path.lastIndex(of: slash) ?? -1) + 1
    var head = Array(path[..<cut])
    let tail = Array(path[cut...])
    if !head.isEmpty && head.contains(where: { $0 != slash }) {
      while head.last == slash { head.removeLast() }
    }
    return (head, tail)
  }

  /// `genericpath._splitext`: the extension starts at the last dot of the last component,
  /// leading dots excepted.
  static func splitExtension(_ path: [UInt8]) -> ([UInt8], [UInt8]) {
    let separator = path.lastIndex(of: slash) ?? -1
    guard let dotIndex = path.lastIndex(of: dot), dotIndex > separator else { return (path, []) }
    var index = separator + 1
    while index < dotIndex {
      if path[index] != dot { return (Array(path[..<dotIndex]), Array(path[dotIndex...])) }
      index += 1
    }
    return (path, [])
  }

  /// `posixpath.normpath`.
  static func normalize(_ path: [UInt8]) -> [UInt8] {
    if path.isEmpty { return [dot] }
    var initialSlashes = path.first == slash ? 1 : 0
    if path.starts(with: [slash, slash]) && !path.starts(with: [slash, slash, slash]) { initialSlashes = 2 }
    var components: [[UInt8]] = []
    for component in path.split(separator: slash, omittingEmptySubsequences: false).map(Array.init) {
      if component.isEmpty || component == [dot] { continue }
      if component != [dot, dot] || (initialSlashes == 0 && components.isEmpty) || components.last == [dot, dot] {
        components.append(component)
      } else if !components.isEmpty {
        components.removeLast()
      }
    }
    var result = Array(repeating: slash, count: initialSlashes)
    for (index, component) in components.enumerated() {
      if index > 0 { result.append(slash) }
      result += component
    }
    return result.isEmpty ? [dot] : result
  }

  static func absolute(_ path: [UInt8]) throws -> [UInt8] {
    if path.first == slash { return normalize(path) }
    return normalize(join(Array(try OSModule.currentDirectory().utf8), path))
  }

  /// `posixpath._joinrealpath`: resolves symbolic links one component at a time; parts that
  /// do not exist are kept as they are unless `strict`.
  static func realPath(_ start: [UInt8], _ rest: [UInt8], strict: Bool, seen: inout [[UInt8]: [UInt8]?]) throws -> (
    [UInt8], Bool
  ) {
    var path = start
    var rest = rest
    if rest.first == slash {
      rest.removeFirst()
      path = [slash]
    }
    while !rest.isEmpty {
      let name: [UInt8]
      if let separator = rest.firstIndex(of: slash) {
        name = Array(rest[..<separator])
        rest = Array(rest[(separator + 1)...])
      } else {
        name = rest
        rest = []
      }
      if name.isEmpty || name == [dot] { continue }
      if name == [dot, dot] {
        if !path.isEmpty {
          let (head, tail) = split(path)
          path = head
          if tail == [dot, dot] { path = join(join(path, [dot, dot]), [dot, dot]) }
        } else {
          path = [dot, dot]
        }
        continue
      }
      let newPath = join(path, name)
      let isLink: Bool
      if let info = OSModule.statIfPossible(newPath, follow: false) {
        isLink = OSModule.isLink(info)
      } else {
        if strict {
          _ = try OSModule.statPath(
            PathArgument(value: .str(String(decoding: newPath, as: UTF8.self)), bytes: newPath, isBytes: false),
            follow: false)
        }
        isLink = false
      }
      if !isLink {
        path = newPath
        continue
      }
      if let cached = seen[newPath] {
        if let cached {
          path = cached
          continue
        }
        if strict {
          _ = try OSModule.statPath(
            PathArgument(value: .str(String(decoding: newPath, as: UTF8.self)), bytes: newPath, isBytes: false),
            follow: true)
        }
        return (join(newPath, rest), false)
      }
      seen[newPath] = .some(nil)
      let link = PathArgument(value: .none, bytes: newPath, isBytes: false)
      guard let target = try OSModule.readLink(link) else {
        throw OSErrors.current(.str(String(decoding: newPath, as: UTF8.self)))
      }
      let (resolved, ok) = try realPath(path, target, strict: strict, seen: &seen)
      path = resolved
      if !ok { return (join(path, rest), false) }
      seen[newPath] = .some(path)
    }
    return (path, true)
  }

  /// `posixpath.expanduser`: `~` is `$HOME` (or the password database), `~name` that user's
  /// home; unknown users leave the path unchanged.
  static func expandUser(_ interpreter: Interpreter, _ path: [UInt8]) throws -> [UInt8] {
    guard path.first == UInt8(ascii: "~") else { return path }
    let end = path[1...].firstIndex(of: slash) ?? path.count
    var home: [UInt8]
    if end == 1 {
      if let value = environmentValue(interpreter, "HOME") {
        home = Array(value.utf8)
      } else {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return path }
        home = Array(String(cString: directory).utf8)
      }
    } else {
      let name = String(decoding: path[1..<end], as: UTF8.self)
      guard let entry = getpwnam(name), let directory = entry.pointee.pw_dir else { return path }
      home = Array(String(cString: directory).utf8)
    }
    while home.last == slash { home.removeLast() }
    let result = home + path[end...]
    return result.isEmpty ? [slash] : result
  }

  /// `os.environ[name]` as the script sees it (the `os` module's mapping once it is loaded).
  static func environmentValue(_ interpreter: Interpreter, _ name: String) -> String? {
    if let os = interpreter.modules["os"], case .object(let environ)? = os.globals["environ"],
      let found = try? interpreter.getItem(.object(environ), .str(name)), case .str(let text) = found
    {
      return text
    }
    return ProcessInfo.processInfo.environment[name]
  }

  /// `posixpath.expandvars`: `$name` and `${name}` with ASCII word characters; unknown
  /// variables are left as written.
  static func expandVariables(_ interpreter: Interpreter, _ path: [UInt8]) throws -> [UInt8] {
    guard path.contains(UInt8(ascii: "$")) else { return path }
    func isWord(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
    var result = path
    var index = 0
    while index < result.count {
      guard result[index] == UInt8(ascii: "$") else {
        index += 1
        continue
      }
      var end = index + 1
      var name: [UInt8]
      if end < result.count, result[end] == UInt8(ascii: "{") {
        guard let close = result[end...].firstIndex(of: UInt8(ascii: "}")) else {
          index += 1
          continue
        }
        name = Array(result[(end + 1)..<close])
        end = close + 1
      } else {
        while end < result.count && isWord(result[end]) { end += 1 }
        name = Array(result[(index + 1)..<end])
        if name.isEmpty {
          index += 1
          continue
        }
      }
      if let value = environmentValue(interpreter, String(decoding: name, as: UTF8.self)) {
        let replacement = Array(value.utf8)
        result.replaceSubrange(index..<end, with: replacement)
        index += replacement.count
      } else {
        index = end
      }
    }
    return result
  }

  // MARK: - File system queries

  static func installFileSystem(_ globals: GlobalTable) {
    func predicate(_ name: String, _ parameter: String, follow: Bool, _ test: @escaping (stat) -> Bool) {
      let signature = PythonSignature(name, [parameter])
      globals.function(name) { interpreter, arguments in
        let value = try signature.bind(arguments)[0]!
        if let descriptor = OSModule.fileDescriptor(value) {
          var info = stat()
          return .bool(fstat(descriptor, &info) == 0 && test(info))
        }
        guard let path = try PathArgument.fspath(interpreter, value) else {
          let function = follow ? "stat" : "lstat"
          throw Interpreter.typeError(
            "\(function): path should be string, bytes, os.PathLike or integer, not \(Runtime.typeName(value))")
        }
        return .bool(OSModule.statIfPossible(path.bytes, follow: follow).map(test) ?? false)
      }
    }
    predicate("exists", "path", follow: true) { _ in true }
    predicate("lexists", "path", follow: false) { _ in true }
    predicate("isfile", "path", follow: true, OSModule.isRegular)
    predicate("isdir", "s", follow: true, OSModule.isDirectory)
    predicate("islink", "path", follow: false, OSModule.isLink)
    func query(_ name: String, _ body: @escaping (stat) -> Value) {
      let signature = PythonSignature(name, ["filename"])
      globals.function(name) { interpreter, arguments in
        let value = try signature.bind(arguments)[0]!
        if let descriptor = OSModule.fileDescriptor(value) {
          var info = stat()
          guard fstat(descriptor, &info) == 0 else { throw OSErrors.current(value) }
          return body(info)
        }
        let path = try PathArgument.os(interpreter, value, "stat", accepts: "string, bytes, os.PathLike or integer")
        return body(try OSModule.statPath(path, follow: true))
      }
    }
    query("getsize") { .int(Int($0.st_size)) }
    query("getmtime") { .float(OSModule.times($0).modification) }
    query("getatime") { .float(OSModule.times($0).access) }
    query("getctime") { .float(OSModule.times($0).change) }
    globals.function("ismount") { interpreter, arguments in
      let argument = try PythonSignature("ismount", ["path"]).bind(arguments)[0]!
      guard let path = try PathArgument.fspath(interpreter, argument) else {
        throw Interpreter.typeError(
          "lstat: path should be string, bytes, os.PathLike or integer, not \(Runtime.typeName(argument))")
      }
      guard let info = OSModule.statIfPossible(path.bytes, follow: false), !OSModule.isLink(info) else {
        return .false
      }
      var seen: [[UInt8]: [UInt8]?] = [:]
      let parent = try absolute(try realPath([], join(path.bytes, [dot, dot]), strict: false, seen: &seen).0)
      guard let parentInfo = OSModule.statIfPossible(parent, follow: false) else { return .false }
      return .bool(info.st_dev != parentInfo.st_dev || info.st_ino == parentInfo.st_ino)
    }
    globals.function("samefile") { interpreter, arguments in
      let paths = try PythonSignature("samefile", ["f1", "f2"]).bind(arguments).map {
        try PathArgument.os(interpreter, $0!, "stat", accepts: "string, bytes, os.PathLike or integer")
      }
      let first = try OSModule.statPath(paths[0], follow: true)
      let second = try OSModule.statPath(paths[1], follow: true)
      return .bool(first.st_ino == second.st_ino && first.st_dev == second.st_dev)
    }
  }
}
