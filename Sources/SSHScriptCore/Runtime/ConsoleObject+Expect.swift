import Dispatch
import Foundation

/// `expect` and `wait` (LANGUAGE.md §5.4, §5.5): searches of the output after the read
/// position, repeated as output arrives. The search runs with the interpreter lock held (it
/// uses the `re` module); the waits between searches release it.
extension ConsoleObject {
  /// `c.expect(pattern, timeout=60, stdout=True, stderr=True, silent=False)`: the match object,
  /// or None (`silent`) on a timeout or when the console closes.
  func expect(
    _ pattern: Value, timeout: Double?, streams: [Int], silent: Bool, _ interpreter: Interpreter
  ) throws -> Value {
    try expectFound(pattern, timeout: timeout, streams: streams, silent: silent, interpreter)?.match ?? .none
  }

  /// `expect`, also telling where in the transcript the match starts (bytes); nil for None.
  func expectFound(
    _ pattern: Value, timeout: Double?, streams: [Int], silent: Bool, _ interpreter: Interpreter
  ) throws -> (match: Value, stream: Int, start: Int)? {
    try checkUsable()
    let patterns = try compiledPatterns(pattern, interpreter)
    let deadline = timeout.flatMap { $0 > 0 ? DispatchTime.now() + $0 : nil }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    while true {
      if let found = try search(patterns, streams, interpreter) {
        console.advance(stream: found.stream, to: found.end)
        return (found.match, found.stream, found.start)
      }
      if console.closed {
        if silent { return nil }
        throw Interpreter.error(
          BuiltinTypes.sshScriptError, "console closed while expecting \(try shown(pattern, interpreter))")
      }
      let sizes = streams.map { console.streams[$0].transcript.count }
      let wait = interpreter.blocking {
        console.pump(
          until: { streams.map { self.console.streams[$0].transcript.count } != sizes }, deadline: deadline,
          stop: { isMain && interrupted.pointee != 0 })
      }
      switch wait {
      case .done, .ended: continue
      case .stopped: throw ConsoleObject.interruption(interpreter)
      case .timedOut:
        if silent { return nil }
        let seconds = timeout ?? 0
        let number = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        throw Interpreter.error(
          BuiltinTypes.timeoutError,
          "expect timed out after \(number) s on localhost: \(try shown(pattern, interpreter))")
      }
    }
  }

  private func shown(_ pattern: Value, _ interpreter: Interpreter) throws -> String {
    if case .object = pattern, let source = try interpreter.attributeIfPresent(pattern, "pattern") {
      return try interpreter.repr(source)
    }
    return try interpreter.repr(pattern)
  }

  /// Each pattern as a compiled `re` pattern: a str (or bytes) literal and case-insensitive.
  private func compiledPatterns(_ pattern: Value, _ interpreter: Interpreter) throws -> [Value] {
    let re = ConsoleObject.regexModule(interpreter)
    switch pattern {
    case .list, .tuple:
      return try interpreter.iterateToArray(pattern).flatMap { try compiledPatterns($0, interpreter) }
    case .str, .bytes:
      var text = pattern
      if case .bytes(let data) = pattern { text = .str(String(decoding: data, as: UTF8.self)) }
      let escaped = try interpreter.call(re.globals["escape"]!, [text])
      return [try interpreter.call(re.globals["compile"]!, [escaped, re.globals["IGNORECASE"]!])]
    default:
      guard try interpreter.attributeIfPresent(pattern, "search") != nil else {
        throw Interpreter.typeError(
          "expect() pattern must be str, bytes, a compiled pattern or a list of them, not \(Runtime.typeName(pattern))")
      }
      return [pattern]
    }
  }

  /// The earliest match on the selected streams: its stream, the match object and the byte
  /// offset of its end in the transcript.
  private func search(_ patterns: [Value], _ streams: [Int], _ interpreter: Interpreter) throws
    -> (stream: Int, match: Value, start: Int, end: Int)?
  {
    var best: (first: Int, stream: Int, match: Value, start: Int, end: Int)?
    for stream in streams {
      let state = console.streams[stream]
      let raw = state.transcript[state.readOffset...]
      let text = Value.str(ConsoleText.decode(raw))
      for pattern in patterns {
        let match = try interpreter.call(try interpreter.getAttribute(pattern, "search"), [text])
        if match.isNone { continue }
        guard case .int(let start) = try interpreter.call(try interpreter.getAttribute(match, "start"), []),
          case .int(let end) = try interpreter.call(try interpreter.getAttribute(match, "end"), [])
        else { continue }
        if best == nil || start < best!.first {
          best = (
            start, stream, match, state.readOffset + ConsoleText.byteOffset(raw, characters: start),
            state.readOffset + ConsoleText.byteOffset(raw, characters: end)
          )
        }
      }
    }
    return best.map { ($0.stream, $0.match, $0.start, $0.end) }
  }

  /// `c.wait(seconds, timeout=None)`: returns once no output has arrived for `seconds`.
  func waitQuiet(_ seconds: Double, timeout: Double?, _ interpreter: Interpreter) throws {
    let overall = timeout.map { DispatchTime.now() + $0 }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    while true {
      let sizes = console.streams.map(\.transcript.count)
      var deadline = DispatchTime.now() + seconds
      if let overall, overall < deadline { deadline = overall }
      let wait = interpreter.blocking {
        console.pump(
          until: { self.console.streams.map(\.transcript.count) != sizes }, deadline: deadline,
          stop: { isMain && interrupted.pointee != 0 })
      }
      switch wait {
      case .done: continue
      case .ended: return
      case .stopped: throw ConsoleObject.interruption(interpreter)
      case .timedOut:
        if let overall, DispatchTime.now() >= overall {
          let limit = timeout ?? 0
          let number = limit == limit.rounded() ? String(Int(limit)) : String(limit)
          throw Interpreter.error(BuiltinTypes.timeoutError, "wait timed out after \(number) s on localhost")
        }
        return
      }
    }
  }

  /// The `re` module, loaded on first use.
  static func regexModule(_ interpreter: Interpreter) -> ModuleObject {
    if let loaded = interpreter.modules["re"] { return loaded }
    let module = ModuleRegistry.builders["re"]!(interpreter)
    interpreter.modules["re"] = module
    return module
  }
}

/// Console output as text (§5.3): UTF-8 with every `\r\n` turned into `\n`.
enum ConsoleText {
  static func decode(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// The byte offset in `bytes` of the character offset `characters` of `decode(bytes)`
  /// (code points; a `\r\n` counts as one).
  static func byteOffset(_ bytes: ArraySlice<UInt8>, characters: Int) -> Int {
    var index = bytes.startIndex
    var count = 0
    while count < characters && index < bytes.endIndex {
      let byte = bytes[index]
      var length = 1
      if byte == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A {
        length = 2
      } else if byte >= 0xF0 {
        length = 4
      } else if byte >= 0xE0 {
        length = 3
      } else if byte >= 0xC0 {
        length = 2
      }
      index = min(bytes.endIndex, index + length)
      count += 1
    }
    return index - bytes.startIndex
  }
}
