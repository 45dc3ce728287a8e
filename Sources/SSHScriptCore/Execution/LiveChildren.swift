import Foundation
import Synchronization

/// Every child process sshs started and has not reaped yet, so that SIGTERM or SIGHUP can end
/// them before sshs exits (LANGUAGE.md §9.5) instead of leaving them running.
public enum LiveChildren {
  enum Kind {
    /// A command; `group`: it leads its own process group (`timeout=`), signalled as a whole.
    case command(group: Bool)
    /// A console's shell, leading the session of its terminal: hung up, as a closing terminal does.
    case terminal
  }

  private static let table = Mutex<[pid_t: Kind]>([:])

  static func add(_ pid: pid_t, _ kind: Kind) {
    table.withLock { $0[pid] = kind }
  }

  static func remove(_ pid: pid_t) {
    _ = table.withLock { $0.removeValue(forKey: pid) }
  }

  /// Ends them all: SIGTERM to commands, SIGHUP to consoles' sessions; SIGKILL to what is left
  /// after `grace` seconds.
  public static func terminateAll(grace: Double) {
    let children = table.withLock { $0 }
    for (pid, kind) in children {
      switch kind {
      case .command(let group): kill(group ? -pid : pid, SIGTERM)
      case .terminal: kill(-pid, SIGHUP)
      }
    }
    let deadline = Date().addingTimeInterval(grace)
    var left = Array(children.keys)
    while !left.isEmpty && Date() < deadline {
      left = left.filter(isRunning)
      if !left.isEmpty { usleep(20_000) }
    }
    for pid in left {
      if case .command(group: false)? = children[pid] { kill(pid, SIGKILL) } else { kill(-pid, SIGKILL) }
    }
  }

  /// Running, not ended (a zombie waiting to be reaped has ended).
  private static func isRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(close, offsetBy: 2)...].first != "Z"
  }
}
