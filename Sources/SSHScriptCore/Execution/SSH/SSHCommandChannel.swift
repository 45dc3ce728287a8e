import CLibSSH2
import Dispatch
import Foundation

/// One remote command (LANGUAGE.md §3.7): a session channel with an exec request and no
/// pseudo-terminal; input and then end-of-file; stdout and stderr read together (a command
/// filling one stream never blocks on the other) until both end; the exit status.
final class SSHCommandChannel {
  enum Progress {
    case finished
    case timedOut
    case stopped
  }

  let connection: SSHConnection
  private let channel: OpaquePointer
  private var input: [UInt8]
  private var inputOffset = 0
  private var sentEOF = false
  private var output: [[UInt8]] = [[], []]
  private(set) var ended = false
  private var freed = false

  /// Opens a channel and starts `command`. The server may refuse a channel when too many are
  /// open (OpenSSH's MaxSessions); then this waits for another one to close and retries, until
  /// `deadline`.
  init(_ connection: SSHConnection, command: String, input: [UInt8]?, deadline: DispatchTime?) throws {
    self.connection = connection
    self.input = input ?? []
    var refusedSince: DispatchTime?
    var opened: OpaquePointer?
    while opened == nil {
      do {
        opened = try connection.attempt(deadline: deadline) { session -> OpaquePointer?? in
          if let channel = libssh2_channel_open_ex(
            session, "session", 7, 2 * 1024 * 1024, 32768, nil, 0)
          {
            return .some(channel)
          }
          return libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN ? nil : .some(nil)
        }
      } catch {
        throw SSHCommandChannel.failure(error, connection, what: "opening a channel")
      }
      if opened == nil {
        if connection.noteTransportError(libssh2_session_last_errno(connection.session)) {
          throw SSHCommandChannel.failure(.lost, connection, what: "opening a channel")
        }
        // Refused: wait for another channel of this connection to close (§6.9).
        let since = refusedSince ?? .now()
        refusedSince = since
        let now = DispatchTime.now()
        if connection.channelCount == 0 || now >= (deadline ?? .distantFuture) || now > since + 60 {
          throw Interpreter.error(
            BuiltinTypes.sshScriptError,
            "\(connection.endpoint) refused a new channel (too many open channels; the server allows at most MaxSessions)"
          )
        }
        usleep(20_000)
      }
    }
    channel = opened!
    connection.channelOpened()
    do {
      // One channel request awaiting its reply per connection (SSHConnection.requests).
      connection.requests.lock()
      defer { connection.requests.unlock() }
      let status = try connection.perform(deadline: deadline) { _ in
        libssh2_channel_process_startup(channel, "exec", 4, command, UInt32(command.utf8.count))
      }
      if status < 0 { throw SSHCommandChannel.failure(.lost, connection, what: "starting the command", status) }
    } catch let interruption as SSHConnection.Interruption {
      release()
      throw SSHCommandChannel.failure(interruption, connection, what: "starting the command")
    } catch {
      release()
      throw error
    }
  }

  deinit { release() }

  /// Exchanges data until the command ends, `deadline` passes (`.timedOut`) or `stop()` holds.
  func exchange(until deadline: DispatchTime?, stop: () -> Bool) throws -> Progress {
    do {
      try connection.attempt(deadline: deadline, stop: stop) { _ -> Bool? in
        pumpLocked() ? true : nil
      }
      return .finished
    } catch .timedOut {
      return .timedOut
    } catch .stopped {
      return .stopped
    } catch {
      throw SSHCommandChannel.failure(.lost, connection, what: "running a command")
    }
  }

  /// Output read since the last call (stdout, stderr).
  func takeOutput() -> ([UInt8], [UInt8]) {
    defer { output = [[], []] }
    return (output[0], output[1])
  }

  /// One round of I/O, under the connection's lock; true once the command has ended.
  private func pumpLocked() -> Bool {
    if !sentEOF {
      while inputOffset < input.count {
        let written = input[inputOffset...].withUnsafeBufferPointer { buffer in
          buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            libssh2_channel_write_ex(channel, 0, $0, buffer.count)
          }
        }
        if written <= 0 { break }
        inputOffset += written
      }
      if inputOffset >= input.count, libssh2_channel_send_eof(channel) != LIBSSH2_ERROR_EAGAIN { sentEOF = true }
    }
    var buffer = [CChar](repeating: 0, count: 32768)
    var failed = false
    for stream in 0..<2 {
      while true {
        let count = libssh2_channel_read_ex(channel, Int32(stream), &buffer, buffer.count)
        if count > 0 {
          buffer.withUnsafeBytes { output[stream].append(contentsOf: $0.prefix(count)) }
          continue
        }
        if count < 0 && count != LIBSSH2_ERROR_EAGAIN { failed = connection.noteTransportError(Int32(count)) }
        break
      }
    }
    // Read returning 0 is not end-of-file (ENGINEERING.md): only the channel's EOF is.
    if libssh2_channel_eof(channel) == 1 || failed {
      ended = true
      return true
    }
    return false
  }

  /// After the end: closes the channel and returns the exit code (§3.7): exit-status, else
  /// 128 + the signal of exit-signal, else −1.
  func finish() throws -> Int {
    _ = try? connection.perform(deadline: .now() + 5) { _ in libssh2_channel_close(channel) }
    _ = try? connection.perform(deadline: .now() + 5) { _ in libssh2_channel_wait_closed(channel) }
    if connection.isLost { throw SSHCommandChannel.failure(.lost, connection, what: "running a command") }
    var signal: UnsafeMutablePointer<CChar>?
    var length = 0
    let code = try connection.attempt(deadline: .now() + 5) { _ -> Int? in
      if libssh2_channel_get_exit_signal(channel, &signal, &length, nil, nil, nil, nil) == 0, let signal {
        let name = String(cString: signal)
        free(signal)
        return 128 + Int(SSHCommandChannel.signalNumbers[name] ?? 0)
      }
      return Int(libssh2_channel_get_exit_status(channel))
    }
    release()
    return code
  }

  /// Stops a command whose time is up: libssh2 1.10 has no `signal` request, so the channel is
  /// closed (OpenSSH then hangs up the command's session).
  func abandon() {
    _ = try? connection.perform(deadline: .now() + 0.5) { _ in libssh2_channel_close(channel) }
    release(within: 0.5)
  }

  /// Frees the channel; a server that does not answer within `seconds` is not waited for.
  private func release(within seconds: Double = 2) {
    guard !freed else { return }
    freed = true
    _ = try? connection.perform(deadline: .now() + seconds) { _ in libssh2_channel_free(channel) }
    connection.channelClosed()
  }

  static let signalNumbers: [String: Int32] = [
    "HUP": SIGHUP, "INT": SIGINT, "QUIT": SIGQUIT, "ILL": SIGILL, "ABRT": SIGABRT, "FPE": SIGFPE, "KILL": SIGKILL,
    "SEGV": SIGSEGV, "PIPE": SIGPIPE, "ALRM": SIGALRM, "TERM": SIGTERM, "USR1": SIGUSR1, "USR2": SIGUSR2,
  ]

  /// The script error for a wait that ended because the connection failed.
  static func failure(
    _ interruption: SSHConnection.Interruption, _ connection: SSHConnection, what: String, _ status: Int32? = nil
  ) -> ScriptException {
    switch interruption {
    case .timedOut:
      return Interpreter.error(BuiltinTypes.timeoutError, "\(what) on \(connection.endpoint) timed out")
    case .stopped:
      return ScriptException(ExceptionObject(cls: BuiltinTypes.keyboardInterrupt, args: []))
    case .lost, .refused:
      if connection.isClosed && !connection.isLost {
        return Interpreter.error(BuiltinTypes.sshConnectionError, "connection to \(connection.endpoint) is closed")
      }
      if let status, !connection.noteTransportError(status) {
        return Interpreter.error(
          BuiltinTypes.sshScriptError, "\(what) on \(connection.endpoint) failed: \(connection.lastError())")
      }
      return Interpreter.error(BuiltinTypes.sshConnectionError, "connection to \(connection.endpoint) was lost")
    }
  }
}
