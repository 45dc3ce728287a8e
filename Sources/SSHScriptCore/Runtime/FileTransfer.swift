import Foundation

/// `$.upload(src, dst, makedirs=False, overwrite=True, recursive=False)` and
/// `$.download(src, dst=None, recursive=False)` (LANGUAGE.md §6.10): the arguments and the
/// local paths (read with the interpreter lock held, since `~` follows `os.environ`), then the
/// copy with the lock released, over an SFTP session of the effective session's connection.
enum FileTransfer {
  static func upload(_ arguments: CallArguments, _ interpreter: Interpreter) throws -> Value {
    let values = try PythonSignature("upload", ["src", "dst", "makedirs", "overwrite", "recursive"], required: 2)
      .bind(arguments)
    let source = try localPath(values[0]!, interpreter).path
    let destination = try PathArgument.generic(interpreter, values[1]!).string
    let makedirs = try flag(values[2], interpreter, default: false)
    let overwrite = try flag(values[3], interpreter, default: true)
    let recursive = try flag(values[4], interpreter, default: false)
    let (from, to) = try run(interpreter) { copier in
      try copier.upload(source, to: destination, makedirs: makedirs, overwrite: overwrite, recursive: recursive)
    }
    return .tuple([.str(from), .str(to)])
  }

  static func download(_ arguments: CallArguments, _ interpreter: Interpreter) throws -> Value {
    let values = try PythonSignature("download", ["src", "dst", "recursive"], required: 1).bind(arguments)
    let source = try PathArgument.generic(interpreter, values[0]!).string
    var destination = (path: try OSModule.currentDirectory(), isDirectory: true)
    if let given = values[1], !given.isNone { destination = try localPath(given, interpreter) }
    let recursive = try flag(values[2], interpreter, default: false)
    let (from, to) = try run(interpreter) { copier in
      try copier.download(
        source, to: destination.path, mustBeDirectory: destination.isDirectory, recursive: recursive)
    }
    return .tuple([.str(from), .str(to)])
  }

  /// A local path made absolute (`~` expanded, relative to the current directory), and
  /// whether it was written as a directory (a trailing `/`).
  private static func localPath(
    _ value: Value, _ interpreter: Interpreter
  ) throws -> (path: String, isDirectory: Bool) {
    let given = try PathArgument.generic(interpreter, value)
    let expanded = try OSPathModule.expandUser(interpreter, given.bytes)
    let absolute = try OSPathModule.absolute(expanded)
    return (String(decoding: absolute, as: UTF8.self), given.bytes.last == UInt8(ascii: "/"))
  }

  private static func flag(_ value: Value?, _ interpreter: Interpreter, default: Bool) throws -> Bool {
    guard let value else { return `default` }
    return try interpreter.truthy(value)
  }

  /// Runs `body` with the interpreter lock released and an SFTP session of the effective
  /// session's connection; the warnings it collected are printed afterwards (not with `-q`).
  private static func run<T>(_ interpreter: Interpreter, _ body: (FileCopier) throws -> T) throws -> T {
    guard let executor = interpreter.sessions.top.executor as? SSHExecutor else {
      throw Interpreter.error(BuiltinTypes.sshScriptError, "file transfers need a connected session")
    }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    let stop = { isMain && interrupted.pointee != 0 }
    let showsProgress = isatty(STDERR_FILENO) == 1 && interpreter.logThreshold < 40
    var warnings: [String] = []
    defer {
      if interpreter.logThreshold < 40 {
        for warning in warnings { interpreter.writeStderr("warning: \(warning)\n") }
      }
    }
    return try interpreter.blocking {
      let pool = executor.sftp
      let taken: (client: SFTPClient, home: String)
      do throws(SFTPFailure) {
        taken = try pool.take(stop: stop)
      } catch {
        throw FileCopier.failure(error, connection: pool.connection, host: executor.label, what: "starting SFTP")
      }
      let copier = FileCopier(
        taken.client, host: executor.label, home: taken.home, showsProgress: showsProgress)
      defer {
        warnings = copier.warnings
        pool.give(taken.client, reusable: copier.reusable)
      }
      return try body(copier)
    }
  }
}
