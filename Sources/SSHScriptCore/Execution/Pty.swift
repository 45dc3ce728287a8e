import Dispatch
import Foundation

/// A shell started on a pseudo-terminal (LANGUAGE.md §5.1): the PTY slave is its controlling
/// terminal, stdin and stdout; its stderr is a separate pipe, so a local console keeps the
/// streams apart. The child runs in a session of its own (`POSIX_SPAWN_SETSID`: glibc performs
/// the `setsid` before the file actions, so opening the slave by name makes it the controlling
/// terminal), which also keeps the user's Ctrl-C away from it.
///
/// Echo is switched off on the slave before the shell starts, so nothing written to the
/// terminal ever comes back as output. One thread at a time uses an instance; a child nobody
/// reaped is reaped in the background when the instance goes away (no zombies).
final class PtyProcess {
  let pid: pid_t
  /// The master side of the PTY (nil once closed): reads give the child's terminal output.
  private(set) var master: Int32?
  /// The read end of the child's stderr pipe (nil once closed).
  private(set) var errorPipe: Int32?
  /// The exit status once reaped: the exit code, or 128 + the signal number.
  private(set) var status: Int?

  private init(pid: pid_t, master: Int32, errorPipe: Int32) {
    self.pid = pid
    self.master = master
    self.errorPipe = errorPipe
  }

  deinit {
    closeDescriptors()
    if status == nil {
      let pid = self.pid
      kill(-pid, SIGHUP)
      let reaper = Thread {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        LiveChildren.remove(pid)
      }
      reaper.start()
    }
  }

  /// The terminal size every console gets (§5.1).
  static let columns: UInt16 = 200
  static let rows: UInt16 = 50

  /// Starts `arguments` (looked up on `PATH` when the name has no slash) with `TERM=dumb`.
  static func spawn(_ arguments: [String]) throws(SpawnError) -> PtyProcess {
    let program = Array((arguments.first ?? "").utf8)
    let master = Terminal.openMaster()
    guard master >= 0 else { throw SpawnError(code: errno, path: program) }
    var keepMaster = false
    defer { if !keepMaster { close(master) } }
    guard let slavePath = Terminal.unlockSlave(master) else { throw SpawnError(code: errno, path: program) }
    // Set the terminal up while the parent holds the slave open: no echo, the console's size.
    let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else { throw SpawnError(code: errno, path: program) }
    defer { close(slave) }
    var modes = termios()
    if tcgetattr(slave, &modes) == 0 {
      modes.c_lflag &= ~tcflag_t(ECHO | ECHONL)
      _ = tcsetattr(slave, TCSANOW, &modes)
    }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = Terminal.setWindowSize(master, &size)

    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw SpawnError(code: errno, path: program) }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    defer { close(ends[1]) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
    SpawnExtensions.closeFrom(&actions, 3)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGXFSZ, SIGINT, SIGQUIT, SIGHUP, SIGTERM] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID, declared by glibc only for _GNU_SOURCE
    posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | setsid))

    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "dumb"
    var entries = CStringArray(environment.map { Array("\($0.key)=\($0.value)".utf8) })
    defer { entries.free() }
    var argv = CStringArray(arguments.map { Array($0.utf8) })
    defer { argv.free() }
    var pid: pid_t = 0
    var code = ENOENT
    for candidate in candidates(arguments.first ?? "", environment["PATH"]) {
      code = posix_spawn(&pid, candidate, &actions, &attributes, argv.pointers, entries.pointers)
      if code == 0 { break }
      if code != ENOENT && code != ENOTDIR { break }
    }
    guard code == 0 else {
      close(ends[0])
      throw SpawnError(code: code, path: program)
    }
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    keepMaster = true
    LiveChildren.add(pid, .terminal)
    return PtyProcess(pid: pid, master: master, errorPipe: ends[0])
  }

  private static func candidates(_ program: String, _ path: String?) -> [String] {
    if program.contains("/") || program.isEmpty { return [program] }
    return (path ?? "/bin:/usr/bin").split(separator: ":", omittingEmptySubsequences: false).map {
      $0.isEmpty ? program : "\($0)/\(program)"
    }
  }

  /// Writes what it can of `bytes` to the terminal without blocking; returns the count written.
  func write(_ bytes: ArraySlice<UInt8>) -> Int {
    guard let master, !bytes.isEmpty else { return 0 }
    let written = bytes.withUnsafeBytes { Foundation.write(master, $0.baseAddress, $0.count) }
    return written > 0 ? written : 0
  }

  /// Reads once from `descriptor` into `buffer`; false at end of file (the descriptor is then
  /// closed). On Linux the master reports EIO once every slave descriptor is closed.
  func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
    if count <= 0 {
      close(descriptor)
      if descriptor == master { master = nil } else if descriptor == errorPipe { errorPipe = nil }
      return false
    }
    buffer.append(contentsOf: chunk[..<count])
    return true
  }

  /// Reaps the child if it has ended; true once it has.
  @discardableResult
  func reap(blocking: Bool = false) -> Bool {
    if status != nil { return true }
    var raw: Int32 = 0
    while true {
      let result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
      if result == pid { break }
      if result < 0 && errno == EINTR { continue }
      if result < 0 {
        status = -1
        LiveChildren.remove(pid)
        return true
      }
      return false
    }
    let signal = raw & 0x7f
    status = signal == 0 ? Int((raw >> 8) & 0xff) : 128 + Int(signal)
    LiveChildren.remove(pid)
    return true
  }

  /// Sends `signal` to the terminal's foreground process group (what a key such as Ctrl-C
  /// does), or to the shell when that cannot be known.
  func signalForeground(_ signal: Int32) {
    guard status == nil else { return }
    if let master {
      let group = tcgetpgrp(master)
      if group > 0 {
        kill(-group, signal)
        return
      }
    }
    kill(pid, signal)
  }

  /// Hangs up: SIGHUP to the shell's process group (it leads its session), SIGKILL if it is
  /// still there after `grace` seconds, then reaps it.
  func hangUp(grace: Double = 2) {
    guard status == nil else { return }
    kill(-pid, SIGHUP)
    kill(pid, SIGHUP)
    let deadline = DispatchTime.now() + grace
    while !reap() && DispatchTime.now() < deadline { usleep(2000) }
    if status == nil {
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
      reap(blocking: true)
    }
  }

  func closeDescriptors() {
    for descriptor in [master, errorPipe].compactMap({ $0 }) { close(descriptor) }
    master = nil
    errorPipe = nil
  }
}

/// The PTY calls Swift's Glibc module does not show: `posix_openpt`, `grantpt`, `unlockpt` and
/// `ptsname_r` are declared only for `_XOPEN_SOURCE`/`_GNU_SOURCE`, and `ioctl` is variadic. All
/// are looked up at run time and called through their addresses.
private enum Terminal {
  typealias PointerControl = @convention(c) (Int32, UInt, UnsafeMutableRawPointer) -> Int32
  typealias OpenMaster = @convention(c) (Int32) -> Int32
  typealias Grant = @convention(c) (Int32) -> Int32
  typealias SlaveName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
  nonisolated(unsafe) private static let library = dlopen(nil, RTLD_NOW)
  private static let control: PointerControl? = dlsym(library, "ioctl").map {
    unsafeBitCast($0, to: PointerControl.self)
  }
  private static let openFunction: OpenMaster? = dlsym(library, "posix_openpt").map {
    unsafeBitCast($0, to: OpenMaster.self)
  }
  private static let grantFunction: Grant? = dlsym(library, "grantpt").map {
    unsafeBitCast($0, to: Grant.self)
  }
  private static let unlockFunction: Grant? = dlsym(library, "unlockpt").map {
    unsafeBitCast($0, to: Grant.self)
  }
  private static let nameFunction: SlaveName? = dlsym(library, "ptsname_r").map {
    unsafeBitCast($0, to: SlaveName.self)
  }
  private static let setSize: UInt = 0x5414  // TIOCSWINSZ on Linux

  /// A new PTY master, close-on-exec and not the caller's controlling terminal.
  static func openMaster() -> Int32 {
    guard let openFunction else {
      errno = ENOSYS
      return -1
    }
    return openFunction(O_RDWR | O_NOCTTY | O_CLOEXEC)
  }

  /// Grants and unlocks the slave of `master`; returns its path.
  static func unlockSlave(_ master: Int32) -> String? {
    guard let grantFunction, let unlockFunction, let nameFunction else {
      errno = ENOSYS
      return nil
    }
    guard grantFunction(master) == 0, unlockFunction(master) == 0 else { return nil }
    var name = [CChar](repeating: 0, count: 128)
    guard nameFunction(master, &name, name.count) == 0 else { return nil }
    return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func setWindowSize(_ descriptor: Int32, _ size: inout winsize) -> Int32 {
    guard let control else { return -1 }
    return control(descriptor, setSize, &size)
  }
}
