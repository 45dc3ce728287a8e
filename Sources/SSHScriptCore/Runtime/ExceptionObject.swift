/// An exception instance (of `BaseException` or any subclass, built-in or defined by a script).
final class ExceptionObject: PyObject {
  let cls: TypeObject
  var args: [Value]
  var attributes: [String: Value] = [:]
  /// The frames the exception passed through, outermost first once it has been caught or
  /// printed (frames are prepended as it propagates outwards).
  var traceback: [TracebackEntry] = []
  var cause: ExceptionObject?
  var context: ExceptionObject?
  var suppressContext = false
  /// A "Did you mean" hint for the printed traceback only (never part of `str(e)`).
  var hint: String?
  /// The outermost frame already in `traceback`, so that a frame that catches and re-raises
  /// the exception is listed once.
  var outermostFrame: ObjectIdentifier?

  /// Adds `frame` (running `name`) as the outermost traceback entry, once.
  func record(_ frame: Frame, name: String) {
    let id = ObjectIdentifier(frame)
    guard outermostFrame != id else { return }
    outermostFrame = id
    traceback.insert(TracebackEntry(name: name, span: frame.line), at: 0)
  }

  init(cls: TypeObject, args: [Value]) {
    self.cls = cls
    self.args = args
  }

  override var pyType: TypeObject { cls }

  func isInstance(of type: TypeObject) -> Bool { cls.isSubtype(of: type) }
}

/// One line of a traceback: the function (or `<module>`) and where it was.
struct TracebackEntry {
  var name: String
  var span: Span
}

/// A script exception travelling through Swift code.
/// Exception objects are only touched by the thread running the interpreter (later: under the
/// interpreter lock), which is what makes carrying them in an `Error` safe.
struct ScriptException: Error, @unchecked Sendable {
  let exception: ExceptionObject

  init(_ exception: ExceptionObject) {
    self.exception = exception
  }
}
