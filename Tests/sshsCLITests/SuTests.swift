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
    guard getuid() == 0, Self.tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else {
      print("notice: not root or no useradd/chpasswd/runuser: the su test with real accounts is not run")
      return
    }
    let tag = String(getpid() % 100_000)
    let (first, second) = ("sshsa\(tag)", "sshsb\(tag)")
    let password = (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
    defer {
      for user in [first, second] {
        _ = try? Spawner.run(
          path: "/usr/sbin/userdel", arguments: ["-r", user], input: [], directory: nil, timeout: 30)
      }
    }
    for user in [first, second] {
      let made = try Spawner.run(
        path: "/usr/sbin/useradd", arguments: ["-m", user], input: [], directory: nil, timeout: 30)
      try #require(made.status == 0, "\(made)")
    }
    let set = try Spawner.run(
      path: "/usr/sbin/chpasswd", arguments: [], input: Array("\(second):\(password)\n".utf8), directory: nil,
      timeout: 30)
    try #require(set.status == 0, "\(set)")

    // The binary and the script where the unprivileged user can read them.
    try withTemporaryDirectory { directory in
      chmod(directory, 0o755)
      let binary = directory + "/sshs"
      try FileManager.default.copyItem(atPath: try SSHS.path(), toPath: binary)
      let script = directory + "/su.sshs"
      let source = """
        with $.su("\(second)", "\(password)") as c:
            c("whoami")
            print("as:", c.stdout.strip())
        try:
            with $.su("\(second)", "wrong-\(password)") as c:
                pass
        except SSHAuthenticationError as e:
            print("refused:", "\(password)" in str(e), type(e).__name__)
        """
      try source.write(toFile: script, atomically: true, encoding: .utf8)
      chmod(script, 0o644)
      let result = try Spawner.run(
        path: "/usr/sbin/runuser", arguments: ["-u", first, "--", binary, script], input: [], directory: directory,
        timeout: 120)
      #expect(result.stdout == "as: \(second)\nrefused: False SSHAuthenticationError\n", "\(result)")
      #expect(result.status == 0, "\(result)")
    }
  }

  @Test func sudoWithPasswordBecomesRoot() throws {
    guard getuid() == 0,
      (Self.tools + ["/usr/bin/sudo", "/usr/sbin/usermod"]).allSatisfy({
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else {
      print("notice: not root or no sudo: the sudo test with a real account is not run")
      return
    }
    let user = "sshsc\(getpid() % 100_000)"
    let password = (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
    defer {
      _ = try? Spawner.run(path: "/usr/sbin/userdel", arguments: ["-r", user], input: [], directory: nil, timeout: 30)
    }
    for (tool, arguments, input) in [
      ("/usr/sbin/useradd", ["-m", user], ""), ("/usr/sbin/chpasswd", [], "\(user):\(password)\n"),
      ("/usr/sbin/usermod", ["-aG", "sudo", user], ""),
    ] {
      let done = try Spawner.run(
        path: tool, arguments: arguments, input: Array(input.utf8), directory: nil, timeout: 30)
      try #require(done.status == 0, "\(tool): \(done)")
    }
    try withTemporaryDirectory { directory in
      chmod(directory, 0o755)
      let binary = directory + "/sshs"
      try FileManager.default.copyItem(atPath: try SSHS.path(), toPath: binary)
      let script = directory + "/sudo.sshs"
      let source = """
        with $.sudo("\(password)") as root:
            root("whoami")
            print("as:", root.stdout.strip())
        try:
            with $.sudo("wrong-\(password)") as root:
                pass
        except SSHAuthenticationError as e:
            print("refused:", "\(password)" in str(e), type(e).__name__)
        """
      try source.write(toFile: script, atomically: true, encoding: .utf8)
      chmod(script, 0o644)
      let result = try Spawner.run(
        path: "/usr/sbin/runuser", arguments: ["-u", user, "--", binary, script], input: [], directory: directory,
        timeout: 120)
      #expect(result.stdout == "as: root\nrefused: False SSHAuthenticationError\n", "\(result)")
      #expect(result.status == 0, "\(result)")
    }
  }
}
