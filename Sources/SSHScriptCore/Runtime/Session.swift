import Foundation

/// A session as scripts see it (LANGUAGE.md §6.6): where the commands of the threads whose
/// effective session it is run, with the facts `$.host`, `$.username`, … report. Sessions are
/// shared between threads; so is their careful mode (§6.7).
final class Session: PyObject {
  let executor: CommandExecutor
  /// The host label; nil for the local session.
  let host: String?
  let username: String
  /// nil for the local session.
  let port: Int?
  /// The session this one was opened from; nil for the local session.
  let parent: Session?
  /// Careful mode (§4.3), per session.
  var careful = false
  /// Set by `$.connect`, which has pushed the session already: the `with` it may be the item
  /// of (`with $.connect(…):`) must not push it again, and closes it at the end (§6.1).
  var awaitsWith = false
  /// Set by `close()`; a command on a closed session raises.
  private(set) var closed = false
  /// What `close()` does beyond marking the session closed (an SSH connection disconnects).
  private let onClose: (() -> Void)?

  init(
    executor: CommandExecutor, host: String?, username: String, port: Int?, parent: Session?,
    onClose: (() -> Void)? = nil
  ) {
    self.executor = executor
    self.host = host
    self.username = username
    self.port = port
    self.parent = parent
    self.onClose = onClose
  }

  /// The bottom of every thread's session stack: the machine sshs runs on.
  static func local() -> Session {
    Session(executor: LocalExecutor(), host: nil, username: localUserName, port: nil, parent: nil)
  }

  override var pyType: TypeObject { SessionType.type }

  var isLocal: Bool { host == nil }

  /// `s.connected` (§6.6): false for the local session and once closed.
  var connected: Bool { !isLocal && !closed && executor.isConnected }

  /// `user@host:port`, as messages and `repr` name the session.
  var label: String { isLocal ? "local" : "\(username)@\(host!):\(port.map(String.init) ?? "22")" }

  /// Closes a remote session (idempotent). The local session cannot be closed.
  func close() throws {
    if isLocal { throw Interpreter.error(BuiltinTypes.sshScriptError, "the local session cannot be closed") }
    guard !closed else { return }
    closed = true
    onClose?()
  }

  /// Runs a command here, or raises when the session is closed.
  func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome {
    if closed { throw Interpreter.error(BuiltinTypes.sshConnectionError, "session \(label) is closed") }
    return try executor.run(request, interpreter)
  }

  /// The user the local session runs as (`$.username`).
  static var localUserName: String {
    ProcessInfo.processInfo.environment["USER"] ?? String(cString: getpwuid(getuid()).pointee.pw_name)
  }
}
