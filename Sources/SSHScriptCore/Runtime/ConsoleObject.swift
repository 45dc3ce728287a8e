import Dispatch
import Foundation

/// A console as scripts see it (LANGUAGE.md §5.4): calls run commands through the protocol of
/// `Console`, and the members describe the latest call. Waits release the interpreter lock.
/// Calls from several threads are serialised by the interpreter lock plus `busy`.
final class ConsoleObject: PyObject {
  let console: Console
  /// The program name shown in messages.
  let shellName: String
  /// The session the console was opened on (`c.session`); members a console does not have
  /// are looked up there (§5.4).
  let session: Session
  var careful: Bool
  /// Members of the latest call (§5.4).
  var stdout: Value = .str("")
  var stderr: Value = .str("")
  var exitcode: Value = .none
  var rawstdout: Value = .bytes([])
  var rawstderr: Value = .bytes([])
  /// Set for a console attached to a program by `enter` (§5.10).
  var program: ProgramState?
  /// The console this one runs inside (a nested console, §5.7).
  weak var parentObject: ConsoleObject?

  struct ProgramState {
    let command: Int
    let prompt: Value?
    let exit: Value?
    var ended = false
  }

  init(console: Console, shellName: String, session: Session, careful: Bool) {
    self.console = console
    self.shellName = shellName
    self.session = session
    self.careful = careful
  }

  override var pyType: TypeObject { ConsoleType.type }

  var closed: Bool { left || console.closed }

  /// A program (`c.enter`) or command (`c.iterate`) running in this console's terminal; the
  /// console refuses calls meanwhile (§5.7).
  var guest: AnyObject?
  /// For a console attached to a program started in another console's terminal: that console.
  weak var hostConsole: ConsoleObject?
  /// The hidden console a `$.sudo`/`$.su` console runs in, closed after it.
  var hiddenHost: ConsoleObject?

  // MARK: Opening

  /// Opens a console on the local machine for a with-dollar header (§2.8, §5.1): `text` is the
  /// header's text (nil for `with $:`).
  static func open(
    header text: String?, _ interpreter: Interpreter, inside parent: ConsoleObject? = nil, startTimeout: Double = 10
  ) throws -> ConsoleObject {
    let (shell, initial) = ConsoleShell.choose(header: text, inherited: parent?.shellWords)
    let object: ConsoleObject
    if let parent {
      try parent.checkUsable()
      let command = shell.map { ShellQuote.quote($0) }.joined(separator: " ")
      let n = parent.console.begin(command)
      let child = Console(transport: parent.console.transport, parent: parent.console, parentCommand: n)
      parent.console.nested = child
      object = ConsoleObject(console: child, shellName: shell[0], session: parent.session, careful: parent.careful)
      object.parentObject = parent
      object.shellWords = shell
    } else {
      guard interpreter.sessions.top.isLocal else {
        throw Interpreter.error(
          BuiltinTypes.notImplementedError,
          "consoles on a remote session are not supported yet in this version of sshs; use $ commands")
      }
      let process: PtyProcess
      do {
        process = try PtyProcess.spawn(shell)
      } catch {
        throw Interpreter.error(
          BuiltinTypes.sshScriptError,
          "console did not start on localhost: cannot run shell '\(shell[0])': \(String(cString: strerror(error.code)))"
        )
      }
      let session = interpreter.sessions.top
      object = ConsoleObject(
        console: Console(transport: Console.Transport(process)), shellName: shell[0], session: session,
        careful: session.careful)
      object.shellWords = shell
    }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    let started = interpreter.blocking {
      object.console.start(deadline: .now() + startTimeout, stop: { isMain && interrupted.pointee != 0 })
    }
    if started != .done {
      object.closeQuietly(interpreter)
      if started == .stopped { throw ConsoleObject.interruption(interpreter) }
      throw Interpreter.error(
        BuiltinTypes.sshScriptError,
        "console did not start on localhost: no answer from shell '\(shell[0])' within \(ConsoleObject.shown(startTimeout)) s "
          + "(a POSIX shell is required; use with $#!/bin/sh as c:)")
    }
    if let initial {
      do {
        _ = try object.run(.str(initial), timeout: nil, check: nil, interpreter)
      } catch {
        object.closeQuietly(interpreter)
        throw error
      }
    }
    return object
  }

  /// The words that started this console's shell (a nested `shell()` reuses them).
  var shellWords: [String] = []
  /// Set once the console has been left (`close`, the end of its block).
  private(set) var left = false
  /// Serialises calls from several threads (§5.4): each waits, without the interpreter lock,
  /// for the previous one to finish.
  private let gate = DispatchSemaphore(value: 1)

  func serialised<T>(_ interpreter: Interpreter, _ body: () throws -> T) throws -> T {
    if gate.wait(timeout: .now()) != .success { interpreter.blocking { gate.wait() } }
    defer { gate.signal() }
    return try body()
  }

  // MARK: Running commands

  func checkUsable() throws {
    if console.nested != nil || guest != nil {
      throw Interpreter.error(BuiltinTypes.sshScriptError, "console is in use by a nested console")
    }
    if closed { throw Interpreter.error(BuiltinTypes.sshScriptError, "console is closed") }
  }

  /// The `KeyboardInterrupt` for a Ctrl-C that stopped a wait; the request is consumed, as
  /// `checkInterrupt` does.
  static func interruption(_ interpreter: Interpreter) -> ScriptException {
    interpreter.interruptRequested.pointee = 0
    return ScriptException(ExceptionObject(cls: BuiltinTypes.keyboardInterrupt, args: []))
  }

  /// Seconds as messages show them: `10`, `0.5`.
  static func shown(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }

  /// `c(cmd, timeout=None, check=None)` (§5.2): a str is one unit, a list or tuple several.
  func run(_ value: Value, timeout: Double?, check: Bool?, _ interpreter: Interpreter) throws -> Value {
    try checkUsable()
    if program != nil { return try programLine(value, timeout: timeout, interpreter) }
    var units: [String] = []
    switch value {
    case .str(let text): units = [text]
    case .list, .tuple:
      for item in try interpreter.iterateToArray(value) {
        guard case .str(let text) = item else {
          throw Interpreter.typeError("console commands must be str, not \(Runtime.typeName(item))")
        }
        units.append(text)
      }
    default:
      throw Interpreter.typeError("console command must be str, list or tuple, not \(Runtime.typeName(value))")
    }
    let started = DispatchTime.now()
    var total = Console.Output(stdout: [], stderr: [], exitCode: 0)
    var result: Value = .none
    for unit in units {
      let text = ShellSyntax.dedent(unit)
      let output = try runUnit(text, timeout: timeout, interpreter)
      total.stdout += output.stdout
      total.stderr += output.stderr
      total.exitCode = output.exitCode
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      result = setLatest(total, command: units.count == 1 ? text : units.joined(separator: "\n"), seconds)
      if output.exitCode != 0 && (check ?? careful) { throw CommandResults.carefulError(result) }
    }
    return result
  }

  /// A terminal in canonical mode passes at most 4095 bytes per line to the shell (Linux's
  /// N_TTY buffer) and silently drops the rest.
  static let longestTerminalLine = 4000

  private func runUnit(_ text: String, timeout: Double?, _ interpreter: Interpreter) throws -> Console.Output {
    var sent = text
    var script: String?
    if text.split(separator: "\n").contains(where: { $0.utf8.count > ConsoleObject.longestTerminalLine }) {
      // Longer lines reach the shell through a private file it sources, in the same shell.
      let path = NSTemporaryDirectory() + "sshs-console-\(Console.randomToken()).sh"
      guard
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
      else {
        throw Interpreter.error(
          BuiltinTypes.osError, "cannot write a console command file in \(NSTemporaryDirectory())")
      }
      script = path
      sent = ". " + ShellQuote.quote(path)
    }
    defer { if let script { unlink(script) } }
    let n = console.begin(sent)
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    let deadline = timeout.map { DispatchTime.now() + $0 }
    // With -v (LANGUAGE.md §3.11) the wait is cut in slices of 50 ms and the command's lines are
    // echoed as they arrive, without the protocol's text.
    var echo = interpreter.verbose ? LocalCommand.LineEcho(terminal: true) : nil
    var echoed = (0, 0)
    var wait: Console.Wait
    repeat {
      let slice = echo == nil ? deadline : min(deadline ?? .distantFuture, DispatchTime.now() + 0.05)
      wait = interpreter.blocking { console.finish(n, deadline: slice, stop: { isMain && interrupted.pointee != 0 }) }
      if echo != nil {
        let so = console.outputSoFar(of: n)
        echo!.write(Array(so.stdout[echoed.0...]), Array(so.stderr[echoed.1...]), interpreter, final: wait != .timedOut)
        echoed = (so.stdout.count, so.stderr.count)
      }
    } while echo != nil && wait == .timedOut && (deadline.map { DispatchTime.now() < $0 } ?? true)
    switch wait {
    case .done, .ended:
      return console.output(of: n)
    case .timedOut:
      console.send([3])
      let after = interpreter.blocking { console.finish(n, deadline: .now() + 2, stop: { false }) }
      if after != .done { closeQuietly(interpreter) }
      let seconds = timeout ?? 0
      let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
      throw Interpreter.error(BuiltinTypes.timeoutError, "command timed out after \(shown) s on localhost: \(text)")
    case .stopped:
      console.send([3])
      throw ConsoleObject.interruption(interpreter)
    }
  }

  /// Sets the members from an output and returns it as a `CommandResult`.
  @discardableResult
  func setLatest(_ output: Console.Output, command: String, _ seconds: Double, exitCode: Value? = nil) -> Value {
    let outcome = CommandOutcome(
      command: command, stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode, duration: seconds)
    let result = CommandResults.make(outcome, host: session.host, terminal: true, exitCode: exitCode)
    if case .object(let instance as Instance) = result {
      stdout = instance.attributes["stdout"] ?? .str("")
      stderr = instance.attributes["stderr"] ?? .str("")
      exitcode = instance.attributes["exitcode"] ?? .none
      rawstdout = .bytes(output.stdout)
      rawstderr = .bytes(output.stderr)
    }
    return result
  }

  // MARK: Closing

  /// Leaves the console (§5.6) and returns its summary as a `CommandResult`: all its output
  /// and the shell's exit status.
  @discardableResult
  func close(_ interpreter: Interpreter) throws -> Value {
    var failure: Error?
    if program != nil, !console.closed {
      do { try leaveProgram(interpreter) } catch { failure = error }
    }
    if let hostConsole, !left {
      // A program in another console's terminal: that console goes on, with the program's
      // output as the result of its command.
      left = true
      hostConsole.guest = nil
      if let program {
        hostConsole.setLatest(console.output(of: program.command), command: shellWords.joined(separator: " "), 0)
      }
    }
    if !left {
      left = true
      let interrupted = interpreter.interruptRequested
      let isMain = interpreter.isMainThread
      interpreter.blocking { console.close(stop: { isMain && interrupted.pointee != 0 }) }
      finishNested()
    }
    if let hiddenHost {
      self.hiddenHost = nil
      hiddenHost.closeQuietly(interpreter)
    }
    if let failure { throw failure }
    return summary()
  }

  /// Closes without raising (on the way out of a failed block or a failed start).
  func closeQuietly(_ interpreter: Interpreter) {
    _ = try? close(interpreter)
  }

  /// A nested console's summary becomes the result of its command in the parent (§5.7).
  private func finishNested() {
    guard let parentObject else { return }
    let own = summaryOutput()
    parentObject.setLatest(own, command: shellWords.joined(separator: " "), 0)
  }

  func summaryOutput() -> Console.Output {
    var code = console.shellStatus ?? -1
    if let program, case .int(let programCode) = exitcode, program.ended { code = programCode }
    return Console.Output(
      stdout: console.streams[0].transcript, stderr: console.streams[1].transcript, exitCode: code)
  }

  func summary() -> Value {
    let output = summaryOutput()
    let outcome = CommandOutcome(
      command: shellWords.joined(separator: " "), stdout: output.stdout, stderr: output.stderr,
      exitCode: output.exitCode, duration: 0)
    return CommandResults.make(outcome, host: session.host, terminal: true, exitCode: nil)
  }
}
