import Foundation

extension Interpreter {
  /// Compiles a parsed program and runs it as the body of `module`.
  func execute(_ program: Program, in module: ModuleObject) throws {
    CurrentInterpreter.set(self)
    let base = UInt32(sources.count)
    sources.append(contentsOf: program.files)
    module.globals["__name__"] = .str(module.name)
    module.globals["__doc__"] = Compiler.docstring(program.module.body).map { .str($0) } ?? Value.none
    if let path = module.path { module.globals["__file__"] = .str(path) }
    let code = try Compiler.compile(program, module: module, fileBase: base)
    let frame = Frame(slotCount: 0, cells: [], module: module, interpreter: self, line: code.span)
    frame.code = code
    do {
      _ = try code.body.run(frame)
    } catch let failure as ScriptException {
      failure.exception.record(frame, name: "<module>")
      throw failure
    }
  }

  // MARK: - Tracebacks

  /// The text CPython prints for an uncaught exception, chained exceptions first.
  func formatTraceback(_ exception: ExceptionObject) -> String {
    var seen = Set<ObjectIdentifier>()
    return formatChain(exception, &seen)
  }

  private func formatChain(_ exception: ExceptionObject, _ seen: inout Set<ObjectIdentifier>) -> String {
    seen.insert(ObjectIdentifier(exception))
    var text = ""
    if let cause = exception.cause, !seen.contains(ObjectIdentifier(cause)) {
      text += formatChain(cause, &seen)
      text += "\nThe above exception was the direct cause of the following exception:\n\n"
    } else if let context = exception.context, !exception.suppressContext, !seen.contains(ObjectIdentifier(context)) {
      text += formatChain(context, &seen)
      text += "\nDuring handling of the above exception, another exception occurred:\n\n"
    }
    if !exception.traceback.isEmpty {
      text += "Traceback (most recent call last):\n"
      // As CPython does, a run of more than three identical entries (deep recursion) is shown
      // as three and a count.
      var previous: String?
      var repeats = 0
      func flushRepeats() {
        if repeats > 3 {
          text += "  [Previous line repeated \(repeats - 3) more time\(repeats - 3 == 1 ? "" : "s")]\n"
        }
      }
      for entry in exception.traceback {
        let line = formatEntry(entry)
        if line == previous {
          repeats += 1
          if repeats <= 3 { text += line }
          continue
        }
        flushRepeats()
        previous = line
        repeats = 1
        text += line
      }
      flushRepeats()
    }
    return text + exceptionLine(exception) + "\n"
  }

  private func formatEntry(_ entry: TracebackEntry) -> String {
    let index = Int(entry.span.file)
    guard index < sources.count else { return "  File \"<unknown>\", in \(entry.name)\n" }
    let file = sources[index]
    let line = file.line(of: Int(entry.span.start))
    let source = file.lineText(line).trimmingCharacters(in: .whitespaces)
    return "  File \"\(file.path)\", line \(line), in \(entry.name)\n" + (source.isEmpty ? "" : "    \(source)\n")
  }

  /// `Type: message` (or `Type`), with the "Did you mean" hint.
  func exceptionLine(_ exception: ExceptionObject) -> String {
    let type = exception.cls
    var name = type.name
    if !type.isBuiltin && type.moduleName != "__main__" { name = type.moduleName + "." + name }
    var message = (try? str(.object(exception))) ?? "<exception str() failed>"
    if let hint = exception.hint {
      message += (message.isEmpty ? "" : ". ") + "Did you mean: '\(hint)'?"
    }
    return message.isEmpty ? name : "\(name): \(message)"
  }
}

/// Runs a parsed program as the main script and maps its outcome to an exit status
/// (LANGUAGE.md §9.3). The host provides the output sinks.
public enum ScriptRunner {
  public static func run(
    _ program: Program, argv: [String], stdout: OutputSink, stderr: OutputSink, stdoutIsTerminal: Bool = false,
    interruptFlag: UnsafeMutablePointer<Int32>? = nil, verbose: Bool = false, logThreshold: Int? = nil
  ) -> Int32 {
    run(
      program, argv: argv, stdout: stdout, stderr: stderr, stdoutIsTerminal: stdoutIsTerminal,
      interruptFlag: interruptFlag, verbose: verbose, logThreshold: logThreshold, prepare: nil)
  }

  /// `prepare` sees the interpreter and the main module before the script runs (unit tests
  /// predefine names there).
  static func run(
    _ program: Program, argv: [String], stdout: OutputSink, stderr: OutputSink, stdoutIsTerminal: Bool = false,
    interruptFlag: UnsafeMutablePointer<Int32>? = nil, verbose: Bool = false, logThreshold: Int? = nil,
    prepare: ((Interpreter, ModuleObject) -> Void)?
  ) -> Int32 {
    let box = UncheckedBox((program, stdout, stderr, interruptFlag, prepare))
    return LargeStack.run {
      let (program, stdout, stderr, interruptFlag, prepare) = box.value
      let interpreter = Interpreter(
        stdout: stdout, stderr: stderr, stdoutIsTerminal: stdoutIsTerminal, argv: argv, interruptFlag: interruptFlag)
      let scriptPath = argv.first ?? ""
      let isFile = !(scriptPath.isEmpty || scriptPath == "-c" || scriptPath == "-")
      let directory = isFile ? (scriptPath as NSString).deletingLastPathComponent : ""
      interpreter.searchPath = [
        directory.isEmpty ? (isFile ? "" : FileManager.default.currentDirectoryPath) : directory
      ]
      let absolute = isFile ? URL(fileURLWithPath: scriptPath).standardizedFileURL.path : nil
      let module = ModuleObject(name: "__main__", path: absolute)
      interpreter.modules["__main__"] = module
      interpreter.mainOSThread = Thread.current
      interpreter.verbose = verbose
      interpreter.logThreshold = logThreshold ?? (verbose ? 20 : 30)
      interpreter.lock.acquire()
      defer { interpreter.lock.release() }
      prepare?(interpreter, module)
      var status: Int32
      do {
        try interpreter.execute(program, in: module)
        status = 0
      } catch let failure as ScriptException {
        status = interpreter.exitStatus(for: failure.exception)
        // `$.exit()` ends the program without waiting for other threads (LANGUAGE.md §7).
        if failure.exception.isInstance(of: BuiltinTypes.sshScriptExit) {
          interpreter.closeSessions()
          interpreter.flushStdout()
          return status
        }
      } catch {
        interpreter.writeStderr("sshs: internal error: \(error)\n")
        status = 1
      }
      if let interrupted = interpreter.waitForThreads() { status = interrupted }
      interpreter.closeSessions()
      interpreter.flushStdout()
      return status
    }
  }
}

/// Moves non-Sendable values to the large-stack thread, which uses them alone until it ends.
private final class UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

extension Interpreter {
  /// At the end of the main script, waits for the non-daemon threads (LANGUAGE.md §6.7).
  /// Returns 130 when Ctrl-C ended the wait.
  func waitForThreads() -> Int32? {
    while let hook = threadingExitHooks.popLast() {
      do {
        _ = try call(hook, [])
      } catch let failure as ScriptException {
        if failure.exception.isInstance(of: BuiltinTypes.keyboardInterrupt) { return 130 }
        writeStderr("Exception ignored in atexit callback:\n" + formatTraceback(failure.exception))
      } catch {
        writeStderr("sshs: internal error: \(error)\n")
      }
    }
    while let handle = liveThreads.first(where: { !$0.daemon && !$0.finished }) {
      do {
        try wait(on: handle.done, timeout: nil, signalAgain: true)
      } catch {
        return 130
      }
    }
    return nil
  }

  /// Closes the connections `$.connect` opened, at the end of the program (LANGUAGE.md §6.7).
  func closeSessions() {
    let sessions = connectedSessions
    connectedSessions = []
    for session in sessions { try? session.close() }
  }

  /// Prints what an uncaught exception prints and returns the exit status.
  func exitStatus(for exception: ExceptionObject) -> Int32 {
    if exception.isInstance(of: BuiltinTypes.systemExit) {
      if case .str(let message)? = exception.attributes["message"], !message.isEmpty { writeStderr(message + "\n") }
      guard let code = exception.args.first else { return 0 }
      switch code {
      case .none: return 0
      case .int(let number): return Int32(truncatingIfNeeded: number & 0xFF)
      case .bool(let flag): return flag ? 1 : 0
      default:
        writeStderr(((try? str(code)) ?? "") + "\n")
        return 1
      }
    }
    flushStdout()
    writeStderr(formatTraceback(exception))
    if exception.isInstance(of: BuiltinTypes.keyboardInterrupt) { return 130 }
    // Careful mode's error ends the program with the command's exit code (LANGUAGE.md §9.3).
    if exception.cls === BuiltinTypes.sshScriptError, case .int(let code)? = exception.attributes["code"] {
      return (1...255).contains(code) ? Int32(code) : 1
    }
    return 1
  }
}
