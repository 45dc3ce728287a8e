import Foundation

/// The host-key policy of `$.connect` (LANGUAGE.md §6.4), applied to the key the server
/// offered in the handshake, before any authentication.
enum HostKeyCheck {
  static func verify(
    _ connection: SSHConnection, _ target: SessionConnect.Target, _ knownHosts: KnownHosts,
    _ interpreter: Interpreter
  ) throws {
    guard let offered = connection.hostKey.map({ HostKey(type: $0.type, blob: $0.blob) }) else {
      connection.close()
      throw Interpreter.error(BuiltinTypes.sshHostKeyError, "\(target.hostName) port \(target.port) sent no host key")
    }
    let name = "host key for \(target.hostName) port \(target.port)"
    let shown = "\(offered.type) \(offered.fingerprint)"
    if knownHosts.skippedCertAuthority && !interpreter.warnedAboutCertificates {
      interpreter.warnedAboutCertificates = true
      warn("@cert-authority lines in known_hosts are skipped (host certificates are not supported)", interpreter)
    }
    if target.policy == .ignore {
      if !interpreter.warnedAboutIgnoredHostKeys {
        interpreter.warnedAboutIgnoredHostKeys = true
        warn("host key checking is disabled", interpreter)
      }
      return
    }
    func refuse(_ message: String) -> ScriptException {
      connection.close()
      return Interpreter.error(BuiltinTypes.sshHostKeyError, message)
    }
    switch knownHosts.verdict(host: target.hostName, port: target.port, key: offered) {
    case .known:
      return
    case .revoked:
      throw refuse("\(name) is REVOKED (\(shown)); the connection was refused")
    case .changed(let expected):
      let lookup = KnownHosts.lookupName(host: target.hostName, port: target.port)
      throw refuse(
        """
        \(name) has CHANGED
          offered:  \(shown)
          expected: the \(expected.key.type) key at \(expected.file):\(expected.line)
          Someone may be intercepting the connection, or the host was reinstalled.
          If the change is expected, remove the old entry: ssh-keygen -R \(ShellQuote.quote(lookup))
        """)
    case .unknown:
      switch target.policy {
      case .strict:
        throw refuse("\(name) is not known (\(shown)); policy 'strict' refuses unknown hosts")
      case .autoAdd, .ignore:
        return
      case .acceptNew:
        guard let file = target.knownHostsFiles.first else { return }
        do {
          try KnownHosts.append(
            host: target.hostName, port: target.port, key: offered, to: file, hashed: target.hashKnownHosts)
        } catch {
          throw refuse("\(name) could not be recorded in \(file): \(error)")
        }
        if interpreter.logThreshold < 40 {
          interpreter.writeStderr("sshs: added \(name) (\(shown)) to \(file)\n")
        }
      }
    }
  }

  private static func warn(_ message: String, _ interpreter: Interpreter) {
    if interpreter.logThreshold < 40 { interpreter.writeStderr("warning: \(message)\n") }
  }
}
