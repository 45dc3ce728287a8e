import Foundation
import SSHScriptCore
import Synchronization

/// The `sshs` command: parse options, load the program, map outcomes to exit statuses
/// (LANGUAGE.md §9). Everything else lives in SSHScriptCore.

let version = "sshs 1.0.0"

func writeError(_ text: String) {
  FileHandle.standardError.write(Data(text.utf8))
}

func renderer() -> DiagnosticRenderer {
  let environment = ProcessInfo.processInfo.environment
  let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
  let dumb = environment["TERM"] == "dumb"
  return DiagnosticRenderer(useColor: isatty(STDERR_FILENO) == 1 && !dumb && !noColor)
}

/// Parses one program; prints its diagnostic and returns nil on failure.
func load(_ source: CommandLineOptions.Source, quiet: Bool) -> (Program?, Int32) {
  do {
    let program: Program
    switch source {
    case .file(let path):
      program = try Program.parse(path: path)
    case .code(let code):
      program = try Program.parse(source: code, name: "<string>")
    case .standardInput, .none:
      let data = FileHandle.standardInput.readDataToEndOfFile()
      program = try Program.parse(bytes: Array(data), name: "<stdin>")
    }
    if !quiet {
      for warning in program.warnings { writeError(renderer().render(warning)) }
    }
    return (program, 0)
  } catch let diagnostic as Diagnostic {
    writeError(renderer().render(diagnostic))
    return (nil, 1)
  } catch let failure as ScriptOpenError {
    writeError("sshs: \(failure)\n")
    return (nil, 2)
  } catch {
    writeError("sshs: internal error: \(error)\n")
    return (nil, 1)
  }
}

/// Writes the interpreter's output to a file descriptor, whole.
final class FileDescriptorSink: OutputSink {
  let descriptor: Int32

  init(_ descriptor: Int32) {
    self.descriptor = descriptor
  }

  var fileDescriptor: Int32? { descriptor }

  func write(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}

/// Set by SIGINT; the interpreter turns it into KeyboardInterrupt at the next loop or call.
nonisolated(unsafe) let interruptFlag: UnsafeMutablePointer<Int32> = {
  let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
  flag.pointee = 0
  return flag
}()

/// Set by the SIGTERM/SIGHUP thread: the script may end meanwhile (its commands were killed),
/// but the exit status is the signal's.
let terminatingSignal = Atomic<Int32>(0)

/// The self-pipe of SIGTERM and SIGHUP: their handler only writes the signal number here
/// (async-signal-safe); a thread reads it and does the work.
let terminationPipe: (read: Int32, write: Int32) = {
  var ends: [Int32] = [0, 0]
  pipe(&ends)
  for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
  return (ends[0], ends[1])
}()

func installInterruptHandler() {
  _ = interruptFlag
  signal(SIGINT) { _ in interruptFlag.pointee = 1 }
  // A parent may start us with signals blocked (test runners do); they must reach us
  // whatever the inherited mask.
  var signals = sigset_t()
  sigemptyset(&signals)
  for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, number) }
  pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  // SIGTERM and SIGHUP (LANGUAGE.md §9.5): the children and consoles are ended (2 s at most),
  // then sshs exits with 128 + N; connections close with the process. A SIGHUP ignored by the
  // parent (nohup) stays ignored.
  _ = terminationPipe
  let handler: @convention(c) (Int32) -> Void = { number in
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(terminationPipe.write, &byte, 1)
  }
  signal(SIGTERM, handler)
  let previous = signal(SIGHUP, handler)
  if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(SIGHUP, SIG_IGN) }
  let watcher = Thread {
    var byte: UInt8 = 0
    while read(terminationPipe.read, &byte, 1) != 1 {}
    terminatingSignal.store(Int32(byte), ordering: .sequentiallyConsistent)
    LiveChildren.terminateAll(grace: 2)
    _exit(128 + Int32(byte))
  }
  watcher.start()
}

func run(_ arguments: [String]) -> Int32 {
  let options: CommandLineOptions
  do {
    options = try CommandLineOptions.parse(arguments)
  } catch let usage as CommandLineOptions.UsageError {
    writeError("sshs: \(usage.message)\n\(CommandLineOptions.synopsis)\n")
    return 2
  } catch {
    return 2
  }
  switch options.action {
  case .version:
    print(version)
    return 0
  case .help:
    print(CommandLineOptions.help)
    return 0
  case .check:
    let sources: [CommandLineOptions.Source] =
      options.checkFiles.isEmpty ? [options.source] : options.checkFiles.map { .file($0) }
    var status: Int32 = 0
    // The trees stay alive until exit(): the process returns their memory at once, which is
    // faster than freeing them node by node.
    var parsed: [Program] = []
    for source in sources {
      let (program, code) = load(source, quiet: options.quiet)
      if let program { parsed.append(program) }
      status = max(status, code)
    }
    withExtendedLifetime(parsed) { exit(status) }
  case .dumpAST:
    let (program, code) = load(options.source, quiet: options.quiet)
    guard let program else { return code }
    print(ASTDumper.dump(program), terminator: "")
    return 0
  case .run:
    if options.source == .none && isatty(STDIN_FILENO) == 1 {
      writeError("sshs: the interactive REPL is not available yet; give a script, -c CODE or --check\n")
      return 2
    }
    let (program, code) = load(options.source, quiet: options.quiet)
    guard let program else { return code }
    installInterruptHandler()
    signal(SIGPIPE, SIG_IGN)
    return ScriptRunner.run(
      program, argv: options.scriptArguments.isEmpty ? [""] : options.scriptArguments,
      stdout: FileDescriptorSink(STDOUT_FILENO), stderr: FileDescriptorSink(STDERR_FILENO),
      stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, interruptFlag: interruptFlag, verbose: options.verbose,
      logThreshold: options.logThreshold)
  }
}

let status = run(Array(CommandLine.arguments.dropFirst()))
// Ending on a signal: its thread exits with 128 + N once the children are gone.
while terminatingSignal.load(ordering: .sequentiallyConsistent) != 0 { pause() }
exit(status)
