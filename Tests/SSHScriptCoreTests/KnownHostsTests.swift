import Foundation
import Testing

@testable import SSHScriptCore

/// known_hosts reading, matching, verdicts and appending (LANGUAGE.md §6.4). Compatibility with OpenSSH is proved with
/// the real tool: `ssh-keygen -H` hashes files we then read, `ssh-keygen -F` finds the lines we append, and
/// `ssh-keygen -lf` prints the fingerprints we compute. Matching rules alone use made-up keys (a blob that names its
/// type), which is faster than generating real ones.
@Suite("known hosts")
struct KnownHostsTests {
  // MARK: - Helpers

  /// Runs `body` with a fresh temporary directory, removed afterwards.
  func withScratch(_ body: (String) throws -> Void) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sshs-knownhosts-\(UUID())").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
  }

  /// Runs /usr/bin/ssh-keygen; returns its exit status and standard output.
  @discardableResult
  func keygen(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A real key pair made by ssh-keygen in `dir`; returns the public key and the path of its .pub file.
  func realKey(_ dir: String, _ name: String, type: String = "ed25519") throws -> (key: HostKey, pub: String) {
    let path = dir + "/" + name
    let made = try keygen(["-q", "-t", type, "-N", "", "-C", name, "-f", path])
    #expect(made.status == 0)
    let fields = try String(contentsOfFile: path + ".pub", encoding: .utf8).split(separator: " ")
    let blob = try #require(Data(base64Encoded: String(fields[1])))
    return (HostKey(type: String(fields[0]), blob: Array(blob)), path + ".pub")
  }

  /// A made-up key: a blob naming `type` as an SSH string, then 32 bytes of `seed`.
  func fakeKey(_ seed: UInt8, type: String = "ssh-ed25519") -> HostKey {
    let name = Array(type.utf8)
    let blob = [0, 0, 0, UInt8(name.count)] + name + [0, 0, 0, 32] + [UInt8](repeating: seed, count: 32)
    return HostKey(type: type, blob: blob)
  }

  /// A known_hosts line for `key`.
  func line(_ hosts: String, _ key: HostKey, marker: String = "") -> String {
    (marker.isEmpty ? "" : marker + " ") + "\(hosts) \(key.type) \(Data(key.blob).base64EncodedString())"
  }

  /// Writes `lines` (each ended by a newline) to `dir/name`; returns the path.
  func write(_ dir: String, _ name: String, _ lines: [String]) throws -> String {
    let path = dir + "/" + name
    try lines.map { $0 + "\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  func read(_ file: String) -> KnownHosts { KnownHosts(userFiles: [file], systemFiles: []) }

  func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
  }

  func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  // MARK: - Matching

  @Test("a plain name matches itself, whatever the case, and nothing else")
  func plainName() throws {
    try withScratch { dir in
      let key = fakeKey(1)
      let hosts = read(try write(dir, "kh", [line("web1.example.com", key), line("Mixed.Case", fakeKey(2))]))
      #expect(hosts.entries(host: "web1.example.com", port: 22).map(\.key) == [key])
      #expect(hosts.entries(host: "WEB1.Example.COM", port: 22).map(\.key) == [key])
      #expect(hosts.entries(host: "mixed.case", port: 22).map(\.key) == [fakeKey(2)])
      #expect(hosts.entries(host: "web1", port: 22).isEmpty)
      #expect(hosts.entries(host: "web1.example.co", port: 22).isEmpty)
      #expect(hosts.entries(host: "xweb1.example.com", port: 22).isEmpty)
      #expect(hosts.verdict(host: "web1.example.com", port: 22, key: key) == .known)
    }
  }

  @Test("one- and two-character host names are found (libssh2's reader drops them)")
  func shortNames() throws {
    try withScratch { dir in
      let file = try write(dir, "kh", [line("h", fakeKey(1)), line("ab", fakeKey(2))])
      let hosts = read(file)
      #expect(hosts.entries(host: "h", port: 22) == [Entry(marker: .none, key: fakeKey(1), file: file, line: 1)])
      #expect(hosts.entries(host: "ab", port: 22).map(\.key) == [fakeKey(2)])
      #expect(hosts.entries(host: "a", port: 22).isEmpty)
      #expect(hosts.entries(host: "hh", port: 22).isEmpty)
      #expect(hosts.verdict(host: "h", port: 22, key: fakeKey(1)) == .known)
    }
  }

  @Test("ports other than 22 are looked up as [name]:port, port 22 as the bare name")
  func ports() throws {
    try withScratch { dir in
      let hosts = read(try write(dir, "kh", [line("[web1]:2222", fakeKey(1)), line("web2", fakeKey(2))]))
      #expect(hosts.entries(host: "web1", port: 2222).map(\.key) == [fakeKey(1)])
      #expect(hosts.entries(host: "web1", port: 22).isEmpty)
      #expect(hosts.entries(host: "web1", port: 2223).isEmpty)
      #expect(hosts.entries(host: "web2", port: 22).map(\.key) == [fakeKey(2)])
      #expect(hosts.entries(host: "web2", port: 2222).isEmpty)
      #expect(hosts.verdict(host: "web1", port: 22, key: fakeKey(1)) == .unknown)
    }
  }

  @Test("a comma list matches each of its names")
  func commaLists() throws {
    try withScratch { dir in
      let hosts = read(
        try write(dir, "kh", [line("alpha,b,10.0.0.7", fakeKey(1)), line("[alpha]:2222,[beta]:2200", fakeKey(2))]))
      for name in ["alpha", "b", "10.0.0.7"] {
        #expect(hosts.entries(host: name, port: 22).map(\.key) == [fakeKey(1)], "\(name)")
      }
      #expect(hosts.entries(host: "alpha", port: 2222).map(\.key) == [fakeKey(2)])
      #expect(hosts.entries(host: "beta", port: 2200).map(\.key) == [fakeKey(2)])
      #expect(hosts.entries(host: "beta", port: 2222).isEmpty)
      #expect(hosts.entries(host: "10.0.0.70", port: 22).isEmpty)
      #expect(hosts.entries(host: "alph", port: 22).isEmpty)
    }
  }

  @Test("patterns with * and ?")
  func wildcards() throws {
    try withScratch { dir in
      let hosts = read(
        try write(
          dir, "kh",
          [line("*.example.com", fakeKey(1)), line("web?", fakeKey(2)), line("[*.lab]:2222", fakeKey(3))]))
      #expect(hosts.entries(host: "a.example.com", port: 22).map(\.key) == [fakeKey(1)])
      #expect(hosts.entries(host: "a.b.example.com", port: 22).map(\.key) == [fakeKey(1)])
      #expect(hosts.entries(host: "example.com", port: 22).isEmpty)
      #expect(hosts.entries(host: "a.example.com.evil", port: 22).isEmpty)
      #expect(hosts.entries(host: "web1", port: 22).map(\.key) == [fakeKey(2)])
      #expect(hosts.entries(host: "web", port: 22).isEmpty)
      #expect(hosts.entries(host: "web10", port: 22).isEmpty)
      #expect(hosts.entries(host: "db.lab", port: 2222).map(\.key) == [fakeKey(3)])
      #expect(hosts.entries(host: "db.lab", port: 22).isEmpty)
    }
  }

  @Test("a matching !pattern excludes the whole line")
  func negation() throws {
    try withScratch { dir in
      let hosts = read(
        try write(dir, "kh", [line("*.example.com,!bad.example.com", fakeKey(1)), line("!web1", fakeKey(2))]))
      #expect(hosts.entries(host: "good.example.com", port: 22).map(\.key) == [fakeKey(1)])
      #expect(hosts.entries(host: "bad.example.com", port: 22).isEmpty)
      #expect(hosts.entries(host: "web1", port: 22).isEmpty)
      #expect(hosts.entries(host: "web2", port: 22).isEmpty)  // a negation alone matches nothing
    }
  }

  @Test("entries hashed by ssh-keygen -H are found under their names and ports")
  func hashedByOpenSSH() throws {
    try withScratch { dir in
      let (k1, _) = try realKey(dir, "k1")
      let (k2, _) = try realKey(dir, "k2", type: "ecdsa")
      let (k3, _) = try realKey(dir, "k3")
      let file = try write(
        dir, "kh", [line("web1", k1), line("[web1]:2222", k2), line("h", k3), line("web2,10.1.1.1", k1)])
      #expect(try keygen(["-q", "-H", "-f", file]).status == 0)
      let text = try String(contentsOfFile: file, encoding: .utf8)
      let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
      #expect(lines.count == 5)
      #expect(lines.allSatisfy { $0.hasPrefix("|1|") })
      #expect(!text.contains("web"))

      let hosts = read(file)
      #expect(hosts.entries(host: "web1", port: 22).map(\.key) == [k1])
      #expect(hosts.entries(host: "web1", port: 2222).map(\.key) == [k2])
      #expect(hosts.entries(host: "h", port: 22).map(\.key) == [k3])
      #expect(hosts.entries(host: "web2", port: 22).map(\.key) == [k1])
      #expect(hosts.entries(host: "10.1.1.1", port: 22).map(\.key) == [k1])
      #expect(hosts.entries(host: "web3", port: 22).isEmpty)
      #expect(hosts.entries(host: "web2", port: 2222).isEmpty)
      #expect(hosts.verdict(host: "WEB1", port: 2222, key: k2) == .known)
      #expect(
        hosts.verdict(host: "web1", port: 22, key: k3)
          == .changed(expected: Entry(marker: .none, key: k1, file: file, line: 1)))
    }
  }

  // MARK: - Verdicts

  @Test("a changed key names the entry of the same type, else the first one, with file and line")
  func changedKey() throws {
    try withScratch { dir in
      let rsa = fakeKey(1, type: "ssh-rsa")
      let ed = fakeKey(2)
      let file = try write(dir, "kh", ["# comment", "", line("web1", rsa), line("other", ed), line("web1", ed)])
      let hosts = read(file)
      #expect(hosts.verdict(host: "web1", port: 22, key: rsa) == .known)
      #expect(hosts.verdict(host: "web1", port: 22, key: ed) == .known)
      #expect(
        hosts.verdict(host: "web1", port: 22, key: fakeKey(3))
          == .changed(expected: Entry(marker: .none, key: ed, file: file, line: 5)))
      #expect(
        hosts.verdict(host: "web1", port: 22, key: fakeKey(4, type: "ecdsa-sha2-nistp256"))
          == .changed(expected: Entry(marker: .none, key: rsa, file: file, line: 3)))
      #expect(hosts.verdict(host: "web2", port: 22, key: ed) == .unknown)
      #expect(hosts.verdict(host: "web1", port: 2222, key: ed) == .unknown)
    }
  }

  @Test("a @revoked key is revoked even when a plain entry lists it")
  func revoked() throws {
    try withScratch { dir in
      let bad = fakeKey(1)
      let file = try write(
        dir, "kh", [line("web1", bad), line("*", bad, marker: "@revoked"), line("web3", fakeKey(2))])
      let hosts = read(file)
      #expect(hosts.entries(host: "web1", port: 22).map(\.marker) == [.none, .revoked])
      #expect(hosts.verdict(host: "web1", port: 22, key: bad) == .revoked)
      #expect(hosts.verdict(host: "web2", port: 22, key: bad) == .revoked)
      #expect(hosts.verdict(host: "web3", port: 22, key: fakeKey(2)) == .known)
      // A revoked line is not a known key: another key for web1 is measured against the plain entry only.
      #expect(
        hosts.verdict(host: "web1", port: 22, key: fakeKey(3))
          == .changed(expected: Entry(marker: .none, key: bad, file: file, line: 1)))
      #expect(hosts.verdict(host: "web2", port: 22, key: fakeKey(3)) == .unknown)
    }
  }

  @Test("@cert-authority lines are skipped and reported")
  func certAuthority() throws {
    try withScratch { dir in
      let ca = fakeKey(1)
      let hosts = read(try write(dir, "kh", [line("*.example.com", ca, marker: "@cert-authority")]))
      #expect(hosts.skippedCertAuthority)
      #expect(hosts.entries(host: "a.example.com", port: 22).map(\.marker) == [.certAuthority])
      #expect(hosts.verdict(host: "a.example.com", port: 22, key: ca) == .unknown)
      #expect(hosts.verdict(host: "a.example.com", port: 22, key: fakeKey(2)) == .unknown)
      #expect(!read(try write(dir, "plain", [line("web1", ca)])).skippedCertAuthority)
    }
  }

  @Test("missing and unreadable files are empty")
  func missingFiles() throws {
    try withScratch { dir in
      let hosts = KnownHosts(userFiles: [dir + "/missing", dir], systemFiles: [dir + "/nope/ssh_known_hosts"])
      #expect(hosts.entries(host: "web1", port: 22).isEmpty)
      #expect(hosts.verdict(host: "web1", port: 22, key: fakeKey(1)) == .unknown)
      #expect(!hosts.skippedCertAuthority)
    }
  }

  @Test("user files come before system files; both count")
  func fileOrder() throws {
    try withScratch { dir in
      let system = try write(dir, "system", [line("web1", fakeKey(1)), line("web2", fakeKey(2))])
      let user2 = try write(dir, "user2", ["#", "#", line("web1", fakeKey(3))])
      let user = try write(dir, "user", [line("web9", fakeKey(9))])
      let hosts = KnownHosts(userFiles: [dir + "/missing", user, user2], systemFiles: [system])
      #expect(
        hosts.entries(host: "web1", port: 22) == [
          Entry(marker: .none, key: fakeKey(3), file: user2, line: 3),
          Entry(marker: .none, key: fakeKey(1), file: system, line: 1),
        ])
      #expect(hosts.verdict(host: "web1", port: 22, key: fakeKey(1)) == .known)
      #expect(hosts.verdict(host: "web2", port: 22, key: fakeKey(2)) == .known)
      #expect(
        hosts.verdict(host: "web2", port: 22, key: fakeKey(5))
          == .changed(expected: Entry(marker: .none, key: fakeKey(2), file: system, line: 2)))
    }
  }

  @Test("malformed lines are skipped; tabs, comments and CRLF are tolerated; line numbers stay right")
  func malformedLines() throws {
    try withScratch { dir in
      let key = fakeKey(1)
      let base64 = Data(key.blob).base64EncodedString()
      let file = try write(
        dir, "kh",
        [
          "web1",
          "web1 ssh-ed25519",
          "web1 ssh-ed25519 !!!not-base64!!!",
          "web1 ssh-rsa \(base64)",  // the blob names another type
          "@bogus web1 ssh-ed25519 \(base64)",
          "web1 2048 65537 1234567890",  // SSH-1
          "|1|garbage web1 ssh-ed25519 \(base64)",
          "  # indented comment",
          " \tweb1\tssh-ed25519  \(base64)  a comment with words\r",
        ])
      let hosts = read(file)
      #expect(hosts.entries(host: "web1", port: 22) == [Entry(marker: .none, key: key, file: file, line: 9)])
    }
  }

  // MARK: - Appending

  @Test("append creates the directory (0700) and file (0600); ssh-keygen -F finds the lines")
  func appendPlain() throws {
    try withScratch { dir in
      let (k1, _) = try realKey(dir, "k1")
      let (k2, _) = try realKey(dir, "k2", type: "ecdsa")
      let (k3, _) = try realKey(dir, "k3")
      let file = dir + "/home/.ssh/known_hosts"
      try KnownHosts.append(host: "Web1", port: 22, key: k1, to: file, hashed: false)
      try KnownHosts.append(host: "web1", port: 2222, key: k2, to: file, hashed: false)
      try KnownHosts.append(host: "h", port: 22, key: k3, to: file, hashed: false)
      #expect(mode(dir + "/home") == 0o700)
      #expect(mode(dir + "/home/.ssh") == 0o700)
      #expect(mode(file) == 0o600)
      let b1 = Data(k1.blob).base64EncodedString()
      let b2 = Data(k2.blob).base64EncodedString()
      let b3 = Data(k3.blob).base64EncodedString()
      #expect(
        try String(contentsOfFile: file, encoding: .utf8)
          == "web1 ssh-ed25519 \(b1)\n[web1]:2222 ecdsa-sha2-nistp256 \(b2)\nh ssh-ed25519 \(b3)\n")

      let found22 = try keygen(["-F", "web1", "-f", file])
      #expect(found22.status == 0)
      #expect(found22.output.contains(b1) && !found22.output.contains(b2))
      let found2222 = try keygen(["-F", "[web1]:2222", "-f", file])
      #expect(found2222.status == 0)
      #expect(found2222.output.contains(b2) && !found2222.output.contains(b1))
      #expect(try keygen(["-F", "h", "-f", file]).output.contains(b3))

      let hosts = read(file)
      #expect(hosts.verdict(host: "web1", port: 22, key: k1) == .known)
      #expect(hosts.verdict(host: "web1", port: 2222, key: k2) == .known)
      #expect(hosts.verdict(host: "h", port: 22, key: k3) == .known)
    }
  }

  @Test("hashed appends use a fresh salt each time and are found by ssh-keygen -F")
  func appendHashed() throws {
    try withScratch { dir in
      let (k1, _) = try realKey(dir, "k1")
      let (k2, _) = try realKey(dir, "k2")
      let file = dir + "/.ssh/known_hosts"
      try KnownHosts.append(host: "web1", port: 22, key: k1, to: file, hashed: true)
      try KnownHosts.append(host: "web1", port: 2222, key: k2, to: file, hashed: true)
      try KnownHosts.append(host: "web1", port: 22, key: k1, to: file, hashed: true)
      let text = try String(contentsOfFile: file, encoding: .utf8)
      let fields = text.split(separator: "\n").map { $0.split(separator: " ")[0] }
      #expect(fields.count == 3)
      #expect(fields.allSatisfy { $0.hasPrefix("|1|") && $0.split(separator: "|").count == 3 })
      #expect(fields[0] != fields[2])
      #expect(!text.contains("web1"))
      #expect(mode(file) == 0o600)

      let b1 = Data(k1.blob).base64EncodedString()
      let b2 = Data(k2.blob).base64EncodedString()
      let found22 = try keygen(["-F", "web1", "-f", file])
      #expect(found22.status == 0)
      #expect(found22.output.contains(b1) && !found22.output.contains(b2))
      let found2222 = try keygen(["-F", "[web1]:2222", "-f", file])
      #expect(found2222.status == 0)
      #expect(found2222.output.contains(b2) && !found2222.output.contains(b1))
      #expect(try keygen(["-F", "web2", "-f", file]).status != 0)

      let hosts = read(file)
      #expect(hosts.entries(host: "web1", port: 22).map(\.line) == [1, 3])
      #expect(hosts.verdict(host: "web1", port: 2222, key: k2) == .known)
      #expect(hosts.verdict(host: "web2", port: 22, key: k1) == .unknown)
    }
  }

  @Test("append to a file without a final newline starts a new line")
  func appendAfterUnterminatedLine() throws {
    try withScratch { dir in
      let file = dir + "/kh"
      try line("web1", fakeKey(1)).write(toFile: file, atomically: false, encoding: .utf8)
      try KnownHosts.append(host: "web2", port: 22, key: fakeKey(2), to: file, hashed: false)
      let hosts = read(file)
      #expect(hosts.entries(host: "web1", port: 22).map(\.key) == [fakeKey(1)])
      #expect(hosts.entries(host: "web2", port: 22) == [Entry(marker: .none, key: fakeKey(2), file: file, line: 2)])
    }
  }

  @Test("append failures throw an error naming the path and the reason")
  func appendFailure() throws {
    try withScratch { dir in
      let regular = try write(dir, "regular", [])
      let openError = #expect(throws: KnownHostsError.self) {
        try KnownHosts.append(host: "web1", port: 22, key: fakeKey(1), to: regular + "/known_hosts", hashed: false)
      }
      #expect(openError?.description == "cannot open \(regular)/known_hosts for writing: Not a directory")
      let mkdirError = #expect(throws: KnownHostsError.self) {
        try KnownHosts.append(host: "web1", port: 22, key: fakeKey(1), to: regular + "/sub/kh", hashed: false)
      }
      #expect(mkdirError?.description == "cannot create directory \(regular)/sub: Not a directory")
    }
  }

  // MARK: - Fingerprints and HMAC

  @Test("fingerprints are what ssh-keygen -lf prints", arguments: ["ed25519", "ecdsa", "rsa"])
  func fingerprint(type: String) throws {
    try withScratch { dir in
      let (key, pub) = try realKey(dir, "key", type: type)
      let printed = try keygen(["-lf", pub])
      #expect(printed.status == 0)
      let expected = printed.output.split(separator: " ")[1]
      #expect(expected.hasPrefix("SHA256:"))
      #expect(key.fingerprint == expected)
    }
  }

  @Test("HMAC-SHA1 matches RFC 2202")
  func hmacVectors() {
    let short = HMAC.code(.sha1, key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
    #expect(hex(short) == "b617318655057264e28bc0b6fb378c8ef146be00")
    let jefe = HMAC.code(.sha1, key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(hex(jefe) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    let long = HMAC.code(
      .sha1, key: [UInt8](repeating: 0xaa, count: 80),
      message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
    #expect(hex(long) == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
  }
}

private typealias Entry = KnownHosts.Entry
