import Dispatch
import Foundation

/// `sudo` and `su` (LANGUAGE.md §5.8, §5.9): a root (or other user's) shell started as a command
/// of a console, prompted for a password that the runtime recognises without guessing, and
/// initialised like a new console. The password is only ever written to the terminal.
extension ConsoleObject {
  enum Elevation {
    case sudo
    case su(String)
  }

  struct ElevationRequest {
    var kind: Elevation
    var password: Value?
    var expect: Value?
    var failureExpect: Value?
    var initials: Value?
  }

  /// Opens the elevated console inside `parent`, or inside a hidden console when nil.
  static func elevate(_ request: ElevationRequest, inside parent: ConsoleObject?, _ interpreter: Interpreter) throws
    -> ConsoleObject
  {
    let host = try parent ?? open(header: nil, interpreter)
    do {
      let object = try host.startElevated(request, interpreter)
      if parent == nil { object.hiddenHost = host }
      return object
    } catch {
      if parent == nil { host.closeQuietly(interpreter) }
      throw error
    }
  }

  private func startElevated(_ request: ElevationRequest, _ interpreter: Interpreter) throws -> ConsoleObject {
    try checkUsable()
    let n = console.nextNumber
    let child = Console(transport: console.transport, parent: console, parentCommand: n)
    let program = shellWords.first.map { ShellQuote.quote($0) } ?? "\"${SHELL:-/bin/sh}\""
    let inner = "\(child.readyPrintf); exec \(program) -i"
    let prompt = "[sshs-sudo:\(Console.randomToken())] "
    let user: String
    let command: String
    switch request.kind {
    case .sudo:
      user = session.username
      command = "sudo -S -p \(ShellQuote.quote(prompt)) -- \(program) -c \(ShellQuote.quote(inner))"
    case .su(let name):
      user = name
      command = "su \(ShellQuote.quote(name)) -c \(ShellQuote.quote(inner))"
    }
    let label: String
    switch request.kind {
    case .sudo: label = "sudo"
    case .su: label = "su"
    }
    _ = console.begin(command)
    console.nested = child
    let object = ConsoleObject(console: child, shellName: label, session: session, careful: careful)
    object.parentObject = self
    object.shellWords = [program.hasPrefix("\"") ? "sh" : shellWords.first ?? "sh"]
    switch try object.awaitElevation(request, prompt: prompt, user: user, label: label, interpreter) {
    case .ready: break
    case .failed(let failure):
      object.closeQuietly(interpreter)
      throw failure
    case .ended(let passwordSent):
      object.closeQuietly(interpreter)
      // The command's own message: what came before the shell could start, on either stream
      // (the rest of it arrives as output of the console's command), markers removed. Its
      // stderr can arrive after its end marker on stdout: wait for both streams to end.
      _ = interpreter.blocking { console.finish(n, deadline: .now() + 2, stop: { false }) }
      let output = console.output(of: n)
      let text = (child.streams.map(\.preamble) + [output.stdout, output.stderr])
        .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        .replacingOccurrences(of: "\u{1E}SSHS[^\u{1E}]*\u{1E}", with: "", options: .regularExpression)
      let message =
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter {
          // A marker cut short by the end of a read is not part of the message either.
          !$0.isEmpty && !$0.contains(prompt.trimmingCharacters(in: .whitespaces)) && !$0.contains("\u{1E}SSHS")
        }.last ?? ""
      if passwordSent, case .su = request.kind {
        throw Interpreter.error(
          BuiltinTypes.sshAuthenticationError,
          "su: authentication failed for user '\(user)' on host 'localhost' (\(message))")
      }
      throw Interpreter.error(
        BuiltinTypes.sshAuthenticationError, "\(label) failed for user '\(user)' on host 'localhost': \(message)")
    }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    let started = interpreter.blocking {
      child.start(deadline: .now() + 10, stop: { isMain && interrupted.pointee != 0 })
    }
    if started != .done {
      object.closeQuietly(interpreter)
      throw Interpreter.error(BuiltinTypes.timeoutError, "\(label) did not answer within 10 s on host 'localhost'")
    }
    if let initials = request.initials {
      if case .object = initials, try interpreter.attributeIfPresent(initials, "__call__") != nil,
        Runtime.type(of: initials) !== BuiltinTypes.str
      {
        _ = try interpreter.call(initials, [.object(object)])
      } else {
        _ = try object.run(initials, timeout: nil, check: nil, interpreter)
      }
    }
    return object
  }

  enum ElevationOutcome {
    case ready
    case failed(ScriptException)
    /// The `sudo`/`su` command ended before its shell was ready.
    case ended(passwordSent: Bool)
  }

  /// Waits for the password prompt, the ready marker or the end of the command.
  private func awaitElevation(
    _ request: ElevationRequest, prompt: String, user: String, label: String, _ interpreter: Interpreter
  ) throws -> ElevationOutcome {
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    var searched = [0, 0]
    var passwordSent = false
    let deadline = DispatchTime.now() + 10
    while true {
      if console.streams[0].readyCount > 0 { return .ready }
      let preambles = console.streams.map(\.preamble)
      if console.closed { return .ended(passwordSent: passwordSent) }
      var asked = false
      var failed = false
      for index in 0..<2 {
        let fresh = String(decoding: preambles[index][searched[index]...], as: UTF8.self)
        if fresh.isEmpty { continue }
        let isPrompt: Bool
        if let expect = request.expect {
          isPrompt = try ConsoleObject.contains(fresh, expect, interpreter)
        } else if case .su = request.kind {
          let last = fresh.trimmingCharacters(in: .whitespacesAndNewlines).last
          isPrompt = last == ":" || last == "："
        } else {
          isPrompt = fresh.contains(prompt)
        }
        if isPrompt { asked = true }
        if passwordSent, let failure = request.failureExpect, try ConsoleObject.contains(fresh, failure, interpreter) {
          failed = true
        }
        if isPrompt || failed { searched[index] = preambles[index].count }
      }
      if failed || (asked && passwordSent && !isSu(request)) {
        interruptParent()
        return .failed(
          Interpreter.error(
            BuiltinTypes.sshAuthenticationError,
            "\(label): authentication failed for user '\(user)' on host 'localhost'"))
      }
      if asked && !passwordSent {
        guard let password = request.password else {
          interruptParent()
          return .failed(
            Interpreter.error(
              BuiltinTypes.sshAuthenticationError,
              "\(label): a password is required for user '\(user)' on host 'localhost'"))
        }
        console.send(try ConsoleObject.bytes(password, interpreter) + [10])
        passwordSent = true
      }
      let sizes = console.streams.map(\.preamble.count)
      let wait = interpreter.blocking {
        console.pump(
          until: {
            self.console.streams.map(\.preamble.count) != sizes || self.console.streams[0].readyCount > 0
          }, deadline: deadline, stop: { isMain && interrupted.pointee != 0 })
      }
      switch wait {
      case .done, .ended: continue
      case .stopped:
        interruptParent()
        return .failed(ConsoleObject.interruption(interpreter))
      case .timedOut:
        interruptParent()
        return .failed(
          Interpreter.error(BuiltinTypes.timeoutError, "\(label) did not answer within 10 s on host 'localhost'"))
      }
    }
  }

  /// Ctrl-C to the `sudo`/`su` command; its end marker is then awaited for 2 s only (an
  /// interactive shell may abandon the line).
  private func interruptParent() {
    parentObject?.console.send([3])
    console.parentWait = 2
  }

  private func isSu(_ request: ElevationRequest) -> Bool {
    if case .su = request.kind { return true }
    return false
  }

  /// Whether `text` holds a match of `pattern` (a literal without case, or a compiled pattern).
  static func contains(_ text: String, _ pattern: Value, _ interpreter: Interpreter) throws -> Bool {
    switch pattern {
    case .str(let literal): return text.lowercased().contains(literal.lowercased())
    case .list, .tuple:
      return try interpreter.iterateToArray(pattern).contains { try contains(text, $0, interpreter) }
    default:
      let match = try interpreter.call(try interpreter.getAttribute(pattern, "search"), [.str(text)])
      return !match.isNone
    }
  }
}
