import Dispatch
import Foundation

/// A command to run (LANGUAGE.md §3): its final text, or an argument vector, and its options.
struct CommandRequest {
  enum Kind {
    /// A one-dollar text: run directly when it has no shell syntax, else by `/bin/sh -c`.
    case oneDollar(String)
    /// A two-dollars text: `$SHELL -c`, or the interpreter of a `#!` first line.
    case twoDollars(String)
    /// `$([...])`: run directly, never by a shell.
    case vector([String])
  }

  var kind: Kind
  /// What `CommandResult.command` shows.
  var command: String
  var input: [UInt8]?
  var timeout: Double?
  /// Careful mode: a multi-line one-dollar text starts with `set -e`.
  var careful = false
}

/// What a finished command produced.
struct CommandOutcome {
  var command: String
  var stdout: [UInt8]
  var stderr: [UInt8]
  var exitCode: Int
  var duration: Double
}

/// Runs commands on the local machine (LANGUAGE.md §3.3–§3.10): `posix_spawn` directly or
/// through a shell, stdout and stderr read together, the interpreter lock released meanwhile.
enum LocalCommand {
  static func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome {
    let started = DispatchTime.now()
    let arguments: [String]
    switch request.kind {
    case .vector(let words):
      arguments = words
    case .oneDollar(let text):
      if let words = ShellSyntax.directWords(text) {
        arguments = words
      } else {
        arguments = ["sh", "-c", request.careful && text.contains("\n") ? "set -e\n" + text : text]
      }
    case .twoDollars(let text):
      arguments = twoDollarsArguments(text)
    }
    func finished(_ stdout: [UInt8], _ stderr: [UInt8], _ code: Int) -> CommandOutcome {
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      return CommandOutcome(command: request.command, stdout: stdout, stderr: stderr, exitCode: code, duration: seconds)
    }
    guard let program = arguments.first, !program.isEmpty else { return finished([], [], 0) }
    var spawn = SpawnRequest(arguments: arguments.map { Array($0.utf8) })
    if case .oneDollar = request.kind, arguments.first == "sh" { spawn.executable = Array("/bin/sh".utf8) }
    spawn.standardInput = request.input == nil ? .null : .pipe
    spawn.standardOutput = .pipe
    spawn.standardError = .pipe
    spawn.newProcessGroup = request.timeout != nil
    let child: ChildProcess
    do {
      child = try ChildProcess.spawn(spawn)
    } catch {
      // As a shell reports it: no exception, a status and a message on stderr.
      var info = stat()
      let isDirectory = stat(program, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
      let (code, reason): (Int, String) =
        switch error.code {
        case ENOENT, ENOTDIR: (127, "command not found")
        case _ where isDirectory || error.code == EISDIR: (126, "Is a directory")
        default: (126, error.code == EACCES ? "Permission denied" : String(cString: strerror(error.code)))
        }
      return finished([], Array("\(program): \(reason)\n".utf8), code)
    }
    if let input = request.input { child.feed(input) }
    let deadline = request.timeout.map { DispatchTime.now() + $0 }
    let interrupted = interpreter.interruptRequested
    var (progress, stdout, stderr) = LineEcho.collect(
      interpreter, echo: interpreter.verbose ? LineEcho() : nil, deadline: deadline, timedOut: .timedOut,
      wait: { slice in child.exchange(until: slice, stop: { interrupted.pointee != 0 }) }, take: child.takeOutput)
    switch progress {
    case .exited:
      let status = Int(child.status ?? -1)
      // Killed by signal N: 128 + N, as a shell reports it.
      return finished(stdout, stderr, status < 0 ? 128 - status : status)
    case .timedOut:
      stop(child, group: true, interpreter)
      let (lateOutput, lateErrors) = child.takeOutput()
      stdout += lateOutput
      stderr += lateErrors
      let seconds = request.timeout ?? 0
      let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
      let error = Interpreter.error(
        BuiltinTypes.timeoutError, "command timed out after \(shown) s on localhost: \(request.command)")
      error.exception.attributes["stdout"] = .str(String(decoding: stdout, as: UTF8.self))
      error.exception.attributes["stderr"] = .str(String(decoding: stderr, as: UTF8.self))
      throw error
    case .stopped:
      // Ctrl-C: the child (in our process group) got SIGINT from the terminal too; make sure.
      child.send(SIGINT)
      stop(child, group: request.timeout != nil, interpreter)
      throw ScriptException(ExceptionObject(cls: BuiltinTypes.keyboardInterrupt, args: []))
    }
  }

  /// `-v` (LANGUAGE.md §3.11): complete lines are written as they arrive, stdout to stdout and
  /// stderr to stderr, each in one piece; a last line without a newline gets one at the end.
  struct LineEcho {
    /// Waits for a command with the interpreter lock released and returns how the wait ended and
    /// all the output. Without an echo that is one wait; with one (-v) the wait is cut in slices
    /// of 50 ms and the lines are echoed as they arrive, with the lock held.
    static func collect<Progress: Equatable>(
      _ interpreter: Interpreter, echo: LineEcho?, deadline: DispatchTime?, timedOut: Progress,
      wait: (DispatchTime?) throws -> Progress, take: () -> ([UInt8], [UInt8])
    ) rethrows -> (Progress, [UInt8], [UInt8]) {
      var echo = echo
      var stdout: [UInt8] = []
      var stderr: [UInt8] = []
      var progress: Progress
      repeat {
        let slice = echo == nil ? deadline : min(deadline ?? .distantFuture, DispatchTime.now() + 0.05)
        progress = try interpreter.blocking { try wait(slice) }
        let (output, errors) = take()
        stdout += output
        stderr += errors
        echo?.write(output, errors, interpreter, final: progress != timedOut)
      } while echo != nil && progress == timedOut && (deadline.map { DispatchTime.now() < $0 } ?? true)
      return (progress, stdout, stderr)
    }

    private var pendingOutput: [UInt8] = []
    private var pendingErrors: [UInt8] = []
    /// Output of a terminal, whose lines end with \r\n; the echo ends them as results do.
    private let terminal: Bool
    /// Written before each line: `[web1] ` for a remote session's output.
    private let prefix: String

    init(terminal: Bool = false, prefix: String = "") {
      self.terminal = terminal
      self.prefix = prefix
    }

    mutating func write(_ output: [UInt8], _ errors: [UInt8], _ interpreter: Interpreter, final: Bool) {
      flush(&pendingOutput, output, final, interpreter.writeStdout)
      flush(&pendingErrors, errors, final, interpreter.writeStderr)
    }

    private func flush(_ pending: inout [UInt8], _ new: [UInt8], _ final: Bool, _ write: (String) -> Void) {
      pending += new
      let end = final ? pending.count : (pending.lastIndex(of: 10).map { $0 + 1 } ?? 0)
      guard end > 0 else { return }
      var text = String(decoding: pending[..<end], as: UTF8.self)
      if terminal { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
      if !text.hasSuffix("\n") { text += "\n" }
      if !prefix.isEmpty {
        text = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { prefix + $0 + "\n" }
          .joined()
      }
      write(text)
      pending.removeFirst(end)
    }
  }

  /// SIGTERM to the command (its whole group when it has one), SIGKILL 2 s later, then reaped.
  private static func stop(_ child: ChildProcess, group: Bool, _ interpreter: Interpreter) {
    if group { kill(-child.pid, SIGTERM) } else { child.send(SIGTERM) }
    let progress = interpreter.blocking { child.waitForExit(until: DispatchTime.now() + 2, stop: { false }) }
    if progress != .exited {
      if group { kill(-child.pid, SIGKILL) }
      child.terminate()
    }
  }

  /// `$$`: `[$SHELL, "-c", TEXT]`, or `[interpreter, args…, "-c", REST]` for a `#!` first line.
  static func twoDollarsArguments(_ text: String) -> [String] {
    if text.hasPrefix("#!"), let newline = text.firstIndex(of: "\n") {
      let words = text[text.index(text.startIndex, offsetBy: 2)..<newline].split(whereSeparator: {
        $0 == " " || $0 == "\t"
      })
      if !words.isEmpty {
        return words.map(String.init) + ["-c", String(text[text.index(after: newline)...])]
      }
    }
    var shell = "/bin/sh"
    if let value = getenv("SHELL"), access(value, X_OK) == 0, !String(cString: value).isEmpty {
      shell = String(cString: value)
    }
    return [shell, "-c", text]
  }
}
