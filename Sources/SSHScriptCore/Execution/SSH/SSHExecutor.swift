import Dispatch
import Foundation

/// Runs the commands of a remote session (LANGUAGE.md §3.7): each on its own channel of the
/// connection, with the interpreter lock released while it runs.
final class SSHExecutor: CommandExecutor {
  let connection: SSHConnection
  /// The host label, in messages and before echoed lines.
  let label: String
  /// The SFTP sessions of `$.upload` and `$.download` (§6.10), started when first needed.
  let sftp: SFTPPool

  var isConnected: Bool { !connection.isLost && !connection.isClosed }

  init(connection: SSHConnection, label: String) {
    self.connection = connection
    self.label = label
    sftp = SFTPPool(connection)
  }

  func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome {
    let started = DispatchTime.now()
    let text = Self.execText(request)
    let deadline = request.timeout.map { started + $0 }
    let interrupted = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    let stop = { isMain && interrupted.pointee != 0 }
    let connection = self.connection
    let channel = try interpreter.blocking {
      try SSHCommandChannel(connection, command: text, input: request.input, deadline: deadline)
    }
    let (progress, stdout, stderr) = try LocalCommand.LineEcho.collect(
      interpreter, echo: interpreter.verbose ? LocalCommand.LineEcho(prefix: "[\(label)] ") : nil, deadline: deadline,
      timedOut: SSHCommandChannel.Progress.timedOut, wait: { slice in try channel.exchange(until: slice, stop: stop) },
      take: channel.takeOutput)
    switch progress {
    case .finished:
      let code = try interpreter.blocking { try channel.finish() }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      return CommandOutcome(command: request.command, stdout: stdout, stderr: stderr, exitCode: code, duration: seconds)
    case .timedOut:
      interpreter.blocking { channel.abandon() }
      let seconds = request.timeout ?? 0
      let error = Interpreter.error(
        BuiltinTypes.timeoutError,
        "command timed out after \(ConsoleObject.shown(seconds)) s on \(label): \(request.command)")
      error.exception.attributes["stdout"] = .str(String(decoding: stdout, as: UTF8.self))
      error.exception.attributes["stderr"] = .str(String(decoding: stderr, as: UTF8.self))
      throw error
    case .stopped:
      interpreter.blocking { channel.abandon() }
      throw ScriptException(ExceptionObject(cls: BuiltinTypes.keyboardInterrupt, args: []))
    }
  }

  /// The exec request's text (§3.5–§3.7): the shell of the server's user runs it, so a
  /// one-dollar text is sent as is (with `set -e` first in careful mode when it has several
  /// lines); a two-dollars text with a `#!` line becomes `interpreter args -c REST`, quoted.
  static func execText(_ request: CommandRequest) -> String {
    switch request.kind {
    case .vector:
      return request.command
    case .oneDollar(let text):
      return request.careful && text.contains("\n") ? "set -e\n" + text : text
    case .twoDollars(let text):
      guard text.hasPrefix("#!"), text.contains("\n") else { return text }
      return LocalCommand.twoDollarsArguments(text).map { ShellQuote.quote($0) }.joined(separator: " ")
    }
  }
}
