import Foundation
import Testing

@testable import SSHScriptCore

/// The ssh configuration reader (LANGUAGE.md §6.2): OpenSSH's rules for `Host` blocks, first-value-wins, `Include`
/// and token expansion, on files written to a temporary directory that also serves as the home directory. One test
/// asks OpenSSH itself (`ssh -G`) and compares, so the rules are checked against the real resolver, not only against
/// our reading of the manual.
@Suite("ssh config")
struct SSHConfigTests {
  /// Runs `body` with a fresh temporary directory, removed afterwards.
  func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sshconfig-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory.resolvingSymlinksInPath().path)
  }

  /// Writes `text` to `path`, creating the directories on the way.
  func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// The settings for `alias` from a user config holding `text` (home is `home`), with nothing given by the script.
  func settings(
    _ text: String, _ alias: String, home: String, user: String? = nil, port: Int? = nil, localUser: String = "me"
  ) -> SSHConfig.HostSettings {
    do {
      try write(text, to: home + "/.ssh/config")
    } catch {
      Issue.record(error)
    }
    let config = SSHConfig(files: [home + "/.ssh/config"], home: home)
    return config.settings(for: alias, user: user, port: port, localUser: localUser)
  }

  @Test func firstValueWinsAcrossHostBlocks() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host web1
          User alice
          Port 2201
        Host web*
          User bob
          Port 2202
          HostName web.example.com
        """
      let web1 = settings(text, "web1", home: home)
      #expect(web1.user == "alice")
      #expect(web1.port == 2201)
      #expect(web1.hostName == "web.example.com")  // not set by the first block, so the second one's applies
      let web2 = settings(text, "web2", home: home)
      #expect(web2.user == "bob")
      #expect(web2.port == 2202)
    }
  }

  @Test func firstValueWinsAcrossFiles() throws {
    try withTemporaryDirectory { home in
      try write("Host web1\n  User alice\n", to: home + "/.ssh/config")
      try write("Host *\n  User root\n  Port 2222\n", to: home + "/etc/ssh_config")
      let config = SSHConfig(files: [home + "/.ssh/config", home + "/etc/ssh_config"], home: home)
      let web1 = config.settings(for: "web1", user: nil, port: nil, localUser: "me")
      #expect(web1.user == "alice")
      #expect(web1.port == 2222)
      let other = config.settings(for: "other", user: nil, port: nil, localUser: "me")
      #expect(other.user == "root")
      // The other order: the system file's value comes first now.
      let reversed = SSHConfig(files: [home + "/etc/ssh_config", home + "/.ssh/config"], home: home)
      #expect(reversed.settings(for: "web1", user: nil, port: nil, localUser: "me").user == "root")
    }
  }

  @Test func hostStarDefaultsAfterSpecificBlocks() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host db1
          Port 5432
        Host *
          Port 2200
          User deploy
          ConnectTimeout 5
        """
      let db1 = settings(text, "db1", home: home)
      #expect(db1.port == 5432)
      #expect(db1.user == "deploy")
      #expect(db1.connectTimeout == 5)
      let other = settings(text, "anything", home: home)
      #expect(other.port == 2200)
    }
  }

  @Test func linesBeforeTheFirstHostApplyToEveryHost() throws {
    try withTemporaryDirectory { home in
      let text = """
        User everyone
        Host web1
          User alice
          Port 2201
        """
      #expect(settings(text, "web1", home: home).user == "everyone")
      #expect(settings(text, "web1", home: home).port == 2201)
      #expect(settings(text, "db1", home: home).user == "everyone")
      #expect(settings(text, "db1", home: home).port == nil)
    }
  }

  @Test func multiplePatternsAndNegation() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host db1 *.lan !bad.lan
          User lan
        Host !skip.lan *.lan
          Port 2200
        Host !never
          HostName only-negated
        """
      #expect(settings(text, "db1", home: home).user == "lan")
      #expect(settings(text, "good.lan", home: home).user == "lan")
      // A negated match excludes the host even though `*.lan` matches it, whichever comes first on the line.
      #expect(settings(text, "bad.lan", home: home).user == nil)
      #expect(settings(text, "bad.lan", home: home).port == 2200)
      #expect(settings(text, "skip.lan", home: home).port == nil)
      #expect(settings(text, "skip.lan", home: home).user == "lan")
      // A line of only negated patterns matches nothing.
      #expect(settings(text, "other", home: home).hostName == nil)
      // Patterns match as written (OpenSSH is case-sensitive here).
      #expect(settings(text, "DB1", home: home).user == nil)
    }
  }

  @Test func questionMarkWildcard() throws {
    try withTemporaryDirectory { home in
      let text = "Host db? 10.0.0.?\n  User db\n"
      #expect(settings(text, "db1", home: home).user == "db")
      #expect(settings(text, "10.0.0.7", home: home).user == "db")
      #expect(settings(text, "db12", home: home).user == nil)
      #expect(settings(text, "db", home: home).user == nil)
      #expect(settings(text, "10.0.0.17", home: home).user == nil)
    }
  }

  @Test func wildcardMatching() {
    func match(_ name: String, _ pattern: String) -> Bool {
      SSHConfig.wildcardMatch(Array(name.utf8), Array(pattern.utf8))
    }
    #expect(match("web1.example.com", "*.example.com"))
    #expect(match("a.b.c", "*.*"))
    #expect(match("abc", "a*b*c"))
    #expect(match("", "*"))
    #expect(!match("", "?"))
    #expect(!match("abcd", "a*c"))
    #expect(match("aXbYc", "a?b*c"))
    #expect(!match("example.com", "*.example.com"))
  }

  @Test func equalsSyntaxAndCaseInsensitiveKeywords() throws {
    try withTemporaryDirectory { home in
      let text = """
        HOST=web1
          PORT=2200
          user = bob
          hostname= web.example.com
          IdentityFile =/keys/a
          IDENTITYFILE  =  /keys/b
          ServerAliveInterval\t=\t15
        """
      let web1 = settings(text, "web1", home: home)
      #expect(web1.port == 2200)
      #expect(web1.user == "bob")
      #expect(web1.hostName == "web.example.com")
      #expect(web1.identityFiles == ["/keys/a", "/keys/b"])
      #expect(web1.serverAliveInterval == 15)
    }
  }

  @Test func commentsBlankLinesAndLineEndings() throws {
    try withTemporaryDirectory { home in
      let text =
        "# a comment\r\n\r\n   # an indented comment\r\nHost web1 # trailing comment\r\n"
        + "  User alice   # who\r\n\tPort 2201\r\n"
      let web1 = settings(text, "web1", home: home)
      #expect(web1.user == "alice")
      #expect(web1.port == 2201)
    }
  }

  @Test func quotedValues() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host "web1" other
          IdentityFile "~/my keys/id one"
          IdentityFile '/keys/single quoted'
          IdentityFile /keys/escaped\\ space
          User "alice"
        """
      let web1 = settings(text, "web1", home: home)
      #expect(web1.identityFiles == [home + "/my keys/id one", "/keys/single quoted", "/keys/escaped space"])
      #expect(web1.user == "alice")
    }
  }

  @Test func identityFilesAccumulateWithTokensExpanded() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host web1
          HostName web1.example.com
          User alice
          IdentityFile ~/.ssh/id_%h
          IdentityFile /keys/%r@%h:%p
        Host *
          IdentityFile ~/.ssh/%u-100%%
          IdentityFile /keys/%r@%h:%p
          IdentityFile ~
          IdentityFile /keys/%n/%d/%x
        """
      let web1 = settings(text, "web1", home: home, localUser: "me")
      #expect(
        web1.identityFiles == [
          home + "/.ssh/id_web1.example.com", "/keys/alice@web1.example.com:22", home + "/.ssh/me-100%", home,
          "/keys/web1/\(home)/%x",
        ])
      // The user and port the script gave win over the configuration's for %r and %p.
      let given = settings(text, "web1", home: home, user: "root", port: 2222)
      #expect(given.identityFiles[1] == "/keys/root@web1.example.com:2222")
      // Without HostName, %h is the alias; without any User, %r is the local user.
      let other = settings(text, "db1", home: home, localUser: "me")
      #expect(other.identityFiles == [home + "/.ssh/me-100%", "/keys/me@db1:22", home, "/keys/db1/\(home)/%x"])
    }
  }

  @Test func portFromConfigurationInPercentP() throws {
    try withTemporaryDirectory { home in
      let text = "Host web1\n  Port 2201\n  IdentityFile /keys/%p\n"
      #expect(settings(text, "web1", home: home).identityFiles == ["/keys/2201"])
      #expect(settings(text, "web1", home: home, port: 22).identityFiles == ["/keys/22"])
    }
  }

  @Test func hostNameToken() throws {
    try withTemporaryDirectory { home in
      let text = "Host web?\n  HostName %h.example.com\nHost db1\n  HostName 100%%-%h-%p\n"
      #expect(settings(text, "web1", home: home).hostName == "web1.example.com")
      // Only %h and %% are HostName tokens.
      #expect(settings(text, "db1", home: home).hostName == "100%-db1-%p")
      #expect(settings(text, "other", home: home).hostName == nil)
    }
  }

  @Test(
    arguments: [
      ("yes", "strict"), ("ask", "strict"), ("accept-new", "accept-new"), ("no", "auto-add"), ("off", "auto-add"),
      ("Yes", "strict"), ("ACCEPT-NEW", "accept-new"),
    ])
  func strictHostKeyCheckingMapping(value: String, policy: String) throws {
    try withTemporaryDirectory { home in
      let result = settings("StrictHostKeyChecking \(value)\n", "web1", home: home)
      #expect(result.strictHostKeyChecking == policy)
    }
  }

  @Test func badStrictHostKeyCheckingValueLeavesRoomForALaterOne() throws {
    try withTemporaryDirectory { home in
      let text = "StrictHostKeyChecking sometimes\nStrictHostKeyChecking no\n"
      #expect(settings(text, "web1", home: home).strictHostKeyChecking == "auto-add")
    }
  }

  @Test func matchBlocksAreSkipped() throws {
    try withTemporaryDirectory { home in
      let text = """
        Match host web1
          User matched
          Port 1111
        Match all
          IdentityFile /keys/matched
        Host web1
          User alice
        Match originalhost *
          Port 2222
        Host *
          Port 2201
        """
      let web1 = settings(text, "web1", home: home)
      #expect(web1.user == "alice")
      #expect(web1.port == 2201)
      #expect(web1.identityFiles.isEmpty)
    }
  }

  @Test func includeRelativeToTheUserDirectoryAndGlobs() throws {
    try withTemporaryDirectory { home in
      try write("Host web1\n  User from-b\n  IdentityFile /keys/b\n", to: home + "/.ssh/conf.d/b.conf")
      try write("Host web1\n  User from-a\n  IdentityFile /keys/a\n", to: home + "/.ssh/conf.d/a.conf")
      try write("Host web1\n  Port 1\n", to: home + "/.ssh/conf.d/ignored.txt")
      try write("HostName extra.example.com\n", to: home + "/.ssh/extra")
      let text = """
        Include conf.d/*.conf extra
        Include missing-file missing-dir/*
        Host web1
          Port 2201
          IdentityFile /keys/main
        """
      let web1 = settings(text, "web1", home: home)
      // Glob results in lexical order: a.conf before b.conf, so a.conf's User wins.
      #expect(web1.user == "from-a")
      #expect(web1.identityFiles == ["/keys/a", "/keys/b", "/keys/main"])
      #expect(web1.hostName == "extra.example.com")
      #expect(web1.port == 2201)
      // Absolute and ~ paths too.
      let absolute = settings("Include \(home)/.ssh/conf.d/a*\n", "web1", home: home)
      #expect(absolute.user == "from-a")
      #expect(settings("Include ~/.ssh/extra\n", "any", home: home).hostName == "extra.example.com")
    }
  }

  @Test func includeInsideAHostBlockIsConditional() throws {
    try withTemporaryDirectory { home in
      try write("User included\nHost web1\n  Port 2201\nHost *\n  HostName inner\n", to: home + "/.ssh/inner")
      let text = """
        Host db*
          Include inner
          IdentityFile /keys/db
        Host *
          IdentityFile /keys/all
        """
      let db1 = settings(text, "db1", home: home)
      #expect(db1.user == "included")
      #expect(db1.hostName == "inner")
      // The included file's own Host blocks do not change the including block: /keys/db still applies.
      #expect(db1.identityFiles == ["/keys/db", "/keys/all"])
      // From a block that does not match, nothing of the file applies, not even its own `Host *` or `Host web1`.
      let web1 = settings(text, "web1", home: home)
      #expect(web1.user == nil)
      #expect(web1.port == nil)
      #expect(web1.hostName == nil)
      #expect(web1.identityFiles == ["/keys/all"])
    }
  }

  @Test func includeOfASystemFileIsRelativeToTheSystemDirectory() throws {
    try withTemporaryDirectory { root in
      let system = root + "/etc/ssh"
      try write("Include ssh_config.d/*.conf\nHost *\n  User system\n", to: system + "/ssh_config")
      try write("User from-system-include\n", to: system + "/ssh_config.d/local.conf")
      try write("User from-user-directory\n", to: root + "/home/.ssh/ssh_config.d/local.conf")
      let config = SSHConfig(files: [system + "/ssh_config"], home: root + "/home", systemDirectory: system)
      #expect(config.settings(for: "web1", user: nil, port: nil, localUser: "me").user == "from-system-include")
      // ~ is not allowed in a system file's Include (OpenSSH refuses it): the line is skipped.
      try write("Include ~/.ssh/ssh_config.d/local.conf\nUser system\n", to: system + "/ssh_config")
      let tilde = SSHConfig(files: [system + "/ssh_config"], home: root + "/home", systemDirectory: system)
      #expect(tilde.settings(for: "web1", user: nil, port: nil, localUser: "me").user == "system")
    }
  }

  @Test func includesNestAtMostSixteenLevels() throws {
    try withTemporaryDirectory { home in
      // config includes level1, which includes level2, … ; each file adds its identity after its Include line.
      for level in 0...20 {
        let path = level == 0 ? home + "/.ssh/config" : home + "/.ssh/level\(level)"
        try write("Include level\(level + 1)\nIdentityFile /keys/\(level)\n", to: path)
      }
      let config = SSHConfig(files: [home + "/.ssh/config"], home: home)
      let result = config.settings(for: "web1", user: nil, port: nil, localUser: "me")
      #expect(result.identityFiles == (0...SSHConfig.maximumIncludeDepth).reversed().map { "/keys/\($0)" })
    }
  }

  @Test func includeCyclesEnd() throws {
    try withTemporaryDirectory { home in
      try write("Include config other\nUser alice\n", to: home + "/.ssh/config")
      try write("Include config other\nPort 2201\nIdentityFile /keys/other\n", to: home + "/.ssh/other")
      let config = SSHConfig(files: [home + "/.ssh/config"], home: home)
      let result = config.settings(for: "web1", user: nil, port: nil, localUser: "me")
      #expect(result.user == "alice")
      #expect(result.port == 2201)
      #expect(result.identityFiles == ["/keys/other"])
    }
  }

  @Test func missingFilesAreEmpty() throws {
    try withTemporaryDirectory { home in
      let config = SSHConfig(files: [home + "/.ssh/config", home + "/nonexistent/ssh_config", home], home: home)
      #expect(config.settings(for: "web1", user: "u", port: 2, localUser: "me") == SSHConfig.HostSettings())
      try write("User alice\n", to: home + "/second")
      let second = SSHConfig(files: [home + "/missing", home + "/second"], home: home)
      #expect(second.settings(for: "web1", user: nil, port: nil, localUser: "me").user == "alice")
    }
  }

  @Test func malformedLinesAreSkipped() throws {
    try withTemporaryDirectory { home in
      let text = """
        =nokeyword
        Port
        Port abc
        Port 70000
        Port 22 23
        User "unterminated
        IdentitiesOnly maybe
        ConnectTimeout 5x
        User # only a comment
        UnknownKeyword value
        Port 2201
        User alice
        Host "unterminated
          HostName leaked
        Host
          HostName leaked-too
        Host web1
          IdentityFile /keys/web1
        """
      let web1 = settings(text + "\n\u{0}\u{1}\u{FFFD}garbage\n", "web1", home: home)
      #expect(web1.port == 2201)
      #expect(web1.user == "alice")
      #expect(web1.identitiesOnly == nil)
      #expect(web1.connectTimeout == nil)
      #expect(web1.hostName == nil)
      #expect(web1.identityFiles == ["/keys/web1"])
      // Bytes that are not UTF-8 do not stop the reading either.
      try Data([0xFF, 0xFE, 0x0A] + Array("User bytes\n".utf8)).write(to: URL(fileURLWithPath: home + "/.ssh/config"))
      let config = SSHConfig(files: [home + "/.ssh/config"], home: home)
      #expect(config.settings(for: "x", user: nil, port: nil, localUser: "me").user == "bytes")
    }
  }

  @Test func proxySettings() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host direct
          ProxyJump none
          ProxyCommand nc %h %p
        Host jumped
          ProxyJump alice@bastion:2222,gw2
        Host commanded
          ProxyCommand = ssh -W %h:%p "bastion"  # kept verbatim
          ProxyJump ignored
        Host *
          ProxyJump default-bastion
        """
      let direct = settings(text, "direct", home: home)
      #expect(direct.proxyJump == "none")
      #expect(direct.proxyCommand == nil)  // the first of the two wins
      #expect(settings(text, "jumped", home: home).proxyJump == "alice@bastion:2222,gw2")
      let commanded = settings(text, "commanded", home: home)
      #expect(commanded.proxyCommand == "ssh -W %h:%p \"bastion\"  # kept verbatim")
      #expect(commanded.proxyJump == nil)
      #expect(settings(text, "other", home: home).proxyJump == "default-bastion")
    }
  }

  @Test func otherSettings() throws {
    try withTemporaryDirectory { home in
      let text = """
        Host web1
          IdentitiesOnly yes
          HashKnownHosts no
          ConnectTimeout 1m30s
          ServerAliveInterval 2m
          ServerAliveCountMax 5
          UserKnownHostsFile ~/.ssh/kh "/tmp/known hosts" /keys/%h_%p
        Host none
          UserKnownHostsFile none
        Host *
          IdentitiesOnly no
          HashKnownHosts yes
          ConnectTimeout 7
          UserKnownHostsFile /default
        """
      let web1 = settings(text, "web1", home: home)
      #expect(web1.identitiesOnly == true)
      #expect(web1.hashKnownHosts == false)
      #expect(web1.connectTimeout == 90)
      #expect(web1.serverAliveInterval == 120)
      #expect(web1.serverAliveCountMax == 5)
      #expect(web1.userKnownHostsFiles == [home + "/.ssh/kh", "/tmp/known hosts", "/keys/web1_22"])
      #expect(settings(text, "none", home: home).userKnownHostsFiles == [])
      let other = settings(text, "other", home: home)
      #expect(other.identitiesOnly == false)
      #expect(other.hashKnownHosts == true)
      #expect(other.connectTimeout == 7)
      #expect(other.userKnownHostsFiles == ["/default"])
      #expect(other.serverAliveInterval == nil)
    }
  }

  @Test func timeFormat() {
    #expect(SSHConfig.seconds("30") == 30)
    #expect(SSHConfig.seconds("1h2M3s") == 3723)
    #expect(SSHConfig.seconds("1w") == 604_800)
    #expect(SSHConfig.seconds("") == nil)
    #expect(SSHConfig.seconds("-1") == nil)
    #expect(SSHConfig.seconds("m") == nil)
    #expect(SSHConfig.seconds("5y") == nil)
    #expect(SSHConfig.seconds("99999999999999999999") == nil)
  }

  // MARK: - Against OpenSSH

  /// `ssh -G -F file alias`: OpenSSH's resolved configuration, as lowercase keyword → values in order.
  func openSSHResolution(file: String, alias: String) throws -> [String: [String]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh")
    process.arguments = ["-G", "-F", file, alias]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "ssh -G failed for \(alias)")
    var result: [String: [String]] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2 else { continue }
      result[String(parts[0]), default: []].append(String(parts[1]))
    }
    return result
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")))
  func agreesWithOpenSSH() throws {
    try withTemporaryDirectory { directory in
      try write(
        "Host web*\n  User included\n  IdentityFile \(directory)/keys/included\n", to: directory + "/inc/1.conf")
      try write("Host db?\n  Port 6000\n", to: directory + "/inc/2.conf")
      try write("User never\nHost *\n  Port 9999\n", to: directory + "/inc/conditional")
      let file = directory + "/config"
      try write(
        """
        # OpenSSH and SSHConfig must read this the same way.
        Include \(directory)/inc/*.conf
        Host web? !web2
          HostName %h.example.com
          PORT=2201
        Host nomatch
          Include \(directory)/inc/conditional
        Host db? !db9
          user = dbadmin
          IdentityFile "\(directory)/keys/db key"
        Match originalhost nothing-matches-this
          User matched
        Host *.lan
          HostName lan-gateway
          Port 2222
        Host *
          User fallback
          IdentityFile \(directory)/keys/default
        """, to: file)
      let config = SSHConfig(files: [file], home: directory)
      for alias in ["web1", "web2", "web1.lan", "db1", "db9", "db10", "printer.lan", "other"] {
        let ours = config.settings(for: alias, user: nil, port: nil, localUser: "me")
        let theirs = try openSSHResolution(file: file, alias: alias)
        #expect([ours.hostName ?? alias] == theirs["hostname"], "hostname of \(alias)")
        #expect([ours.user ?? "?"] == theirs["user"], "user of \(alias)")
        #expect([String(ours.port ?? 22)] == theirs["port"], "port of \(alias)")
        #expect(ours.identityFiles.first == theirs["identityfile"]?.first, "first identity file of \(alias)")
        #expect(ours.identityFiles == theirs["identityfile"], "identity files of \(alias)")
      }
    }
  }
}
