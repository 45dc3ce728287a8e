/// What runs the one-dollar, two-dollars and `$(…)` commands of a session (LANGUAGE.md §3):
/// the local machine here; an SSH connection runs them on its channels (§3.7).
protocol CommandExecutor: AnyObject {
  /// Runs `request` to its end. Called with the interpreter lock held; waits release it.
  func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome
  /// False once the connection behind it is lost (§6.9).
  var isConnected: Bool { get }
}

/// The local machine: posix_spawn, directly or through a shell (§3.3–§3.10).
final class LocalExecutor: CommandExecutor {
  var isConnected: Bool { true }

  func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome {
    try LocalCommand.run(request, interpreter)
  }
}
