import Dispatch
import Foundation

/// `$.connect(…)` (LANGUAGE.md §6.2–§6.4): the settings from the arguments, the host string and
/// the ssh configuration; the TCP connection and handshake; the host-key policy; the
/// authentication methods in order. The new session is pushed on the calling thread's stack.
enum SessionConnect {
  static let signature = PythonSignature(
    "connect", ["host", "password"], required: 1,
    keywordOnly: [
      "username", "port", "pkey", "key_filename", "passphrase", "timeout", "policy", "known_hosts", "proxyCommand",
      "proxyJump", "allow_agent", "look_for_keys", "keepalive", "compress",
    ])

  /// What the script asked for, after the host string and the configuration.
  struct Target {
    var alias: String
    var hostName: String
    var user: String
    var port: Int
    var password: String?
    var keyFiles: [String] = []
    var identityFiles: [String] = []
    var passphrase: String?
    var timeout = 10.0
    var policy = HostKeyPolicy.acceptNew
    var knownHostsFiles: [String]
    var hashKnownHosts = false
    var allowAgent = true
    var lookForKeys = true
    var keepalive = 60
    var keepaliveCountMax = 3
    var compress = false
  }

  /// Connects from `from` (the effective session for `$.connect`, `s` for `s.connect`) and
  /// pushes the new session on the calling thread's stack.
  static func connect(_ arguments: CallArguments, from: Session, _ interpreter: Interpreter) throws -> Value {
    let values = try signature.bind(arguments)
    guard from.isLocal else {
      throw Interpreter.error(
        BuiltinTypes.notImplementedError,
        "connecting through a remote session (a jump host) is not supported yet in this version of sshs")
    }
    let target = try resolve(values, interpreter)
    let session = try open(target, interpreter, parent: from)
    interpreter.sessions.push(session, closesOnPop: true)
    interpreter.connectedSessions.removeAll { $0.closed }
    interpreter.connectedSessions.append(session)
    session.awaitsWith = true
    return .object(session)
  }

  /// Reads the arguments in the order of §6.2: keyword, host string, configuration, default.
  static func resolve(_ values: [Value?], _ interpreter: Interpreter) throws -> Target {
    func text(_ index: Int, _ name: String) throws -> String? {
      guard let value = values[index], !value.isNone else { return nil }
      guard case .str(let string) = value else {
        throw Interpreter.typeError("connect() argument '\(name)' must be str, not \(Runtime.typeName(value))")
      }
      return string
    }
    func flag(_ index: Int, default fallback: Bool) throws -> Bool {
      guard let value = values[index], !value.isNone else { return fallback }
      return try interpreter.truthy(value)
    }
    guard let hostText = try text(0, "host"), !hostText.isEmpty else {
      throw Interpreter.valueError("connect() needs a host")
    }
    for (index, name) in [(4, "pkey"), (10, "proxyCommand"), (11, "proxyJump")] where !(values[index]?.isNone ?? true) {
      throw Interpreter.error(
        BuiltinTypes.notImplementedError, "connect(\(name)=...) is not supported yet in this version of sshs")
    }
    let parsed = try HostString(hostText)
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    let localUser = Session.localUserName
    var explicitPort: Int?
    if let value = values[3], !value.isNone { explicitPort = try interpreter.asIndex(value, "port") }
    let givenUser = try text(2, "username") ?? parsed.user
    let config = SSHConfig.standard(home: home)
      .settings(for: parsed.name, user: givenUser, port: explicitPort ?? parsed.port, localUser: localUser)
    var target = Target(
      alias: parsed.name, hostName: config.hostName ?? parsed.name, user: givenUser ?? config.user ?? localUser,
      port: explicitPort ?? parsed.port ?? config.port ?? 22, password: try text(1, "password"),
      knownHostsFiles: config.userKnownHostsFiles ?? [home + "/.ssh/known_hosts", home + "/.ssh/known_hosts2"])
    if let value = values[5], !value.isNone {
      switch value {
      case .str(let path): target.keyFiles = [path]
      default:
        target.keyFiles = try interpreter.iterateToArray(value).map { item in
          guard case .str(let path) = item else {
            throw Interpreter.typeError("key_filename must be str or a list of str")
          }
          return path
        }
      }
      target.keyFiles = target.keyFiles.map { ($0 as NSString).expandingTildeInPath }
    }
    target.passphrase = try text(6, "passphrase")
    if let value = values[7], !value.isNone {
      target.timeout = try MathModule.number(value, "timeout")
    } else if let seconds = config.connectTimeout {
      target.timeout = Double(seconds)
    }
    if let name = try text(8, "policy") ?? config.strictHostKeyChecking {
      guard let policy = HostKeyPolicy(rawValue: name) else {
        throw Interpreter.valueError(
          "policy must be 'accept-new', 'strict', 'auto-add' or 'ignore', not '\(name)'")
      }
      target.policy = policy
    }
    if let path = try text(9, "known_hosts") { target.knownHostsFiles = [(path as NSString).expandingTildeInPath] }
    target.hashKnownHosts = config.hashKnownHosts ?? false
    target.allowAgent = try flag(12, default: true)
    target.lookForKeys = try flag(13, default: true)
    if let value = values[14], !value.isNone {
      target.keepalive = try interpreter.asIndex(value, "keepalive")
    } else if let seconds = config.serverAliveInterval {
      target.keepalive = seconds
    }
    target.keepaliveCountMax = config.serverAliveCountMax ?? 3
    target.compress = try flag(15, default: false)
    target.identityFiles =
      config.identityFiles.isEmpty
      ? ["id_ed25519", "id_ecdsa", "id_rsa"].map { home + "/.ssh/" + $0 } : config.identityFiles
    return target
  }

  /// Connects, checks the host key and authenticates; the lock is released meanwhile.
  static func open(_ target: Target, _ interpreter: Interpreter, parent: Session) throws -> Session {
    let knownHosts = KnownHosts(userFiles: target.knownHostsFiles, systemFiles: ["/etc/ssh/ssh_known_hosts"])
    let knownTypes = knownHosts.entries(host: target.hostName, port: target.port).map(\.key.type)
    let connection: SSHConnection
    do {
      connection = try interpreter.blocking {
        try SSHConnection(
          host: target.hostName, port: target.port, timeout: target.timeout, hostKeyTypes: knownTypes,
          keepalive: target.keepalive, keepaliveCountMax: target.keepaliveCountMax, compress: target.compress)
      }
    } catch let failure as TCPConnector.Failure {
      throw Interpreter.error(BuiltinTypes.sshConnectionError, failure.message)
    }
    try HostKeyCheck.verify(connection, target, knownHosts, interpreter)
    try interpreter.blocking { try SSHAuthentication.authenticate(connection, target) }
    let executor = SSHExecutor(connection: connection, label: target.alias)
    return Session(
      executor: executor, host: target.alias, username: target.user, port: target.port, parent: parent,
      onClose: {
        executor.sftp.closeAll()
        connection.close()
      })
  }
}

/// `name`, `user@name`, `user@name:port`, `user@[v6addr]:port` (§6.2).
struct HostString {
  let user: String?
  let name: String
  let port: Int?

  init(_ text: String) throws {
    var rest = Substring(text)
    if let at = rest.lastIndex(of: "@") {
      user = String(rest[..<at])
      rest = rest[rest.index(after: at)...]
    } else {
      user = nil
    }
    var portText: Substring?
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { throw Interpreter.valueError("invalid host '\(text)'") }
      name = String(rest[rest.index(after: rest.startIndex)..<close])
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":") {
        portText = after.dropFirst()
      } else if !after.isEmpty {
        throw Interpreter.valueError("invalid host '\(text)'")
      }
    } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
      name = String(rest[..<colon])
      portText = rest[rest.index(after: colon)...]
    } else {
      name = String(rest)
    }
    if let portText {
      guard let number = Int(portText), (1...65535).contains(number) else {
        throw Interpreter.valueError("invalid port in host '\(text)'")
      }
      port = number
    } else {
      port = nil
    }
    if name.isEmpty || user?.isEmpty == true { throw Interpreter.valueError("invalid host '\(text)'") }
  }
}
