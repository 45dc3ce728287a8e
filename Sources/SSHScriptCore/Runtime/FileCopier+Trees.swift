import CLibSSH2
import Foundation

/// Files and trees (LANGUAGE.md §6.10): written in place, permission bits (0o777) preserved;
/// trees copied as `cp -r` does, following symbolic links, skipping special files and links
/// back to a directory being copied (each with a warning).
extension FileCopier {
  /// A local directory's identity (device and inode), to notice a symbolic link leading back
  /// up the tree.
  private static func identity(_ info: stat) -> String { "\(info.st_dev):\(info.st_ino)" }

  // MARK: Upload

  /// Copies local file `source` to `target`, whose attributes are `existing` (nil: absent).
  func uploadFile(_ source: String, _ info: stat, to target: String, existing: SFTPAttributes?, overwrite: Bool)
    throws
  {
    if let existing {
      if existing.isDirectory { throw OSErrors.make(EISDIR, path: label(target)) }
      if !overwrite { throw OSErrors.make(EEXIST, path: label(target)) }
    }
    let descriptor = open(source, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw OSErrors.current(.str(source)) }
    defer { Glibc.close(descriptor) }
    let permissions = UInt(info.st_mode) & 0o777
    let flags = LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_TRUNC
    let handle = try call(target, "open") { () throws(SFTPFailure) in
      try client.open(target, flags: flags, permissions: permissions)
    }
    var isOpen = true
    defer { if isOpen { client.close(handle) } }
    // A sliding window: bytes the server has not acknowledged stay at the front of the buffer
    // (libssh2 expects them again), new bytes from the file are added behind them.
    let capacity = 2 * Self.chunk
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    var start = 0
    var end = 0
    var atEnd = false
    var progress = TransferProgress(label(target), total: UInt64(max(info.st_size, 0)), enabled: showsProgress)
    defer { progress?.finish() }
    while true {
      if !atEnd && end - start < Self.chunk {
        if start > 0 {
          memmove(buffer, buffer + start, end - start)
          end -= start
          start = 0
        }
        let count = read(descriptor, buffer + end, capacity - end)
        if count < 0 {
          if errno == EINTR { continue }
          throw OSErrors.current(.str(source))
        }
        if count == 0 { atEnd = true } else { end += count }
      }
      if start == end {
        if atEnd { break }
        continue
      }
      let pending = buffer + start
      let count = end - start
      let written = try call(target, "write") { () throws(SFTPFailure) in
        try client.write(handle, pending, count: count)
      }
      start += written
      progress?.advance(written)
    }
    try call(target, "set permissions of") { () throws(SFTPFailure) in try client.setPermissions(handle, permissions) }
    isOpen = false
    try call(target, "write") { () throws(SFTPFailure) in try client.finish(handle) }
  }

  /// Copies local directory `source` into `target` (created, or merged into when it exists).
  func uploadTree(
    _ source: String, _ info: stat, to target: String, existing: SFTPAttributes?, overwrite: Bool,
    ancestors: Set<String>
  ) throws {
    var children: [String: SFTPAttributes] = [:]
    if let existing {
      guard existing.isDirectory else { throw OSErrors.make(ENOTDIR, path: label(target)) }
      for entry in try call(target, "list", { () throws(SFTPFailure) in try client.list(target) }) {
        children[entry.name] = entry.attributes
      }
    } else {
      // Writable while it is filled; its own bits are set at the end.
      try call(target, "create directory") { () throws(SFTPFailure) in try client.makeDirectory(target, 0o700) }
    }
    let ancestors = ancestors.union([Self.identity(info)])
    for name in try Self.localEntries(source) {
      let path = Self.join(source, name)
      var entry = stat()
      guard stat(path, &entry) == 0 else {
        warnings.append("skipping '\(path)': \(OSErrors.message(errno))")
        continue
      }
      let destination = Self.join(target, name)
      var found = children[name]
      if found?.isSymbolicLink == true { found = try attributes(destination) }
      if Self.isDirectory(entry) {
        guard !ancestors.contains(Self.identity(entry)) else {
          warnings.append("skipping '\(path)': a symbolic link to a directory being copied")
          continue
        }
        try uploadTree(path, entry, to: destination, existing: found, overwrite: overwrite, ancestors: ancestors)
      } else if Self.isRegular(entry) {
        try uploadFile(path, entry, to: destination, existing: found, overwrite: overwrite)
      } else {
        warnings.append("skipping special file '\(path)'")
      }
    }
    let permissions = UInt(info.st_mode) & 0o777
    try call(target, "set permissions of") { () throws(SFTPFailure) in
      try client.setPermissions(target, permissions)
    }
  }

  /// The names in a local directory, sorted, without `.` and `..`.
  static func localEntries(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else { throw OSErrors.current(.str(path)) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { field in
        field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
          String(cString: $0)
        }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  // MARK: Download

  /// Copies remote file `source` to local `target`, replacing what is there.
  func downloadFile(_ source: String, _ found: SFTPAttributes, to target: String) throws {
    let handle = try call(source, "open") { () throws(SFTPFailure) in
      try client.open(source, flags: LIBSSH2_FXF_READ, permissions: 0)
    }
    defer { client.close(handle) }
    // Owner-writable while it is written; its own bits are set at the end.
    let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw OSErrors.current(.str(target)) }
    defer { Glibc.close(descriptor) }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunk, alignment: 16)
    defer { buffer.deallocate() }
    var progress = TransferProgress(label(source), total: found.size, enabled: showsProgress)
    defer { progress?.finish() }
    while true {
      let count = try call(source, "read") { () throws(SFTPFailure) in
        try client.read(handle, into: buffer, count: Self.chunk)
      }
      if count == 0 { break }
      var offset = 0
      while offset < count {
        let written = write(descriptor, buffer + offset, count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw OSErrors.current(.str(target))
        }
        offset += written
      }
      progress?.advance(count)
    }
    guard fchmod(descriptor, mode_t(found.permissions)) == 0 else { throw OSErrors.current(.str(target)) }
  }

  /// Copies remote directory `source` (canonically `real`) into local `target` (created, or
  /// merged into when it exists). `ancestors` are the canonical paths of the directories above.
  func downloadTree(_ source: String, _ found: SFTPAttributes, to target: String, real: String, ancestors: Set<String>)
    throws
  {
    var info = stat()
    if stat(target, &info) == 0 {
      guard Self.isDirectory(info) else { throw OSErrors.make(ENOTDIR, path: target) }
    } else if mkdir(target, 0o700) != 0 {
      throw OSErrors.current(.str(target))
    }
    let ancestors = ancestors.union([real])
    let entries = try call(source, "list") { () throws(SFTPFailure) in try client.list(source) }
    for entry in entries.sorted(by: { $0.name < $1.name }) {
      let path = Self.join(source, entry.name)
      let destination = Self.join(target, entry.name)
      var attributes = entry.attributes
      var canonical = Self.join(real, entry.name)
      if attributes.isSymbolicLink {
        guard let followed = try self.attributes(path) else {
          warnings.append("skipping '\(label(path))': \(OSErrors.message(ENOENT))")
          continue
        }
        attributes = followed
        if followed.isDirectory {
          canonical = try call(path, "resolve") { () throws(SFTPFailure) in try client.realPath(path) }
        }
      }
      if attributes.isDirectory {
        guard !ancestors.contains(canonical) else {
          warnings.append("skipping '\(label(path))': a symbolic link to a directory being copied")
          continue
        }
        try downloadTree(path, attributes, to: destination, real: canonical, ancestors: ancestors)
      } else if attributes.isRegular {
        try downloadFile(path, attributes, to: destination)
      } else {
        warnings.append("skipping special file '\(label(path))'")
      }
    }
    guard chmod(target, mode_t(found.permissions)) == 0 else { throw OSErrors.current(.str(target)) }
  }
}
