import Dispatch
import Foundation

/// The SFTP sessions of one connection. Starting one costs three round trips (channel,
/// subsystem, version), so a transfer takes an idle one and gives it back; threads
/// transferring at once each get their own, since one SFTP session serves one thread at a time.
final class SFTPPool: @unchecked Sendable {
  let connection: SSHConnection
  /// Guards `idle` and `home`.
  private let lock = NSLock()
  private var idle: [SFTPClient] = []
  private var home: String?

  init(_ connection: SSHConnection) {
    self.connection = connection
  }

  /// An SFTP session for one thread, and the login directory (remote relative paths start
  /// there, §6.10). While it is out, it counts as an open channel of the connection.
  func take(stop: @escaping () -> Bool) throws(SFTPFailure) -> (client: SFTPClient, home: String) {
    lock.lock()
    let reused = idle.popLast()
    let known = home
    lock.unlock()
    let client: SFTPClient
    if let reused {
      reused.stop = stop
      client = reused
    } else {
      client = try start(stop: stop)
    }
    connection.channelOpened()
    if let known { return (client, known) }
    do {
      let found = try client.realPath(".")
      lock.lock()
      home = found
      lock.unlock()
      return (client, found)
    } catch {
      give(client, reusable: false)
      throw error
    }
  }

  /// A new SFTP session. As for commands (§6.9), a server refusing the channel is asked again
  /// once another channel of the connection has closed, for at most a minute.
  private func start(stop: @escaping () -> Bool) throws(SFTPFailure) -> SFTPClient {
    let since = DispatchTime.now()
    while true {
      do throws(SFTPFailure) {
        // libssh2 keeps the progress of `libssh2_sftp_init` in the SSH session, and it sends a
        // `subsystem` request: one thread at a time, and not while a command starts
        // (SSHConnection.requests).
        connection.requests.lock()
        defer { connection.requests.unlock() }
        return try SFTPClient(connection, stop: stop)
      } catch .refused where connection.channelCount > 0 && DispatchTime.now() < since + 60 {
        if stop() { throw .interrupted(.stopped) }
        usleep(20_000)
      }
    }
  }

  /// Takes back a session; one whose last call did not finish (an interrupted wait) is shut
  /// down instead, since libssh2 would resume that call.
  func give(_ client: SFTPClient, reusable: Bool) {
    connection.channelClosed()
    client.stop = { false }
    guard reusable && !connection.isLost && !connection.isClosed else {
      client.shutdown()
      return
    }
    lock.lock()
    // A few are kept: idle ones hold channels that commands may need (MaxSessions).
    let kept = idle.count < Self.idleLimit
    if kept { idle.append(client) }
    lock.unlock()
    if !kept { client.shutdown() }
  }

  static let idleLimit = 2

  /// Shuts the idle sessions down, before the connection closes.
  func closeAll() {
    lock.lock()
    let all = idle
    idle = []
    lock.unlock()
    for client in all { client.shutdown() }
  }
}
