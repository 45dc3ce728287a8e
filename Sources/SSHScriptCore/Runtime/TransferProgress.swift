import Dispatch
import Foundation

/// The one-line progress display of a large transfer (LANGUAGE.md §6.10),
/// `web1:/srv/app.tar.gz  42%  11.3/27.0 MiB  8.2 MiB/s`: redrawn on stderr at most ten times
/// a second and erased when the file is done. It is written to the terminal directly, since
/// the copy runs with the interpreter lock released.
struct TransferProgress {
  /// Smaller files are not shown.
  static let threshold: UInt64 = 1 << 20
  private let name: String
  private let total: UInt64
  private var done: UInt64 = 0
  private let started = DispatchTime.now().uptimeNanoseconds
  private var lastDrawn: UInt64 = 0
  private var drawn = false

  /// A display for `total` bytes of `name`; nil when not `enabled` (stderr is not a terminal,
  /// or `-q`) or the file is small.
  init?(_ name: String, total: UInt64, enabled: Bool) {
    guard enabled, total > Self.threshold else { return nil }
    self.name = name
    self.total = total
  }

  mutating func advance(_ count: Int) {
    done += UInt64(count)
    let now = DispatchTime.now().uptimeNanoseconds
    guard now &- lastDrawn >= 100_000_000 else { return }
    lastDrawn = now
    let mebibyte = 1_048_576.0
    let seconds = max(Double(now - started) / 1e9, 0.001)
    let percent = min(100, Int(Double(done) * 100 / Double(total)))
    let figures = String(
      format: "  %d%%  %.1f/%.1f MiB  %.1f MiB/s", percent, Double(done) / mebibyte, Double(total) / mebibyte,
      Double(done) / mebibyte / seconds)
    // Kept to one line of the terminal (a wrapped line could not be redrawn): a long name
    // loses its start.
    var shown = name
    var size = winsize()
    if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      let room = Int(size.ws_col) - 1 - figures.count
      if shown.count > room { shown = "…" + String(shown.suffix(max(room - 1, 0))) }
    }
    Self.emit("\r" + shown + figures + "\u{1B}[K")
    drawn = true
  }

  /// Erases the line, if it was drawn.
  func finish() {
    if drawn { Self.emit("\r\u{1B}[K") }
  }

  private static func emit(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }
}
