import CLibSSH2
import Dispatch
import Foundation

/// What SFTP reports about a remote file, as far as transfers need it.
struct SFTPAttributes {
  /// The type and permission bits (`st_mode`).
  let mode: UInt
  let size: UInt64

  init(_ attributes: LIBSSH2_SFTP_ATTRIBUTES) {
    let known = attributes.flags & UInt(LIBSSH2_SFTP_ATTR_PERMISSIONS) != 0
    mode = known ? attributes.permissions : 0
    size = attributes.flags & UInt(LIBSSH2_SFTP_ATTR_SIZE) != 0 ? attributes.filesize : 0
  }

  private var type: UInt { mode & UInt(LIBSSH2_SFTP_S_IFMT) }
  var isDirectory: Bool { type == UInt(LIBSSH2_SFTP_S_IFDIR) }
  var isRegular: Bool { type == UInt(LIBSSH2_SFTP_S_IFREG) }
  var isSymbolicLink: Bool { type == UInt(LIBSSH2_SFTP_S_IFLNK) }
  /// The bits transfers preserve (LANGUAGE.md §6.10).
  var permissions: UInt { mode & 0o777 }
}

/// Why an SFTP call failed; `FileTransfer` turns it into a script exception naming the path.
enum SFTPFailure: Error {
  /// The server refused with an SFTP status, as the nearest errno (nil: `SSH_FX_FAILURE`,
  /// which OpenSSH answers for most errors it has no status for).
  case status(Int32?)
  /// The connection was lost or closed, or the user interrupted the wait.
  case interrupted(SSHConnection.Interruption)
  /// The server refused a new channel (OpenSSH's MaxSessions).
  case refused
  /// libssh2 failed otherwise: its message.
  case library(String)
}

/// One SFTP session (a channel running the `sftp` subsystem) on a connection. It is used by
/// one thread at a time (`SFTPPool` hands it out): libssh2 keeps the state of an unfinished
/// call in the SFTP session, so two threads must never interleave calls on one. Every call
/// goes through the connection's `attempt`, which holds the connection's lock while libssh2
/// runs and waits for the socket without it.
final class SFTPClient: @unchecked Sendable {
  let connection: SSHConnection
  private let sftp: OpaquePointer
  /// Checked while waiting: true ends the wait with `.interrupted(.stopped)` (Ctrl-C).
  var stop: () -> Bool = { false }
  private var shutDown = false

  /// Starts the subsystem; the caller holds `connection.requests` (`SFTPPool`).
  init(_ connection: SSHConnection, stop: @escaping () -> Bool) throws(SFTPFailure) {
    self.connection = connection
    self.stop = stop
    sftp = try Self.retrying(connection, stop) { session in
      if let sftp = libssh2_sftp_init(session) { return .done(sftp) }
      return .failed(libssh2_session_last_errno(session))
    }
  }

  deinit { shutdown() }

  /// Ends the subsystem (bounded to 2 s); skipped once the connection is gone, since libssh2
  /// would write to a closed socket.
  func shutdown() {
    guard !shutDown else { return }
    shutDown = true
    guard !connection.isClosed && !connection.isLost else { return }
    let sftp = self.sftp
    _ = try? connection.perform(deadline: .now() + 2) { _ in libssh2_sftp_shutdown(sftp) }
  }

  // MARK: Paths

  /// The attributes of `path`, following symbolic links unless `follow` is false; nil when
  /// it does not exist.
  func attributes(_ path: String, follow: Bool = true) throws(SFTPFailure) -> SFTPAttributes? {
    var found = LIBSSH2_SFTP_ATTRIBUTES()
    let type = follow ? LIBSSH2_SFTP_STAT : LIBSSH2_SFTP_LSTAT
    do {
      try status { sftp in Int(libssh2_sftp_stat_ex(sftp, path, Self.length(path), type, &found)) }
    } catch .status(ENOENT) {
      return nil
    }
    return SFTPAttributes(found)
  }

  /// Sets the permission bits of `path`.
  func setPermissions(_ path: String, _ permissions: UInt) throws(SFTPFailure) {
    var wanted = LIBSSH2_SFTP_ATTRIBUTES()
    wanted.flags = UInt(LIBSSH2_SFTP_ATTR_PERMISSIONS)
    wanted.permissions = permissions
    try status { sftp in
      Int(libssh2_sftp_stat_ex(sftp, path, Self.length(path), LIBSSH2_SFTP_SETSTAT, &wanted))
    }
  }

  /// The server's absolute, canonical form of `path` (`.` is the login directory).
  func realPath(_ path: String) throws(SFTPFailure) -> String {
    var buffer = [CChar](repeating: 0, count: 4097)
    let count = try status { sftp in
      Int(
        libssh2_sftp_symlink_ex(
          sftp, path, Self.length(path), &buffer, UInt32(buffer.count - 1), LIBSSH2_SFTP_REALPATH))
    }
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func makeDirectory(_ path: String, _ permissions: UInt) throws(SFTPFailure) {
    try status { sftp in Int(libssh2_sftp_mkdir_ex(sftp, path, Self.length(path), Int(permissions))) }
  }

  /// The entries of directory `path` but `.` and `..`, with their own attributes (symbolic
  /// links not followed, as OpenSSH reports them).
  func list(_ path: String) throws(SFTPFailure) -> [(name: String, attributes: SFTPAttributes)] {
    let handle = try open(path, flags: 0, permissions: 0, directory: true)
    defer { close(handle) }
    var entries: [(name: String, attributes: SFTPAttributes)] = []
    var buffer = [CChar](repeating: 0, count: 4097)
    while true {
      var found = LIBSSH2_SFTP_ATTRIBUTES()
      let count = try status { _ in
        Int(libssh2_sftp_readdir_ex(handle, &buffer, buffer.count - 1, nil, 0, &found))
      }
      if count == 0 { return entries }
      let name = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if name != "." && name != ".." { entries.append((name, SFTPAttributes(found))) }
    }
  }

  // MARK: Files

  /// Opens a file (`flags`: `LIBSSH2_FXF_*`) or a directory; `permissions` apply to a file it creates.
  func open(_ path: String, flags: Int32, permissions: UInt, directory: Bool = false) throws(SFTPFailure)
    -> OpaquePointer
  {
    let type = directory ? LIBSSH2_SFTP_OPENDIR : LIBSSH2_SFTP_OPENFILE
    return try Self.retrying(connection, stop) { session in
      if let handle = libssh2_sftp_open_ex(
        sftp, path, Self.length(path), UInt(flags), Int(permissions), type)
      {
        return .done(handle)
      }
      return .failed(libssh2_session_last_errno(session), sftp: sftp)
    }
  }

  /// Reads up to `count` bytes into `buffer`; 0 at the end of the file.
  func read(_ handle: OpaquePointer, into buffer: UnsafeMutableRawPointer, count: Int) throws(SFTPFailure) -> Int {
    try status { _ in libssh2_sftp_read(handle, buffer.assumingMemoryBound(to: CChar.self), count) }
  }

  /// Writes from the start of `buffer`, returning how much the server has acknowledged. libssh2
  /// sends all of `count` at once and keeps what is not acknowledged yet: the next call must
  /// pass the same bytes again, after those acknowledged (so the pipeline stays full).
  func write(_ handle: OpaquePointer, _ buffer: UnsafeRawPointer, count: Int) throws(SFTPFailure) -> Int {
    try Self.retrying(connection, stop) { _ in
      let written = libssh2_sftp_write(handle, buffer.assumingMemoryBound(to: CChar.self), count)
      // 0 is no error, but nothing acknowledged yet: wait for the socket as for EAGAIN.
      if written == 0 { return .failed(LIBSSH2_ERROR_EAGAIN) }
      return written > 0 ? .done(written) : .failed(Int32(written), sftp: sftp)
    }
  }

  /// Sets the permission bits of an open file.
  func setPermissions(_ handle: OpaquePointer, _ permissions: UInt) throws(SFTPFailure) {
    var wanted = LIBSSH2_SFTP_ATTRIBUTES()
    wanted.flags = UInt(LIBSSH2_SFTP_ATTR_PERMISSIONS)
    wanted.permissions = permissions
    try status { _ in Int(libssh2_sftp_fstat_ex(handle, &wanted, 1)) }
  }

  /// Closes a handle, reporting an error (a write the server failed late).
  func finish(_ handle: OpaquePointer) throws(SFTPFailure) {
    try status { _ in Int(libssh2_sftp_close_handle(handle)) }
  }

  /// Closes a handle after an error; a failure to close is not reported over the first one.
  func close(_ handle: OpaquePointer) {
    _ = try? status { _ in Int(libssh2_sftp_close_handle(handle)) }
  }

  // MARK: Calls

  /// The outcome of one call of a libssh2 function.
  private enum Step<T> {
    case done(T)
    /// A libssh2 error code, and for `LIBSSH2_ERROR_SFTP_PROTOCOL` the server's status.
    case failed(Int32, status: UInt = 0)

    static func failed(_ code: Int32, sftp: OpaquePointer) -> Step {
      .failed(code, status: code == LIBSSH2_ERROR_SFTP_PROTOCOL ? libssh2_sftp_last_error(sftp) : 0)
    }
  }

  /// A finished call, with what libssh2 said about a failure.
  private enum Outcome<T> {
    case done(T)
    case failed(code: Int32, status: UInt, message: String)
  }

  /// Runs a call returning a count or status (negative: a libssh2 error) until it no longer
  /// answers EAGAIN.
  @discardableResult
  private func status(_ call: (OpaquePointer) -> Int) throws(SFTPFailure) -> Int {
    let sftp = self.sftp
    return try Self.retrying(connection, stop) { _ in
      let result = call(sftp)
      return result >= 0 ? .done(result) : .failed(Int32(result), sftp: sftp)
    }
  }

  /// Runs `step` holding the connection's lock until it stops answering EAGAIN. The error
  /// details (the SFTP status, libssh2's message) are read within the same hold, before
  /// another thread's call replaces them.
  private static func retrying<T>(
    _ connection: SSHConnection, _ stop: () -> Bool, _ step: (OpaquePointer) -> Step<T>
  ) throws(SFTPFailure) -> T {
    let outcome: Outcome<T>
    do throws(SSHConnection.Interruption) {
      outcome = try connection.attempt(deadline: nil, stop: stop) { session -> Outcome<T>? in
        switch step(session) {
        case .done(let value):
          return .done(value)
        case .failed(let code, _) where code == LIBSSH2_ERROR_EAGAIN:
          return nil
        case .failed(let code, let status):
          return .failed(code: code, status: status, message: lastError(session))
        }
      }
    } catch {
      throw .interrupted(error)
    }
    switch outcome {
    case .done(let value):
      return value
    case .failed(let code, let status, let message):
      if code == LIBSSH2_ERROR_SFTP_PROTOCOL { throw .status(errorNumber(status)) }
      if connection.noteTransportError(code) { throw .interrupted(.lost) }
      if code == LIBSSH2_ERROR_CHANNEL_FAILURE { throw .refused }
      throw .library(message)
    }
  }

  private static func lastError(_ session: OpaquePointer) -> String {
    var message: UnsafeMutablePointer<CChar>?
    var length: Int32 = 0
    let code = libssh2_session_last_error(session, &message, &length, 0)
    guard let message, length > 0 else { return "libssh2 error \(code)" }
    return String(cString: message)
  }

  /// The errno for an SFTP status (the reverse of what OpenSSH's sftp-server does).
  private static func errorNumber(_ status: UInt) -> Int32? {
    switch status {
    case UInt(LIBSSH2_FX_NO_SUCH_FILE), UInt(LIBSSH2_FX_NO_SUCH_PATH): return ENOENT
    case UInt(LIBSSH2_FX_PERMISSION_DENIED), UInt(LIBSSH2_FX_WRITE_PROTECT): return EACCES
    case UInt(LIBSSH2_FX_FILE_ALREADY_EXISTS): return EEXIST
    case UInt(LIBSSH2_FX_NOT_A_DIRECTORY): return ENOTDIR
    case UInt(LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM): return ENOSPC
    case UInt(LIBSSH2_FX_QUOTA_EXCEEDED): return EDQUOT
    case UInt(LIBSSH2_FX_DIR_NOT_EMPTY): return ENOTEMPTY
    case UInt(LIBSSH2_FX_LINK_LOOP): return ELOOP
    case UInt(LIBSSH2_FX_BAD_MESSAGE), UInt(LIBSSH2_FX_INVALID_FILENAME): return EINVAL
    case UInt(LIBSSH2_FX_OP_UNSUPPORTED): return EOPNOTSUPP
    default: return nil
    }
  }

  private static func length(_ path: String) -> UInt32 { UInt32(path.utf8.count) }
}
