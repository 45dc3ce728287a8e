import Foundation

/// The settings of `~/.ssh/config` and `/etc/ssh/ssh_config` for one host (LANGUAGE.md §6.2), read with OpenSSH's
/// rules so that a configuration written for `ssh` means the same to `$.connect`: the files in the order given, and
/// for each keyword the first value found applies (more specific blocks come first in a file, defaults last), except
/// `IdentityFile`, whose values accumulate.
///
/// The files are parsed once, at `init`; `settings(for:…)` then evaluates the `Host` blocks for an alias. Only the
/// keywords the runtime uses are kept (the others are ignored, as are `Match` blocks, which the spec leaves out).
/// Nothing here ever fails: a missing or unreadable file is an empty file and a malformed line is skipped, because a
/// configuration that `ssh` would reject must not crash a script that may not even need it. A malformed `Host` line
/// still starts a block (one that matches nothing), so the lines under it never leak into the previous block.
///
/// Deliberate differences from OpenSSH, which would stop with an error instead: unknown keywords, bad values and
/// `~` in the `Include` of a system file are skipped; an `Include` cycle is cut where the chain of files would repeat.
struct SSHConfig {
  /// The settings that apply to one host; nil (or empty) where the configuration says nothing, so each caller applies
  /// its own precedence (keyword argument, then the host string, then these, then the defaults of §6.2).
  struct HostSettings: Equatable {
    /// `HostName`, with `%h` replaced by the alias and `%%` by `%`.
    var hostName: String?
    var user: String?
    var port: Int?
    /// Every `IdentityFile` in order (duplicates dropped, as OpenSSH does), with `~` and the tokens `%h` (the real
    /// host name: `HostName`, else the alias), `%p`, `%r`, `%u`, `%d`, `%n` and `%%` expanded.
    var identityFiles: [String] = []
    var identitiesOnly: Bool?
    /// `ProxyJump` as written; `none` is kept as `"none"` so a caller can tell "disabled" from "not configured".
    var proxyJump: String?
    /// `ProxyCommand`: the rest of the line verbatim (quotes included), tokens unexpanded, since the command is run by
    /// a shell and `%h %p %r` are substituted when the connection is made (§6.5). `ProxyJump` and `ProxyCommand`
    /// compete as in OpenSSH: whichever applies first prevents the other.
    var proxyCommand: String?
    /// `ConnectTimeout` in seconds (OpenSSH time format: `30`, `1m`, `1m30s`).
    var connectTimeout: Int?
    /// The policy of §6.4 for `StrictHostKeyChecking`: `"strict"`, `"accept-new"` or `"auto-add"`.
    var strictHostKeyChecking: String?
    /// `UserKnownHostsFile` (several files allowed), `~` and tokens expanded; `none` gives an empty list (no user
    /// known-hosts file at all), nil means the defaults of §6.4.
    var userKnownHostsFiles: [String]?
    /// `ServerAliveInterval` in seconds (OpenSSH time format).
    var serverAliveInterval: Int?
    var serverAliveCountMax: Int?
    var hashKnownHosts: Bool?
  }

  /// One pattern of a `Host` line, kept as bytes because OpenSSH matches bytes (`?` is one byte).
  private struct HostPattern {
    let pattern: [UInt8]
    let negated: Bool
  }

  /// The block a line belongs to in its own file.
  private enum Block {
    /// The lines before a file's first `Host` or `Match`: they apply to every host the file applies to.
    case everyHost
    case host([HostPattern])
    /// `Match` blocks (skipped, §6.2) and `Host` lines too malformed to evaluate.
    case never
  }

  /// One kept keyword with its value already checked, so a bad value never takes the place of a good later one.
  private enum Setting {
    case hostName(String)
    case user(String)
    case port(Int)
    case identityFile(String)
    case identitiesOnly(Bool)
    case proxyJump(String)
    case proxyCommand(String)
    case connectTimeout(Int)
    case strictHostKeyChecking(String)
    case userKnownHostsFiles([String])
    case serverAliveInterval(Int)
    case serverAliveCountMax(Int)
    case hashKnownHosts(Bool)
  }

  /// A setting and the blocks it sits in: its own file's block last, preceded by the block of each `Include` line that
  /// led to the file. It applies when all of them match (an included file inherits the state of the `Include` line,
  /// and what happens inside it does not change the including file's state: OpenSSH's rule).
  private struct Directive {
    let setting: Setting
    let blocks: [Block]
  }

  /// OpenSSH's limit on nested `Include`s (READCONF_MAX_DEPTH): the files given to `init` are depth 0.
  static let maximumIncludeDepth = 16

  private let home: String
  private let systemDirectory: String
  private var directives: [Directive] = []

  /// Parses `files` in order (a missing file is empty). `home` expands `~` and anchors the relative `Include` paths of
  /// user files (`home/.ssh`); files inside `systemDirectory` are system files, whose relative `Include` paths are
  /// anchored there instead (OpenSSH's distinction; `ssh -F FILE` also treats FILE as a user file).
  init(files: [String], home: String, systemDirectory: String = "/etc/ssh") {
    self.home = home
    self.systemDirectory = systemDirectory
    let systemPrefix = systemDirectory.hasSuffix("/") ? systemDirectory : systemDirectory + "/"
    for file in files {
      let system = (file as NSString).standardizingPath.hasPrefix(systemPrefix)
      read(file: file, system: system, outer: [], chain: [], depth: 0)
    }
  }

  /// The configuration `$.connect` reads (§6.2): `~/.ssh/config`, then `/etc/ssh/ssh_config`.
  static func standard(home: String) -> SSHConfig {
    SSHConfig(files: [home + "/.ssh/config", "/etc/ssh/ssh_config"], home: home)
  }

  /// The settings that apply to `alias` (the name as written in the script, before `HostName`; matched against the
  /// `Host` patterns case-sensitively, as OpenSSH does). `user` (may be nil) and `port` are what the script gave:
  /// they decide `%r` (the given user, else `User`, else `localUser`) and `%p` (the given port, else `Port`, else 22)
  /// in the expanded paths, since those are the user and port the connection will use.
  func settings(for alias: String, user: String?, port: Int?, localUser: String) -> HostSettings {
    let name = Array(alias.utf8)
    var result = HostSettings()
    var identityFiles: [String] = []
    var knownHostsFiles: [String]?
    for directive in directives where directive.blocks.allSatisfy({ Self.matches($0, name) }) {
      switch directive.setting {
      case .hostName(let value): result.hostName = result.hostName ?? value
      case .user(let value): result.user = result.user ?? value
      case .port(let value): result.port = result.port ?? value
      case .identityFile(let value): identityFiles.append(value)
      case .identitiesOnly(let value): result.identitiesOnly = result.identitiesOnly ?? value
      case .proxyJump(let value):
        if result.proxyJump == nil && result.proxyCommand == nil { result.proxyJump = value }
      case .proxyCommand(let value):
        if result.proxyJump == nil && result.proxyCommand == nil { result.proxyCommand = value }
      case .connectTimeout(let value): result.connectTimeout = result.connectTimeout ?? value
      case .strictHostKeyChecking(let value): result.strictHostKeyChecking = result.strictHostKeyChecking ?? value
      case .userKnownHostsFiles(let value): knownHostsFiles = knownHostsFiles ?? value
      case .serverAliveInterval(let value): result.serverAliveInterval = result.serverAliveInterval ?? value
      case .serverAliveCountMax(let value): result.serverAliveCountMax = result.serverAliveCountMax ?? value
      case .hashKnownHosts(let value): result.hashKnownHosts = result.hashKnownHosts ?? value
      }
    }
    result.hostName = result.hostName.map { Self.expandTokens($0, ["h": alias]) }
    let tokens: [Unicode.Scalar: String] = [
      "h": result.hostName ?? alias, "p": String(port ?? result.port ?? 22), "r": user ?? result.user ?? localUser,
      "u": localUser, "d": home, "n": alias,
    ]
    for file in identityFiles {
      let path = Self.expandTokens(expandTilde(file), tokens)
      if !result.identityFiles.contains(path) { result.identityFiles.append(path) }
    }
    result.userKnownHostsFiles = knownHostsFiles?.map { Self.expandTokens(expandTilde($0), tokens) }
    return result
  }

  // MARK: - Reading files

  /// Adds the directives of `file`. `outer` holds the blocks of the `Include` lines that led here, `chain` the files
  /// being read (an `Include` of one of them would loop), `system` whether the top-level file was a system file.
  private mutating func read(file: String, system: Bool, outer: [Block], chain: [String], depth: Int) {
    guard let data = FileManager.default.contents(atPath: file) else { return }
    let chain = chain + [URL(fileURLWithPath: file).resolvingSymlinksInPath().path]
    var block = Block.everyHost
    for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      guard let parsed = Self.parseLine(Array(line)) else { continue }
      switch parsed.keyword {
      case "host":
        block = Self.hostBlock(parsed.arguments)
      case "match":
        block = .never
      case "include":
        guard let arguments = parsed.arguments, !arguments.isEmpty, depth < Self.maximumIncludeDepth else { continue }
        for argument in arguments {
          for path in includedFiles(argument, system: system) {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            if chain.contains(resolved) { continue }
            read(file: path, system: system, outer: outer + [block], chain: chain, depth: depth + 1)
          }
        }
      default:
        guard let setting = Self.setting(parsed.keyword, parsed.arguments, rest: parsed.rest) else { continue }
        directives.append(Directive(setting: setting, blocks: outer + [block]))
      }
    }
  }

  /// The files an `Include` argument names, in lexical order (glob(3) sorts them): a relative path is taken in
  /// `~/.ssh` for user files and in the system directory for system files; a pattern that matches nothing is no file.
  private func includedFiles(_ argument: String, system: Bool) -> [String] {
    var pattern = argument
    if pattern.hasPrefix("~") {
      if system { return [] }
      pattern = expandTilde(pattern)
    } else if !pattern.hasPrefix("/") {
      pattern = (system ? systemDirectory : home + "/.ssh") + "/" + pattern
    }
    var found = glob_t()
    defer { globfree(&found) }
    guard glob(pattern, 0, nil, &found) == 0 else { return [] }
    return (0..<Int(found.gl_pathc)).compactMap { index in found.gl_pathv[index].map { String(cString: $0) } }
  }

  /// The block a `Host` line starts; `.never` when its arguments are missing, unbalanced or empty (OpenSSH refuses
  /// such a line; treating it as matching nothing keeps its settings away from every host).
  private static func hostBlock(_ arguments: [String]?) -> Block {
    guard let arguments, !arguments.isEmpty, !arguments.contains(where: \.isEmpty) else { return .never }
    return .host(
      arguments.map { argument in
        argument.hasPrefix("!")
          ? HostPattern(pattern: Array(argument.utf8.dropFirst()), negated: true)
          : HostPattern(pattern: Array(argument.utf8), negated: false)
      })
  }

  /// Whether `block` applies to the host `name`: a `Host` line matches when one pattern matches and no negated one
  /// does (a negated match excludes the host whatever the other patterns say).
  private static func matches(_ block: Block, _ name: [UInt8]) -> Bool {
    switch block {
    case .everyHost: return true
    case .never: return false
    case .host(let patterns):
      var matched = false
      for pattern in patterns where wildcardMatch(name, pattern.pattern) {
        if pattern.negated { return false }
        matched = true
      }
      return matched
    }
  }

  /// OpenSSH's pattern match: `*` any run of bytes, `?` exactly one, everything else literally.
  static func wildcardMatch(_ name: [UInt8], _ pattern: [UInt8]) -> Bool {
    var nameIndex = 0
    var patternIndex = 0
    var starIndex: Int?
    var starNameIndex = 0
    while nameIndex < name.count {
      if patternIndex < pattern.count && pattern[patternIndex] == UInt8(ascii: "*") {
        starIndex = patternIndex
        starNameIndex = nameIndex
        patternIndex += 1
      } else if patternIndex < pattern.count
        && (pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == name[nameIndex])
      {
        nameIndex += 1
        patternIndex += 1
      } else if let star = starIndex {
        patternIndex = star + 1
        starNameIndex += 1
        nameIndex = starNameIndex
      } else {
        return false
      }
    }
    while patternIndex < pattern.count && pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
    return patternIndex == pattern.count
  }

  // MARK: - Lines and values

  /// A line split the way OpenSSH splits it: the keyword (lowercased), the raw rest of the line and its arguments
  /// (nil when the quotes are unbalanced).
  private struct Line {
    let keyword: String
    let rest: String
    let arguments: [String]?
  }

  /// Splits one line; nil for blank lines, comments and lines without a keyword. The keyword ends at whitespace or
  /// at `=`; one `=` with optional whitespace around it may separate it from the value.
  private static func parseLine(_ bytes: [UInt8]) -> Line? {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x0C }
    var line = bytes[...]
    while let last = line.last, isSpace(last) { line.removeLast() }
    while let first = line.first, isSpace(first) { line.removeFirst() }
    guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
    let end = line.firstIndex { isSpace($0) || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"") } ?? line.endIndex
    guard end > line.startIndex else { return nil }
    let keyword = String(decoding: line[..<end], as: UTF8.self).lowercased()
    var rest = line[end...]
    if rest.first == UInt8(ascii: "\"") { return Line(keyword: keyword, rest: "", arguments: nil) }
    let sawEquals = rest.first == UInt8(ascii: "=")
    if !rest.isEmpty { rest.removeFirst() }
    while let byte = rest.first, isSpace(byte) { rest.removeFirst() }
    if !sawEquals && rest.first == UInt8(ascii: "=") {
      rest.removeFirst()
      while let byte = rest.first, isSpace(byte) { rest.removeFirst() }
    }
    return Line(keyword: keyword, rest: String(decoding: rest, as: UTF8.self), arguments: splitArguments(rest))
  }

  /// OpenSSH's argv_split: words separated by spaces or tabs; `"…"` and `'…'` group words; a backslash escapes a
  /// quote, a backslash, or (outside quotes) a space; a word starting with `#` begins a comment. Nil when a quote is
  /// not closed.
  private static func splitArguments(_ text: ArraySlice<UInt8>) -> [String]? {
    let bytes = Array(text)
    var arguments: [String] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "#") { break }
      var word: [UInt8] = []
      var quote: UInt8?
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\") && index + 1 < bytes.count
          && ("\"'\\".utf8.contains(bytes[index + 1]) || (quote == nil && bytes[index + 1] == 0x20))
        {
          word.append(bytes[index + 1])
          index += 2
          continue
        }
        if quote == nil && (byte == 0x20 || byte == 0x09) { break }
        if quote == nil && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
          quote = byte
        } else if byte == quote {
          quote = nil
        } else {
          word.append(byte)
        }
        index += 1
      }
      if quote != nil { return nil }
      arguments.append(String(decoding: word, as: UTF8.self))
    }
    return arguments
  }

  /// The checked setting of a kept keyword, or nil (unknown keyword, missing or extra argument, bad value).
  private static func setting(_ keyword: String, _ arguments: [String]?, rest: String) -> Setting? {
    guard let arguments, let value = arguments.first else { return nil }
    switch keyword {
    case "proxycommand":
      let command = rest.drop { $0 == " " || $0 == "\t" || $0 == "=" }
      return command.isEmpty ? nil : .proxyCommand(String(command))
    case "userknownhostsfile":
      return .userKnownHostsFiles(arguments == ["none"] ? [] : arguments)
    default:
      break
    }
    guard arguments.count == 1 else { return nil }
    switch keyword {
    case "hostname": return .hostName(value)
    case "user": return .user(value)
    case "port": return Int(value).flatMap { (1...65535).contains($0) ? .port($0) : nil }
    case "identityfile": return .identityFile(value)
    case "identitiesonly": return flag(value).map { .identitiesOnly($0) }
    case "proxyjump": return .proxyJump(value.lowercased() == "none" ? "none" : value)
    case "connecttimeout": return seconds(value).map { .connectTimeout($0) }
    case "stricthostkeychecking":
      switch value.lowercased() {
      case "yes", "true", "ask": return .strictHostKeyChecking("strict")
      case "accept-new": return .strictHostKeyChecking("accept-new")
      case "no", "off", "false": return .strictHostKeyChecking("auto-add")
      default: return nil
      }
    case "serveraliveinterval": return seconds(value).map { .serverAliveInterval($0) }
    case "serveralivecountmax": return Int(value).flatMap { $0 >= 0 ? .serverAliveCountMax($0) : nil }
    case "hashknownhosts": return flag(value).map { .hashKnownHosts($0) }
    default: return nil
    }
  }

  /// A yes/no flag (OpenSSH also accepts true/false), case-insensitive.
  private static func flag(_ value: String) -> Bool? {
    switch value.lowercased() {
    case "yes", "true": return true
    case "no", "false": return false
    default: return nil
    }
  }

  /// OpenSSH's time format (convtime): one or more numbers, each with an optional unit `s`, `m`, `h`, `d` or `w`.
  static func seconds(_ value: String) -> Int? {
    let units: [Character: Int] = [
      "s": 1, "S": 1, "m": 60, "M": 60, "h": 3600, "H": 3600, "d": 86400, "D": 86400, "w": 604800, "W": 604800,
    ]
    var total = 0
    var rest = Substring(value)
    guard !rest.isEmpty else { return nil }
    while !rest.isEmpty {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard let number = Int(digits) else { return nil }
      rest = rest.dropFirst(digits.count)
      var multiplier = 1
      if let unit = rest.first {
        guard let factor = units[unit] else { return nil }
        multiplier = factor
        rest = rest.dropFirst()
      }
      let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
      let (sum, overflowSum) = total.addingReportingOverflow(product)
      if overflow || overflowSum || sum > Int(Int32.max) { return nil }
      total = sum
    }
    return total
  }

  /// `~` and `~/…` become `home`; `~user/…` that user's home directory (left alone for an unknown user).
  private func expandTilde(_ path: String) -> String {
    guard path.hasPrefix("~") else { return path }
    let slash = path.firstIndex(of: "/") ?? path.endIndex
    let name = path[path.index(after: path.startIndex)..<slash]
    let directory: String
    if name.isEmpty {
      directory = home
    } else if let userHome = FileManager.default.homeDirectory(forUser: String(name)) {
      directory = userHome.path
    } else {
      return path
    }
    let remainder = path[slash...]
    if remainder.isEmpty { return directory }
    return directory.hasSuffix("/") ? directory + remainder.dropFirst() : directory + remainder
  }

  /// Replaces `%x` by `values[x]` and `%%` by `%`; an unknown token is left as written.
  static func expandTokens(_ text: String, _ values: [Unicode.Scalar: String]) -> String {
    guard text.contains("%") else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = ""
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "%" && index + 1 < scalars.count {
        let token = scalars[index + 1]
        if token == "%" {
          result.append("%")
          index += 2
          continue
        }
        if let value = values[token] {
          result += value
          index += 2
          continue
        }
      }
      result.unicodeScalars.append(scalar)
      index += 1
    }
    return result
  }
}
