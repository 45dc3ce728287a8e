import Dispatch
import Foundation

/// `enter` (LANGUAGE.md §5.10): an interactive program started as a console command that stays
/// running; its end marker arrives when it exits. Lines sent to it have no exit code, and
/// prompts are matched, never guessed from output silence.
extension ConsoleObject {
  /// `$.enter(command, expect=None, input=None, exit=None, prompt=None)` on the local session:
  /// a hidden console running `command`.
  static func enter(
    _ command: String, expect: Value?, input: Value?, exit: Value?, prompt: Value?, _ interpreter: Interpreter,
    inside parent: ConsoleObject? = nil
  ) throws -> ConsoleObject {
    let object: ConsoleObject
    if let parent {
      try parent.checkUsable()
      object = ConsoleObject(
        console: parent.console, shellName: command, session: parent.session, careful: parent.careful)
      object.shellWords = [command]
      object.hostConsole = parent
      parent.guest = object
    } else {
      object = try open(header: nil, interpreter)
    }
    let n = object.console.begin(command)
    object.program = ProgramState(command: n, prompt: prompt, exit: exit)
    do {
      if let expect {
        do {
          _ = try object.expect(expect, timeout: 10, streams: [0, 1], silent: false, interpreter)
        } catch let failure as ScriptException where failure.exception.isInstance(of: BuiltinTypes.timeoutError) {
          object.console.send([3])
          throw failure
        }
      }
      if input == nil, let prompt {
        // The first prompt, so that a line's answer is never taken to end at it.
        _ = try object.expect(prompt, timeout: 10, streams: [0], silent: false, interpreter)
      }
      if let input {
        object.console.send(try bytes(input, interpreter) + [10])
        let asked = "enter: \(try expect.map { try interpreter.repr($0) } ?? "''") was asked again: \(command)"
        if let prompt {
          var patterns = [prompt]
          if let expect { patterns.append(expect) }
          let found = try object.expectFound(
            .list(ListObject(patterns)), timeout: 10, streams: [0, 1], silent: true, interpreter)
          if found == nil || (expect != nil && !object.matches(found!.match, prompt, interpreter)) {
            throw Interpreter.error(BuiltinTypes.sshScriptError, asked)
          }
        } else if let expect {
          if try object.expectFound(expect, timeout: 2, streams: [0, 1], silent: true, interpreter) != nil {
            throw Interpreter.error(BuiltinTypes.sshScriptError, asked)
          }
        }
      }
    } catch {
      object.closeQuietly(interpreter)
      throw error
    }
    return object
  }

  /// Whether a match came from `prompt` (a literal is compared without case).
  private func matches(_ match: Value, _ prompt: Value, _ interpreter: Interpreter) -> Bool {
    guard let group = try? interpreter.call(try interpreter.getAttribute(match, "group"), []),
      case .str(let text) = group
    else { return false }
    if case .str(let literal) = prompt { return text.lowercased() == literal.lowercased() }
    return true
  }

  static func bytes(_ value: Value, _ interpreter: Interpreter) throws -> [UInt8] {
    switch value {
    case .str(let text): return Array(text.utf8)
    case .bytes(let data): return data
    default: throw Interpreter.typeError("expected str or bytes, not \(Runtime.typeName(value))")
    }
  }

  /// `p(line)`: with a prompt, the output before the prompt's next appearance; without one, an
  /// empty result at once. The exit code is None.
  func programLine(_ value: Value, timeout: Double?, _ interpreter: Interpreter) throws -> Value {
    guard case .str(let line) = value else {
      throw Interpreter.typeError("a program line must be str, not \(Runtime.typeName(value))")
    }
    let started = DispatchTime.now()
    // The answer is what follows the line: output already there is skipped.
    _ = interpreter.blocking { console.pump(until: { false }, deadline: .now(), stop: { false }) }
    for stream in 0..<2 { console.advance(stream: stream, to: console.streams[stream].transcript.count) }
    let before = console.streams[0].readOffset
    console.send(Array(line.utf8) + [10])
    var output = Console.Output(stdout: [], stderr: [], exitCode: 0)
    if let prompt = program?.prompt {
      guard let found = try expectFound(prompt, timeout: timeout, streams: [0], silent: false, interpreter) else {
        return .none
      }
      var captured = Array(console.streams[0].transcript[before..<max(before, found.start)])
      for echo in [Array(line.utf8) + [13, 10], Array(line.utf8) + [10]] where captured.starts(with: echo) {
        captured.removeFirst(echo.count)
        break
      }
      output.stdout = captured
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    return setLatest(output, command: line, seconds, exitCode: Value.none)
  }

  /// Leaving an `enter` console: the exit text (Ctrl-D by default; nothing for `exit=False`),
  /// up to 10 s for the program to end, then `^C` and 2 s more, else TimeoutError.
  func leaveProgram(_ interpreter: Interpreter) throws {
    guard var state = program, !state.ended else { return }
    var text: [UInt8] = [4]
    if let exit = state.exit {
      if case .bool(false) = exit {
        text = []
      } else {
        text = try ConsoleObject.bytes(exit, interpreter)
        let single = text.count == 1 && (text[0] < 0x20 || text[0] == 0x7F)
        if !single { text.append(10) }
      }
    }
    if !text.isEmpty { console.send(text) }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    var wait = interpreter.blocking {
      console.finish(state.command, deadline: .now() + 10, stop: { isMain && interrupted.pointee != 0 })
    }
    if wait == .timedOut {
      console.send([3])
      wait = interpreter.blocking { console.finish(state.command, deadline: .now() + 2, stop: { false }) }
    }
    state.ended = true
    program = state
    let output = console.output(of: state.command)
    setLatest(output, command: "", 0)
    if wait == .timedOut {
      throw Interpreter.error(BuiltinTypes.timeoutError, "program did not end within 10 s on localhost")
    }
  }
}
