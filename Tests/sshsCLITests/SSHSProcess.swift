import Foundation

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#endif

/// What one run of the `sshs` binary produced.
struct ProcessOutput: Sendable, CustomStringConvertible {
  /// The exit status, or 128 + N when the process was killed by signal N.
  var status: Int32
  var stdout: String
  var stderr: String
  /// True when the run was killed for exceeding its time limit.
  var timedOut: Bool

  var description: String {
    "status \(status)\(timedOut ? " (timed out)" : "")\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)---"
  }
}

struct SSHSNotFound: Error, CustomStringConvertible {
  var searched: [String]
  var description: String {
    "the sshs binary was not found (build it first: swift build); looked in:\n  "
      + searched.joined(separator: "\n  ") + "\nset SSHS_BINARY to its path to override"
  }
}

struct SpawnError: Error, CustomStringConvertible {
  var call: String
  var code: Int32
  var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}

/// Finds and runs the built `sshs` executable.
///
/// The binary is looked for in the build products directory the tests run from: the directory
/// holding the `.xctest` bundle (named in the process arguments on macOS, the running executable
/// on Linux), then next to the running executable, then in `<repo>/.build/{debug,release}`.
/// `SSHS_BINARY` overrides the search.
enum SSHS {
  static let located: Result<String, SSHSNotFound> = locate()

  static func path() throws -> String {
    try located.get()
  }

  private static func locate() -> Result<String, SSHSNotFound> {
    let fileManager = FileManager.default
    let environment = ProcessInfo.processInfo.environment
    if let override = environment["SSHS_BINARY"], !override.isEmpty {
      return fileManager.isExecutableFile(atPath: override)
        ? .success(override) : .failure(SSHSNotFound(searched: [override]))
    }
    var directories: [String] = []
    func addBundleParent(of path: String) {
      // `…/debug/sshsPackageTests.xctest[/Contents/MacOS/sshsPackageTests]` → `…/debug`.
      let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
      if let index = components.lastIndex(where: { $0.hasSuffix(".xctest") }), index > 0 {
        directories.append(NSString.path(withComponents: Array(components[..<index])))
      }
    }
    for argument in CommandLine.arguments where argument.contains(".xctest") {
      addBundleParent(of: argument)
    }
    for bundle in Bundle.allBundles {
      addBundleParent(of: bundle.bundlePath)
    }
    addBundleParent(of: executablePath())
    directories.append(URL(fileURLWithPath: executablePath()).deletingLastPathComponent().path)
    directories.append(Bundle.main.bundleURL.path)
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    directories.append(repository.appendingPathComponent(".build/debug").path)
    directories.append(repository.appendingPathComponent(".build/release").path)

    var searched: [String] = []
    for directory in directories {
      let candidate = URL(fileURLWithPath: directory).appendingPathComponent("sshs").path
      if searched.contains(candidate) { continue }
      searched.append(candidate)
      var isDirectory: ObjCBool = false
      if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
        fileManager.isExecutableFile(atPath: candidate)
      {
        return .success(candidate)
      }
    }
    return .failure(SSHSNotFound(searched: searched))
  }

  /// The running executable (the test runner), symlinks resolved.
  private static func executablePath() -> String {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return path
      }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }

  /// Runs `sshs script`, sends it SIGINT (Ctrl-C) after `delay` seconds and waits for it to
  /// end (killing it after 10 s); returns its exit status and standard error.
  static func interrupt(
    script: String, after delay: Double, environment: [String: String] = [:]
  ) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try path())
    process.arguments = [script]
    process.environment = ProcessInfo.processInfo.environment.merging(environment, uniquingKeysWith: { $1 })
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: delay)
    process.interrupt()
    let deadline = Date(timeIntervalSinceNow: 10)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, stderr)
  }

  /// Runs `sshs arguments…` in `directory` with `input` on its stdin (empty when nil), and waits
  /// at most `timeout` seconds before killing it.
  static func run(
    _ arguments: [String], input: String? = nil, in directory: String? = nil, timeout: Double = 60,
    environment: [String: String] = [:]
  ) throws -> ProcessOutput {
    try Spawner.run(
      path: path(), arguments: arguments, input: Array((input ?? "").utf8), directory: directory,
      timeout: timeout, environment: environment)
  }
}

/// posix_spawn with three pipes, read with poll() so neither stream can block the other.
/// (Foundation's `Process.waitUntilExit` polls and costs ~50 ms a run on this machine.)
enum Spawner {
  private static let spawnLock = NSLock()

  #if canImport(Darwin)
    private typealias FileActions = posix_spawn_file_actions_t?
    /// RTLD_DEFAULT.
    private static var defaultHandle: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: -2) }
  #else
    private typealias FileActions = posix_spawn_file_actions_t
    /// RTLD_DEFAULT.
    private static var defaultHandle: UnsafeMutableRawPointer? { nil }
  #endif
  private typealias AddChdir = @convention(c) (UnsafeMutablePointer<FileActions>, UnsafePointer<CChar>) -> Int32

  /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+, macOS 10.15+). Swift's Glibc module does
  /// not import it (it is a GNU extension), so it is looked up at run time.
  private static let addChdir: AddChdir? = {
    guard let symbol = dlsym(defaultHandle, "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(symbol, to: AddChdir.self)
  }()

  private static let ignoreSIGPIPE: Void = {
    // Writing stdin to a child that already exited must give EPIPE, not kill the test runner.
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  /// `environment` adds to (or replaces entries of) the test runner's environment.
  static func run(
    path: String, arguments: [String], input: [UInt8], directory: String?, timeout: Double,
    environment extra: [String: String] = [:]
  ) throws -> ProcessOutput {
    _ = ignoreSIGPIPE
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["TERM"] = "dumb"
    environment.merge(extra) { _, new in new }
    var program = path
    var argumentVector = [path] + arguments
    if let directory, addChdir == nil {
      // No posix_spawn_file_actions_addchdir_np: let a shell change directory, then exec.
      program = "/bin/sh"
      argumentVector = ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory, path] + arguments
    }
    let argv = argumentVector.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }

    // Pipes and spawn under one lock: the pipes are made close-on-exec before any other test
    // can spawn a child, so no child inherits (and holds open) another test's pipes.
    spawnLock.lock()
    let stdinPipe: (read: Int32, write: Int32)
    let stdoutPipe: (read: Int32, write: Int32)
    let stderrPipe: (read: Int32, write: Int32)
    do {
      stdinPipe = try makePipe()
      stdoutPipe = try makePipe()
      stderrPipe = try makePipe()
    } catch {
      spawnLock.unlock()
      throw error
    }
    let allFDs = [
      stdinPipe.read, stdinPipe.write, stdoutPipe.read, stdoutPipe.write, stderrPipe.read, stderrPipe.write,
    ]

    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
    posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
    for fd in allFDs where fd > 2 {
      posix_spawn_file_actions_addclose(&actions, fd)
    }
    if let directory, let addChdir {
      _ = addChdir(&actions, directory)
    }

    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
    spawnLock.unlock()
    close(stdinPipe.read)
    close(stdoutPipe.write)
    close(stderrPipe.write)
    guard spawned == 0 else {
      for descriptor in [stdinPipe.write, stdoutPipe.read, stderrPipe.read] { close(descriptor) }
      throw SpawnError(call: "posix_spawn \(path)", code: spawned)
    }

    var stdinFD: Int32? = stdinPipe.write
    var pendingInput = input[...]
    if pendingInput.isEmpty {
      close(stdinPipe.write)
      stdinFD = nil
    } else {
      _ = fcntl(stdinPipe.write, F_SETFL, fcntl(stdinPipe.write, F_GETFL) | O_NONBLOCK)
    }
    var reading: [Int32: [UInt8]] = [stdoutPipe.read: [], stderrPipe.read: []]
    var collected: [Int32: [UInt8]] = [:]
    let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
    var timedOut = false
    var buffer = [UInt8](repeating: 0, count: 65_536)

    while !reading.isEmpty || stdinFD != nil {
      let remaining = deadline - ContinuousClock.now
      if remaining <= .zero {
        timedOut = true
        kill(pid, SIGKILL)
        break
      }
      var fds = reading.keys.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if let stdinFD {
        fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0))
      }
      let parts = remaining.components
      let milliseconds = Int32(clamping: parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000 + 1)
      let ready = poll(&fds, nfds_t(fds.count), milliseconds)
      if ready < 0 {
        if errno == EINTR { continue }
        throw SpawnError(call: "poll", code: errno)
      }
      for entry in fds where entry.revents != 0 {
        if entry.fd == stdinFD {
          let written = pendingInput.withUnsafeBytes { write(entry.fd, $0.baseAddress, $0.count) }
          if written > 0 {
            pendingInput = pendingInput.dropFirst(written)
          }
          if pendingInput.isEmpty || (written < 0 && errno != EAGAIN && errno != EINTR) {
            close(entry.fd)
            stdinFD = nil
          }
          continue
        }
        let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          reading[entry.fd, default: []].append(contentsOf: buffer[0..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
          collected[entry.fd] = reading.removeValue(forKey: entry.fd)
          close(entry.fd)
        }
      }
    }
    for (fd, bytes) in reading {
      collected[fd] = bytes
      close(fd)
    }
    if let stdinFD { close(stdinFD) }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { throw SpawnError(call: "waitpid", code: errno) }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
    let signal = status & 0x7F
    let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    return ProcessOutput(
      status: exitStatus,
      stdout: String(decoding: collected[stdoutPipe.read] ?? [], as: UTF8.self),
      stderr: String(decoding: collected[stderrPipe.read] ?? [], as: UTF8.self),
      timedOut: timedOut)
  }

  /// A pipe whose ends are close-on-exec (`pipe2` is not imported on Linux either; the caller holds
  /// `spawnLock`, so no spawn sees the pipe before the flag is set).
  private static func makePipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw SpawnError(call: "pipe", code: errno) }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
  }
}

/// A fresh temporary directory for one test, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
  let template = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sshs-cli-test.XXXXXX").path
  var bytes = Array(template.utf8CString)
  guard let created = mkdtemp(&bytes) else { throw SpawnError(call: "mkdtemp", code: errno) }
  let directory = String(cString: created)
  defer { try? FileManager.default.removeItem(atPath: directory) }
  return try body(directory)
}

/// Writes `files` (name → contents) into `directory`.
func write(_ files: [String: String], in directory: String) throws {
  for (name, contents) in files {
    try contents.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
  }
}
