/// What runs the one-dollar, two-dollars and `$(…)` commands of a session (LANGUAGE.md §3):
/// the local machine here; an SSH connection runs them on its channels (§3.7).
protocol CommandExecutor: AnyObject {
  /// Runs `request` to its end. Called with the interpreter lock held; waits release it.
  func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome
}

/// The local machine: posix_spawn, directly or through a shell (§3.3–§3.10).
final class LocalExecutor: CommandExecutor {
  func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome {
    try LocalCommand.run(request, interpreter)
  }
}
