import Foundation
import Testing

/// `$.upload` and `$.download` (LANGUAGE.md §6.10) against a real OpenSSH server on loopback
/// (TestSSHServer). Server and tests share this machine, so the remote side is checked on disk,
/// in the home of the user made for the test (so only as root).
@Suite("sftp", .serialized)
struct SFTPTests {
  /// A server and a local directory for the test, or nil (with a notice) without sshd.
  func setUp(maxSessions: Int = 100) throws -> (server: TestSSHServer, local: String, home: String)? {
    guard TestSSHServer.sshdAvailable else {
      print("notice: /usr/sbin/sshd or ssh-keygen is missing: the SFTP tests are not run")
      return nil
    }
    guard getuid() == 0 else {
      // The server would log in as the current user, and the tests write into its home.
      print("notice: not root: the SFTP tests are not run")
      return nil
    }
    let server = try TestSSHServer(maxSessions: maxSessions)
    let local = server.directory + "/local"
    try FileManager.default.createDirectory(atPath: local, withIntermediateDirectories: true)
    guard let account = getpwnam(server.user) else { throw SpawnError(call: "getpwnam", code: ENOENT) }
    return (server, local, String(cString: account.pointee.pw_dir))
  }

  func login(_ server: TestSSHServer) -> String {
    "'\(server.user)@127.0.0.1:\(server.port)', key_filename='\(server.clientKey)'"
  }

  func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    chmod(path, mode)
  }

  func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
  }

  func type(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  /// A directory under /tmp for the remote user to create (removed at the end of the test).
  func remoteScratch() -> String { "/tmp/sshs-sftp-\(UUID().uuidString.prefix(8))" }

  @Test func filesGoBothWaysWithTheirModes() throws {
    guard let (server, local, home) = try setUp() else { return }
    try write("hello\n", to: local + "/a.txt", mode: 0o640)
    try write("#!/bin/sh\necho hi\n", to: local + "/run.sh", mode: 0o751)
    try write("from home\n", to: server.home + "/hosted.txt", mode: 0o600)
    try write("", to: local + "/empty", mode: 0o444)
    try FileManager.default.createDirectory(atPath: local + "/back", withIntermediateDirectories: true)
    let result = try server.run(
      """
      import os
      os.chdir('\(local)')
      with $.connect(\(login(server))) as s:
          print($.upload('a.txt', 'a.txt'))
          print($.upload('run.sh', '~/'))
          print(s.upload('~/hosted.txt', '~/copy.txt'))
          print($.upload('a.txt', '\(home)/abs.txt'))
          print($.download('a.txt', 'back'))
          print($.download('~/copy.txt', 'back/renamed.txt'))
          os.chdir('back')
          print($.download('run.sh'))
          print($.download('\(home)/abs.txt', '\(local)/back/abs.txt'))
          $.upload('../empty', '.')
          $.download('empty', '.')
      """)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        "('\(local)/a.txt', '\(home)/a.txt')",
        "('\(local)/run.sh', '\(home)/run.sh')",
        "('\(server.home)/hosted.txt', '\(home)/copy.txt')",
        "('\(local)/a.txt', '\(home)/abs.txt')",
        "('\(home)/a.txt', '\(local)/back/a.txt')",
        "('\(home)/copy.txt', '\(local)/back/renamed.txt')",
        "('\(home)/run.sh', '\(local)/back/run.sh')",
        "('\(home)/abs.txt', '\(local)/back/abs.txt')",
      ], "\(result)")
    for (path, text, bits) in [
      (home + "/a.txt", "hello\n", 0o640), (home + "/run.sh", "#!/bin/sh\necho hi\n", 0o751),
      (home + "/copy.txt", "from home\n", 0o600), (local + "/back/a.txt", "hello\n", 0o640),
      (local + "/back/renamed.txt", "from home\n", 0o600), (local + "/back/run.sh", "#!/bin/sh\necho hi\n", 0o751),
      (home + "/empty", "", 0o444), (local + "/back/empty", "", 0o444),
    ] as [(String, String, mode_t)] {
      #expect(read(path) == text, "\(path)")
      #expect(mode(path) == bits, "\(path): \(String(mode(path), radix: 8))")
    }
  }

  @Test func theDirectoryRuleAndMakedirs() throws {
    guard let (server, local, _) = try setUp() else { return }
    let base = remoteScratch()
    defer { try? FileManager.default.removeItem(atPath: base) }
    try write("a\n", to: local + "/a.txt")
    try FileManager.default.createDirectory(atPath: local + "/into", withIntermediateDirectories: true)
    let result = try server.run(
      """
      import os
      os.chdir('\(local)')
      with $.connect(\(login(server))):
          print($.upload('a.txt', '\(base)/new', makedirs=True))
          print($.upload('a.txt', '\(base)/b.txt', makedirs=True))
          print($.upload('a.txt', '\(base)/deep/er/', makedirs=True))
          print($.upload('a.txt', '\(base)/new'))
          print($.download('\(base)/b.txt', 'into'))
          print($.download('\(base)/b.txt', 'into/'))
          print($.download('\(base)/b.txt', 'c.txt'))
      """)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        "('\(local)/a.txt', '\(base)/new/a.txt')",
        "('\(local)/a.txt', '\(base)/b.txt')",
        "('\(local)/a.txt', '\(base)/deep/er/a.txt')",
        "('\(local)/a.txt', '\(base)/new/a.txt')",
        "('\(base)/b.txt', '\(local)/into/b.txt')",
        "('\(base)/b.txt', '\(local)/into/b.txt')",
        "('\(base)/b.txt', '\(local)/c.txt')",
      ], "\(result)")
    #expect(type(base + "/new") == S_IFDIR && read(base + "/new/a.txt") == "a\n")
    #expect(type(base + "/b.txt") == S_IFREG && read(base + "/b.txt") == "a\n")
    #expect(read(base + "/deep/er/a.txt") == "a\n")
    #expect(read(local + "/into/b.txt") == "a\n" && read(local + "/c.txt") == "a\n")
  }

  @Test func errorsNameTheHostAndThePath() throws {
    guard let (server, local, home) = try setUp() else { return }
    let base = remoteScratch()
    defer { try? FileManager.default.removeItem(atPath: base) }
    try write("a\n", to: local + "/a.txt")
    try FileManager.default.createDirectory(atPath: local + "/tree", withIntermediateDirectories: true)
    let result = try server.run(
      """
      import os
      os.chdir('\(local)')
      def attempt(call, *args, **kwargs):
          try:
              call(*args, **kwargs)
              print('no error')
          except OSError as e:
              print(type(e).__name__ + ':', e, '|', e.errno, e.filename)
      with $.connect(\(login(server))):
          $.upload('a.txt', '\(base)/b.txt', makedirs=True)
          attempt($.upload, 'a.txt', '\(base)/missing/c.txt')
          attempt($.upload, 'a.txt', '\(base)/nodir/')
          attempt($.upload, 'a.txt', '\(base)/b.txt', overwrite=False)
          attempt($.upload, 'a.txt', '\(base)', overwrite=False)
          attempt($.upload, 'tree', '\(base)')
          attempt($.upload, 'nope.txt', '\(base)')
          attempt($.download, '/etc/nope')
          attempt($.download, 'nope')
          attempt($.download, '\(base)')
          attempt($.download, '\(base)/b.txt', 'no/such/dir/x')
          attempt($.upload, 'a.txt', '/etc/sshs-sftp-test.txt')
      """)
    #expect(result.status == 0, "\(result)")
    let host = "127.0.0.1"
    func missing(_ name: String) -> String {
      "FileNotFoundError: [Errno 2] No such file or directory: '\(name)' | 2 \(name)"
    }
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        missing("\(host):\(base)/missing/c.txt"), missing("\(host):\(base)/nodir"),
        "FileExistsError: [Errno 17] File exists: '\(host):\(base)/b.txt' | 17 \(host):\(base)/b.txt",
        "no error",
        "IsADirectoryError: [Errno 21] Is a directory: '\(local)/tree' | 21 \(local)/tree",
        missing("\(local)/nope.txt"), missing("\(host):/etc/nope"), missing("\(host):\(home)/nope"),
        "IsADirectoryError: [Errno 21] Is a directory: '\(host):\(base)' | 21 \(host):\(base)",
        missing("\(local)/no/such/dir/x"),
        "PermissionError: [Errno 13] Permission denied: '\(host):/etc/sshs-sftp-test.txt' | 13 "
          + "\(host):/etc/sshs-sftp-test.txt",
      ], "\(result)")
    // overwrite=False into the directory: a.txt did not exist there yet.
    #expect(read(base + "/a.txt") == "a\n")
    // An uncaught one ends the script with the traceback's last line.
    let uncaught = try server.run("with $.connect(\(login(server))):\n    $.download('/etc/nope')\n")
    #expect(uncaught.status == 1, "\(uncaught)")
    #expect(
      uncaught.stderr.contains("FileNotFoundError: [Errno 2] No such file or directory: '\(host):/etc/nope'"),
      "\(uncaught)")
  }

  @Test func treesAreCopiedAsCpRDoes() throws {
    guard let (server, local, home) = try setUp() else { return }
    let tree = local + "/tree"
    let manager = FileManager.default
    try manager.createDirectory(atPath: tree + "/sub", withIntermediateDirectories: true)
    try manager.createDirectory(atPath: local + "/elsewhere", withIntermediateDirectories: true)
    try write("one\n", to: tree + "/one.txt")
    try write("two\n", to: tree + "/sub/two.txt", mode: 0o600)
    try write("outside\n", to: local + "/outside.txt")
    try write("inner\n", to: local + "/elsewhere/inner.txt")
    chmod(tree + "/sub", 0o700)
    chmod(tree, 0o750)
    symlink("../outside.txt", tree + "/linked.txt")
    symlink("../elsewhere", tree + "/linked-dir")
    symlink(".", tree + "/loop")
    mkfifo(tree + "/fifo", 0o644)
    let script = """
      import os
      os.chdir('\(local)')
      with $.connect(\(login(server))):
          print($.upload('tree', '~', recursive=True))
          $mkfifo tree/rfifo
          $ln -s one.txt tree/rlink
          print($.download('tree', 'down', recursive=True))
          print($.download('tree', 'down', recursive=True)[1])
      """
    let result = try server.run(script)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        "('\(tree)', '\(home)/tree')", "('\(home)/tree', '\(local)/down')", "\(local)/down/tree",
      ], "\(result)")
    let remote = home + "/tree"
    #expect(mode(remote) == 0o750 && mode(remote + "/sub") == 0o700 && mode(remote + "/sub/two.txt") == 0o600)
    #expect(read(remote + "/one.txt") == "one\n" && read(remote + "/sub/two.txt") == "two\n")
    #expect(type(remote + "/linked.txt") == S_IFREG && read(remote + "/linked.txt") == "outside\n")
    #expect(type(remote + "/linked-dir") == S_IFDIR && read(remote + "/linked-dir/inner.txt") == "inner\n")
    #expect(type(remote + "/fifo") == 0 && type(remote + "/loop") == 0)
    #expect(result.stderr.contains("warning: skipping special file '\(tree)/fifo'"), "\(result)")
    #expect(result.stderr.contains("warning: skipping '\(tree)/loop'"), "\(result)")
    for down in [local + "/down", local + "/down/tree"] {
      #expect(mode(down) == 0o750 && mode(down + "/sub") == 0o700 && mode(down + "/sub/two.txt") == 0o600)
      #expect(read(down + "/one.txt") == "one\n" && read(down + "/sub/two.txt") == "two\n")
      #expect(type(down + "/rlink") == S_IFREG && read(down + "/rlink") == "one\n")
      #expect(read(down + "/linked-dir/inner.txt") == "inner\n" && type(down + "/rfifo") == 0)
    }
    #expect(
      result.stderr.contains("warning: skipping special file '127.0.0.1:\(remote)/rfifo'"), "\(result)")
    // -q: no warnings.
    let quiet = try server.run(script, options: ["-q"])
    #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet)")
  }

  @Test func aLargeFileRoundTrip() throws {
    guard let (server, local, home) = try setUp() else { return }
    var bytes = [UInt8](repeating: 0, count: 20_000_000 + 12_345)
    let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
    bytes = [UInt8](random.readData(ofLength: bytes.count))
    try Data(bytes).write(to: URL(fileURLWithPath: local + "/big.bin"))
    let started = Date()
    let result = try server.run(
      """
      with $.connect(\(login(server))):
          $.upload('\(local)/big.bin', 'big.bin')
          $.download('big.bin', '\(local)/back.bin')
      print('done')
      """, timeout: 120)
    let seconds = Date().timeIntervalSince(started)
    #expect(result.status == 0 && result.stdout == "done\n", "\(result)")
    #expect(FileManager.default.contents(atPath: home + "/big.bin") == Data(bytes))
    #expect(FileManager.default.contents(atPath: local + "/back.bin") == Data(bytes))
    print("note: 20 MB up and down in \(String(format: "%.2f", seconds)) s")
  }

  /// On a terminal (util-linux `script` gives sshs one), a file over 1 MiB shows a progress
  /// line, erased when done; a small one does not.
  @Test func largeFilesShowProgressOnATerminal() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      print("notice: /usr/bin/script is missing: the progress display is not tested")
      return
    }
    guard let (server, local, home) = try setUp() else { return }
    try Data(count: 3_000_000).write(to: URL(fileURLWithPath: local + "/big.bin"))
    try write("small\n", to: local + "/small.txt")
    let source = server.directory + "/progress.sshs"
    try """
    with $.connect(\(login(server))):
        $.upload('\(local)/big.bin', 'big.bin')
        $.upload('\(local)/small.txt', 'small.txt')
    print('done')
    """.write(toFile: source, atomically: true, encoding: .utf8)
    let command = "\(try SSHS.path()) \(source)"
    let result = try Spawner.run(
      path: "/usr/bin/script", arguments: ["-qec", command, "/dev/null"], input: [], directory: nil, timeout: 60,
      environment: ["HOME": server.home, "SSH_AUTH_SOCK": "", "COLUMNS": "200"])
    #expect(result.status == 0, "\(result)")
    let shown = "\r127.0.0.1:\(home)/big.bin  "
    #expect(result.stdout.contains(shown) && result.stdout.contains(" MiB/s\u{1B}[K"), "\(result)")
    #expect(result.stdout.contains("\r\u{1B}[K") && !result.stdout.contains("small.txt"), "\(result)")
    #expect(result.stdout.hasSuffix("done\r\n"), "\(result)")
  }

  @Test func threadsTransferAtOnceOnOneConnection() throws {
    guard let (server, local, home) = try setUp() else { return }
    let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
    var contents: [Data] = []
    for index in 0..<4 {
      contents.append(random.readData(ofLength: 3_000_000 + index * 1000))
      try contents[index].write(to: URL(fileURLWithPath: local + "/f\(index).bin"))
    }
    let result = try server.run(
      """
      import threading
      with $.connect(\(login(server))):
          def work(i):
              for k in range(3):
                  $.upload(f'\(local)/f{i}.bin', f'f{i}-{k}.bin')
                  $.download(f'f{i}-{k}.bin', f'\(local)/g{i}-{k}.bin')
                  assert $(['echo', str(i)]).stdout == f'{i}\\n'
          threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
          for t in threads: t.start()
          for t in threads: t.join()
          print('done')
      """, timeout: 120)
    #expect(result.status == 0 && result.stdout == "done\n", "\(result)")
    for index in 0..<4 {
      for round in 0..<3 {
        #expect(FileManager.default.contents(atPath: home + "/f\(index)-\(round).bin") == contents[index])
        #expect(FileManager.default.contents(atPath: local + "/g\(index)-\(round).bin") == contents[index])
      }
    }
  }

  /// 60 threads starting commands and SFTP sessions at once on one connection: libssh2 1.10
  /// cannot wait for two channel requests' replies at once (SSHConnection.requests); before
  /// they were serialised, the connection looked lost.
  @Test func manyThreadsMixCommandsAndTransfers() throws {
    guard let (server, _, home) = try setUp() else { return }
    let result = try server.run(
      """
      import threading
      with $.connect(\(login(server))):
          def work(i):
              assert $(['echo', str(i)]).stdout == f'{i}\\n'
              $.upload('/etc/hostname', f'h{i}')
              assert $('cat h' + str(i)).stdout == open('/etc/hostname').read()
          threads = [threading.Thread(target=work, args=(i,)) for i in range(60)]
          for t in threads: t.start()
          for t in threads: t.join()
          print('done')
      """, timeout: 120)
    #expect(result.status == 0 && result.stdout == "done\n" && !result.stderr.contains("Exception"), "\(result)")
    let hostname = FileManager.default.contents(atPath: "/etc/hostname")
    #expect((0..<60).allSatisfy { FileManager.default.contents(atPath: home + "/h\($0)") == hostname })
  }

  /// With every channel the server allows (MaxSessions 3) taken by commands, the SFTP channel
  /// is asked for again once one closes (§6.9).
  @Test func aRefusedChannelIsAskedForAgain() throws {
    guard let (server, local, home) = try setUp(maxSessions: 3) else { return }
    try write("a\n", to: local + "/a.txt")
    let result = try server.run(
      """
      import threading, time
      with $.connect(\(login(server))):
          threads = [threading.Thread(target=lambda: $('sleep 2')) for i in range(3)]
          for t in threads: t.start()
          time.sleep(1)
          started = time.time()
          print($.upload('\(local)/a.txt', 'a.txt')[1], time.time() - started > 0.5)
          for t in threads: t.join()
      """)
    #expect(result.status == 0 && result.stdout == "\(home)/a.txt True\n", "\(result)")
  }

  /// Ctrl-C during transfers: KeyboardInterrupt, exit status 130, the connection closed cleanly.
  @Test func sigintStopsATransfer() throws {
    guard let (server, local, _) = try setUp() else { return }
    try Data(count: 20_000_000).write(to: URL(fileURLWithPath: local + "/big.bin"))
    let script = server.directory + "/loop.sshs"
    try """
    with $.connect(\(login(server))):
        while True:
            $.upload('\(local)/big.bin', 'big.bin')
            $.download('big.bin', '\(local)/back.bin')
    """.write(toFile: script, atomically: true, encoding: .utf8)
    let (status, stderr) = try SSHS.interrupt(
      script: script, after: 2, environment: ["HOME": server.home, "SSH_AUTH_SOCK": ""])
    #expect(status == 130, "stderr: \(stderr)")
    #expect(stderr.hasSuffix("KeyboardInterrupt\n"), "stderr: \(stderr)")
  }

  @Test func theLocalSessionHasNoFileTransfer() throws {
    let result = try SSHS.run([
      "-c", "try:\n    $.upload('a', 'b')\nexcept Exception as e:\n    print(type(e).__name__, e)\n$.download('a')\n",
    ])
    #expect(result.status == 1, "\(result)")
    #expect(
      result.stdout == "SSHScriptError upload() needs a connected session; use it inside with $.connect(...)\n",
      "\(result)")
    #expect(
      result.stderr.contains("SSHScriptError: download() needs a connected session; use it inside with $.connect(...)"),
      "\(result)")
  }
}
