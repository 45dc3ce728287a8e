import Foundation

/// A host key as offered by a server: its type name ("ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ...) and the
/// raw key blob (the base64-decoded field of a known_hosts line). Comparing the two is how a key is recognised.
struct HostKey: Equatable {
  let type: String
  let blob: [UInt8]

  /// "SHA256:" + base64 of SHA-256(blob) without '=' padding: what OpenSSH prints, so that users can compare the
  /// fingerprint in an `SSHHostKeyError` with `ssh-keygen -lf` output (LANGUAGE.md §10.5).
  var fingerprint: String {
    var digest = MessageDigest(.sha256)
    digest.update(blob)
    let text = Data(digest.finalized()).base64EncodedString()
    return "SHA256:" + text.prefix { $0 != "=" }
  }
}

/// What `connect(policy=…)` does with unknown, known and changed host keys (LANGUAGE.md §6.4).
enum HostKeyPolicy: String {
  case acceptNew = "accept-new"
  case strict
  case autoAdd = "auto-add"
  case ignore
}

/// The known_hosts files, parsed here rather than by libssh2, whose reader drops 1–2 character host names. Lookups
/// follow OpenSSH: `name` for port 22, `[name]:port` otherwise, compared without regard to case; the host field may
/// be a comma list of patterns with `*`, `?` and `!` (negation), or a hashed `|1|salt|hmac` (LANGUAGE.md §6.4).
struct KnownHosts {
  /// One usable known_hosts line, with where it came from (for the "expected: … at FILE:LINE" message).
  struct Entry: Equatable {
    enum Marker: Equatable {
      case none
      case revoked
      case certAuthority
    }

    let marker: Marker
    let key: HostKey
    let file: String
    /// 1-based, counting every line of the file (blank, comment and malformed ones too), as editors show it.
    let line: Int
  }

  /// What a lookup of an offered key concludes; the caller applies the policy to it.
  enum Verdict: Equatable {
    case known
    case unknown
    case changed(expected: Entry)
    case revoked
  }

  /// The parsed lines in lookup order (user files, then system files), each with its host field: a pattern list
  /// (lowercased) or a hashed `|1|salt|hmac` (kept as is; base64 is case-sensitive).
  private let lines: [(hostField: String, entry: Entry)]

  /// Whether some file had `@cert-authority` lines. They are never used (host certificates are not supported); the
  /// caller warns once when this is set.
  let skippedCertAuthority: Bool

  /// Reads the files; a missing or unreadable file is empty, and malformed lines are skipped, as OpenSSH does.
  /// userFiles: `known_hosts=` or ~/.ssh/known_hosts and ~/.ssh/known_hosts2; systemFiles: /etc/ssh/ssh_known_hosts.
  init(userFiles: [String], systemFiles: [String]) {
    var lines: [(hostField: String, entry: Entry)] = []
    for file in userFiles + systemFiles {
      guard case .success(let bytes) = FileReader.read(file) else { continue }
      for (index, text) in bytes.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
        if let parsed = Self.parse(String(decoding: text, as: UTF8.self), file: file, line: index + 1) {
          lines.append(parsed)
        }
      }
    }
    self.lines = lines
    skippedCertAuthority = lines.contains { $0.entry.marker == .certAuthority }
  }

  /// Entries whose host field matches: the name for port 22, "[name]:port" otherwise; comma lists; patterns with *
  /// and ?; "!pattern" negation (a negated match excludes the line); hashed "|1|base64salt|base64hmac" =
  /// HMAC-SHA1(key: salt, message: the lookup name). `@cert-authority` entries are included, with their marker.
  func entries(host: String, port: Int) -> [Entry] {
    let name = Self.lookupName(host: host, port: port)
    return lines.filter { Self.hostField($0.hostField, matches: name) }.map { $0.entry }
  }

  /// revoked if a @revoked entry has this key; known if a plain entry has the same type and blob; changed if plain
  /// entries exist for the host but none matches (expected = the first entry of the same key type if any, else the
  /// first one, so the message names the entry the user most likely has to remove); unknown otherwise.
  /// @cert-authority entries take no part (see `skippedCertAuthority`).
  func verdict(host: String, port: Int, key: HostKey) -> Verdict {
    let matching = entries(host: host, port: port)
    if matching.contains(where: { $0.marker == .revoked && $0.key == key }) { return .revoked }
    let plain = matching.filter { $0.marker == .none }
    if plain.contains(where: { $0.key == key }) { return .known }
    guard let first = plain.first else { return .unknown }
    return .changed(expected: plain.first { $0.key.type == key.type } ?? first)
  }

  /// Appends one line "NAME TYPE BASE64\n" (NAME as in entries(); hashed: "|1|salt|hmac" with a random 20-byte salt,
  /// as OpenSSH writes with `HashKnownHosts yes`) in ONE write with O_APPEND, so that concurrent connections (threads
  /// or other ssh clients) never interleave partial lines. Creates the parent directory (0700) and the file (0600)
  /// when missing. A newline is prepended when the file does not end with one, so the line is never glued to the
  /// last one.
  static func append(host: String, port: Int, key: HostKey, to file: String, hashed: Bool) throws {
    let name = lookupName(host: host, port: port)
    var field = name
    if hashed {
      let salt = (0..<20).map { _ in UInt8.random(in: 0...255) }  // the system's secure generator
      field = "|1|" + base64(salt) + "|" + base64(HMAC.code(.sha1, key: salt, message: Array(name.utf8)))
    }
    var bytes = Array("\(field) \(key.type) \(base64(key.blob))\n".utf8)
    try makeDirectory(parent(of: file))
    // Read-write, not write-only: the last byte is read to see whether the file ends with a newline.
    let fd = open(file, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw KnownHostsError("cannot open \(file) for writing: \(reason(errno))") }
    defer { close(fd) }
    var info = stat()
    var last: UInt8 = 10
    if fstat(fd, &info) == 0, info.st_size > 0, pread(fd, &last, 1, info.st_size - 1) == 1, last != 10 {
      bytes.insert(10, at: 0)
    }
    var written: Int
    repeat {
      written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    } while written < 0 && errno == EINTR
    if written < 0 { throw KnownHostsError("cannot write to \(file): \(reason(errno))") }
    if written != bytes.count { throw KnownHostsError("cannot write to \(file): only \(written) bytes written") }
  }

  /// The name OpenSSH looks up and writes: lowercased, and `[name]:port` for ports other than 22.
  static func lookupName(host: String, port: Int) -> String {
    let name = host.lowercased()
    return port == 22 ? name : "[\(name)]:\(port)"
  }

  /// Parses "[@marker] HOSTS TYPE BASE64 [comment]"; nil for blank, comment and malformed lines, and for keys that do
  /// not decode to a blob naming their type (such as old SSH-1 "bits exponent modulus" lines).
  private static func parse(_ text: String, file: String, line: Int) -> (hostField: String, entry: Entry)? {
    var fields = text.split { $0 == " " || $0 == "\t" || $0 == "\r" }.map(String.init)
    guard let head = fields.first, !head.hasPrefix("#") else { return nil }
    var marker = Entry.Marker.none
    if head.hasPrefix("@") {
      switch head {
      case "@revoked": marker = .revoked
      case "@cert-authority": marker = .certAuthority
      default: return nil
      }
      fields.removeFirst()
    }
    guard fields.count >= 3, let blob = Data(base64Encoded: fields[2]).map(Array.init),
      blobNames(blob, type: fields[1])
    else { return nil }
    let hostField = fields[0].hasPrefix("|") ? fields[0] : fields[0].lowercased()
    return (hostField, Entry(marker: marker, key: HostKey(type: fields[1], blob: blob), file: file, line: line))
  }

  /// Whether a key blob starts with its type as an SSH string (a 32-bit big-endian length, then the name).
  private static func blobNames(_ blob: [UInt8], type: String) -> Bool {
    let name = Array(type.utf8)
    guard blob.count >= 4 + name.count else { return false }
    let length = blob[0..<4].reduce(0) { $0 << 8 | Int($1) }
    return length == name.count && Array(blob[4..<4 + name.count]) == name
  }

  /// OpenSSH's rule: a hashed field matches its one name; otherwise the line matches if some pattern does and no
  /// negated one does.
  private static func hostField(_ field: String, matches name: String) -> Bool {
    if field.hasPrefix("|") { return hashedField(field, matches: name) }
    let name = Array(name.utf8)
    var matched = false
    for pattern in field.split(separator: ",") {
      if pattern.hasPrefix("!") {
        if glob(Array(pattern.utf8.dropFirst()), name) { return false }
      } else if glob(Array(pattern.utf8), name) {
        matched = true
      }
    }
    return matched
  }

  /// "|1|salt|hmac" (base64 both): matches when HMAC-SHA1(salt, name) is the stored code. Other formats never match.
  private static func hashedField(_ field: String, matches name: String) -> Bool {
    let parts = field.split(separator: "|", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0].isEmpty, parts[1] == "1", let salt = Data(base64Encoded: String(parts[2])),
      let code = Data(base64Encoded: String(parts[3]))
    else { return false }
    return HMAC.code(.sha1, key: Array(salt), message: Array(name.utf8)) == Array(code)
  }

  /// Shell-style matching with `*` (any run of bytes) and `?` (one byte), backtracking to the last `*` on mismatch.
  private static func glob(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
    let star = UInt8(ascii: "*")
    let question = UInt8(ascii: "?")
    var p = 0
    var n = 0
    var lastStar: (pattern: Int, name: Int)?
    while n < name.count {
      if p < pattern.count, pattern[p] == question || pattern[p] == name[n] {
        p += 1
        n += 1
      } else if p < pattern.count, pattern[p] == star {
        lastStar = (p, n)
        p += 1
      } else if let resume = lastStar {
        lastStar = (resume.pattern, resume.name + 1)
        p = resume.pattern + 1
        n = resume.name + 1
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == star { p += 1 }
    return p == pattern.count
  }

  /// Creates `path` and its missing ancestors with mode 0700 (like ~/.ssh); an existing path is left alone.
  private static func makeDirectory(_ path: String) throws {
    var info = stat()
    if path.isEmpty || stat(path, &info) == 0 { return }
    try makeDirectory(parent(of: path))
    if mkdir(path, 0o700) != 0, errno != EEXIST {
      throw KnownHostsError("cannot create directory \(path): \(reason(errno))")
    }
  }

  private static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  private static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

  private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Why a new known_hosts entry could not be written; the message names the file and the system's reason.
struct KnownHostsError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
