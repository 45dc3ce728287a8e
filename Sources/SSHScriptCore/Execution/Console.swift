import Dispatch
import Foundation

/// The command protocol of a console (LANGUAGE.md §5.2): every command is wrapped in `printf`s
/// that print a begin marker and an end marker carrying its exit code, on stdout (the terminal)
/// and on stderr (the pipe). A command's output is exactly what arrives between its markers;
/// completion is only ever detected by the end marker, never by output silence.
///
/// A marker reads `0x1E SSHS TOKEN ':' BODY 0x1E`; the typed text writes it as two `printf`
/// arguments (`SSHS` and `'TOKEN…'`), so an echo of typed text is never taken for a marker.
///
/// Nested consoles (§5.7) share the terminal (`ConsoleTransport`): only the innermost open one
/// consumes what arrives, so each sees its own markers.
final class Console {
  /// The terminal and the bytes received but not yet consumed by a console.
  final class Transport {
    let process: PtyProcess
    var pending: [[UInt8]] = [[], []]
    var input: [UInt8] = []
    var inputOffset = 0

    init(_ process: PtyProcess) { self.process = process }

    /// True once the shell has ended and both streams are closed.
    var ended: Bool { process.status != nil && process.master == nil && process.errorPipe == nil }
  }

  /// What the markers tell.
  enum Event: Equatable {
    case ready
    case begin(Int)
    case end(Int, Int)
  }

  /// One stream (0 stdout, 1 stderr) as this console sees it.
  struct Stream {
    /// Everything after the ready marker, markers removed (the block's summary, §5.6).
    var transcript: [UInt8] = []
    /// `expect` searches from here (§5.5).
    var readOffset = 0
    var ready = false
    /// Ready markers seen: `start` waits for one more (a `sudo` console sees two).
    var readyCount = 0
    /// What arrived before the first ready marker (a `sudo`/`su` password prompt).
    var preamble: [UInt8] = []
    var begins: [Int: Int] = [:]
    var ends: [Int: (position: Int, code: Int)] = [:]
  }

  /// Why a wait ended.
  enum Wait {
    case done
    case timedOut
    case stopped
    /// The shell ended (the terminal closed).
    case ended
  }

  /// The output of one command.
  struct Output {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var exitCode: Int
  }

  let transport: Transport
  let token: String
  private let header: [UInt8]
  /// For a nested console: the parent's end marker of the command that runs this shell; when
  /// it arrives, this shell has ended.
  private let parentEnd: [UInt8]?
  /// How long closing a nested console waits for the parent's command to end.
  var parentWait: Double = 10
  /// Set once `close` has run (a console that ended by itself is closed but not yet finished).
  private var finished = false
  private(set) var streams = [Stream(), Stream()]
  private var number = 0
  /// The command of the parent console that runs this one's shell (a nested console).
  private(set) weak var parent: Console?
  private let parentCommand: Int
  /// The open nested console, which consumes the terminal meanwhile.
  weak var nested: Console?
  private(set) var closed = false
  /// The shell's exit status once it has ended (−1 when unknown).
  private(set) var shellStatus: Int?

  init(transport: Transport, parent: Console? = nil, parentCommand: Int = 0) {
    self.transport = transport
    self.parent = parent
    self.parentCommand = parentCommand
    token = Console.randomToken()
    header = [0x1E] + Array("SSHS\(token):".utf8)
    parentEnd = parent.map { [0x1E] + Array("SSHS\($0.token):\(parentCommand):E:".utf8) }
  }

  /// 16 characters of `[A-Za-z0-9]` from the system's cryptographic source.
  static func randomToken() -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    var generator = SystemRandomNumberGenerator()
    return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
  }

  // MARK: Text written to the shell

  /// A marker `printf` and its copy on stderr.
  private func marker(_ format: String, _ argument: String, _ extra: String = "") -> String {
    let one = "printf '\\036%s%s\(format)\\036' SSHS '\(argument)'\(extra)"
    return "\(one); \(one) >&2"
  }

  /// §5.1: echo, line editing, history expansion and prompts off; then the ready marker.
  /// `command set`: an unknown option given to the special built-in `set` (`+H` in dash) would
  /// abort the rest of the line in an interactive shell; through `command` it only fails.
  var initialisation: String {
    "stty -echo 2>/dev/null; command set +o emacs 2>/dev/null; command set +o vi 2>/dev/null; "
      + "command set +H 2>/dev/null; "
      + "[ -n \"$ZSH_VERSION\" ] && unsetopt zle banghist; "
      + "PS1= PS2= PROMPT_COMMAND=; unset HISTFILE; export PAGER=cat GIT_PAGER=cat SYSTEMD_PAGER=cat; "
      + "__sshs_ret() { return \"$1\"; }; __sshs_rc=0; " + marker(":R", token) + "\n"
  }

  /// §5.2: the command wrapped in its markers; `n` numbers it.
  private func wrapped(_ command: String, _ n: Int) -> String {
    let id = "\(token):\(n)"
    return "{ " + marker(":B", id) + "; __sshs_ret \"${__sshs_rc:-0}\"\n" + command + "\n}; __sshs_rc=$?; "
      + marker(":E:%d", id, " \"$__sshs_rc\"") + "; __sshs_ret \"$__sshs_rc\"\n"
  }

  // MARK: Starting and running

  /// Writes the initialisation text and waits for the ready marker on both streams.
  func start(deadline: DispatchTime, stop: () -> Bool) -> Wait {
    let counts = streams.map(\.readyCount)
    send(Array(initialisation.utf8))
    return pump(
      until: {
        self.streams[0].readyCount > counts[0]
          && (self.streams[1].readyCount > counts[1] || self.transport.process.errorPipe == nil)
      }, deadline: deadline, stop: stop)
  }

  /// The number the next command will get.
  var nextNumber: Int { number + 1 }

  /// The ready marker's `printf`s, for a shell started by a command (`sudo`, `su`).
  var readyPrintf: String { marker(":R", token) }

  /// Queues bytes for the terminal (§5.4 `send`); they are written as the shell reads.
  func send(_ bytes: [UInt8]) {
    transport.input.append(contentsOf: bytes)
    writeInput()
  }

  /// Starts `command` and returns its number without waiting for its end.
  func begin(_ command: String) -> Int {
    number += 1
    send(Array(wrapped(command, number).utf8))
    return number
  }

  func isComplete(_ n: Int) -> Bool {
    streams[0].ends[n] != nil && (streams[1].ends[n] != nil || transport.process.errorPipe == nil)
  }

  /// Waits for command `n` to end.
  func finish(_ n: Int, deadline: DispatchTime?, stop: () -> Bool) -> Wait {
    pump(until: { self.isComplete(n) }, deadline: deadline, stop: stop)
  }

  /// The output of command `n` (ended, or cut short when the shell ended), and the read
  /// position moved past it.
  func output(of n: Int) -> Output {
    let output = outputSoFar(of: n)
    for index in 0..<2 {
      let stream = streams[index]
      streams[index].readOffset = max(stream.readOffset, stream.ends[n]?.position ?? stream.transcript.count)
    }
    return output
  }

  /// What command `n` has printed so far (all of it once it has ended); reads nothing.
  func outputSoFar(of n: Int) -> Output {
    var parts: [[UInt8]] = []
    for index in 0..<2 {
      let stream = streams[index]
      let start = stream.begins[n] ?? stream.transcript.count
      let end = stream.ends[n]?.position ?? stream.transcript.count
      parts.append(Array(stream.transcript[min(start, end)..<end]))
    }
    let code = streams[0].ends[n]?.code ?? streams[1].ends[n]?.code ?? shellStatus ?? transport.process.status ?? -1
    return Output(stdout: parts[0], stderr: parts[1], exitCode: code)
  }

  /// Moves the read position of a stream (after a successful `expect`).
  func advance(stream: Int, to offset: Int) {
    streams[stream].readOffset = max(streams[stream].readOffset, min(offset, streams[stream].transcript.count))
  }

  /// Closes this console (§5.6): `exit 0`, up to 10 s for the shell to end, then a hang-up. A
  /// nested console instead hands the terminal back and waits for its parent's command.
  func close(stop: () -> Bool) {
    if finished { return }
    finished = true
    nested?.close(stop: stop)
    consume()
    let wasOpen = !closed
    closed = true
    // What the shell says from here on (bash's "exit") is not part of the console's output.
    if wasOpen && !transport.ended { send(Array("exit 0\n".utf8)) }
    if let parent {
      parent.nested = nil
      _ = parent.finish(parentCommand, deadline: .now() + parentWait, stop: stop)
      shellStatus = parent.output(of: parentCommand).exitCode
      return
    }
    if wasOpen { _ = pump(until: { false }, deadline: .now() + 10, stop: stop) }
    transport.process.hangUp()
    transport.process.closeDescriptors()
    shellStatus = transport.process.status ?? -1
  }

  /// Marks the console closed after its shell ended by itself.
  private func noteEnded() {
    guard !closed, parent == nil else { return }
    closed = true
    transport.process.hangUp()
    transport.process.closeDescriptors()
    shellStatus = transport.process.status ?? -1
  }

  // MARK: Reading

  /// Reads and writes the terminal until `done()` holds, the deadline passes, `stop()` is true
  /// or the shell ends. Call it with the interpreter lock released.
  func pump(until done: () -> Bool, deadline: DispatchTime?, stop: () -> Bool) -> Wait {
    let process = transport.process
    while true {
      consume()
      if done() { return .done }
      if closed && parent != nil { return .ended }
      if transport.ended || (process.master == nil && process.errorPipe == nil) {
        process.reap(blocking: true)
        noteEnded()
        return .ended
      }
      var descriptors: [pollfd] = []
      if let master = process.master {
        let wantsWrite = transport.inputOffset < transport.input.count
        descriptors.append(pollfd(fd: master, events: Int16(POLLIN) | (wantsWrite ? Int16(POLLOUT) : 0), revents: 0))
      }
      if let errors = process.errorPipe { descriptors.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(&descriptors, nfds_t(descriptors.count), Console.milliseconds(until: deadline, atMost: 50))
      if ready > 0 {
        for entry in descriptors where entry.revents != 0 {
          if entry.revents & Int16(POLLOUT) != 0 { writeInput() }
          if entry.revents & ~Int16(POLLOUT) != 0 {
            let index = entry.fd == process.master ? 0 : 1
            _ = process.read(entry.fd, into: &transport.pending[index])
          }
        }
      } else if process.reap() {
        // The shell is gone; descendants may still hold the terminal: take what is there.
        drain()
        process.closeDescriptors()
      }
      if stop() { return .stopped }
      if let deadline, DispatchTime.now() >= deadline { return .timedOut }
    }
  }

  private func drain() {
    let process = transport.process
    for (index, descriptor) in [process.master, process.errorPipe].enumerated() {
      guard let descriptor else { continue }
      var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      while poll(&entry, 1, 0) > 0, process.read(descriptor, into: &transport.pending[index]) {}
    }
    consume()
  }

  private func writeInput() {
    while transport.inputOffset < transport.input.count {
      let written = transport.process.write(transport.input[transport.inputOffset...])
      if written == 0 { break }
      transport.inputOffset += written
    }
    if transport.inputOffset >= transport.input.count {
      transport.input.removeAll(keepingCapacity: true)
      transport.inputOffset = 0
    }
  }

  /// Parses what arrived, unless a nested console owns the terminal (or this one is closing).
  private func consume() {
    guard nested == nil else {
      nested?.consume()
      return
    }
    if closed && parent != nil { return }
    for index in 0..<2 where !transport.pending[index].isEmpty {
      if closed {
        // A nested shell that just ended leaves the rest to its parent.
        if parent != nil { break }
        transport.pending[index].removeAll()
      } else {
        parse(index)
      }
    }
  }

  /// Splits the pending bytes of a stream into text and markers; an incomplete marker at the
  /// end stays pending. Text before the ready marker is discarded (§5.1).
  private func parse(_ index: Int) {
    let raw = transport.pending[index]
    var i = 0
    var textStart = 0
    func flush(_ end: Int) {
      guard end > textStart else { return }
      if streams[index].ready {
        streams[index].transcript.append(contentsOf: raw[textStart..<end])
      } else {
        streams[index].preamble.append(contentsOf: raw[textStart..<end])
      }
    }
    var held: Int?
    while let next = raw[i...].firstIndex(of: 0x1E) {
      i = next
      let available = raw.count - i
      let compared = min(available, header.count)
      if !raw[i..<(i + compared)].elementsEqual(header[0..<compared]) {
        if let parentEnd {
          let length = min(available, parentEnd.count)
          if raw[i..<(i + length)].elementsEqual(parentEnd[0..<length]) {
            // The parent's marker (complete or not yet): this shell has ended with the code it
            // carries; the marker and what follows are the parent's.
            held = i
            let digits = raw[(i + length)...].prefix { $0 != 0x1E }
            if length == parentEnd.count, i + length + digits.count < raw.count {
              closed = true
              shellStatus = Int(String(decoding: digits, as: UTF8.self)) ?? -1
            }
            break
          }
        }
        i += 1
        continue
      }
      if available < header.count {
        held = i
        break
      }
      let bodyStart = i + header.count
      let limit = min(raw.count, bodyStart + 40)
      guard let close = raw[bodyStart..<limit].firstIndex(of: 0x1E) else {
        if limit - bodyStart < 40 {
          held = i
          break
        }
        i += 1
        continue
      }
      guard let event = Console.event(String(decoding: raw[bodyStart..<close], as: UTF8.self), token) else {
        i += 1
        continue
      }
      flush(i)
      record(event, index)
      i = close + 1
      textStart = i
    }
    flush(held ?? raw.count)
    if let held {
      transport.pending[index].removeFirst(held)
    } else {
      transport.pending[index].removeAll(keepingCapacity: true)
    }
  }

  private func record(_ event: Event, _ index: Int) {
    let position = streams[index].transcript.count
    switch event {
    case .ready:
      // Output starts after the latest ready marker (a root shell prints one before it is
      // initialised, and one after).
      streams[index].ready = true
      streams[index].readyCount += 1
      streams[index].transcript.removeAll()
    case .begin(let n):
      streams[index].begins[n] = position
    case .end(let n, let code):
      streams[index].ends[n] = (position, code)
    }
  }

  /// `R`, `T:n:B` or `T:n:E:code` after `SSHS TOKEN :` (the token itself is in the header).
  static func event(_ body: String, _ token: String) -> Event? {
    if body == "R" { return .ready }
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 2, let n = Int(parts[0]) else { return nil }
    if parts.count == 2, parts[1] == "B" { return .begin(n) }
    if parts.count == 3, parts[1] == "E", let code = Int(parts[2]) { return .end(n, code) }
    return nil
  }

  static func milliseconds(until deadline: DispatchTime?, atMost limit: Int32) -> Int32 {
    guard let deadline else { return limit }
    let now = DispatchTime.now().uptimeNanoseconds
    if deadline.uptimeNanoseconds <= now { return 0 }
    return Int32(min(UInt64(limit), (deadline.uptimeNanoseconds - now + 999_999) / 1_000_000))
  }
}
