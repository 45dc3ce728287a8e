import Dispatch
import Foundation

/// How one of a child's standard streams (0, 1, 2) is connected.
enum ChildStream: Equatable {
  /// The parent's descriptor of the same number.
  case inherit
  /// `/dev/null`.
  case null
  /// A pipe to the parent, read or written through `ChildProcess`.
  case pipe
  /// One of the parent's open descriptors.
  case descriptor(Int32)
  /// For stderr only: wherever the child's stdout goes.
  case standardOutput
}

/// What to start: the program, its arguments and surroundings. Strings are bytes, as the
/// operating system sees them.
struct SpawnRequest {
  /// `argv`; the program is `arguments[0]` unless `executable` is given.
  var arguments: [[UInt8]]
  /// The program to run in place of `arguments[0]` (which stays the child's `argv[0]`).
  var executable: [UInt8]?
  /// `NAME=value` entries; nil passes the parent's environment.
  var environment: [[UInt8]]?
  /// The child's working directory; nil keeps the parent's.
  var directory: [UInt8]?
  var standardInput: ChildStream = .inherit
  var standardOutput: ChildStream = .inherit
  var standardError: ChildStream = .inherit
  /// Starts the child in a process group of its own, so that the whole group can be signalled
  /// (a `$` command with a time limit).
  var newProcessGroup = false
}

/// Why a child could not be started: an errno, and the path it concerns (the program, or the
/// working directory when that is what is missing), as CPython reports it.
struct SpawnError: Error {
  let code: Int32
  let path: [UInt8]
}

/// A local child process started with `posix_spawn` (ENGINEERING.md: ~0.7 ms, where
/// `Foundation.Process` costs ~49 ms). The parent talks to it through non-inheritable pipes;
/// `exchange` feeds stdin and drains stdout and stderr together with `poll()`, so a child
/// writing megabytes to both never deadlocks.
///
/// The waits take a deadline and may be called again after `.timedOut` to go on; calling
/// `takeOutput()` between short waits streams the output (what a `$` command runner needs).
///
/// One thread at a time uses an instance. A child nobody waited for is reaped in the background
/// when its `ChildProcess` goes away, so no zombie is left behind.
final class ChildProcess {
  let pid: pid_t
  /// The parent's ends of the pipes (nil once closed, or when the stream is not a pipe).
  private(set) var inputPipe: Int32?
  private(set) var outputPipe: Int32?
  private(set) var errorPipe: Int32?
  /// What the pipes have delivered so far and nobody has taken.
  private(set) var output: [UInt8] = []
  private(set) var errorOutput: [UInt8] = []
  /// The exit status as Python reports it, once reaped: the exit code, or minus the signal.
  private(set) var status: Int32?
  private var pendingInput: [UInt8]?
  private var inputOffset = 0

  private init(pid: pid_t, input: Int32?, output: Int32?, error: Int32?) {
    self.pid = pid
    self.inputPipe = input
    self.outputPipe = output
    self.errorPipe = error
  }

  deinit {
    for descriptor in [inputPipe, outputPipe, errorPipe].compactMap({ $0 }) { close(descriptor) }
    if status == nil {
      let pid = self.pid
      let reaper = Thread {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        LiveChildren.remove(pid)
      }
      reaper.start()
    }
  }

  // MARK: Starting

  /// Starts the program, looking it up in the `PATH` of the child's environment when its name
  /// has no slash (as `execvpe` does; `/bin:/usr/bin` when there is no `PATH`).
  static func spawn(_ request: SpawnRequest) throws(SpawnError) -> ChildProcess {
    let program = request.executable ?? request.arguments.first ?? []
    if let directory = request.directory {
      var info = stat()
      let code = directory.cString { stat($0, &info) == 0 ? 0 : errno }
      if code != 0 { throw SpawnError(code: code, path: directory) }
      if info.st_mode & S_IFMT != S_IFDIR { throw SpawnError(code: ENOTDIR, path: directory) }
    }
    var pipes = Pipes()
    defer { pipes.closeChildEnds() }
    do {
      try pipes.open(request)
    } catch {
      pipes.closeParentEnds()
      throw SpawnError(code: error.code, path: program)
    }
    var failure: Int32 = ENOENT
    search: for candidate in candidates(for: program, request) {
      // Skip names that do not exist without paying for a spawn; report EACCES only if
      // nothing runnable comes later, as execvp does.
      if !program.contains(UInt8(ascii: "/")) {
        var info = stat()
        let path = request.directory.map { resolve(candidate, in: $0) } ?? candidate
        if path.cString({ stat($0, &info) }) != 0 { continue }
      }
      let result = start(candidate, request, pipes)
      switch result {
      case .success(let pid):
        LiveChildren.add(pid, .command(group: request.newProcessGroup))
        let child = ChildProcess(
          pid: pid, input: pipes.parentInput, output: pipes.parentOutput, error: pipes.parentError)
        pipes.forgetParentEnds()
        return child
      case .failure(let failed):
        let code = failed.code
        if code == ENOENT || code == ENOTDIR { continue }
        failure = code
        if code != EACCES { break search }
      }
    }
    pipes.closeParentEnds()
    throw SpawnError(code: failure, path: program)
  }

  private static func candidates(for program: [UInt8], _ request: SpawnRequest) -> [[UInt8]] {
    if program.contains(UInt8(ascii: "/")) || program.isEmpty { return [program] }
    var search = Array("/bin:/usr/bin".utf8)
    if let environment = request.environment {
      if let entry = environment.first(where: { $0.starts(with: Array("PATH=".utf8)) }) {
        search = Array(entry.dropFirst(5))
      }
    } else if let path = getenv("PATH") {
      search = Array(String(cString: path).utf8)
    }
    return search.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { directory in
      directory.isEmpty ? program : Array(directory) + [UInt8(ascii: "/")] + program
    }
  }

  private static func resolve(_ path: [UInt8], in directory: [UInt8]) -> [UInt8] {
    path.first == UInt8(ascii: "/") ? path : directory + [UInt8(ascii: "/")] + path
  }

  private static func start(_ path: [UInt8], _ request: SpawnRequest, _ pipes: Pipes) -> Result<pid_t, SpawnFailure> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }

    if let directory = request.directory {
      let code = directory.cString { SpawnExtensions.addChdir(&actions, $0) }
      if code != 0 { return .failure(SpawnFailure(code: code)) }
    }
    let streams = [request.standardInput, request.standardOutput, request.standardError]
    let childEnds = [pipes.childInput, pipes.childOutput, pipes.childError]
    for (number, stream) in streams.enumerated() {
      let target = Int32(number)
      switch stream {
      case .inherit:
        break
      case .null:
        posix_spawn_file_actions_addopen(&actions, target, "/dev/null", number == 0 ? O_RDONLY : O_WRONLY, 0)
      case .pipe:
        posix_spawn_file_actions_adddup2(&actions, childEnds[number]!, target)
      case .descriptor(let descriptor):
        if descriptor != target { posix_spawn_file_actions_adddup2(&actions, descriptor, target) }
      case .standardOutput:
        posix_spawn_file_actions_adddup2(&actions, 1, target)
      }
    }
    SpawnExtensions.closeFrom(&actions, 3)

    // Signals the parent ignores (sshs ignores SIGPIPE) must not stay ignored in the child,
    // and a mask inherited from a test runner or a thread must not block signals there.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    sigaddset(&defaults, SIGXFSZ)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    if request.newProcessGroup {
      posix_spawnattr_setpgroup(&attributes, 0)
      flags |= Int32(POSIX_SPAWN_SETPGROUP)
    }
    #if canImport(Darwin)
      flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
    #endif
    posix_spawnattr_setflags(&attributes, Int16(flags))

    var arguments = CStringArray(request.arguments)
    var pid: pid_t = 0
    let code: Int32
    if let environment = request.environment {
      var entries = CStringArray(environment)
      code = path.cString { posix_spawn(&pid, $0, &actions, &attributes, arguments.pointers, entries.pointers) }
      entries.free()
    } else {
      code = path.cString { posix_spawn(&pid, $0, &actions, &attributes, arguments.pointers, environ) }
    }
    arguments.free()
    return code == 0 ? .success(pid) : .failure(SpawnFailure(code: code))
  }

  // MARK: Talking to the child

  /// Queues bytes for the child's stdin, which is closed once they are written (at once for
  /// none). Without a stdin pipe the input is dropped.
  func feed(_ input: [UInt8]) {
    guard inputPipe != nil, pendingInput == nil else { return }
    pendingInput = input
    inputOffset = 0
  }

  /// The output collected so far, removed from the buffers.
  func takeOutput() -> (output: [UInt8], errors: [UInt8]) {
    defer {
      output.removeAll()
      errorOutput.removeAll()
    }
    return (output, errorOutput)
  }

  enum Progress: Equatable {
    /// The output pipes are at end of file and the child has been reaped.
    case exited
    case timedOut
    /// `stop` returned true (an interrupt).
    case stopped
  }

  /// Writes the fed input, collects stdout and stderr, and reaps the child once its output
  /// pipes are closed, until that is done, `deadline` passes or `stop()` is true (checked
  /// every 50 ms). Call it with the interpreter lock released.
  func exchange(until deadline: DispatchTime?, stop: () -> Bool) -> Progress {
    let restoreSignals = SignalGuard.blockBrokenPipe()
    defer { restoreSignals.restore() }
    while outputPipe != nil || errorPipe != nil || (pendingInput != nil && inputPipe != nil) {
      var descriptors: [pollfd] = []
      if pendingInput != nil, let input = inputPipe {
        descriptors.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0))
      }
      for pipe in [outputPipe, errorPipe].compactMap({ $0 }) {
        descriptors.append(pollfd(fd: pipe, events: Int16(POLLIN), revents: 0))
      }
      let wait = Self.milliseconds(until: deadline, atMost: 50)
      let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
      if ready < 0 && errno != EINTR { break }
      for entry in descriptors where entry.revents != 0 {
        if entry.fd == inputPipe {
          writeInput()
        } else {
          readOutput(entry.fd)
        }
      }
      if stop() { return .stopped }
      if let deadline, DispatchTime.now() >= deadline { return .timedOut }
    }
    return waitForExit(until: deadline, stop: stop)
  }

  /// Waits for the child to exit and reaps it, meanwhile collecting whatever its output pipes
  /// deliver (so a child filling a pipe cannot block forever), without touching stdin. It
  /// checks with a growing pause: the child has usually exited already when this is called.
  func waitForExit(until deadline: DispatchTime?, stop: () -> Bool) -> Progress {
    var pause: UInt32 = 20
    var lastStopCheck = DispatchTime.now()
    while !reap(blocking: false) {
      let now = DispatchTime.now()
      if let deadline, now >= deadline { return .timedOut }
      if now.uptimeNanoseconds &- lastStopCheck.uptimeNanoseconds > 50_000_000 {
        if stop() { return .stopped }
        lastStopCheck = now
      }
      if outputPipe == nil && errorPipe == nil {
        usleep(pause)
      } else {
        readAvailableOutput(waiting: Int32(max(1, pause / 1000)))
      }
      pause = min(pause * 2, 20_000)
    }
    while outputPipe != nil || errorPipe != nil {
      if !readAvailableOutput(waiting: 0) { break }
    }
    return .exited
  }

  /// Reads once from each output pipe that is ready within `waiting` ms; false if none was.
  @discardableResult
  private func readAvailableOutput(waiting: Int32) -> Bool {
    var descriptors = [outputPipe, errorPipe].compactMap { $0 }.map {
      pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
    }
    let ready = poll(&descriptors, nfds_t(descriptors.count), waiting)
    guard ready > 0 else { return false }
    for entry in descriptors where entry.revents != 0 { readOutput(entry.fd) }
    return true
  }

  /// The exit status if the child has ended (reaping it), else nil.
  func exitStatusIfEnded() -> Int32? {
    if status == nil { _ = reap(blocking: false) }
    return status
  }

  /// Sends a signal unless the child has been reaped (its pid may then belong to another).
  func send(_ signal: Int32) {
    guard status == nil else { return }
    kill(pid, signal)
  }

  /// Kills the child and reaps it; its pipes are closed, so descendants holding them
  /// cannot keep the parent waiting.
  func terminate() {
    send(SIGKILL)
    closePipes()
    _ = reap(blocking: true)
  }

  func closePipes() {
    for descriptor in [inputPipe, outputPipe, errorPipe].compactMap({ $0 }) { close(descriptor) }
    inputPipe = nil
    outputPipe = nil
    errorPipe = nil
    pendingInput = nil
  }

  private func reap(blocking: Bool) -> Bool {
    var raw: Int32 = 0
    while true {
      let result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
      if result == pid { break }
      if result < 0 && errno == EINTR { continue }
      if result < 0 {
        // Reaped elsewhere (ECHILD): nothing more can be known.
        status = status ?? 255
        LiveChildren.remove(pid)
        return true
      }
      return false
    }
    let signal = raw & 0x7f
    status = signal == 0 ? (raw >> 8) & 0xff : -signal
    LiveChildren.remove(pid)
    return true
  }

  private func writeInput() {
    guard let descriptor = inputPipe, let input = pendingInput else { return }
    if inputOffset < input.count {
      let written = input[inputOffset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      if written > 0 {
        inputOffset += written
      } else if written < 0 && errno != EAGAIN && errno != EINTR {
        // EPIPE: the child does not read its input; the rest is dropped, as CPython does.
        inputOffset = input.count
      }
    }
    if inputOffset >= input.count {
      close(descriptor)
      inputPipe = nil
      pendingInput = nil
    }
  }

  private func readOutput(_ descriptor: Int32) {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return }
    if count <= 0 {
      close(descriptor)
      if descriptor == outputPipe { outputPipe = nil } else { errorPipe = nil }
      return
    }
    if descriptor == outputPipe {
      output.append(contentsOf: chunk[..<count])
    } else {
      errorOutput.append(contentsOf: chunk[..<count])
    }
  }

  private static func milliseconds(until deadline: DispatchTime?, atMost limit: Int32) -> Int32 {
    guard let deadline else { return limit }
    let now = DispatchTime.now().uptimeNanoseconds
    if deadline.uptimeNanoseconds <= now { return 0 }
    return Int32(min(UInt64(limit), (deadline.uptimeNanoseconds - now + 999_999) / 1_000_000))
  }
}

private struct SpawnFailure: Error {
  let code: Int32
}

/// The pipes of one spawn: the parent's ends stay with the `ChildProcess`, the child's ends
/// are closed in the parent once the child has its copies. All are close-on-exec, so children
/// spawned at the same time by other threads do not inherit them.
private struct Pipes {
  var parentInput: Int32?
  var parentOutput: Int32?
  var parentError: Int32?
  var childInput: Int32?
  var childOutput: Int32?
  var childError: Int32?

  mutating func open(_ request: SpawnRequest) throws(SpawnFailure) {
    if request.standardInput == .pipe {
      let (read, write) = try Pipes.make()
      childInput = read
      parentInput = write
      // The parent writes input without blocking, between reads of the output.
      _ = fcntl(write, F_SETFL, fcntl(write, F_GETFL) | O_NONBLOCK)
    }
    if request.standardOutput == .pipe {
      let (read, write) = try Pipes.make()
      parentOutput = read
      childOutput = write
    }
    if request.standardError == .pipe {
      let (read, write) = try Pipes.make()
      parentError = read
      childError = write
    }
  }

  private static func make() throws(SpawnFailure) -> (Int32, Int32) {
    var ends: [Int32] = [0, 0]
    // Not atomic (pipe2 is hidden behind _GNU_SOURCE), but the child closes every descriptor
    // above 2 anyway (closefrom, or POSIX_SPAWN_CLOEXEC_DEFAULT on Darwin).
    if pipe(&ends) != 0 { throw SpawnFailure(code: errno) }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return (ends[0], ends[1])
  }

  mutating func closeChildEnds() {
    for end in [childInput, childOutput, childError].compactMap({ $0 }) { close(end) }
    childInput = nil
    childOutput = nil
    childError = nil
  }

  mutating func closeParentEnds() {
    for end in [parentInput, parentOutput, parentError].compactMap({ $0 }) { close(end) }
    forgetParentEnds()
  }

  mutating func forgetParentEnds() {
    parentInput = nil
    parentOutput = nil
    parentError = nil
  }
}

/// `posix_spawn` file actions that glibc declares only for `_GNU_SOURCE`, which Swift's Glibc
/// module does not define: looked up at run time (glibc 2.29 and 2.34; Debian 12 has 2.36).
enum SpawnExtensions {
  typealias Chdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  #if canImport(Glibc)
    private static let chdirFunction: Chdir? = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np")
      .map { unsafeBitCast($0, to: Chdir.self) }
    private static let closeFromFunction: CloseFrom? = dlsym(
      dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np"
    ).map { unsafeBitCast($0, to: CloseFrom.self) }
  #endif

  static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>)
    -> Int32
  {
    #if canImport(Glibc)
      guard let chdirFunction else { return ENOSYS }
      return chdirFunction(actions, path)
    #else
      return posix_spawn_file_actions_addchdir_np(actions, path)
    #endif
  }

  /// Closes every descriptor from `lowest` up in the child (on Darwin the spawn flag
  /// POSIX_SPAWN_CLOEXEC_DEFAULT does this).
  static func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) {
    #if canImport(Glibc)
      _ = closeFromFunction?(actions, lowest)
    #endif
  }
}

/// Blocks SIGPIPE on the calling thread while it writes to a pipe whose reader may be gone
/// (the write then fails with EPIPE instead of killing the process), and discards a SIGPIPE
/// that arrived meanwhile.
private struct SignalGuard {
  private var previous = sigset_t()

  static func blockBrokenPipe() -> SignalGuard {
    var guardState = SignalGuard()
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &blocked, &guardState.previous)
    return guardState
  }

  func restore() {
    var pending = sigset_t()
    sigpending(&pending)
    var previous = self.previous
    if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
      var only = sigset_t()
      sigemptyset(&only)
      sigaddset(&only, SIGPIPE)
      var received: Int32 = 0
      sigwait(&only, &received)
    }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
  }
}

/// A NULL-terminated array of C strings for `argv` and `envp`; `free()` releases it.
struct CStringArray {
  private(set) var pointers: [UnsafeMutablePointer<CChar>?]

  init(_ strings: [[UInt8]]) {
    pointers = strings.map { bytes in
      let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
      for (index, byte) in bytes.enumerated() { pointer[index] = CChar(bitPattern: byte) }
      pointer[bytes.count] = 0
      return pointer
    }
    pointers.append(nil)
  }

  mutating func free() {
    for pointer in pointers { pointer?.deallocate() }
    pointers = []
  }
}

extension Array where Element == UInt8 {
  /// Runs `body` with the bytes as a NUL-terminated C string.
  fileprivate func cString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
    var terminated = map { CChar(bitPattern: $0) }
    terminated.append(0)
    return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
  }
}
