import Dispatch
import Foundation

/// `$.iterate(command, stdout=None, stderr=None, exit=None)` (LANGUAGE.md §5.11): a command run
/// in a hidden console whose output lines are yielded as they arrive, until its end marker.
/// Lines are cut from the console's transcript; the end marker bounds the last one.
final class IterateObject: PyObject {
  let owner: ConsoleObject
  let command: Int
  let exitText: Value?
  /// 0 = stdout, 1 = stderr; with stderr, items are `(1, line)` / `(2, line)`.
  let streams: [Int]
  /// Where the next line of each stream starts in the transcript.
  private var cursors: [Int]
  private(set) var exitcode: Value = .none
  private var finished = false
  /// False for `c.iterate(…)`: the console is `c`'s, which goes on after the command.
  var ownsConsole = true

  init(owner: ConsoleObject, command: Int, exit: Value?, streams: [Int], starts: [Int]) {
    self.owner = owner
    self.command = command
    self.exitText = exit
    self.streams = streams
    self.cursors = starts
  }

  override var pyType: TypeObject { IterateType.type }

  static func start(
    _ command: String, stdout: Value?, stderr: Value?, exit: Value?, _ interpreter: Interpreter,
    inside parent: ConsoleObject? = nil
  ) throws -> IterateObject {
    let wantsStderr = try stderr.map { try interpreter.truthy($0) } ?? false
    let wantsStdout = try stdout.map { try interpreter.truthy($0) } ?? true
    var streams: [Int] = []
    if wantsStdout { streams.append(0) }
    if wantsStderr { streams.append(1) }
    if let parent { try parent.checkUsable() }
    let owner = try parent ?? ConsoleObject.open(header: nil, interpreter)
    let starts = owner.console.streams.map(\.transcript.count)
    let n = owner.console.begin(command)
    let object = IterateObject(owner: owner, command: n, exit: exit, streams: streams, starts: starts)
    object.ownsConsole = parent == nil
    parent?.guest = object
    return object
  }

  private var console: Console { owner.console }

  /// The end of the command's output in a stream, once known.
  private func limit(_ stream: Int) -> Int? {
    if let end = console.streams[stream].ends[command] { return end.position }
    return console.closed ? console.streams[stream].transcript.count : nil
  }

  /// The next complete line (or the final partial one after the end), without waiting.
  private func takeLine() -> Value? {
    for stream in streams {
      let transcript = console.streams[stream].transcript
      let start = max(cursors[stream], console.streams[stream].begins[command] ?? cursors[stream])
      let end = limit(stream) ?? transcript.count
      guard start < end else { continue }
      var lineEnd: Int
      var next: Int
      if let newline = transcript[start..<end].firstIndex(of: 10) {
        lineEnd = newline
        next = newline + 1
      } else if limit(stream) != nil {
        lineEnd = end
        next = end
      } else {
        continue
      }
      if lineEnd > start, transcript[lineEnd - 1] == 13 { lineEnd -= 1 }
      cursors[stream] = next
      let line = Value.str(String(decoding: transcript[start..<lineEnd], as: UTF8.self))
      return streams.contains(1) ? .tuple([.int(stream + 1), line]) : line
    }
    return nil
  }

  private var ended: Bool { console.isComplete(command) || console.closed }

  /// The next item, waiting for output; nil once the command has ended and all is taken.
  func next(timeout: Double?, _ interpreter: Interpreter) throws -> Value? {
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    while true {
      if let line = takeLine() { return line }
      if ended {
        try finish(interpreter)
        return nil
      }
      let sizes = console.streams.map(\.transcript.count)
      let deadline = timeout.map { DispatchTime.now() + $0 }
      let wait = interpreter.blocking {
        console.pump(
          until: { self.console.streams.map(\.transcript.count) != sizes || self.ended }, deadline: deadline,
          stop: { isMain && interrupted.pointee != 0 })
      }
      switch wait {
      case .done, .ended: continue
      case .stopped:
        console.send([3])
        throw ConsoleObject.interruption(interpreter)
      case .timedOut:
        let seconds = timeout ?? 0
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        throw Interpreter.error(BuiltinTypes.timeoutError, "no output line within \(shown) s on localhost")
      }
    }
  }

  /// Records the exit code and closes the hidden console.
  private func finish(_ interpreter: Interpreter) throws {
    guard !finished else { return }
    finished = true
    let output = console.output(of: command)
    exitcode = .int(stoppedByInterrupt ? 128 + Int(SIGINT) : output.exitCode)
    if ownsConsole {
      try owner.close(interpreter)
    } else {
      owner.guest = nil
      owner.setLatest(output, command: "", 0)
    }
  }

  /// Leaving early (§5.11): `exit` as for `enter`, else Ctrl-C; up to 10 s for the end.
  func close(_ interpreter: Interpreter) throws {
    if finished { return }
    if !ended {
      var text: [UInt8] = [3]
      if let exitText, !exitText.isNone {
        text = try ConsoleObject.bytes(exitText, interpreter)
        if !(text.count == 1 && (text[0] < 0x20 || text[0] == 0x7F)) { text.append(10) }
      }
      console.send(text)
      let interrupted = interpreter.interruptRequested
      let isMain = interpreter.isMainThread
      let command = self.command
      let owns = ownsConsole
      let wait = interpreter.blocking {
        // An interactive shell abandons the whole line when its job dies of Ctrl-C, so the end
        // marker may never come: after a moment the hidden shell is told to exit as well.
        let first = console.finish(
          command, deadline: .now() + (owns ? 0.5 : 10), stop: { isMain && interrupted.pointee != 0 })
        if first != .timedOut || !owns { return first }
        console.send(Array("exit 0\n".utf8))
        return console.finish(command, deadline: .now() + 9.5, stop: { isMain && interrupted.pointee != 0 })
      }
      // No end marker after Ctrl-C: the command was stopped by it, whatever the shell did next.
      if wait != .stopped, console.streams[0].ends[command] == nil, text == [3] {
        stoppedByInterrupt = true
      }
    }
    try finish(interpreter)
  }

  /// Set when the command was stopped by Ctrl-C and its shell ended before reporting a code.
  private var stoppedByInterrupt = false
}

/// The class of `$.iterate(…)` values: iterable, callable for a per-line timeout, a context
/// manager, with `exitcode` and `close()`.
enum IterateType {
  nonisolated(unsafe) static let type: TypeObject = {
    let type = TypeObject.moduleClass("ConsoleIterator", module: "sshs")
    install(type)
    return type
  }()

  private static func target(_ arguments: inout CallArguments, _ method: String) throws -> IterateObject {
    guard case .object(let object as IterateObject) = try BuiltinMethods.receiver(&arguments, "iterate", method) else {
      throw Interpreter.typeError("descriptor '\(method)' requires an iterate object")
    }
    return object
  }

  private static func iterator(_ object: IterateObject, timeout: Double?) -> Value {
    .object(ClosureIterator { interpreter in try object.next(timeout: timeout, interpreter) })
  }

  private static func install(_ type: TypeObject) {
    BuiltinMethods.add(type, "__iter__") { _, arguments in iterator(try target(&arguments, "__iter__"), timeout: nil) }
    BuiltinMethods.add(type, "__call__") { _, arguments in
      let object = try target(&arguments, "__call__")
      let values = try PythonSignature("iterate", ["timeout"], required: 0).bind(arguments)
      var timeout: Double?
      if let value = values[0], !value.isNone {
        guard let seconds = NumericValue(value)?.double, seconds > 0 else {
          throw Interpreter.valueError("timeout must be a positive number of seconds")
        }
        timeout = seconds
      }
      return iterator(object, timeout: timeout)
    }
    BuiltinMethods.add(type, "__enter__") { _, arguments in .object(try target(&arguments, "__enter__")) }
    BuiltinMethods.add(type, "__exit__") { interpreter, arguments in
      let object = try target(&arguments, "__exit__")
      if arguments.positional.first?.isNone ?? true {
        try object.close(interpreter)
      } else {
        try? object.close(interpreter)
      }
      return .false
    }
    BuiltinMethods.add(type, "close") { interpreter, arguments in
      try target(&arguments, "close").close(interpreter)
      return .none
    }
    let getter = BuiltinFunction("exitcode") { _, arguments in try target(&arguments, "exitcode").exitcode }
    type.dict["exitcode"] = .object(PropertyObject(getter: .object(getter), setter: nil, deleter: nil))
  }
}
