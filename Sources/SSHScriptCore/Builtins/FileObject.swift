import Foundation

/// A file opened by `open()` (and `sys.stdin`): a descriptor with a read buffer and a write
/// buffer, in text mode (decoding, universal newlines) or binary mode.
///
/// Reads and writes release the interpreter lock, so a thread reading a pipe or a terminal does
/// not stop the others. The descriptor is closed by `close()`, by `with`, or when the object goes.
final class FileObject: PyObject {
  let name: Value
  let mode: String
  let isBinary: Bool
  let canRead: Bool
  let canWrite: Bool
  /// The codec (`utf-8`, `ascii`, `latin-1`) and error handler of a text file.
  let encoding: String
  let errors: String
  /// The encoding as `open` was given it (`file.encoding`); `UTF-8` by default.
  let encodingName: String
  /// `newline=None`: `\r\n` and `\r` read as `\n`. Otherwise lines end at `\n` and nothing is
  /// translated (what `newline=''` and `'\n'` do on POSIX).
  let universalNewlines: Bool
  /// Whether a line can end at `\r` (`newline=None` and `''`; not `'\n'`).
  let carriageReturnEndsLines: Bool
  private(set) var descriptor: Int32
  private let closesDescriptor: Bool
  private var readBuffer: [UInt8] = []
  private var readStart = 0
  private var writeBuffer: [UInt8] = []

  init(
    descriptor: Int32, name: Value, mode: String, isBinary: Bool, canRead: Bool, canWrite: Bool,
    encoding: String = "utf-8", encodingName: String = "UTF-8", errors: String = "strict",
    universalNewlines: Bool = true,
    carriageReturnEndsLines: Bool = true, closesDescriptor: Bool = true
  ) {
    self.descriptor = descriptor
    self.name = name
    self.mode = mode
    self.isBinary = isBinary
    self.canRead = canRead
    self.canWrite = canWrite
    self.encoding = encoding
    self.encodingName = encodingName
    self.errors = errors
    self.universalNewlines = universalNewlines
    self.carriageReturnEndsLines = carriageReturnEndsLines
    self.closesDescriptor = closesDescriptor
  }

  deinit {
    if descriptor >= 0 {
      _ = try? flushBuffer(nil)
      if closesDescriptor { Foundation.close(descriptor) }
    }
  }

  override var pyType: TypeObject {
    if !isBinary { return FileObject.textType }
    return canRead && canWrite ? FileObject.randomType : canRead ? FileObject.readerType : FileObject.writerType
  }

  nonisolated(unsafe) static let textType = TypeObject(
    name: "TextIOWrapper", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_io")
  nonisolated(unsafe) static let readerType = TypeObject(
    name: "BufferedReader", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_io")
  nonisolated(unsafe) static let writerType = TypeObject(
    name: "BufferedWriter", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_io")
  nonisolated(unsafe) static let randomType = TypeObject(
    name: "BufferedRandom", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_io")
  /// `io.UnsupportedOperation`, both an `OSError` and a `ValueError`.
  nonisolated(unsafe) static let unsupportedOperation: TypeObject = {
    let type = TypeObject(
      name: "UnsupportedOperation", bases: [BuiltinTypes.osError, BuiltinTypes.valueError], layout: .exception,
      moduleName: "io")
    _ = type.computeMRO()
    return type
  }()

  static let chunkSize = 65536

  var closed: Bool { descriptor < 0 }

  func checkOpen() throws {
    if closed { throw Interpreter.valueError("I/O operation on closed file.") }
  }

  func checkReadable() throws {
    try checkOpen()
    if !canRead { throw Interpreter.error(FileObject.unsupportedOperation, "not readable") }
  }

  func checkWritable() throws {
    try checkOpen()
    if !canWrite { throw Interpreter.error(FileObject.unsupportedOperation, "not writable") }
  }

  // MARK: - Descriptor I/O

  /// Reads one chunk into the buffer; false at end of file.
  private func fill(_ interpreter: Interpreter?) throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: FileObject.chunkSize)
    let descriptor = self.descriptor
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        let read = { Foundation.read(descriptor, buffer.baseAddress, buffer.count) }
        return interpreter.map { $0.blocking(read) } ?? read()
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw OSErrors.current() }
      if count == 0 { return false }
      if readStart > 0 {
        readBuffer.removeFirst(readStart)
        readStart = 0
      }
      readBuffer.append(contentsOf: chunk[0..<count])
      return true
    }
  }

  /// Writes out the write buffer.
  func flushBuffer(_ interpreter: Interpreter?) throws {
    var offset = 0
    let descriptor = self.descriptor
    while offset < writeBuffer.count {
      let count = writeBuffer[offset...].withUnsafeBytes { buffer in
        let write = { Foundation.write(descriptor, buffer.baseAddress, buffer.count) }
        return interpreter.map { $0.blocking(write) } ?? write()
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 {
        writeBuffer.removeAll()
        throw OSErrors.current()
      }
      offset += count
    }
    writeBuffer.removeAll()
  }

  /// Before reading: pending writes go out. Before writing: unread input is given back, so the
  /// file position is where the script thinks it is.
  private func prepareRead(_ interpreter: Interpreter) throws {
    if !writeBuffer.isEmpty { try flushBuffer(interpreter) }
  }

  private func prepareWrite() {
    let unread = readBuffer.count - readStart
    if unread > 0 { lseek(descriptor, off_t(-unread), SEEK_CUR) }
    readBuffer.removeAll()
    readStart = 0
  }

  // MARK: - Reading

  /// Every remaining byte.
  func readAllBytes(_ interpreter: Interpreter) throws -> [UInt8] {
    try prepareRead(interpreter)
    while try fill(interpreter) {}
    defer {
      readBuffer.removeAll()
      readStart = 0
    }
    return Array(readBuffer[readStart...])
  }

  /// Up to `count` bytes (fewer only at the end of the file).
  func readBytes(_ count: Int, _ interpreter: Interpreter) throws -> [UInt8] {
    try prepareRead(interpreter)
    while readBuffer.count - readStart < count, try fill(interpreter) {}
    let end = min(readStart + count, readBuffer.count)
    defer { readStart = end }
    return Array(readBuffer[readStart..<end])
  }

  /// The bytes of the next line, its end included; at most `limit` bytes when it is not negative.
  /// In universal-newline mode a line also ends at `\r` and `\r\n`.
  func readLineBytes(_ interpreter: Interpreter, limit: Int = -1) throws -> [UInt8] {
    try prepareRead(interpreter)
    var scanned = readStart
    while true {
      while scanned < readBuffer.count {
        let byte = readBuffer[scanned]
        if limit >= 0 && scanned - readStart >= limit { return take(upTo: scanned) }
        if byte == 10 { return take(upTo: scanned + 1) }
        if byte == 13 && carriageReturnEndsLines && !isBinary {
          if scanned + 1 == readBuffer.count {
            let offset = scanned - readStart
            if try !fill(interpreter) { return take(upTo: readBuffer.count) }
            scanned = readStart + offset
          }
          return take(upTo: scanned + (readBuffer[scanned + 1] == 10 ? 2 : 1))
        }
        scanned += 1
      }
      let offset = scanned - readStart
      if try !fill(interpreter) { return take(upTo: readBuffer.count) }
      scanned = readStart + offset
    }
  }

  private func take(upTo end: Int) -> [UInt8] {
    defer { readStart = end }
    return Array(readBuffer[readStart..<end])
  }

  /// Text from bytes read: decoded, with newlines translated in universal mode.
  func decode(_ bytes: [UInt8], _ interpreter: Interpreter) throws -> String {
    let text = try Codecs.decode(bytes, encoding: .str(encoding), errors: .str(errors), interpreter)
    guard universalNewlines, bytes.contains(13) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// Bytes read, as the script sees them: `bytes` in binary mode, decoded text otherwise.
  func value(of bytes: [UInt8], _ interpreter: Interpreter) throws -> Value {
    isBinary ? .bytes(bytes) : .str(try decode(bytes, interpreter))
  }

  /// Up to `count` characters of text (a `\r\n` pair is one in universal-newline mode).
  func readCharacters(_ count: Int, _ interpreter: Interpreter) throws -> String {
    try prepareRead(interpreter)
    // Offsets are from `readStart`, which `fill` moves when it compacts the buffer.
    var offset = 0
    var characters = 0
    while characters < count {
      let position = readStart + offset
      if position >= readBuffer.count {
        if try fill(interpreter) { continue }
        break
      }
      let lead = readBuffer[position]
      var length = encoding == "utf-8" ? FileObject.sequenceLength(lead) : 1
      if lead == 13 && universalNewlines {
        if position + 1 >= readBuffer.count {
          if try fill(interpreter) { continue }
        } else if readBuffer[position + 1] == 10 {
          length = 2
        }
      }
      if position + length > readBuffer.count {
        if try fill(interpreter) { continue }
        length = readBuffer.count - position
      }
      offset += length
      characters += 1
    }
    return try decode(take(upTo: readStart + offset), interpreter)
  }

  static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: return 4
    case 0xE0...: return 3
    case 0xC0...: return 2
    default: return 1
    }
  }

  // MARK: - Writing and positioning

  func write(_ bytes: [UInt8], _ interpreter: Interpreter) throws {
    prepareWrite()
    writeBuffer.append(contentsOf: bytes)
    if writeBuffer.count >= FileObject.chunkSize || isTerminal { try flushBuffer(interpreter) }
  }

  private lazy var isTerminal: Bool = isatty(descriptor) == 1

  func seek(_ offset: Int, whence: Int32, _ interpreter: Interpreter) throws -> Int {
    try flushBuffer(interpreter)
    var target = off_t(offset)
    if whence == SEEK_CUR { target -= off_t(readBuffer.count - readStart) }
    readBuffer.removeAll()
    readStart = 0
    let position = lseek(descriptor, target, whence)
    if position < 0 { throw OSErrors.current() }
    return Int(position)
  }

  func tell(_ interpreter: Interpreter) throws -> Int {
    try flushBuffer(interpreter)
    let position = lseek(descriptor, 0, SEEK_CUR)
    if position < 0 { throw OSErrors.current() }
    return Int(position) - (readBuffer.count - readStart)
  }

  func truncate(_ size: Int?, _ interpreter: Interpreter) throws -> Int {
    try flushBuffer(interpreter)
    let length = try size ?? tell(interpreter)
    if ftruncate(descriptor, off_t(length)) != 0 { throw OSErrors.current() }
    return length
  }

  func close(_ interpreter: Interpreter) throws {
    guard descriptor >= 0 else { return }
    defer {
      if closesDescriptor { Foundation.close(descriptor) }
      descriptor = -1
    }
    try flushBuffer(interpreter)
  }
}
