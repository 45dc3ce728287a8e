import Foundation

/// `socket` (LANGUAGE.md §8.6): `gethostname` only.
enum SocketModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "socket", path: nil)
    module.globals.function("gethostname") { _, arguments in
      try OSModule.noArgumentsCheck("_socket.gethostname", arguments)
      var buffer = [CChar](repeating: 0, count: 256)
      guard gethostname(&buffer, buffer.count - 1) == 0 else { throw OSErrors.current() }
      return .str(buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }
    return module
  }
}
