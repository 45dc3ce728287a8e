import Foundation

/// Reads whole files with POSIX calls, so a failure carries its `errno` for messages such as
/// `[Errno 2] No such file or directory`.
enum FileReader {
  static func read(_ path: String) -> Result<[UInt8], FileReadError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(FileReadError(errno: errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(FileReadError(errno: errno)) }
    if info.st_mode & S_IFMT == S_IFDIR { return .failure(FileReadError(errno: EISDIR)) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(FileReadError(errno: errno))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return .success(bytes)
  }
}

struct FileReadError: Error {
  var errno: Int32

  /// The C library's text for the error, e.g. "No such file or directory".
  var reason: String { String(cString: strerror(errno)) }
}
