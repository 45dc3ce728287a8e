import Foundation

/// `os` (LANGUAGE.md §8.6): the environment, the working directory, files and directories,
/// `walk`, `stat`, and `os.path` (Module+ospath.swift) as the attribute `path`.
enum OSModule {
  /// Names Python's `os` has that sshs does not provide (for "(not available in sshs)").
  static let pythonOnlyNames: Set<String> = [
    "fork", "forkpty", "execv", "execve", "execvp", "execvpe", "execl", "execle", "execlp", "spawnv", "spawnl",
    "system", "popen", "kill", "killpg", "wait", "waitpid", "pipe", "dup", "dup2", "open", "read", "write",
    "fdopen", "scandir", "chown", "lchown", "link", "truncate", "utime", "setuid", "setgid", "nice", "times",
    "uname", "getlogin", "statvfs", "fsync", "sync", "mkfifo", "removedirs", "renames", "fwalk", "environb",
    "getenvb", "get_terminal_size", "sched_getaffinity", "getloadavg", "chroot", "setsid", "fstat",
  ]

  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "os", path: nil)
    let globals = module.globals
    let pathModule = interpreter.modules["os.path"] ?? OSPathModule.make(interpreter)
    interpreter.modules["os.path"] = pathModule
    globals["path"] = .object(pathModule)
    globals["name"] = .str("posix")
    globals["sep"] = .str("/")
    globals["altsep"] = Value.none
    globals["pathsep"] = .str(":")
    globals["linesep"] = .str("\n")
    globals["curdir"] = .str(".")
    globals["pardir"] = .str("..")
    globals["extsep"] = .str(".")
    globals["devnull"] = .str("/dev/null")
    globals["error"] = .object(BuiltinTypes.osError)
    for (name, value) in [("F_OK", F_OK), ("R_OK", R_OK), ("W_OK", W_OK), ("X_OK", X_OK)] {
      globals[name] = .int(Int(value))
    }
    installEnvironment(globals)
    installProcess(globals)
    installFiles(interpreter, globals)
    installWalk(globals)
    return module
  }

  // MARK: - Environment

  /// `os.environ`: a mapping of `str` to `str`, read once from the process environment;
  /// writes also call `setenv`/`unsetenv`, so commands run later see them.
  static func installEnvironment(_ globals: GlobalTable) {
    let type = TypeObject.moduleClass("_Environ", module: "os")
    let data = DictObject()
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "="), equals != text.startIndex {
        let key = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        if let hashKey = try? HashKey(.str(key)), data.storage[hashKey] == nil {
          data.storage[hashKey] = .str(value)
        }
      }
      entry += 1
    }
    func receiver(_ arguments: inout CallArguments, _ method: String) throws -> DictObject {
      _ = try moduleInstance(&arguments, type, method)
      return data
    }
    func string(_ value: Value) throws -> String {
      guard case .str(let text) = value else {
        throw Interpreter.typeError("str expected, not \(Runtime.typeName(value))")
      }
      return text
    }
    func argument(_ arguments: CallArguments, _ index: Int, _ method: String) throws -> Value {
      guard index < arguments.positional.count else {
        throw Interpreter.typeError(
          "_Environ.\(method)() missing 1 required positional argument: '\(index == 0 ? "key" : "value")'")
      }
      return arguments.positional[index]
    }
    func set(_ key: Value, _ value: Value) throws {
      let name = try string(key)
      let text = try string(value)
      if name.utf8.contains(0) || text.utf8.contains(0) { throw Interpreter.valueError("embedded null byte") }
      if name.contains("=") { throw Interpreter.valueError("illegal environment variable name") }
      if setenv(name, text, 1) != 0 { throw OSErrors.current() }
      data.storage[try HashKey(key)] = value
    }
    func remove(_ key: Value) throws -> Value {
      let name = try string(key)
      guard let old = data.storage.removeValue(forKey: try HashKey(key)) else { throw Interpreter.keyError(key) }
      unsetenv(name)
      return old
    }
    func lookup(_ key: Value) throws -> Value? {
      _ = try string(key)
      return data.storage[try HashKey(key)]
    }
    type.method("__getitem__") { _, arguments in
      _ = try receiver(&arguments, "__getitem__")
      let key = try argument(arguments, 0, "__getitem__")
      guard let value = try lookup(key) else { throw Interpreter.keyError(key) }
      return value
    }
    type.method("__setitem__") { _, arguments in
      _ = try receiver(&arguments, "__setitem__")
      try set(try argument(arguments, 0, "__setitem__"), try argument(arguments, 1, "__setitem__"))
      return .none
    }
    type.method("__delitem__") { _, arguments in
      _ = try receiver(&arguments, "__delitem__")
      _ = try remove(try argument(arguments, 0, "__delitem__"))
      return .none
    }
    type.method("__contains__") { _, arguments in
      _ = try receiver(&arguments, "__contains__")
      return .bool(try lookup(try argument(arguments, 0, "__contains__")) != nil)
    }
    type.method("__len__") { _, arguments in .int(try receiver(&arguments, "__len__").storage.count) }
    type.method("__iter__") { _, arguments in
      .object(Interpreter.arrayIterator(try receiver(&arguments, "__iter__").storage.keys.map(\.value)))
    }
    type.method("__repr__") { interpreter, arguments in
      _ = try receiver(&arguments, "__repr__")
      return .str("environ(" + (try interpreter.repr(.dict(data))) + ")")
    }
    type.method("__eq__") { interpreter, arguments in
      _ = try receiver(&arguments, "__eq__")
      let other = try argument(arguments, 0, "__eq__")
      switch other {
      case .dict: return .bool(try interpreter.equal(.dict(data), other))
      case .object(let instance as Instance) where instance.cls === type: return .true
      default: return .object(Builtins.notImplemented)
      }
    }
    type.method("get") { _, arguments in
      _ = try receiver(&arguments, "get")
      guard (1...2).contains(arguments.positional.count) else {
        throw Interpreter.typeError(
          "Mapping.get() takes from 2 to 3 positional arguments but \(arguments.positional.count + 1) were given")
      }
      return try lookup(arguments.positional[0]) ?? (arguments.positional.count > 1 ? arguments.positional[1] : .none)
    }
    type.method("keys") { _, arguments in .object(DictViewObject(try receiver(&arguments, "keys"), .keys)) }
    type.method("values") { _, arguments in .object(DictViewObject(try receiver(&arguments, "values"), .values)) }
    type.method("items") { _, arguments in .object(DictViewObject(try receiver(&arguments, "items"), .items)) }
    type.method("copy") { _, arguments in .dict(DictObject(try receiver(&arguments, "copy").storage)) }
    type.method("pop") { _, arguments in
      _ = try receiver(&arguments, "pop")
      let key = try argument(arguments, 0, "pop")
      if try lookup(key) == nil, arguments.positional.count > 1 { return arguments.positional[1] }
      return try remove(key)
    }
    type.method("popitem") { _, arguments in
      let storage = try receiver(&arguments, "popitem")
      guard let first = storage.storage.keys.first else { throw Interpreter.keyError(.none) }
      return .tuple([first.value, try remove(first.value)])
    }
    type.method("setdefault") { _, arguments in
      _ = try receiver(&arguments, "setdefault")
      let key = try argument(arguments, 0, "setdefault")
      let value = try argument(arguments, 1, "setdefault")
      if let existing = try lookup(key) { return existing }
      try set(key, value)
      return value
    }
    type.method("clear") { _, arguments in
      let storage = try receiver(&arguments, "clear")
      for key in storage.storage.keys { _ = try remove(key.value) }
      return .none
    }
    type.method("update") { interpreter, arguments in
      _ = try receiver(&arguments, "update")
      let incoming = DictObject()
      try DictMethods.update(interpreter, incoming, arguments)
      for (key, value) in incoming.storage { try set(key.value, value) }
      return .none
    }
    type.method("__or__") { interpreter, arguments in
      _ = try receiver(&arguments, "__or__")
      let other = try argument(arguments, 0, "__or__")
      guard case .dict(let right) = other else { return .object(Builtins.notImplemented) }
      let result = DictObject(data.storage)
      for (key, value) in right.storage { result.storage[key] = value }
      return .dict(result)
    }
    type.method("__ior__") { interpreter, arguments in
      let receiverValue = arguments.positional.first ?? Value.none
      _ = try receiver(&arguments, "__ior__")
      let incoming = DictObject()
      try DictMethods.update(interpreter, incoming, CallArguments([try argument(arguments, 0, "__ior__")]))
      for (key, value) in incoming.storage { try set(key.value, value) }
      return receiverValue
    }
    globals["environ"] = .object(Instance(cls: type))
    globals.function("getenv") { _, arguments in
      let values = try PythonSignature("getenv", ["key", "default"], required: 1).bind(arguments)
      let key = values[0]!
      let fallback = values[1] ?? Value.none
      return try lookup(key) ?? fallback
    }
    globals.function("putenv") { _, arguments in
      try ArgumentReader.exactly(2, "putenv", arguments)
      let name = try string(arguments.positional[0])
      let value = try string(arguments.positional[1])
      if name.isEmpty || name.contains("=") { throw Interpreter.valueError("illegal environment variable name") }
      if setenv(name, value, 1) != 0 { throw OSErrors.current() }
      return .none
    }
    globals.function("unsetenv") { _, arguments in
      try ArgumentReader.exactly(1, "unsetenv", arguments)
      let name = try string(arguments.positional[0])
      if name.isEmpty || name.contains("=") { throw Interpreter.valueError("illegal environment variable name") }
      unsetenv(name)
      return .none
    }
  }

  // MARK: - Process

  static func installProcess(_ globals: GlobalTable) {
    func noArguments(_ name: String, _ body: @escaping () -> Value) {
      globals.function(name) { _, arguments in
        try noArgumentsCheck("posix.\(name)", arguments)
        return body()
      }
    }
    noArguments("getpid") { .int(Int(getpid())) }
    noArguments("getppid") { .int(Int(getppid())) }
    noArguments("getuid") { .int(Int(getuid())) }
    noArguments("geteuid") { .int(Int(geteuid())) }
    noArguments("getgid") { .int(Int(getgid())) }
    noArguments("getegid") { .int(Int(getegid())) }
    noArguments("cpu_count") {
      let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
      return count > 0 ? .int(count) : .none
    }
    // Random bytes from the operating system (getrandom / arc4random), for uuid4 and secrets.
    globals.function("urandom") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("posix.urandom() takes no keyword arguments") }
      guard arguments.positional.count == 1 else {
        throw Interpreter.typeError(
          "posix.urandom() takes exactly one argument (\(arguments.positional.count) given)")
      }
      let size = try interpreter.asIndex(arguments.positional[0], "size")
      if size < 0 { throw Interpreter.valueError("negative argument not allowed") }
      var generator = SystemRandomNumberGenerator()
      var bytes: [UInt8] = []
      bytes.reserveCapacity(size + 8)
      while bytes.count < size {
        let word = generator.next()
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
      }
      return .bytes(Array(bytes.prefix(size)))
    }
    globals.function("strerror") { interpreter, arguments in
      try ArgumentReader.exactly(1, "strerror", arguments)
      let code = try interpreter.asIndex(arguments.positional[0], "code")
      return .str(OSErrors.message(Int32(truncatingIfNeeded: code)))
    }
    globals.function("umask") { interpreter, arguments in
      try ArgumentReader.exactly(1, "umask", arguments)
      let mask = try interpreter.asIndex(arguments.positional[0], "mask")
      return .int(Int(umask(mode_t(truncatingIfNeeded: mask))))
    }
    globals.function("fspath") { interpreter, arguments in
      var reader = ArgumentReader("fspath", arguments)
      let value = try reader.required(0, "path")
      try reader.finish(maximum: 1)
      guard let path = try PathArgument.fspath(interpreter, value) else {
        throw Interpreter.typeError("expected str, bytes or os.PathLike object, not \(Runtime.typeName(value))")
      }
      return path.result(path.bytes)
    }
  }

  static func noArgumentsCheck(_ name: String, _ arguments: CallArguments) throws {
    if !arguments.keywords.isEmpty { throw Interpreter.typeError("\(name)() takes no keyword arguments") }
    if !arguments.positional.isEmpty {
      throw Interpreter.typeError("\(name)() takes no arguments (\(arguments.positional.count) given)")
    }
  }

  // MARK: - Files and directories

  static func installFiles(_ interpreter: Interpreter, _ globals: GlobalTable) {
    let statType = StructSequence.makeType(
      "stat_result", module: "os",
      fields: [
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
      ]
    )
    statType.dict["n_sequence_fields"] = .int(10)
    // Integer seconds in the tuple part; the named attributes are floats (as in CPython).
    statType.method("__getitem__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, statType, "__getitem__")
      guard let key = arguments.positional.first else { throw Interpreter.typeError("expected 1 argument, got 0") }
      return try interpreter.getItem(.tuple(statTuple(instance)), key)
    }
    statType.method("__iter__") { _, arguments in
      let instance = try moduleInstance(&arguments, statType, "__iter__")
      return .object(Interpreter.arrayIterator(statTuple(instance)))
    }
    statType.method("__repr__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, statType, "__repr__")
      let names = ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime"]
      let shown = try zip(names + ["st_ctime"], statTuple(instance)).map { "\($0.0)=" + (try interpreter.repr($0.1)) }
      return .str("os.stat_result(" + shown.joined(separator: ", ") + ")")
    }
    globals["stat_result"] = .object(statType)

    func statFunction(_ name: String, follow defaultFollow: Bool) {
      globals.function(name) { interpreter, arguments in
        var reader = ArgumentReader(name, arguments)
        let target = try reader.required(0, "path")
        let dirFD = reader.keyword("dir_fd")
        let follow = try reader.keyword("follow_symlinks").map { try interpreter.truthy($0) } ?? defaultFollow
        try reader.finish(maximum: 1)
        if let dirFD, !dirFD.isNone { throw Interpreter.notImplemented("\(name)(): dir_fd is not supported by sshs") }
        if let descriptor = fileDescriptor(target), name == "stat" {
          var info = stat()
          guard fstat(descriptor, &info) == 0 else { throw OSErrors.current(target) }
          return statResult(info, statType)
        }
        let path = try PathArgument.os(
          interpreter, target, name, accepts: "string, bytes, os.PathLike or integer")
        return statResult(try statPath(path, follow: follow), statType)
      }
    }
    statFunction("stat", follow: true)
    statFunction("lstat", follow: false)

    globals.function("getcwd") { _, arguments in
      try noArgumentsCheck("posix.getcwd", arguments)
      return .str(try currentDirectory())
    }
    globals.function("getcwdb") { _, arguments in
      try noArgumentsCheck("posix.getcwdb", arguments)
      return .bytes(Array(try currentDirectory().utf8))
    }
    globals.function("chdir") { interpreter, arguments in
      var reader = ArgumentReader("chdir", arguments)
      let target = try reader.required(0, "path")
      try reader.finish(maximum: 1)
      if let descriptor = fileDescriptor(target) {
        guard fchdir(descriptor) == 0 else { throw OSErrors.current(target) }
        return .none
      }
      let path = try PathArgument.os(interpreter, target, "chdir", accepts: "string, bytes, os.PathLike or integer")
      guard try path.withCString({ chdir($0) }) == 0 else { throw OSErrors.current(path.value) }
      return .none
    }
    globals.function("listdir") { interpreter, arguments in
      var reader = ArgumentReader("listdir", arguments)
      let target = try reader.value(0, "path") ?? Value.none
      try reader.finish(maximum: 1)
      if let descriptor = fileDescriptor(target) {
        let copy = dup(descriptor)
        guard copy >= 0, let directory = fdopendir(copy) else {
          if copy >= 0 { close(copy) }
          throw OSErrors.current(target)
        }
        defer { closedir(directory) }
        rewinddir(directory)
        return .list(ListObject(readEntries(directory).map { .str(String(decoding: $0, as: UTF8.self)) }))
      }
      let path: PathArgument
      if target.isNone {
        path = PathArgument(value: .str("."), bytes: Array(".".utf8), isBytes: false)
      } else {
        path = try PathArgument.os(
          interpreter, target, "listdir", accepts: "string, bytes, os.PathLike, integer or None")
      }
      return .list(ListObject(try listDirectory(path).map { path.result($0) }))
    }
    globals.function("mkdir") { interpreter, arguments in
      var reader = ArgumentReader("mkdir", arguments)
      let path = try PathArgument.os(interpreter, try reader.required(0, "path"), "mkdir")
      let mode = try reader.value(1, "mode").map { try interpreter.asIndex($0, "mode") } ?? 0o777
      try reader.finish(maximum: 2)
      guard try path.withCString({ mkdir($0, mode_t(truncatingIfNeeded: mode)) }) == 0 else {
        throw OSErrors.current(path.value)
      }
      return .none
    }
    globals.function("makedirs") { interpreter, arguments in
      let values = try PythonSignature("makedirs", ["name", "mode", "exist_ok"], required: 1).bind(arguments)
      let path = try PathArgument.generic(interpreter, values[0]!)
      let mode = try values[1].map { try interpreter.asIndex($0, "mode") } ?? 0o777
      let existOK = try values[2].map { try interpreter.truthy($0) } ?? false
      try makeDirectories(path, mode: mode, existOK: existOK)
      return .none
    }
    for name in ["remove", "unlink"] {
      globals.function(name) { interpreter, arguments in
        var reader = ArgumentReader(name, arguments)
        let path = try PathArgument.os(interpreter, try reader.required(0, "path"), name)
        try reader.finish(maximum: 1)
        guard try path.withCString({ unlink($0) }) == 0 else { throw OSErrors.current(path.value) }
        return .none
      }
    }
    globals.function("rmdir") { interpreter, arguments in
      var reader = ArgumentReader("rmdir", arguments)
      let path = try PathArgument.os(interpreter, try reader.required(0, "path"), "rmdir")
      try reader.finish(maximum: 1)
      guard try path.withCString({ rmdir($0) }) == 0 else { throw OSErrors.current(path.value) }
      return .none
    }
    for name in ["rename", "replace"] {
      globals.function(name) { interpreter, arguments in
        var reader = ArgumentReader(name, arguments)
        let source = try PathArgument.os(interpreter, try reader.required(0, "src"), name, argument: "src")
        let destination = try PathArgument.os(interpreter, try reader.required(1, "dst"), name, argument: "dst")
        try reader.finish(maximum: 2)
        let status = try source.withCString { from in try destination.withCString { to in rename(from, to) } }
        guard status == 0 else { throw OSErrors.current(source.value, destination.value) }
        return .none
      }
    }
    globals.function("chmod") { interpreter, arguments in
      var reader = ArgumentReader("chmod", arguments)
      let target = try reader.required(0, "path")
      let mode = try interpreter.asIndex(try reader.required(1, "mode"), "mode")
      try reader.finish(maximum: 2)
      if let descriptor = fileDescriptor(target) {
        guard fchmod(descriptor, mode_t(truncatingIfNeeded: mode)) == 0 else { throw OSErrors.current(target) }
        return .none
      }
      let path = try PathArgument.os(interpreter, target, "chmod", accepts: "string, bytes, os.PathLike or integer")
      guard try path.withCString({ chmod($0, mode_t(truncatingIfNeeded: mode)) }) == 0 else {
        throw OSErrors.current(path.value)
      }
      return .none
    }
    globals.function("access") { interpreter, arguments in
      var reader = ArgumentReader("access", arguments)
      let path = try PathArgument.os(interpreter, try reader.required(0, "path"), "access")
      let mode = try interpreter.asIndex(try reader.required(1, "mode"), "mode")
      try reader.finish(maximum: 2)
      return .bool(try path.withCString { access($0, Int32(truncatingIfNeeded: mode)) } == 0)
    }
    globals.function("symlink") { interpreter, arguments in
      var reader = ArgumentReader("symlink", arguments)
      let source = try PathArgument.os(interpreter, try reader.required(0, "src"), "symlink", argument: "src")
      let destination = try PathArgument.os(interpreter, try reader.required(1, "dst"), "symlink", argument: "dst")
      _ = reader.keyword("target_is_directory")
      try reader.finish(maximum: 3)
      let status = try source.withCString { from in try destination.withCString { to in symlink(from, to) } }
      guard status == 0 else { throw OSErrors.current(source.value, destination.value) }
      return .none
    }
    globals.function("readlink") { interpreter, arguments in
      var reader = ArgumentReader("readlink", arguments)
      let path = try PathArgument.os(interpreter, try reader.required(0, "path"), "readlink")
      try reader.finish(maximum: 1)
      guard let target = try readLink(path) else { throw OSErrors.current(path.value) }
      return path.result(target)
    }
    globals.function("close") { interpreter, arguments in
      var reader = ArgumentReader("close", arguments)
      let descriptor = try interpreter.asIndex(try reader.required(0, "fd"), "fd")
      try reader.finish(maximum: 1)
      guard close(Int32(truncatingIfNeeded: descriptor)) == 0 else { throw OSErrors.current() }
      return .none
    }
  }

  /// The tuple part of a `stat_result`: integer times.
  static func statTuple(_ instance: Instance) -> [Value] {
    let names = ["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size"]
    var values = names.map { instance.attributes[$0] ?? Value.none }
    for name in ["st_atime", "st_mtime", "st_ctime"] {
      if case .float(let seconds)? = instance.attributes[name] {
        values.append(.int(Int(seconds.rounded(.down))))
      } else {
        values.append(.none)
      }
    }
    return values
  }

  static func statPath(_ path: PathArgument, follow: Bool) throws -> stat {
    var info = stat()
    let status = try path.withCString { follow ? stat($0, &info) : lstat($0, &info) }
    guard status == 0 else { throw OSErrors.current(path.value) }
    return info
  }

  /// `stat` of a path, or nil when it fails (for `exists`, `isdir`…).
  static func statIfPossible(_ path: [UInt8], follow: Bool) -> stat? {
    if path.contains(0) { return nil }
    var info = stat()
    var terminated = path.map { CChar(bitPattern: $0) }
    terminated.append(0)
    let status = terminated.withUnsafeBufferPointer {
      follow ? stat($0.baseAddress!, &info) : lstat($0.baseAddress!, &info)
    }
    return status == 0 ? info : nil
  }

  static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
  static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
  static func isLink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }

  static func times(_ info: stat) -> (access: Double, modification: Double, change: Double) {
    #if os(Linux)
      let (a, m, c) = (info.st_atim, info.st_mtim, info.st_ctim)
    #else
      let (a, m, c) = (info.st_atimespec, info.st_mtimespec, info.st_ctimespec)
    #endif
    func seconds(_ time: timespec) -> Double { Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9 }
    return (seconds(a), seconds(m), seconds(c))
  }

  static func statResult(_ info: stat, _ type: TypeObject) -> Value {
    let (access, modification, change) = times(info)
    return StructSequence.make(
      type,
      [
        ("st_mode", .int(Int(info.st_mode))), ("st_ino", .int(Int(truncatingIfNeeded: info.st_ino))),
        ("st_dev", .int(Int(truncatingIfNeeded: info.st_dev))), ("st_nlink", .int(Int(info.st_nlink))),
        ("st_uid", .int(Int(info.st_uid))), ("st_gid", .int(Int(info.st_gid))), ("st_size", .int(Int(info.st_size))),
        ("st_atime", .float(access)), ("st_mtime", .float(modification)), ("st_ctime", .float(change)),
        ("st_blksize", .int(Int(info.st_blksize))), ("st_blocks", .int(Int(info.st_blocks))),
        ("st_rdev", .int(Int(truncatingIfNeeded: info.st_rdev))),
      ])
  }

  static func currentDirectory() throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { throw OSErrors.current() }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// The names in a directory in the order the system gives them, without `.` and `..`.
  static func listDirectory(_ path: PathArgument) throws -> [[UInt8]] {
    guard let directory = try path.withCString({ opendir($0) }) else { throw OSErrors.current(path.value) }
    defer { closedir(directory) }
    return readEntries(directory)
  }

  /// A file descriptor argument (an int or a bool, as in CPython).
  static func fileDescriptor(_ value: Value) -> Int32? {
    switch value {
    case .int(let number): return Int32(truncatingIfNeeded: number)
    case .bool(let flag): return flag ? 1 : 0
    default: return nil
    }
  }

  static func readEntries(_ directory: OpaquePointer) -> [[UInt8]] {
    var names: [[UInt8]] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
          Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
        }
      }
      if name == [46] || name == [46, 46] { continue }
      names.append(name)
    }
    return names
  }

  static func readLink(_ path: PathArgument) throws -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = try path.withCString { pointer in
      buffer.withUnsafeMutableBytes { readlink(pointer, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
    }
    guard count >= 0 else { return nil }
    return Array(buffer[..<count])
  }

  /// `os.makedirs`, as CPython's: parents first, `FileExistsError` unless `exist_ok` and the
  /// leaf is a directory.
  static func makeDirectories(_ path: PathArgument, mode: Int, existOK: Bool) throws {
    var (head, tail) = OSPathModule.split(path.bytes)
    if tail.isEmpty { (head, tail) = OSPathModule.split(head) }
    if !head.isEmpty && !tail.isEmpty && statIfPossible(head, follow: true) == nil {
      do {
        try makeDirectories(
          PathArgument(value: path.result(head), bytes: head, isBytes: path.isBytes), mode: mode, existOK: existOK)
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.fileExistsError) {
      }
      if tail == [46] { return }
    }
    let status = try path.withCString { mkdir($0, mode_t(truncatingIfNeeded: mode)) }
    if status != 0 {
      let code = errno
      if !existOK || !(statIfPossible(path.bytes, follow: true).map(isDirectory) ?? false) {
        throw OSErrors.make(code, path.value)
      }
    }
  }

  // MARK: - walk

  static func installWalk(_ globals: GlobalTable) {
    globals.function("walk") { interpreter, arguments in
      let values = try PythonSignature("walk", ["top", "topdown", "onerror", "followlinks"], required: 1).bind(
        arguments)
      let topDown = try values[1].map { try interpreter.truthy($0) } ?? true
      let onError = values[2] ?? Value.none
      let followLinks = try values[3].map { try interpreter.truthy($0) } ?? false
      let top = try PathArgument.generic(interpreter, values[0]!)
      let walker = Walker(top: top, topDown: topDown, onError: onError, followLinks: followLinks)
      return .object(ClosureIterator(type: BuiltinTypes.iterator) { interpreter in try walker.next(interpreter) })
    }
  }

  /// The state of an `os.walk`: directories are read when the walk reaches them, so a caller
  /// that edits `dirnames` in place (top-down) prunes the walk, as in CPython.
  final class Walker {
    let topDown: Bool
    let onError: Value
    let followLinks: Bool
    let isBytes: Bool
    private var start: [UInt8]?
    private var stack: [(path: [UInt8], directories: ListObject, index: Int)] = []
    private var bottomUp: [Value]?
    private var bottomUpIndex = 0

    init(top: PathArgument, topDown: Bool, onError: Value, followLinks: Bool) {
      self.start = top.bytes
      self.topDown = topDown
      self.onError = onError
      self.followLinks = followLinks
      self.isBytes = top.isBytes
    }

    private func value(_ path: [UInt8]) -> Value {
      isBytes ? .bytes(path) : .str(String(decoding: path, as: UTF8.self))
    }

    /// Reads one directory: (subdirectory names, other names, subdirectories to descend into
    /// bottom-up), or nil after reporting the error to `onerror`.
    private func scan(_ path: [UInt8], _ interpreter: Interpreter) throws -> (
      ListObject, ListObject, [[UInt8]]
    )? {
      let names: [[UInt8]]
      do {
        names = try listDirectory(PathArgument(value: value(path), bytes: path, isBytes: isBytes))
      } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.osError) {
        if !onError.isNone { _ = try interpreter.call(onError, [.object(failure.exception)]) }
        return nil
      }
      let directories = ListObject()
      let others = ListObject()
      var descend: [[UInt8]] = []
      for name in names {
        let full = OSPathModule.join(path, name)
        let isDirectory = statIfPossible(full, follow: true).map(OSModule.isDirectory) ?? false
        if isDirectory {
          directories.items.append(value(name))
          if !topDown {
            let isLink = statIfPossible(full, follow: false).map(OSModule.isLink) ?? false
            if followLinks || !isLink { descend.append(full) }
          }
        } else {
          others.items.append(value(name))
        }
      }
      return (directories, others, descend)
    }

    func next(_ interpreter: Interpreter) throws -> Value? {
      if !topDown {
        if bottomUp == nil {
          var results: [Value] = []
          if let start { try collect(start, &results, interpreter) }
          bottomUp = results
        }
        guard let results = bottomUp, bottomUpIndex < results.count else { return nil }
        defer { bottomUpIndex += 1 }
        return results[bottomUpIndex]
      }
      if let path = start {
        start = nil
        if let result = try enter(path, interpreter) { return result }
      }
      while let last = stack.last {
        let frameIndex = stack.count - 1
        let directories = last.directories.items
        guard last.index < directories.count else {
          stack.removeLast()
          continue
        }
        stack[frameIndex].index += 1
        let name: [UInt8]
        switch directories[last.index] {
        case .str(let text): name = Array(text.utf8)
        case .bytes(let data): name = data
        default: throw Interpreter.typeError("expected str, bytes or os.PathLike object")
        }
        let full = OSPathModule.join(last.path, name)
        if !followLinks, statIfPossible(full, follow: false).map(OSModule.isLink) ?? false { continue }
        if let result = try enter(full, interpreter) { return result }
      }
      return nil
    }

    private func enter(_ path: [UInt8], _ interpreter: Interpreter) throws -> Value? {
      guard let (directories, others, _) = try scan(path, interpreter) else { return nil }
      stack.append((path, directories, 0))
      return .tuple([value(path), .list(directories), .list(others)])
    }

    private func collect(_ path: [UInt8], _ results: inout [Value], _ interpreter: Interpreter) throws {
      guard let (directories, others, descend) = try scan(path, interpreter) else { return }
      for child in descend { try collect(child, &results, interpreter) }
      results.append(.tuple([value(path), .list(directories), .list(others)]))
    }
  }
}
