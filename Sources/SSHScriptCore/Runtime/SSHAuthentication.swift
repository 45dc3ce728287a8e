import Dispatch
import Foundation

/// Authentication of `$.connect` (LANGUAGE.md §6.3): key files given to `connect`, the
/// ssh-agent, the identity files, the password, in that order until the server accepts. Runs
/// without the interpreter lock; the error lists what was tried and never the secrets.
enum SSHAuthentication {
  static func authenticate(_ connection: SSHConnection, _ target: SessionConnect.Target) throws {
    let deadline = DispatchTime.now() + target.timeout
    let account = "\(target.user)@\(target.alias):\(target.port)"
    var tried: [String] = []
    do throws(SSHConnection.Interruption) {
      let methods = try connection.authenticationMethods(user: target.user, deadline: deadline)
      if methods.isEmpty && connection.isAuthenticated { return }
      let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
      func shown(_ path: String) -> String {
        path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
      }
      if methods.contains("publickey") {
        for file in target.keyFiles {
          tried.append("publickey [\(shown(file))]")
          let status = try connection.authenticate(
            user: target.user, keyFile: file, passphrase: target.passphrase, deadline: deadline)
          if status == 0 { return }
        }
        if target.allowAgent, ProcessInfo.processInfo.environment["SSH_AUTH_SOCK"] != nil {
          let (keys, accepted) = try connection.authenticateWithAgent(user: target.user, deadline: deadline)
          if accepted { return }
          if keys > 0 { tried.append("publickey [agent: \(keys) key\(keys == 1 ? "" : "s")]") }
        }
        if target.lookForKeys {
          for file in target.identityFiles where FileManager.default.isReadableFile(atPath: file) {
            // Encrypted files need a passphrase; without one they are skipped (§6.3).
            if target.passphrase == nil && isEncrypted(file) { continue }
            tried.append("publickey [\(shown(file))]")
            let status = try connection.authenticate(
              user: target.user, keyFile: file, passphrase: target.passphrase, deadline: deadline)
            if status == 0 { return }
          }
        }
      }
      if let password = target.password {
        guard methods.contains("password") else {
          tried.append("password [not offered by the server]")
          throw SSHConnection.Interruption.refused
        }
        tried.append("password")
        if try connection.authenticate(user: target.user, password: password, deadline: deadline) { return }
      }
    } catch .refused {
      // Nothing left to try: the failure below.
    } catch {
      connection.close()
      if error == .timedOut {
        throw Interpreter.error(
          BuiltinTypes.sshConnectionError,
          "authentication for \(account) timed out after \(ConsoleObject.shown(target.timeout)) s")
      }
      throw SSHCommandChannel.failure(error, connection, what: "authentication")
    }
    connection.close()
    let list = tried.isEmpty ? "nothing: no key, agent or password to offer" : tried.joined(separator: ", ")
    throw Interpreter.error(
      BuiltinTypes.sshAuthenticationError, "authentication failed for \(account) (tried: \(list))")
  }

  /// An encrypted private key: OpenSSH's format names its cipher; PEM has `ENCRYPTED`.
  private static func isEncrypted(_ path: String) -> Bool {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
    if text.contains("ENCRYPTED") { return true }
    guard text.contains("BEGIN OPENSSH PRIVATE KEY") else { return false }
    let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
    guard let data = Data(base64Encoded: body), data.count > 32 else { return false }
    // "openssh-key-v1\0", then the cipher name as a length-prefixed string: "none" if plain.
    let bytes = [UInt8](data)
    let start = 15
    let length =
      Int(bytes[start]) << 24 | Int(bytes[start + 1]) << 16 | Int(bytes[start + 2]) << 8 | Int(bytes[start + 3])
    guard start + 4 + length <= bytes.count else { return false }
    return String(decoding: bytes[(start + 4)..<(start + 4 + length)], as: UTF8.self) != "none"
  }
}
