import Foundation

/// `sys` (LANGUAGE.md §8.6).
enum SysModule {
  static func make(_ interpreter: Interpreter) -> ModuleObject {
    let module = ModuleObject(name: "sys", path: nil)
    let globals = module.globals
    globals["argv"] = .list(ListObject(interpreter.argv.map { .str($0) }))
    #if os(Linux)
      globals["platform"] = .str("linux")
    #else
      globals["platform"] = .str("darwin")
    #endif
    globals["version"] = .str("3.11.0 (sshs 1.0.0)")
    globals["version_info"] = .tuple([.int(3), .int(11), .int(0), .str("final"), .int(0)])
    globals["maxsize"] = .int(Int.max)
    globals["executable"] = .str(CommandLine.arguments.first ?? "sshs")
    globals["path"] = .list(ListObject(interpreter.searchPath.map { .str($0) }))
    globals["exit"] = .object(
      BuiltinFunction("exit") { _, arguments in
        throw ScriptException(ExceptionObject(cls: BuiltinTypes.systemExit, args: arguments.positional))
      })
    globals["stdout"] = .object(StreamObject(name: "<stdout>") { interpreter, text in interpreter.writeStdout(text) })
    globals["stderr"] = .object(StreamObject(name: "<stderr>") { interpreter, text in interpreter.writeStderr(text) })
    globals["stdin"] = .object(interpreter.stdin)
    globals["exc_info"] = .object(
      BuiltinFunction("exc_info") { interpreter, _ in
        guard let exception = interpreter.handledExceptions.last else { return .tuple([.none, .none, .none]) }
        return .tuple([.object(exception.cls), .object(exception), .none])
      })
    globals["exception"] = .object(
      BuiltinFunction("exception") { interpreter, _ in
        interpreter.handledExceptions.last.map { .object($0) } ?? Value.none
      })
    globals["getrecursionlimit"] = .object(
      BuiltinFunction("getrecursionlimit") { _, _ in .int(Interpreter.recursionLimit) })
    return module
  }
}

/// `sys.stdout` / `sys.stderr`: `write`, `flush`.
final class StreamObject: PyObject {
  let name: String
  let write: (Interpreter, String) -> Void

  init(name: String, write: @escaping (Interpreter, String) -> Void) {
    self.name = name
    self.write = write
  }

  override var pyType: TypeObject { BuiltinTypes.textStream }

  static func install() {
    BuiltinMethods.add(BuiltinTypes.textStream, "write") { interpreter, arguments in
      guard arguments.positional.count == 2, case .object(let stream as StreamObject) = arguments.positional[0] else {
        throw Interpreter.typeError("write() takes exactly one argument")
      }
      guard case .str(let text) = arguments.positional[1] else {
        throw Interpreter.typeError("write() argument must be str, not \(Runtime.typeName(arguments.positional[1]))")
      }
      stream.write(interpreter, text)
      return .int(text.unicodeScalars.count)
    }
    BuiltinMethods.add(BuiltinTypes.textStream, "flush") { interpreter, _ in
      interpreter.flushStdout()
      return .none
    }
  }
}
