/// The built-in classes. They are created once and never changed after start-up (their method
/// tables are filled by `BuiltinMethods.install()` before any script runs), so they are shared
/// by every interpreter in the process.
enum BuiltinTypes {
  private static func make(_ name: String, _ base: TypeObject? = object, layout: TypeObject.Layout = .fixed)
    -> TypeObject
  {
    TypeObject(name: name, bases: base.map { [$0] } ?? [], layout: layout)
  }

  nonisolated(unsafe) static let object = TypeObject(name: "object", bases: [], layout: .object)
  nonisolated(unsafe) static let type = make("type")
  nonisolated(unsafe) static let noneType = make("NoneType")
  nonisolated(unsafe) static let int = make("int")
  nonisolated(unsafe) static let bool = make("bool", int)
  nonisolated(unsafe) static let float = make("float")
  nonisolated(unsafe) static let str = make("str")
  nonisolated(unsafe) static let bytes = make("bytes")
  nonisolated(unsafe) static let tuple = make("tuple")
  nonisolated(unsafe) static let list = make("list", layout: .list)
  nonisolated(unsafe) static let dict = make("dict", layout: .dict)
  nonisolated(unsafe) static let set = make("set")
  nonisolated(unsafe) static let frozenset = make("frozenset")
  nonisolated(unsafe) static let range = make("range")
  nonisolated(unsafe) static let slice = make("slice")
  nonisolated(unsafe) static let function = make("function")
  nonisolated(unsafe) static let builtinFunction = make("builtin_function_or_method")
  nonisolated(unsafe) static let method = make("method")
  nonisolated(unsafe) static let module = make("module")
  nonisolated(unsafe) static let iterator = make("iterator")
  nonisolated(unsafe) static let staticmethod = make("staticmethod")
  nonisolated(unsafe) static let classmethod = make("classmethod")
  nonisolated(unsafe) static let property = make("property")
  nonisolated(unsafe) static let superType = make("super")
  nonisolated(unsafe) static let dictKeys = make("dict_keys")
  nonisolated(unsafe) static let dictValues = make("dict_values")
  nonisolated(unsafe) static let dictItems = make("dict_items")
  nonisolated(unsafe) static let textStream = make("TextIOWrapper")
  nonisolated(unsafe) static let generator = make("generator")
  nonisolated(unsafe) static let notImplementedType = make("NotImplementedType")
  nonisolated(unsafe) static let ellipsisType = make("ellipsis")

  // MARK: - Exceptions (LANGUAGE.md §8.5)

  nonisolated(unsafe) static let baseException = make("BaseException", layout: .exception)
  nonisolated(unsafe) static let systemExit = make("SystemExit", baseException, layout: .exception)
  nonisolated(unsafe) static let keyboardInterrupt = make("KeyboardInterrupt", baseException, layout: .exception)
  nonisolated(unsafe) static let generatorExit = make("GeneratorExit", baseException, layout: .exception)
  nonisolated(unsafe) static let exception = make("Exception", baseException, layout: .exception)
  nonisolated(unsafe) static let arithmeticError = make("ArithmeticError", exception, layout: .exception)
  nonisolated(unsafe) static let zeroDivisionError = make("ZeroDivisionError", arithmeticError, layout: .exception)
  nonisolated(unsafe) static let overflowError = make("OverflowError", arithmeticError, layout: .exception)
  nonisolated(unsafe) static let assertionError = make("AssertionError", exception, layout: .exception)
  nonisolated(unsafe) static let attributeError = make("AttributeError", exception, layout: .exception)
  nonisolated(unsafe) static let eofError = make("EOFError", exception, layout: .exception)
  nonisolated(unsafe) static let importError = make("ImportError", exception, layout: .exception)
  nonisolated(unsafe) static let moduleNotFoundError = make("ModuleNotFoundError", importError, layout: .exception)
  nonisolated(unsafe) static let lookupError = make("LookupError", exception, layout: .exception)
  nonisolated(unsafe) static let indexError = make("IndexError", lookupError, layout: .exception)
  nonisolated(unsafe) static let keyError = make("KeyError", lookupError, layout: .exception)
  nonisolated(unsafe) static let nameError = make("NameError", exception, layout: .exception)
  nonisolated(unsafe) static let unboundLocalError = make("UnboundLocalError", nameError, layout: .exception)
  nonisolated(unsafe) static let osError = make("OSError", exception, layout: .exception)
  nonisolated(unsafe) static let fileNotFoundError = make("FileNotFoundError", osError, layout: .exception)
  nonisolated(unsafe) static let fileExistsError = make("FileExistsError", osError, layout: .exception)
  nonisolated(unsafe) static let permissionError = make("PermissionError", osError, layout: .exception)
  nonisolated(unsafe) static let isADirectoryError = make("IsADirectoryError", osError, layout: .exception)
  nonisolated(unsafe) static let notADirectoryError = make("NotADirectoryError", osError, layout: .exception)
  nonisolated(unsafe) static let timeoutError = make("TimeoutError", osError, layout: .exception)
  nonisolated(unsafe) static let connectionError = make("ConnectionError", osError, layout: .exception)
  nonisolated(unsafe) static let brokenPipeError = make("BrokenPipeError", connectionError, layout: .exception)
  nonisolated(unsafe) static let connectionAbortedError = make(
    "ConnectionAbortedError", connectionError, layout: .exception)
  nonisolated(unsafe) static let connectionRefusedError = make(
    "ConnectionRefusedError", connectionError, layout: .exception)
  nonisolated(unsafe) static let connectionResetError = make(
    "ConnectionResetError", connectionError, layout: .exception)
  nonisolated(unsafe) static let blockingIOError = make("BlockingIOError", osError, layout: .exception)
  nonisolated(unsafe) static let childProcessError = make("ChildProcessError", osError, layout: .exception)
  nonisolated(unsafe) static let interruptedError = make("InterruptedError", osError, layout: .exception)
  nonisolated(unsafe) static let processLookupError = make("ProcessLookupError", osError, layout: .exception)
  nonisolated(unsafe) static let floatingPointError = make("FloatingPointError", arithmeticError, layout: .exception)
  nonisolated(unsafe) static let memoryError = make("MemoryError", exception, layout: .exception)
  nonisolated(unsafe) static let bufferError = make("BufferError", exception, layout: .exception)
  nonisolated(unsafe) static let warning = make("Warning", exception, layout: .exception)
  nonisolated(unsafe) static let userWarning = make("UserWarning", warning, layout: .exception)
  nonisolated(unsafe) static let deprecationWarning = make("DeprecationWarning", warning, layout: .exception)
  nonisolated(unsafe) static let runtimeWarning = make("RuntimeWarning", warning, layout: .exception)
  nonisolated(unsafe) static let runtimeError = make("RuntimeError", exception, layout: .exception)
  nonisolated(unsafe) static let systemError = make("SystemError", exception, layout: .exception)
  nonisolated(unsafe) static let notImplementedError = make("NotImplementedError", runtimeError, layout: .exception)
  nonisolated(unsafe) static let recursionError = make("RecursionError", runtimeError, layout: .exception)
  nonisolated(unsafe) static let stopIteration = make("StopIteration", exception, layout: .exception)
  nonisolated(unsafe) static let syntaxError = make("SyntaxError", exception, layout: .exception)
  nonisolated(unsafe) static let indentationError = make("IndentationError", syntaxError, layout: .exception)
  nonisolated(unsafe) static let tabError = make("TabError", indentationError, layout: .exception)
  nonisolated(unsafe) static let typeError = make("TypeError", exception, layout: .exception)
  nonisolated(unsafe) static let valueError = make("ValueError", exception, layout: .exception)
  nonisolated(unsafe) static let unicodeError = make("UnicodeError", valueError, layout: .exception)
  nonisolated(unsafe) static let unicodeDecodeError = make("UnicodeDecodeError", unicodeError, layout: .exception)
  nonisolated(unsafe) static let unicodeEncodeError = make("UnicodeEncodeError", unicodeError, layout: .exception)
  nonisolated(unsafe) static let sshScriptError = make("SSHScriptError", exception, layout: .exception)
  nonisolated(unsafe) static let sshConnectionError = make("SSHConnectionError", sshScriptError, layout: .exception)
  nonisolated(unsafe) static let sshAuthenticationError = make(
    "SSHAuthenticationError", sshScriptError, layout: .exception)
  nonisolated(unsafe) static let sshHostKeyError = make("SSHHostKeyError", sshScriptError, layout: .exception)
  nonisolated(unsafe) static let sshScriptExit = make("SSHScriptExit", systemExit, layout: .exception)
  nonisolated(unsafe) static let sshScriptBreak = make("SSHScriptBreak", systemExit, layout: .exception)

  /// Every exception class, for the builtins namespace.
  nonisolated(unsafe) static let exceptions: [TypeObject] = [
    baseException, systemExit, keyboardInterrupt, generatorExit, exception, arithmeticError, zeroDivisionError,
    overflowError, assertionError, attributeError, eofError, importError, moduleNotFoundError, lookupError,
    indexError, keyError, nameError, unboundLocalError, osError, fileNotFoundError, fileExistsError,
    permissionError, isADirectoryError, notADirectoryError, timeoutError, connectionError, brokenPipeError,
    connectionAbortedError, connectionRefusedError, connectionResetError, blockingIOError, childProcessError,
    interruptedError, processLookupError, floatingPointError, memoryError, bufferError, warning, userWarning,
    deprecationWarning, runtimeWarning, runtimeError,
    notImplementedError, recursionError, stopIteration, syntaxError, indentationError, tabError, typeError,
    valueError, unicodeError, unicodeDecodeError, unicodeEncodeError, sshScriptError, sshConnectionError,
    sshAuthenticationError, sshHostKeyError, sshScriptExit, sshScriptBreak,
  ]
}
