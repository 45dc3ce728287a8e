import Foundation
import Testing

/// A real OpenSSH server on a loopback port, private to one test (ENGINEERING.md, "Test SSH
/// servers"): its own configuration, host keys and authorized_keys in a temporary directory; no
/// system file is touched. As root it serves a new user with a random password (removed
/// afterwards); otherwise it runs as the current user, who logs in with a key.
final class TestSSHServer {
  let directory: String
  private(set) var port = 0
  let user: String
  /// nil when not root (password authentication needs root).
  let password: String?
  /// A private key (ed25519, no passphrase) the server accepts for `user`.
  let clientKey: String
  /// The HOME of the sshs under test: its ~/.ssh (known_hosts, keys) starts empty.
  let home: String
  private var pid: pid_t = 0
  private let createdUser: Bool
  /// OpenSSH's limit of channels per connection.
  private let maxSessions: Int

  static var sshdAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
  }

  init(maxSessions: Int = 100) throws {
    self.maxSessions = maxSessions
    let template = NSTemporaryDirectory() + "sshs-sshd.XXXXXX"
    var bytes = Array(template.utf8CString)
    guard let made = mkdtemp(&bytes) else { throw SpawnError(call: "mkdtemp", code: errno) }
    directory = String(cString: made)
    chmod(directory, 0o755)
    home = directory + "/home"
    try FileManager.default.createDirectory(atPath: home + "/.ssh", withIntermediateDirectories: true)
    if getuid() == 0 && SuTests.available(["/usr/sbin/useradd", "/usr/sbin/chpasswd", "/usr/sbin/userdel"]) {
      user = "sshss\(getpid() % 10_000)\(Int.random(in: 100..<1000))"
      password = SuTests.randomPassword()
      try SuTests.create(user, password: password)
      createdUser = true
    } else {
      user = String(cString: getpwuid(getuid()).pointee.pw_name)
      password = nil
      createdUser = false
    }
    clientKey = directory + "/client_ed25519"
    try Self.keygen(["-t", "ed25519", "-f", clientKey, "-C", "sshs-test"])
    try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: directory + "/authorized_keys")
    chmod(directory + "/authorized_keys", 0o644)
    for type in ["ed25519", "ecdsa"] { try Self.keygen(["-t", type, "-f", directory + "/host_\(type)"]) }
    if getuid() == 0 {
      try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    }
    for _ in 0..<20 {
      let candidate = Int.random(in: 20_000..<60_000)
      if try start(on: candidate) {
        port = candidate
        break
      }
    }
    guard port != 0 else {
      let log = (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? ""
      stop()
      throw SpawnError(call: "sshd (\(log))", code: EADDRINUSE)
    }
  }

  deinit { stop() }

  /// Writes the configuration for `port` and starts sshd; false when it did not come up.
  private func start(on port: Int) throws -> Bool {
    let config = """
      ListenAddress 127.0.0.1
      Port \(port)
      HostKey \(directory)/host_ed25519
      HostKey \(directory)/host_ecdsa
      PidFile \(directory)/sshd.pid
      AuthorizedKeysFile \(directory)/authorized_keys
      StrictModes no
      UsePAM no
      PasswordAuthentication \(getuid() == 0 ? "yes" : "no")
      KbdInteractiveAuthentication no
      PubkeyAuthentication yes
      AllowUsers \(user)
      MaxStartups 200
      MaxSessions \(maxSessions)
      PrintMotd no
      Subsystem sftp internal-sftp
      """
    try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
    try? FileManager.default.removeItem(atPath: directory + "/sshd.pid")
    let result = try Spawner.run(
      path: "/usr/sbin/sshd", arguments: ["-f", directory + "/sshd_config", "-E", directory + "/sshd.log"],
      input: [], directory: nil, timeout: 20)
    guard result.status == 0 else { return false }
    for _ in 0..<100 {
      if let text = try? String(contentsOfFile: directory + "/sshd.pid", encoding: .utf8),
        let number = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        pid = number
        return true
      }
      usleep(20_000)
    }
    return false
  }

  /// The server's ed25519 host key as a known_hosts line for this port.
  var knownHostsLine: String {
    let key = (try? String(contentsOfFile: directory + "/host_ed25519.pub", encoding: .utf8)) ?? ""
    let fields = key.split(separator: " ")
    return "[127.0.0.1]:\(port) \(fields[0]) \(fields[1])\n"
  }

  /// Runs `source` with sshs, HOME set to `home` and no ssh-agent unless `agent` names its socket.
  func run(_ source: String, options: [String] = [], timeout: Double = 60, agent: String = "") throws
    -> ProcessOutput
  {
    let script = directory + "/script-\(UUID().uuidString).sshs"
    try source.write(toFile: script, atomically: true, encoding: .utf8)
    defer { unlink(script) }
    return try SSHS.run(
      options + [script], timeout: timeout, environment: ["HOME": home, "SSH_AUTH_SOCK": agent])
  }

  func stop() {
    if pid > 0 {
      kill(pid, SIGTERM)
      pid = 0
    }
    if createdUser {
      // Commands a test abandoned (a timeout) may still run as the user; userdel refuses then.
      Self.killProcesses(of: user)
      SuTests.remove([user])
    }
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Sends SIGKILL to every process of `user` (a user this test created), found in /proc.
  private static func killProcesses(of user: String) {
    guard let account = getpwnam(user) else { return }
    let uid = account.pointee.pw_uid
    for _ in 0..<3 {
      var found = false
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = pid_t(entry) else { continue }
        var info = stat()
        if stat("/proc/\(entry)", &info) == 0 && info.st_uid == uid {
          kill(pid, SIGKILL)
          found = true
        }
      }
      if !found { return }
      usleep(100_000)
    }
  }

  private static func keygen(_ arguments: [String]) throws {
    let result = try Spawner.run(
      path: "/usr/bin/ssh-keygen", arguments: ["-q", "-N", ""] + arguments, input: [], directory: nil, timeout: 30)
    try #require(result.status == 0, "ssh-keygen: \(result)")
  }
}
