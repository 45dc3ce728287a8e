/// HMAC (RFC 2104) over the interpreter's own digests. Hashed known_hosts names are HMAC-SHA1 of the host name, and
/// there is no crypto library in the build to provide it (see `MessageDigest` for why).
enum HMAC {
  /// The authentication code of `message` under `key`: H((K ^ opad) || H((K ^ ipad) || message)), where K is the key
  /// padded with zeros to the digest's block size (or first hashed, when it is longer than a block).
  static func code(_ algorithm: MessageDigest.Algorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
    var block = key
    if block.count > algorithm.blockSize { block = digest(algorithm, block) }
    block += [UInt8](repeating: 0, count: algorithm.blockSize - block.count)
    let inner = digest(algorithm, block.map { $0 ^ 0x36 } + message)
    return digest(algorithm, block.map { $0 ^ 0x5c } + inner)
  }

  private static func digest(_ algorithm: MessageDigest.Algorithm, _ bytes: [UInt8]) -> [UInt8] {
    var digest = MessageDigest(algorithm)
    digest.update(bytes)
    return digest.finalized()
  }
}
