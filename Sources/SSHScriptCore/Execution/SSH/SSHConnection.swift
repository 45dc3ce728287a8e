import CLibSSH2
import Dispatch
import Foundation

/// One SSH connection: a libssh2 session over a TCP socket (LANGUAGE.md §6). Several script
/// threads may run commands on it at once, each on its own channel; libssh2 allows one thread
/// at a time in a session, so every libssh2 call is made holding `lock`, and waits for the
/// socket happen without it. The session is non-blocking: a call that would block returns
/// EAGAIN, and `perform` waits for the socket in the direction libssh2 asks for, then retries.
final class SSHConnection: @unchecked Sendable {
  /// Why a wait ended early.
  enum Interruption: Error {
    case timedOut
    case stopped
    /// The transport failed: the connection is lost (§6.9).
    case lost
    /// The server refuses what the caller could offer (authentication).
    case refused
  }

  /// `host:port` as messages name the server.
  let endpoint: String
  let socket: Int32
  let session: OpaquePointer
  private let lock = NSLock()
  /// Held by a thread from sending a channel request that wants a reply (`exec`, `subsystem`)
  /// until the reply has come, across its waits. libssh2 1.10's `_libssh2_packet_requirev`
  /// fails (-1, "Failed waiting for channel success") when the reply it reads is meant for
  /// another channel, so two threads must not wait for such replies at once; before this lock,
  /// 60 commands started at once on a connection made it look lost.
  let requests = NSLock()
  /// Channels open now: with more than one, waits are shorter, since another thread may read
  /// the packet this one waits for (libssh2 files it in this thread's channel).
  private var openChannels = 0
  /// Set when the transport failed or the connection was closed; guarded by `lock`.
  private var lost = false
  private var closed = false

  var isLost: Bool { withLock { lost } }
  var isClosed: Bool { withLock { closed } }

  private func withLock<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }

  nonisolated(unsafe) private static let libraryReady: Bool = libssh2_init(0) == 0

  /// Connects and performs the SSH handshake, preferring `hostKeyTypes` (the key types
  /// known_hosts holds for this host, so a host known by its ed25519 key is not asked for
  /// its ECDSA key).
  /// Seconds between keepalive requests (0: none), §6.9.
  private let keepalive: Int
  /// Unanswered keepalive requests after which the connection counts as lost.
  private let keepaliveCountMax: Int
  /// When data last arrived from the server (guarded by `lock`).
  private var lastHeard = DispatchTime.now()

  init(
    host: String, port: Int, timeout: Double, hostKeyTypes: [String], keepalive: Int = 60, keepaliveCountMax: Int = 3,
    compress: Bool = false
  ) throws(TCPConnector.Failure) {
    endpoint = "\(host):\(port)"
    self.keepalive = keepalive
    self.keepaliveCountMax = max(1, keepaliveCountMax)
    guard Self.libraryReady, let session = libssh2_session_init_ex(nil, nil, nil, nil) else {
      throw TCPConnector.Failure(message: "cannot start an SSH session to \(host):\(port) (libssh2 failed)")
    }
    self.session = session
    do {
      socket = try TCPConnector.connect(host: host, port: port, timeout: timeout)
    } catch {
      libssh2_session_free(session)
      throw error
    }
    libssh2_session_set_blocking(session, 0)
    let defaults = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"]
    let preferred = hostKeyTypes.filter(defaults.contains) + defaults.filter { !hostKeyTypes.contains($0) }
    _ = libssh2_session_method_pref(session, LIBSSH2_METHOD_HOSTKEY, preferred.joined(separator: ","))
    if compress { _ = libssh2_session_flag(session, LIBSSH2_FLAG_COMPRESS, 1) }
    let socket = self.socket
    do {
      try perform(deadline: .now() + timeout) { session in libssh2_session_handshake(session, socket) }
    } catch {
      let reason = error == .timedOut ? "timed out after \(ConsoleObject.shown(timeout)) s" : lastError()
      close()
      throw TCPConnector.Failure(message: "SSH handshake with \(host):\(port) failed: \(reason)")
    }
    if keepalive > 0 { libssh2_keepalive_config(session, 1, UInt32(keepalive)) }
  }

  deinit {
    close()
    libssh2_session_free(session)
  }

  /// The server's host key: its type (the first field of the blob) and the blob.
  var hostKey: (type: String, blob: [UInt8])? {
    lock.lock()
    defer { lock.unlock() }
    var length = 0
    var type: Int32 = 0
    guard let pointer = libssh2_session_hostkey(session, &length, &type), length > 4 else { return nil }
    let blob = Array(
      UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: length))
    let nameLength = Int(blob[0]) << 24 | Int(blob[1]) << 16 | Int(blob[2]) << 8 | Int(blob[3])
    guard nameLength <= length - 4 else { return nil }
    return (String(decoding: blob[4..<(4 + nameLength)], as: UTF8.self), blob)
  }

  /// Runs a libssh2 call returning an `Int32` status until it no longer returns EAGAIN; returns
  /// that status (negative: a libssh2 error).
  @discardableResult
  func perform(deadline: DispatchTime?, stop: () -> Bool = { false }, _ call: (OpaquePointer) -> Int32)
    throws(Interruption) -> Int32
  {
    try attempt(deadline: deadline, stop: stop) { session in
      let status = call(session)
      return status == LIBSSH2_ERROR_EAGAIN ? nil : status
    }
  }

  /// Runs `step` (holding the lock) until it returns a value; after each nil, waits for the
  /// socket without the lock.
  func attempt<T>(deadline: DispatchTime?, stop: () -> Bool = { false }, _ step: (OpaquePointer) -> T?)
    throws(Interruption) -> T
  {
    let began = DispatchTime.now()
    while true {
      lock.lock()
      if lost || closed {
        lock.unlock()
        throw .lost
      }
      if let value = step(session) {
        lock.unlock()
        return value
      }
      if keepalive > 0 {
        // Sends a request (which the server answers) when the interval has passed since the
        // last one; a server silent for `keepaliveCountMax` intervals more is gone.
        var next: Int32 = 0
        if libssh2_keepalive_send(session, &next) < 0 { lost = true }
        let silence = keepalive * (keepaliveCountMax + 1)
        if DispatchTime.now() > max(lastHeard, began) + .seconds(silence) { lost = true }
      }
      let directions = libssh2_session_block_directions(session)
      let waitLong = openChannels <= 1
      lock.unlock()
      try wait(directions, deadline: deadline, stop: stop, long: waitLong)
    }
  }

  /// Runs `call` once holding the lock (calls that do not return EAGAIN).
  @discardableResult
  func attemptOnce<T>(_ call: (OpaquePointer) -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return call(session)
  }

  /// Linux's POLLRDHUP (the peer closed its side), which Glibc's Swift module does not import
  /// (it needs _GNU_SOURCE).
  private static let pollReadHangUp: Int16 = 0x2000

  private func wait(_ directions: Int32, deadline: DispatchTime?, stop: () -> Bool, long: Bool) throws(Interruption) {
    if stop() { throw .stopped }
    if let deadline, DispatchTime.now() >= deadline { throw .timedOut }
    var events: Int16 = 0
    if directions & LIBSSH2_SESSION_BLOCK_INBOUND != 0 { events |= Int16(POLLIN) }
    if directions & LIBSSH2_SESSION_BLOCK_OUTBOUND != 0 { events |= Int16(POLLOUT) }
    if events == 0 { events = Int16(POLLIN) }
    var entry = pollfd(fd: socket, events: events | SSHConnection.pollReadHangUp, revents: 0)
    TCPConnector.rearmQuickAck(socket)
    _ = poll(&entry, 1, Console.milliseconds(until: deadline, atMost: long ? 50 : 2))
    if entry.revents & Int16(POLLIN) != 0 { withLock { lastHeard = .now() } }
    // The server hung up and libssh2 has read all it sent: libssh2 1.10 may go on answering
    // EAGAIN, so the loss is noticed here.
    if entry.revents & (SSHConnection.pollReadHangUp | Int16(POLLHUP | POLLERR)) != 0 {
      var unread: Int32 = 0
      if ioctl(socket, UInt(FIONREAD), &unread) != 0 || unread == 0 {
        withLock { lost = true }
        throw .lost
      }
    }
  }

  var channelCount: Int {
    lock.lock()
    defer { lock.unlock() }
    return openChannels
  }

  /// Counts a channel as open (shorter waits while several are).
  func channelOpened() {
    lock.lock()
    openChannels += 1
    lock.unlock()
  }

  func channelClosed() {
    lock.lock()
    openChannels -= 1
    lock.unlock()
  }

  /// Marks the connection lost after a transport error; true when `status` is one.
  func noteTransportError(_ status: Int32) -> Bool {
    let transport = [
      LIBSSH2_ERROR_SOCKET_SEND, LIBSSH2_ERROR_SOCKET_RECV, LIBSSH2_ERROR_SOCKET_DISCONNECT,
      LIBSSH2_ERROR_SOCKET_TIMEOUT, LIBSSH2_ERROR_SOCKET_NONE, LIBSSH2_ERROR_TIMEOUT,
    ]
    guard transport.contains(status) else { return false }
    withLock { lost = true }
    return true
  }

  /// libssh2's message for the last error, for diagnostics.
  func lastError() -> String {
    var message: UnsafeMutablePointer<CChar>?
    var length: Int32 = 0
    let code = libssh2_session_last_error(session, &message, &length, 0)
    guard let message, length > 0 else { return "libssh2 error \(code)" }
    return String(cString: message)
  }

  /// Sends a disconnect (bounded to 2 s) and closes the socket; idempotent.
  func close() {
    let (wasClosed, wasLost) = withLock { (closed, lost) }
    guard !wasClosed else { return }
    if !wasLost {
      _ = try? perform(deadline: .now() + 2) { session in
        libssh2_session_disconnect_ex(session, SSH_DISCONNECT_BY_APPLICATION, "closed by sshs", "")
      }
    }
    withLock {
      guard !closed else { return }
      closed = true
      Glibc.close(socket)
    }
  }
}
