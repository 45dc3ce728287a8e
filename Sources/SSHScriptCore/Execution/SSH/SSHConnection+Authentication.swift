import CLibSSH2
import Dispatch
import Foundation

/// The user-authentication calls (LANGUAGE.md §6.3). Passwords and passphrases go only to
/// libssh2's calls: never into messages.
extension SSHConnection {
  /// The methods the server accepts for `user`; empty when it accepted the `none` method.
  func authenticationMethods(user: String, deadline: DispatchTime) throws(Interruption) -> [String] {
    try attempt(deadline: deadline) { session -> [String]? in
      if let list = libssh2_userauth_list(session, user, UInt32(user.utf8.count)) {
        return String(cString: list).split(separator: ",").map(String.init)
      }
      if libssh2_session_last_errno(session) == LIBSSH2_ERROR_EAGAIN { return nil }
      return []
    }
  }

  var isAuthenticated: Bool {
    attemptOnce { libssh2_userauth_authenticated($0) == 1 }
  }

  func authenticate(user: String, password: String, deadline: DispatchTime) throws(Interruption) -> Bool {
    try perform(deadline: deadline) { session in
      libssh2_userauth_password_ex(
        session, user, UInt32(user.utf8.count), password, UInt32(password.utf8.count), nil)
    } == 0
  }

  /// With a private key file (the public half is derived from it); the libssh2 status.
  func authenticate(user: String, keyFile: String, passphrase: String?, deadline: DispatchTime) throws(Interruption)
    -> Int32
  {
    try perform(deadline: deadline) { session in
      libssh2_userauth_publickey_fromfile_ex(session, user, UInt32(user.utf8.count), nil, keyFile, passphrase)
    }
  }

  /// With each identity of the ssh-agent at `SSH_AUTH_SOCK`; returns how many keys it offered
  /// and whether one was accepted.
  func authenticateWithAgent(user: String, deadline: DispatchTime) throws(Interruption) -> (keys: Int, accepted: Bool) {
    let agent: OpaquePointer? = attemptOnce { libssh2_agent_init($0) }
    guard let agent else { return (0, false) }
    defer {
      attemptOnce { _ in
        libssh2_agent_disconnect(agent)
        libssh2_agent_free(agent)
      }
    }
    guard attemptOnce({ _ in libssh2_agent_connect(agent) }) == 0,
      attemptOnce({ _ in libssh2_agent_list_identities(agent) }) == 0
    else { return (0, false) }
    var identities: [UnsafeMutablePointer<libssh2_agent_publickey>] = []
    var previous: UnsafeMutablePointer<libssh2_agent_publickey>?
    while true {
      var next: UnsafeMutablePointer<libssh2_agent_publickey>?
      let status = attemptOnce { _ in libssh2_agent_get_identity(agent, &next, previous) }
      guard status == 0, let identity = next else { break }
      identities.append(identity)
      previous = identity
    }
    for identity in identities {
      let status = try perform(deadline: deadline) { _ in libssh2_agent_userauth(agent, user, identity) }
      if status == 0 { return (identities.count, true) }
    }
    return (identities.count, false)
  }
}
