import Foundation

/// `getpass` (LANGUAGE.md §8.6): `getuser`, and `getpass`, which reads a line from the
/// terminal (`/dev/tty`) with echo off, as CPython's `unix_getpass`.
enum GetpassModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "getpass", path: nil)
    let globals = module.globals
    globals.function("getuser") { interpreter, arguments in
      _ = try PythonSignature("getuser", []).bind(arguments)
      for name in ["LOGNAME", "USER", "LNAME", "USERNAME"] {
        if let value = OSPathModule.environmentValue(interpreter, name), !value.isEmpty { return .str(value) }
      }
      let uid = getuid()
      guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else {
        throw Interpreter.keyError(.str("getpwuid(): uid not found: \(uid)"))
      }
      return .str(String(cString: name))
    }
    globals.function("getpass") { interpreter, arguments in
      let values = try PythonSignature("unix_getpass", ["prompt", "stream"], required: 0).bind(arguments)
      let prompt = values[0] ?? .str("Password: ")
      let stream = values[1] ?? Value.none
      let text = try interpreter.str(prompt)
      interpreter.flushStdout()
      let terminal = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
      if terminal >= 0 {
        defer { close(terminal) }
        return .str(try readHidden(interpreter, input: terminal, output: terminal, prompt: text))
      }
      if isatty(0) != 0 {
        return .str(try readHidden(interpreter, input: 0, output: 2, prompt: text))
      }
      // No terminal: CPython's fallback_getpass warns, then reads standard input.
      interpreter.writeStderr("GetPassWarning: Can not control echo on the terminal.\n")
      interpreter.writeStderr("Warning: Password input may be echoed.\n")
      try write(interpreter, stream, text)
      guard let line = interpreter.blocking({ readLine(strippingNewline: true) }) else {
        throw ScriptException(ExceptionObject(cls: BuiltinTypes.eofError, args: []))
      }
      try write(interpreter, stream, "\n")
      return .str(line)
    }
    return module
  }

  /// The prompt goes to `stream` if given, else to standard error.
  private static func write(_ interpreter: Interpreter, _ stream: Value, _ text: String) throws {
    if stream.isNone {
      interpreter.writeStderr(text)
    } else {
      _ = try interpreter.call(try interpreter.getAttribute(stream, "write"), [.str(text)])
    }
  }

  /// Writes the prompt, turns echo off, reads one line, restores the terminal.
  static func readHidden(_ interpreter: Interpreter, input: Int32, output: Int32, prompt: String) throws -> String {
    var original = termios()
    let canControl = tcgetattr(input, &original) == 0
    if canControl {
      var silent = original
      silent.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(input, TCSAFLUSH, &silent)
    }
    defer {
      if canControl { tcsetattr(input, TCSAFLUSH, &original) }
    }
    writeAll(output, Array(prompt.utf8))
    var line: [UInt8] = []
    var byte: UInt8 = 0
    var sawEnd = false
    while true {
      // Other threads run while this one waits for the user.
      let count = withUnsafeMutablePointer(to: &byte) { pointer in interpreter.blocking { read(input, pointer, 1) } }
      if count == 1 {
        if byte == UInt8(ascii: "\n") {
          sawEnd = true
          break
        }
        line.append(byte)
      } else if count < 0 && errno == EINTR {
        try interpreter.checkInterrupt()
      } else {
        break
      }
    }
    writeAll(output, [UInt8(ascii: "\n")])
    if !sawEnd && line.isEmpty { throw ScriptException(ExceptionObject(cls: BuiltinTypes.eofError, args: [])) }
    return String(decoding: line, as: UTF8.self)
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress!, $0.count) }
      if written <= 0 { return }
      offset += written
    }
  }
}
