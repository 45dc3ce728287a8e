import Foundation

/// Opens the TCP connection an SSH session runs over (LANGUAGE.md §6.2): name resolution, a
/// connect bounded by the connection timeout, and the two socket options that decide SSH
/// latency (ENGINEERING.md): without TCP_NODELAY every command waits ~44 ms for Nagle and
/// delayed ACKs; TCP_QUICKACK (re-armed before each wait, `rearmQuickAck`) saves ~45 ms on the
/// first command of each connection.
enum TCPConnector {
  struct Failure: Error {
    let message: String
  }

  /// A connected, non-blocking, close-on-exec socket.
  static func connect(host: String, port: Int, timeout: Double) throws(Failure) -> Int32 {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_family = AF_UNSPEC
    var list: UnsafeMutablePointer<addrinfo>?
    let resolved = getaddrinfo(host, String(port), &hints, &list)
    guard resolved == 0, let first = list else {
      throw Failure(message: "cannot resolve host '\(host)': \(String(cString: gai_strerror(resolved)))")
    }
    defer { freeaddrinfo(list) }
    let deadline = DispatchTime.now() + timeout
    var lastError: Int32 = ECONNREFUSED
    var timedOut = false
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let address = entry {
      entry = address.pointee.ai_next
      let descriptor = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      if descriptor < 0 {
        lastError = errno
        continue
      }
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
      if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 || errno == EINPROGRESS {
        switch waitConnected(descriptor, deadline) {
        case 0:
          configure(descriptor)
          return descriptor
        case ETIMEDOUT:
          timedOut = true
        case let code:
          lastError = code
        }
      } else {
        lastError = errno
      }
      close(descriptor)
    }
    if timedOut {
      throw Failure(message: "connection to \(host):\(port) timed out after \(ConsoleObject.shown(timeout)) s")
    }
    throw Failure(message: "cannot connect to \(host):\(port): \(String(cString: strerror(lastError)).lowercased())")
  }

  /// 0 once connected, else the error (ETIMEDOUT at the deadline).
  private static func waitConnected(_ descriptor: Int32, _ deadline: DispatchTime) -> Int32 {
    while true {
      let now = DispatchTime.now()
      guard now < deadline else { return ETIMEDOUT }
      var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
      let milliseconds = Int32(min(1000, (deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1_000_000 + 1))
      let ready = poll(&entry, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      if ready > 0 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length)
        return code
      }
    }
  }

  private static func configure(_ descriptor: Int32) {
    var on: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    setsockopt(descriptor, SOL_SOCKET, SO_KEEPALIVE, &on, socklen_t(MemoryLayout<Int32>.size))
    rearmQuickAck(descriptor)
  }

  /// Linux turns quick ACKs off again after a while; set before every wait for the server.
  static func rearmQuickAck(_ descriptor: Int32) {
    var on: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_QUICKACK, &on, socklen_t(MemoryLayout<Int32>.size))
  }
}
