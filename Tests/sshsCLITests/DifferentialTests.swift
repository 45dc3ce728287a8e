import Foundation
import Testing

/// Differential tests: every `Tests/Differential/*.py` is run by `python3` and by `sshs`, in the
/// same directory, with the same environment and an empty standard input; standard output must be
/// identical, and so must the exit status and the last line of standard error (the exception line of
/// a traceback, or the text of `sys.exit("text")`).
///
/// The cases are plain Python 3.11 restricted to what LANGUAGE.md §8 calls core, written so that
/// their output is deterministic (no time, randomness, ids or string-set order). When no Python 3.11
/// is on `PATH` the comparison cannot be made: the tests print a notice and pass.
/// Adding a case is adding a file.
@Suite("differential: python3 and sshs")
struct DifferentialTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Differential")

  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.filter { $0.hasSuffix(".py") }.sorted()
  }()

  /// The reference interpreter: the first `python3.11` or `python3` on `PATH` that reports version
  /// 3.11 (the version LANGUAGE.md §8 follows; other versions word some messages differently), or nil.
  static let python: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories = path.split(separator: ":").filter { !$0.isEmpty }
    for name in ["python3.11", "python3"] {
      for directory in directories {
        let candidate = "\(directory)/\(name)"
        guard FileManager.default.isExecutableFile(atPath: candidate),
          let version = try? Spawner.run(
            path: candidate, arguments: ["--version"], input: [], directory: nil, timeout: timeout),
          version.status == 0, (version.stdout + version.stderr).hasPrefix("Python 3.11")
        else { continue }
        return candidate
      }
    }
    return nil
  }()

  /// Seconds either interpreter may take on one case.
  static let timeout = 60.0

  @Test func thereAreCases() {
    #expect(Self.cases.count >= 60, "only \(Self.cases.count) differential cases in \(Self.root.path)")
  }

  @Test(arguments: cases)
  func differential(_ name: String) throws {
    guard let python = Self.python else {
      print("notice: no python3 3.11 on PATH; differential case \(name) not compared")
      return
    }
    let directory = Self.root.path
    let expected = try Spawner.run(
      path: python, arguments: [name], input: [], directory: directory, timeout: Self.timeout)
    let actual = try SSHS.run([name], in: directory, timeout: Self.timeout)
    #expect(!expected.timedOut, "python3 timed out on \(name)")
    #expect(!actual.timedOut, "sshs timed out on \(name)")
    #expect(actual.stdout == expected.stdout, "stdout of \(name)\n\(Self.difference(expected.stdout, actual.stdout))")
    #expect(
      actual.status == expected.status,
      "exit status of \(name): python3 \(expected.status), sshs \(actual.status)\n--- sshs stderr:\n\(actual.stderr)")
    let expectedLast = Self.lastLine(of: expected.stderr)
    let actualLast = Self.lastLine(of: actual.stderr)
    #expect(
      actualLast == expectedLast,
      "last stderr line of \(name)\n  python3: \(expectedLast)\n  sshs:    \(actualLast)\n--- sshs stderr:\n\(actual.stderr)"
    )
  }

  /// The last non-empty line of `text`, or "" when there is none.
  static func lastLine(of text: String) -> String {
    text.split(separator: "\n").last.map(String.init) ?? ""
  }

  /// The first line where two outputs differ, with its neighbours, for the failure message.
  static func difference(_ expected: String, _ actual: String) -> String {
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    while index < want.count, index < got.count, want[index] == got[index] {
      index += 1
    }
    let range = max(0, index - 2)..<(index + 3)
    func excerpt(_ lines: [Substring]) -> String {
      lines.indices.filter { range.contains($0) }.map { "  \($0 + 1): \(lines[$0])" }.joined(separator: "\n")
    }
    return "first difference at line \(index + 1)\n python3:\n\(excerpt(want))\n sshs:\n\(excerpt(got))"
  }
}
