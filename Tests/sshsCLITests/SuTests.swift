import Foundation
import Testing

/// `$.su(user, password)` and `$.sudo(password)` with real accounts: the tests create users with
/// random passwords, run sshs as one of them, and become another user (su) or root (sudo, as a
/// member of the `sudo` group) through the console's terminal. A wrong password raises
/// `SSHAuthenticationError` whose text does not contain it. They need root (to create the users)
/// and `useradd`/`chpasswd`/`runuser` (and `sudo`); otherwise they print a notice and pass.
@Suite("su and sudo with real accounts", .serialized)
struct SuTests {
  static let tools = [
    "/usr/sbin/useradd", "/usr/sbin/chpasswd", "/usr/sbin/userdel", "/usr/sbin/runuser", "/usr/bin/su",
  ]

  @Test func suWithPasswordBecomesTheOtherUser() throws {
    guard Self.available(Self.tools) else {
      print("notice: not root or no useradd/chpasswd/runuser: the su test with real accounts is not run")
      return
    }
    let tag = String(getpid() % 100_000)
    let (first, second) = ("sshsa\(tag)", "sshsb\(tag)")
    let password = Self.randomPassword()
    defer { Self.remove([first, second]) }
    try Self.create(first)
    try Self.create(second, password: password)
    let result = try Self.run(
      as: first,
      """
      with $.su("\(second)", "\(password)") as c:
          c("whoami")
          print("as:", c.stdout.strip())
      try:
          with $.su("\(second)", "wrong-\(password)") as c:
              pass
      except SSHAuthenticationError as e:
          print("refused:", "\(password)" in str(e), type(e).__name__)
      """)
    #expect(result.stdout == "as: \(second)\nrefused: False SSHAuthenticationError\n", "\(result)")
    #expect(result.status == 0, "\(result)")
  }

  @Test func sudoWithPasswordBecomesRoot() throws {
    guard Self.available(Self.tools + ["/usr/bin/sudo", "/usr/sbin/usermod"]) else {
      print("notice: not root or no sudo: the sudo test with a real account is not run")
      return
    }
    let user = "sshsc\(getpid() % 100_000)"
    let password = Self.randomPassword()
    defer { Self.remove([user]) }
    try Self.create(user, password: password, group: "sudo")
    let result = try Self.run(
      as: user,
      """
      with $.sudo("\(password)") as root:
          root("whoami")
          print("as:", root.stdout.strip())
      try:
          with $.sudo("wrong-\(password)") as root:
              pass
      except SSHAuthenticationError as e:
          print("refused:", "\(password)" in str(e), type(e).__name__)
      """)
    #expect(result.stdout == "as: root\nrefused: False SSHAuthenticationError\n", "\(result)")
    #expect(result.status == 0, "\(result)")
  }

  // MARK: - Accounts

  static func available(_ programs: [String]) -> Bool {
    getuid() == 0 && programs.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func randomPassword() -> String {
    (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
  }

  private static func system(_ tool: String, _ arguments: [String], input: String = "") throws {
    let done = try Spawner.run(path: tool, arguments: arguments, input: Array(input.utf8), directory: nil, timeout: 30)
    try #require(done.status == 0, "\(tool): \(done)")
  }

  /// A new user with a home directory, and a password and an extra group when given.
  static func create(_ user: String, password: String? = nil, group: String? = nil) throws {
    try system("/usr/sbin/useradd", ["-m", user])
    if let password { try system("/usr/sbin/chpasswd", [], input: "\(user):\(password)\n") }
    if let group { try system("/usr/sbin/usermod", ["-aG", group, user]) }
  }

  static func remove(_ users: [String]) {
    for user in users {
      _ = try? Spawner.run(path: "/usr/sbin/userdel", arguments: ["-r", user], input: [], directory: nil, timeout: 30)
    }
  }

  /// Runs `source` with sshs as `user`: the binary and the script are copied where that user can
  /// read them.
  static func run(as user: String, _ source: String) throws -> ProcessOutput {
    try withTemporaryDirectory { directory in
      chmod(directory, 0o755)
      let binary = directory + "/sshs"
      try copyExecutable(try SSHS.path(), to: binary)
      let script = directory + "/script.sshs"
      try source.write(toFile: script, atomically: true, encoding: .utf8)
      chmod(script, 0o644)
      // Other tests spawn processes meanwhile; one that forked while the copy was open for
      // writing holds it until it execs, and running the copy then fails with ETXTBSY.
      var attempt = 0
      while true {
        let result = try Spawner.run(
          path: "/usr/sbin/runuser", arguments: ["-u", user, "--", binary, script], input: [], directory: directory,
          timeout: 120)
        attempt += 1
        guard result.stderr.contains("Text file busy"), attempt < 5 else { return result }
        usleep(200_000)
      }
    }
  }

  /// Copies a binary through a close-on-exec descriptor, so no child spawned by another test
  /// inherits it.
  static func copyExecutable(_ source: String, to destination: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
    let descriptor = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw SpawnError(call: "open", code: errno) }
    defer { close(descriptor) }
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { throw SpawnError(call: "write", code: errno) }
        offset += written
      }
    }
  }
}
