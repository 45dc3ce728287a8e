import Foundation

/// Built-in modules (LANGUAGE.md §8.6) and the import of sibling `.sshs`/`.spy` files.
enum ModuleRegistry {
  /// Modules made in Swift, by name; each is built once per interpreter on first import.
  static let builders: [String: @Sendable (Interpreter) -> ModuleObject] = [
    "sys": SysModule.make,
    "threading": ThreadingModule.make,
    "math": MathModule.make,
    "time": TimeModule.make,
    "os": OSModule.make,
    "os.path": OSPathModule.make,
    "tempfile": TempfileModule.make,
    "json": JSONModule.make,
    "string": StringModule.make,
    "shlex": ShlexModule.make,
    "socket": SocketModule.make,
    "getpass": GetpassModule.make,
    "glob": GlobModule.make,
    "random": RandomModule.make,
    "fnmatch": FnmatchModule.make,
    "re": RegexModule.make,
    "traceback": TracebackModule.make,
    "_io": IOModule.makeNative,
    "_subprocess": SubprocessModule.makeNative,
    "hashlib": HashlibModule.make,
    "binascii": BinasciiModule.make,
  ]

  /// Modules written in the Python subset itself, by name: the source text, compiled on first
  /// import like a sibling `.spy` file. Tracebacks through them name `<sshs NAME>`.
  static let pythonSources: [String: String] = [
    "typing": TypingModule.source,
    "io": IOModule.source,
    "operator": OperatorModule.source,
    "functools": FunctoolsModule.source,
    "itertools": ItertoolsModule.source,
    "collections": CollectionsModule.source,
    "argparse": ArgparseModule.source,
    "logging": LoggingModule.source,
    "datetime": DatetimeModule.source,
    "concurrent": ConcurrentFuturesModule.packageSource,
    "concurrent.futures": ConcurrentFuturesModule.source,
    "subprocess": SubprocessModule.source,
    "base64": Base64Module.source,
    "uuid": UUIDModule.source,
  ]

  /// The Python-source modules whose CPython counterparts are written in C: their classes are
  /// named with the module in messages, as C types are (`unsupported operand type(s) for +:
  /// 'datetime.date' and 'int'`).
  static let cModuleStandIns: Set<String> = ["datetime"]

  /// Modules of the spec's table that this build does not provide yet, and other standard
  /// modules scripts commonly import: both get "not available" rather than "no module".
  static let knownPythonModules: Set<String> = [
    "asyncio", "pathlib", "shutil",
    "copy", "enum", "dataclasses", "textwrap", "struct", "csv", "pickle", "signal", "platform", "urllib",
    "http", "email", "sqlite3", "unittest", "heapq", "bisect", "pprint", "stat", "errno",
    "inspect", "types", "weakref", "abc", "numbers", "decimal", "fractions", "statistics", "zlib", "gzip",
    "tarfile", "zipfile", "configparser", "secrets", "queue", "select", "ssl", "locale", "calendar",
  ]
}

extension Interpreter {
  /// `import name`: a built-in module, else `name.sshs` / `name.spy` in the importing script's
  /// directory (and the main script's). A module runs once; later imports get the same object.
  /// A dotted name imports its parent package first and, once loaded, becomes the parent's
  /// attribute (`import concurrent.futures` binds `concurrent.futures`).
  func importModule(_ name: String, from frame: Frame) throws -> ModuleObject {
    if let loaded = modules[name] { return loaded }
    guard let dot = name.lastIndex(of: ".") else { return try loadModule(name, from: frame) }
    let parent = try importModule(String(name[..<dot]), from: frame)
    let module = try loadModule(name, from: frame)
    parent.globals[String(name[name.index(after: dot)...])] = .object(module)
    return module
  }

  private func loadModule(_ name: String, from frame: Frame) throws -> ModuleObject {
    if let loaded = modules[name] { return loaded }
    if let builder = ModuleRegistry.builders[name] {
      let module = builder(self)
      modules[name] = module
      return module
    }
    if let source = ModuleRegistry.pythonSources[name] {
      return try loadModule(name, parse: { try Program.parse(source: source, name: "<sshs \(name)>") }, path: nil)
    }
    if !name.contains("."), let path = findModuleFile(name, near: frame.module.path) {
      return try loadModule(name, parse: { try Program.parse(path: path) }, path: path)
    }
    if ModuleRegistry.knownPythonModules.contains(name) {
      throw Interpreter.error(BuiltinTypes.importError, "module '\(name)' is not available in sshs")
    }
    let failure = Interpreter.error(BuiltinTypes.moduleNotFoundError, "No module named '\(name)'")
    failure.exception.attributes["name"] = .str(name)
    throw failure
  }

  private func findModuleFile(_ name: String, near path: String?) -> String? {
    var directories: [String] = []
    if let path { directories.append((path as NSString).deletingLastPathComponent) }
    directories.append(contentsOf: searchPath)
    for directory in directories {
      for suffix in [".sshs", ".spy"] {
        let candidate = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(name + suffix)
        if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }

  private func loadModule(_ name: String, parse: () throws -> Program, path: String?) throws -> ModuleObject {
    let program: Program
    do {
      program = try parse()
    } catch let diagnostic as Diagnostic {
      throw Interpreter.error(BuiltinTypes.syntaxError, diagnostic.description.trimmingCharacters(in: .newlines))
    }
    let module = ModuleObject(name: name, path: path)
    modules[name] = module
    do {
      try execute(program, in: module)
    } catch {
      modules[name] = nil
      throw error
    }
    return module
  }
}
