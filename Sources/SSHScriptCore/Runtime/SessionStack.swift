/// A thread's stack of sessions (LANGUAGE.md §6.1): its top is the effective session, on which
/// commands, consoles and `$.name` act. The bottom entry is the session the thread started with
/// (the local session for the main thread) and is never popped.
///
/// Each interpreter thread has its own stack; the interpreter keeps the running thread's one in
/// `Interpreter.sessions` and swaps it with the rest of the thread's state when the interpreter
/// lock changes hands.
struct SessionStack {
  private struct Entry {
    let session: Session
    /// The block that pushed it opened it, so popping closes it (`with $.connect(…):`).
    let closesOnPop: Bool
  }

  private var entries: [Entry]

  init(_ bottom: Session) {
    entries = [Entry(session: bottom, closesOnPop: false)]
  }

  var top: Session { entries[entries.count - 1].session }
  var count: Int { entries.count }

  mutating func push(_ session: Session, closesOnPop: Bool = false) {
    entries.append(Entry(session: session, closesOnPop: closesOnPop))
  }

  /// Pops the topmost entry of `session` and every entry above it (sessions pushed inside the
  /// block that pushed it, §6.1) and returns those that must be closed, innermost first. Does
  /// nothing when `session` is above the bottom nowhere (it was closed and popped meanwhile).
  mutating func pop(through session: Session) -> [Session] {
    guard let index = entries.indices.dropFirst().last(where: { entries[$0].session === session }) else { return [] }
    let popped = entries[index...].reversed().filter(\.closesOnPop).map(\.session)
    entries.removeSubrange(index...)
    return popped
  }

  /// Pops entries above the first `depth` ones (a `bind` wrapper's call returning), returning
  /// those to close.
  mutating func truncate(to depth: Int) -> [Session] {
    guard depth < entries.count, depth >= 1 else { return [] }
    let popped = entries[depth...].reversed().filter(\.closesOnPop).map(\.session)
    entries.removeSubrange(depth...)
    return popped
  }
}
