import Foundation

/// The copying of `$.upload` and `$.download` (LANGUAGE.md §6.10) over one SFTP session, run
/// with the interpreter lock released: remote paths, the directory rule, and errors naming
/// `host:path`. The files and trees themselves are copied in FileCopier+Trees.swift.
final class FileCopier {
  let client: SFTPClient
  /// The host label of the session, in messages.
  let host: String
  /// The login directory: remote relative paths and `~/` start there.
  let home: String
  /// Warnings for the caller to print (special files skipped, loops of symbolic links).
  var warnings: [String] = []
  /// Whether large files get a progress display (stderr is a terminal, no `-q`).
  let showsProgress: Bool
  /// False once a call was interrupted: libssh2 would resume it, so the session is not reused.
  private(set) var reusable = true

  /// Bytes read or written per call: large, so a 20 MB file takes few round trips.
  static let chunk = 256 * 1024

  init(_ client: SFTPClient, host: String, home: String, showsProgress: Bool) {
    self.client = client
    self.host = host
    self.home = home
    self.showsProgress = showsProgress
  }

  /// `upload` (§6.10): returns the local source and the remote path written.
  func upload(_ source: String, to destination: String, makedirs: Bool, overwrite: Bool, recursive: Bool) throws
    -> (String, String)
  {
    let info = try Self.localStatus(source)
    let isDirectory = Self.isDirectory(info)
    if isDirectory && !recursive { throw OSErrors.make(EISDIR, path: source) }
    let remote = remotePath(destination)
    let name = Self.baseName(source)
    let wantsDirectory = destination.hasSuffix("/")
    let target: String
    var existing: SFTPAttributes?
    if let found = try attributes(remote) {
      if found.isDirectory {
        target = Self.join(remote, name)
        existing = try attributes(target)
      } else {
        if wantsDirectory { throw OSErrors.make(ENOTDIR, path: label(remote)) }
        target = remote
        existing = found
      }
    } else if makedirs {
      // The directory rule: `a.txt` → `/srv/new` is a directory, `a.txt` → `/srv/b.txt` a file.
      if wantsDirectory || Self.extensionOf(remote) != Self.extensionOf(name) {
        try makeDirectories(remote)
        target = Self.join(remote, name)
      } else {
        try makeDirectories(Self.parent(remote))
        target = remote
      }
    } else {
      guard !wantsDirectory, let above = try attributes(Self.parent(remote)) else {
        throw OSErrors.make(ENOENT, path: label(remote))
      }
      guard above.isDirectory else { throw OSErrors.make(ENOTDIR, path: label(remote)) }
      target = remote
    }
    if isDirectory {
      try uploadTree(source, info, to: target, existing: existing, overwrite: overwrite, ancestors: [])
    } else {
      try uploadFile(source, info, to: target, existing: existing, overwrite: overwrite)
    }
    return (source, target)
  }

  /// `download` (§6.10): returns the remote source and the local path written. `destination`
  /// is absolute; `mustBeDirectory` when it was written with a trailing `/` (or not given).
  func download(_ source: String, to destination: String, mustBeDirectory: Bool, recursive: Bool) throws
    -> (String, String)
  {
    let remote = remotePath(source)
    guard let found = try attributes(remote) else { throw OSErrors.make(ENOENT, path: label(remote)) }
    if found.isDirectory && !recursive { throw OSErrors.make(EISDIR, path: label(remote)) }
    let target: String
    var info = stat()
    if stat(destination, &info) == 0 {
      if Self.isDirectory(info) {
        target = Self.join(destination, Self.baseName(remote))
      } else {
        if found.isDirectory || mustBeDirectory { throw OSErrors.make(ENOTDIR, path: destination) }
        target = destination
      }
    } else {
      if mustBeDirectory { throw OSErrors.make(ENOENT, path: destination) }
      target = destination
    }
    if found.isDirectory {
      let real = try call(remote, "resolve") { () throws(SFTPFailure) in try client.realPath(remote) }
      try downloadTree(remote, found, to: target, real: real, ancestors: [])
    } else {
      try downloadFile(remote, found, to: target)
    }
    return (remote, target)
  }

  // MARK: Remote paths

  /// An absolute remote path: relative to the login directory, `~` and `~/` meaning it.
  func remotePath(_ given: String) -> String {
    var path = Array(given.utf8)
    if path == [UInt8(ascii: "~")] || path.starts(with: Array("~/".utf8)) {
      path = OSPathModule.join(Array(home.utf8), Array(path.dropFirst(min(2, path.count))))
    } else if path.first != UInt8(ascii: "/") {
      path = OSPathModule.join(Array(home.utf8), path)
    }
    return String(decoding: OSPathModule.normalize(path), as: UTF8.self)
  }

  /// `host:path`, as errors and warnings name a remote file.
  func label(_ path: String) -> String { "\(host):\(path)" }

  /// The attributes of a remote path (symbolic links followed); nil when it does not exist.
  func attributes(_ path: String) throws -> SFTPAttributes? {
    try call(path, "stat") { () throws(SFTPFailure) in try client.attributes(path) }
  }

  /// Creates `path` and its missing parents (as `mkdir -p`).
  func makeDirectories(_ path: String) throws {
    if let found = try attributes(path) {
      guard found.isDirectory else { throw OSErrors.make(ENOTDIR, path: label(path)) }
      return
    }
    let parent = Self.parent(path)
    if parent != path { try makeDirectories(parent) }
    try call(path, "create directory") { () throws(SFTPFailure) in try client.makeDirectory(path, 0o777) }
  }

  /// Runs an SFTP call on `path`; its failure becomes the script's exception naming `host:path`.
  func call<T>(_ path: String, _ what: String, _ body: () throws(SFTPFailure) -> T) throws -> T {
    do {
      return try body()
    } catch {
      if case .interrupted = error { reusable = false }
      throw Self.failure(error, connection: client.connection, host: host, what: what, path: path)
    }
  }

  static func failure(
    _ error: SFTPFailure, connection: SSHConnection, host: String, what: String, path: String? = nil
  ) -> ScriptException {
    let name = path.map { "\(host):\($0)" } ?? host
    switch error {
    case .status(let code?):
      return OSErrors.make(code, path: name)
    case .status(nil):
      // SSH_FX_FAILURE: OpenSSH gives no reason.
      let exception = ExceptionObject(
        cls: BuiltinTypes.osError, args: [.str("\(what) failed (the SFTP server gave no reason): '\(name)'")])
      exception.attributes["errno"] = Value.none
      exception.attributes["filename"] = .str(name)
      return ScriptException(exception)
    case .interrupted(let why):
      return SSHCommandChannel.failure(why, connection, what: "transferring files")
    case .refused:
      return Interpreter.error(
        BuiltinTypes.sshScriptError,
        "\(connection.endpoint) refused a new channel (too many open channels; the server allows at most MaxSessions)")
    case .library(let message):
      let subject = path == nil ? "on \(host)" : name
      return Interpreter.error(BuiltinTypes.sshScriptError, "\(what) \(subject) failed: \(message)")
    }
  }

  // MARK: Path helpers

  static func join(_ directory: String, _ name: String) -> String {
    String(decoding: OSPathModule.join(Array(directory.utf8), Array(name.utf8)), as: UTF8.self)
  }

  static func parent(_ path: String) -> String {
    String(decoding: OSPathModule.split(Array(path.utf8)).0, as: UTF8.self)
  }

  static func baseName(_ path: String) -> String {
    String(decoding: OSPathModule.split(Array(path.utf8)).1, as: UTF8.self)
  }

  static func extensionOf(_ path: String) -> String {
    String(decoding: OSPathModule.splitExtension(Array(baseName(path).utf8)).1, as: UTF8.self)
  }

  static func localStatus(_ path: String) throws -> stat {
    var info = stat()
    guard stat(path, &info) == 0 else { throw OSErrors.current(.str(path)) }
    return info
  }

  static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
  static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }
}
