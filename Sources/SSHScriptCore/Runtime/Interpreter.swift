import Foundation

/// Where the interpreter writes: the host provides the sinks, so the engine never touches the
/// process's standard streams itself and tests can run it in-process.
public protocol OutputSink: AnyObject {
  func write(_ bytes: [UInt8])
  /// The file descriptor the sink writes to, if it is one: local child processes whose output
  /// is not captured then write there themselves (and see a terminal as a terminal). Without
  /// one (the default) their output is collected and written to the sink.
  var fileDescriptor: Int32? { get }
}

extension OutputSink {
  public var fileDescriptor: Int32? { nil }
}

/// Runs programs of the Python subset (LANGUAGE.md §8). One interpreter per program run; its
/// state is only touched by the thread running it.
public final class Interpreter {
  let stdout: OutputSink
  let stderr: OutputSink
  /// `print` output waiting to be written; flushed at exit, by `flush=True`, when large, and
  /// after every newline when `stdoutIsTerminal`.
  private var stdoutBuffer: [UInt8] = []
  let stdoutIsTerminal: Bool

  /// Every source file of every program loaded, indexed by the `file` of compiled spans.
  var sources: [SourceFile] = []
  let builtins: [String: Value]
  var modules: [String: ModuleObject] = [:]
  /// `sys.argv`.
  var argv: [String]
  /// `sys.path`: where `import name` looks for `name.sshs` after the importing file's folder.
  var searchPath: [String] = []

  /// Containers being printed by `repr`, so a list that contains itself prints `[...]`.
  var reprInProgress: Set<ObjectIdentifier> = []
  /// Set to non-zero by the host's SIGINT handler; checked at loop back-edges and calls.
  let interruptRequested: UnsafeMutablePointer<Int32>
  /// The OS thread running the main script, and its `threading.current_thread()` object.
  var mainOSThread: Thread?
  lazy var mainThreadObject: Value = {
    let instance = Instance(cls: ThreadingModule.threadType)
    instance.attributes["name"] = .str("MainThread")
    instance.attributes["daemon"] = .false
    let handle = ThreadHandle(daemon: false, session: nil)
    handle.started = true
    instance.native = handle
    return .object(instance)
  }()
  /// The global interpreter lock; the thread running script code holds it.
  let lock = InterpreterLock()
  /// The machine sshs runs on: the bottom of the main thread's session stack (LANGUAGE.md §6.1).
  let localSession = Session.local()
  /// The session stack of the thread holding the lock (saved and restored like `callDepth`).
  lazy var sessions = SessionStack(localSession)
  /// Sessions `$.connect` opened, closed when the main script ends (LANGUAGE.md §6.7).
  var connectedSessions: [Session] = []
  /// One-time warnings of the host-key check (§6.4).
  var warnedAboutIgnoredHostKeys = false
  var warnedAboutCertificates = false
  /// The level from which `$.logger` writes: WARNING (30) by default, INFO with `-v`, ERROR with
  /// `-q`, the level of `-d` (LANGUAGE.md §7).
  var logThreshold = 30
  /// `-v`: command output is echoed, stdout to stdout and stderr to stderr (§3.11).
  var verbose = false
  /// Threads started by the script that are still running (for the wait at exit).
  var liveThreads: [ThreadHandle] = []
  /// Callables of `threading._register_atexit`, run (last first) when the main script ends,
  /// before the wait for non-daemon threads: `concurrent.futures` stops its idle workers there.
  var threadingExitHooks: [Value] = []
  /// Current depth of script function calls of the thread holding the lock, for
  /// `RecursionError` (saved and restored around every release of the lock).
  var callDepth = 0
  static let recursionLimit = 1000
  /// The exceptions being handled by `except` blocks of the thread holding the lock, innermost
  /// last (`sys.exc_info()`, `traceback.format_exc()`); saved and restored like `callDepth`.
  var handledExceptions: [ExceptionObject] = []
  /// `sys.stdin`, which `input()` reads too.
  lazy var stdin = FileObject(
    descriptor: 0, name: .str("<stdin>"), mode: "r", isBinary: false, canRead: true, canWrite: false,
    closesDescriptor: false)

  public init(
    stdout: OutputSink, stderr: OutputSink, stdoutIsTerminal: Bool = false, argv: [String] = [""],
    interruptFlag: UnsafeMutablePointer<Int32>? = nil
  ) {
    self.interruptRequested = interruptFlag ?? Interpreter.neverInterrupted
    self.stdout = stdout
    self.stderr = stderr
    self.stdoutIsTerminal = stdoutIsTerminal
    self.argv = argv
    BuiltinMethods.installOnce()
    self.builtins = Builtins.namespace()
  }

  /// A flag nobody sets, for interpreters without a signal handler.
  nonisolated(unsafe) private static let neverInterrupted: UnsafeMutablePointer<Int32> = {
    let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    flag.pointee = 0
    return flag
  }()

  // MARK: - Output

  func writeStdout(_ text: String) {
    stdoutBuffer.append(contentsOf: text.utf8)
    if stdoutBuffer.count >= 1 << 16 || (stdoutIsTerminal && text.utf8.contains(UInt8(ascii: "\n"))) {
      flushStdout()
    }
  }

  func writeStderr(_ text: String) {
    flushStdout()
    stderr.write(Array(text.utf8))
  }

  public func flushStdout() {
    guard !stdoutBuffer.isEmpty else { return }
    stdout.write(stdoutBuffer)
    stdoutBuffer.removeAll(keepingCapacity: true)
  }

  // MARK: - Errors

  /// A new exception of a built-in class with one message argument.
  static func error(_ type: TypeObject, _ message: String) -> ScriptException {
    ScriptException(ExceptionObject(cls: type, args: [.str(message)]))
  }

  static func typeError(_ message: String) -> ScriptException { error(BuiltinTypes.typeError, message) }
  static func valueError(_ message: String) -> ScriptException { error(BuiltinTypes.valueError, message) }
  static func indexError(_ message: String) -> ScriptException { error(BuiltinTypes.indexError, message) }
  static func attributeError(_ message: String) -> ScriptException { error(BuiltinTypes.attributeError, message) }
  static func nameError(_ message: String) -> ScriptException { error(BuiltinTypes.nameError, message) }
  static func zeroDivision(_ message: String) -> ScriptException { error(BuiltinTypes.zeroDivisionError, message) }
  static func overflowError(_ message: String) -> ScriptException { error(BuiltinTypes.overflowError, message) }
  static func notImplemented(_ message: String) -> ScriptException {
    error(BuiltinTypes.notImplementedError, message)
  }

  static func keyError(_ key: Value) -> ScriptException {
    ScriptException(ExceptionObject(cls: BuiltinTypes.keyError, args: [key]))
  }

  /// A feature of the language that this build does not run yet: a clear error, never a crash.
  static func unsupported(_ feature: String) -> ScriptException {
    error(BuiltinTypes.notImplementedError, "\(feature) is not supported by sshs yet")
  }
}
