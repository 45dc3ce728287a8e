import Foundation
import Testing

/// `$.connect` against real OpenSSH servers on loopback (TestSSHServer): commands, results,
/// the session stack, threads on one connection, host keys and authentication. As root the
/// server also accepts a password for a user made for the test; otherwise the tests log in as
/// the current user with a key, and the password cases print a notice.
@Suite("ssh", .serialized)
struct SSHTests {
  /// A server, or nil (with a notice) when sshd or ssh-keygen is missing.
  func server() throws -> TestSSHServer? {
    guard TestSSHServer.sshdAvailable else {
      print("notice: /usr/sbin/sshd or ssh-keygen is missing: the SSH tests are not run")
      return nil
    }
    return try TestSSHServer()
  }

  /// The `connect` arguments that log in to `server`: its key (and its password when it has one).
  func login(_ server: TestSSHServer) -> String {
    "'\(server.user)@127.0.0.1:\(server.port)', key_filename='\(server.clientKey)'"
  }

  @Test func commandsRunOnTheConnectedHost() throws {
    guard let server = try server() else { return }
    let result = try server.run(
      """
      with $.connect(\(login(server))) as s:
          $whoami
          print("user:", $.stdout.strip(), $.host, $.port, $.username, $.connected, s is $.session)
          r = $sh -c 'echo out; echo err >&2; exit 3'
          print(repr(r.stdout), repr(r.stderr), r.exitcode, r.host)
          print($(["printf", "%s|", "a b", "c'd"]).stdout)
          print($("cat", input="piped").stdout)
          $$echo two dollars $((1 + 2))
          print($.stdout.strip())
          $cd /tmp
          $pwd
          print("cwd does not persist:", $.stdout.strip() != "/tmp")
      print("after:", $.host, s.connected, repr(s))
      $echo local again
      print($.stdout.strip())
      """)
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "user: \(server.user) 127.0.0.1 \(server.port) \(server.user) True True",
        "'out\\n' 'err\\n' 3 127.0.0.1",
        "a b|c'd|",
        "piped",
        "two dollars 3",
        "cwd does not persist: True",
        "after: None False <Session \(server.user)@127.0.0.1:\(server.port) closed>",
        "local again",
      ], "\(result)")
    // accept-new: the key was recorded in the user's known_hosts (hashed when the ssh
    // configuration says HashKnownHosts, as Debian's does), where OpenSSH finds it.
    let found = try Spawner.run(
      path: "/usr/bin/ssh-keygen",
      arguments: ["-F", "[127.0.0.1]:\(server.port)", "-f", server.home + "/.ssh/known_hosts"],
      input: [], directory: nil, timeout: 30)
    #expect(found.status == 0 && found.stdout.contains(" ssh-ed25519 "), "\(found)")
    #expect(result.stderr.contains("added host key for 127.0.0.1 port \(server.port)"), "\(result)")
    // Known now: a second run prints nothing on stderr.
    let again = try server.run("with $.connect(\(login(server))):\n    $true\n")
    #expect(again.status == 0 && again.stderr.isEmpty, "\(again)")
  }

  @Test func functionsAndThreadsUseTheSessionTheyAreGiven() throws {
    guard let server = try server() else { return }
    let result = try server.run(
      """
      import threading, time
      def who():
          $whoami
          return $.stdout.strip()
      local = who()
      seen = {}
      with $.connect(\(login(server))) as s:
          remote = who()
          def work(n):
              try:
                  $sleep 1
                  seen[n] = who()
              except BaseException as e:
                  seen[n] = repr(e)
          start = time.time()
          threads = [$.thread(target=work, args=(i,)) for i in range(4)]
          for t in threads: t.start()
          for t in threads: t.join()
          elapsed = time.time() - start
          on_local = $.session.parent.bind(who)
          print(on_local() == local, $.host)
      with $.session.connect(\(login(server))) as again:
          print("from the local session object:", again.connected, $.session is again)
      print(remote, sorted(set(seen.values())), len(seen), elapsed < 3)
      print(who() == local)
      """, timeout: 60)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout
        == "True 127.0.0.1\nfrom the local session object: True True\n\(server.user) ['\(server.user)'] 4 True\nTrue\n",
      "\(result)")
  }

  @Test func carefulModeTimeoutsAndErrorsOnTheRemoteSession() throws {
    guard let server = try server() else { return }
    let result = try server.run(
      """
      with $.connect(\(login(server))) as s:
          import time
          start = time.time()
          try:
              $(["sleep", "10"], timeout=1)
          except TimeoutError as e:
              print("TimeoutError:", e, time.time() - start < 2.5)
          $echo still usable
          print($.stdout.strip())
          $.careful(True)
          try:
              $sh -c 'echo bad >&2; exit 4'
          except SSHScriptError as e:
              print("SSHScriptError:", e.code, e.stderr.strip(), e.host)
          print(s.careful(), $.session.parent.careful())
          $sh -c 'exit 5'
      """)
    #expect(result.status == 5, "\(result)")
    #expect(
      result.stdout
        == "TimeoutError: command timed out after 1 s on 127.0.0.1: sleep 10 True\nstill usable\n"
        + "SSHScriptError: 4 bad 127.0.0.1\nTrue False\n", "\(result)")
  }

  @Test func verboseEchoPrefixesRemoteLines() throws {
    guard let server = try server() else { return }
    let result = try server.run(
      "with $.connect(\(login(server))):\n    $sh -c 'echo one; echo two >&2'\n", options: ["-v"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "[127.0.0.1] one\n", "\(result)")
    #expect(result.stderr.hasSuffix("[127.0.0.1] two\n"), "\(result)")
  }

  @Test func largeOutputOnBothStreams() throws {
    guard let server = try server() else { return }
    let result = try server.run(
      """
      with $.connect(\(login(server))):
          r = $sh -c 'head -c 20000000 /dev/zero; head -c 20000000 /dev/zero >&2'
          print(len(r.rawstdout), len(r.rawstderr), r.exitcode)
          r = $("wc -c", input=b"x" * 5000000)
          print(r.stdout.strip())
      """, timeout: 120)
    #expect(result.stdout == "20000000 20000000 0\n5000000\n", "\(result)")
  }

  @Test func hostKeyPolicies() throws {
    guard let server = try server() else { return }
    // strict and an unknown host: refused, nothing written.
    var result = try server.run(
      """
      try:
          $.connect(\(login(server)), policy='strict')
      except SSHHostKeyError as e:
          print(str(e).split(' (')[0], '; policy' in str(e))
      """)
    #expect(result.stdout == "host key for 127.0.0.1 port \(server.port) is not known True\n", "\(result)")
    #expect(!FileManager.default.fileExists(atPath: server.home + "/.ssh/known_hosts"))
    // A changed key: known_hosts holds another ed25519 key for this host and port.
    let other = server.directory + "/other"
    _ = try Spawner.run(
      path: "/usr/bin/ssh-keygen", arguments: ["-q", "-N", "", "-t", "ed25519", "-f", other], input: [],
      directory: nil, timeout: 30)
    let fields = try String(contentsOfFile: other + ".pub", encoding: .utf8).split(separator: " ")
    try "# comment\n[127.0.0.1]:\(server.port) \(fields[0]) \(fields[1])\n".write(
      toFile: server.home + "/.ssh/known_hosts", atomically: true, encoding: .utf8)
    result = try server.run("$.connect(\(login(server)))\n")
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("SSHHostKeyError: host key for 127.0.0.1 port \(server.port) has CHANGED"))
    #expect(result.stderr.contains("expected: the ssh-ed25519 key at \(server.home)/.ssh/known_hosts:2"), "\(result)")
    // auto-add and ignore accept it for this run only.
    result = try server.run(
      "with $.connect(\(login(server)), policy='ignore'):\n    $echo ok\nprint($.stdout.strip())\n")
    #expect(result.stdout == "ok\n" && result.stderr.contains("warning: host key checking is disabled"), "\(result)")
  }

  @Test func authenticationFailuresNameWhatWasTried() throws {
    guard let server = try server() else { return }
    let result = try server.run(
      """
      try:
          $.connect('\(server.user)@127.0.0.1:\(server.port)', password='wrong-Secret-42', look_for_keys=False)
      except SSHAuthenticationError as e:
          print(e, 'wrong-Secret-42' in str(e))
      """)
    let tried = server.password == nil ? "password [not offered by the server]" : "password"
    #expect(
      result.stdout
        == "authentication failed for \(server.user)@127.0.0.1:\(server.port) (tried: \(tried)) False\n", "\(result)")
  }

  @Test func passwordAndIdentityFiles() throws {
    guard let server = try server() else { return }
    // The identity file in ~/.ssh is found without being named.
    try FileManager.default.copyItem(atPath: server.clientKey, toPath: server.home + "/.ssh/id_ed25519")
    var result = try server.run(
      "with $.connect('\(server.user)@127.0.0.1', port=\(server.port)):\n    $whoami\nprint($.stdout.strip())\n")
    #expect(result.stdout == "\(server.user)\n", "\(result)")
    guard let password = server.password else {
      print("notice: not root: the password login test is not run")
      return
    }
    result = try server.run(
      """
      with $.connect('\(server.user)@127.0.0.1', '\(password)', port=\(server.port), look_for_keys=False):
          $whoami
      print($.stdout.strip())
      """)
    #expect(result.stdout == "\(server.user)\n", "\(result)")
  }

  @Test func keysOfTheSSHAgent() throws {
    guard let server = try server() else { return }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-agent") else {
      print("notice: ssh-agent is missing: the agent test is not run")
      return
    }
    // A private agent holding the client key; sshs finds it through SSH_AUTH_SOCK.
    let socket = server.directory + "/agent.sock"
    let started = try Spawner.run(
      path: "/usr/bin/ssh-agent", arguments: ["-a", socket], input: [], directory: nil, timeout: 30)
    let pid = started.stdout.split(separator: "\n").compactMap { line -> pid_t? in
      guard line.hasPrefix("SSH_AGENT_PID=") else { return nil }
      return pid_t(line.dropFirst("SSH_AGENT_PID=".count).prefix { $0.isNumber })
    }.first
    // SIGKILL: the test runner may have SIGTERM blocked, and the agent inherits the mask.
    defer { if let pid { kill(pid, SIGKILL) } }
    let added = try Spawner.run(
      path: "/usr/bin/ssh-add", arguments: [server.clientKey], input: [], directory: nil, timeout: 30,
      environment: ["SSH_AUTH_SOCK": socket])
    try #require(added.status == 0, "\(added)")
    let script = """
      with $.connect('\(server.user)@127.0.0.1:\(server.port)', look_for_keys=False):
          $whoami
      print($.stdout.strip())
      try:
          $.connect('\(server.user)@127.0.0.1:\(server.port)', look_for_keys=False, allow_agent=False)
      except SSHAuthenticationError as e:
          print(e)
      """
    let result = try server.run(script, agent: socket)
    #expect(
      result.stdout
        == "\(server.user)\nauthentication failed for \(server.user)@127.0.0.1:\(server.port) (tried: nothing: no key, agent or password to offer)\n",
      "\(result)")
  }

  @Test func aLostConnectionRaisesInTheThreadsThatUseIt() throws {
    guard let server = try server() else { return }
    // The command kills the server process of this connection: the parent of the login shell
    // that runs it.
    let result = try server.run(
      """
      import threading
      results = []
      with $.connect(\(login(server))) as s:
          def other():
              try:
                  $sleep 5
                  results.append("other finished")
              except SSHConnectionError as e:
                  results.append(str(e))
          t = threading.Thread(target=other)
          t.start()
          try:
              $sh -c 'kill -9 $(cut -d" " -f4 /proc/$PPID/stat); sleep 5'
          except SSHConnectionError as e:
              print("main:", e)
          t.join()
          print(results, s.connected)
          try:
              $true
          except SSHConnectionError as e:
              print("later:", e)
      $echo local
      print($.stdout.strip())
      """)
    let lost = "connection to 127.0.0.1:\(server.port) was lost"
    #expect(result.stdout == "main: \(lost)\n['\(lost)'] False\nlater: \(lost)\nlocal\n", "\(result)")
    #expect(result.status == 0, "\(result)")
  }

  @Test func aServerThatStopsAnsweringIsLostAfterTheKeepalives() throws {
    guard let server = try server() else { return }
    // The command stops (SIGSTOP) the server process of its connection: nothing answers the
    // keepalive requests any more (every second here, 3 unanswered allowed).
    let result = try server.run(
      """
      import time
      with $.connect(\(login(server)), keepalive=1) as s:
          start = time.time()
          try:
              $sh -c 'kill -STOP $(cut -d" " -f4 /proc/$PPID/stat); sleep 60'
          except SSHConnectionError as e:
              print(e, 3 <= time.time() - start < 15, s.connected)
      """, timeout: 60)
    #expect(result.stdout == "connection to 127.0.0.1:\(server.port) was lost True False\n", "\(result)")
  }

  @Test func connectionErrors() throws {
    let result = try SSHS.run(
      [
        "-c",
        """
        for host in ('nobody@127.0.0.1:1', 'nobody@no-such-host.invalid'):
            try:
                $.connect(host, password='x', timeout=3)
            except SSHConnectionError as e:
                print(type(e).__name__, e)
        try:
            $.connect('h', sock=1)
        except TypeError as e:
            print(e)
        """,
      ])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(result)")
    #expect(lines.first == "SSHConnectionError cannot connect to 127.0.0.1:1: connection refused", "\(result)")
    #expect(lines.dropFirst().first?.hasPrefix("SSHConnectionError cannot resolve host 'no-such-host.invalid'") == true)
    #expect(lines.last == "connect() got an unexpected keyword argument 'sock'", "\(result)")
  }
}
