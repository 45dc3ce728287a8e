import Foundation
import Testing

@testable import SSHScriptCore

/// Script tests: every `Tests/Scripts/<feature>/*.sshs` file runs in-process and must produce
/// what its comments say:
///
/// * `# expect: TEXT` — the next line of standard output (in order; all lines must match);
/// * `# expect error: TEXT` — the last line of standard error contains TEXT;
/// * `# expect exit: N` — the exit status (default 0, or 1 with `expect error`).
///
/// Adding a case is adding a file.
@Suite("scripts")
struct ScriptTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scripts")

  static let cases: [String] = {
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    let scripts = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".sshs") }.sorted()
    // Samples that state their output run too, so the documentation's examples stay true.
    let samples = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")
    let runnable = ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter { name in
      name.hasSuffix(".sshs")
        && ((try? String(contentsOfFile: samples.appendingPathComponent(name).path, encoding: .utf8))?
          .contains("# expect: ") ?? false)
    }
    return scripts + runnable.sorted().map { "../../Samples/" + $0 }
  }()

  @Test func thereAreScripts() {
    #expect(Self.cases.count >= 10)
  }

  @Test(arguments: cases)
  func script(_ name: String) throws {
    let path = Self.root.appendingPathComponent(name).path
    let source = try String(contentsOfFile: path, encoding: .utf8)
    var expectedOutput: [String] = []
    var expectedError: String?
    var expectedExit: Int32?
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let marker = line.range(of: "# expect") else { continue }
      let rest = line[marker.upperBound...]
      if rest.hasPrefix(": ") {
        expectedOutput.append(String(rest.dropFirst(2)))
      } else if rest.hasPrefix(":") {
        expectedOutput.append("")
      } else if rest.hasPrefix(" error: ") {
        expectedError = String(rest.dropFirst(" error: ".count))
      } else if rest.hasPrefix(" exit: ") {
        expectedExit = Int32(rest.dropFirst(" exit: ".count).trimmingCharacters(in: .whitespaces))
      }
    }
    let program = try Program.parse(path: path)
    let stdout = CapturingSink()
    let stderr = CapturingSink()
    let status = ScriptRunner.run(program, argv: [path], stdout: stdout, stderr: stderr)
    let output = stdout.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let lines = output.last == "" ? Array(output.dropLast()) : output
    #expect(lines == expectedOutput, "stdout of \(name); stderr: \(stderr.text)")
    #expect(
      status == (expectedExit ?? (expectedError == nil ? 0 : 1)), "exit status of \(name); stderr: \(stderr.text)")
    if let expectedError {
      let last = stderr.text.split(separator: "\n").last.map(String.init) ?? ""
      #expect(last.contains(expectedError), "last stderr line of \(name): \(last)")
    } else {
      #expect(stderr.text.isEmpty, "unexpected stderr of \(name): \(stderr.text)")
    }
  }
}

/// Collects what the interpreter writes.
final class CapturingSink: OutputSink, @unchecked Sendable {
  private(set) var bytes: [UInt8] = []

  func write(_ data: [UInt8]) {
    bytes.append(contentsOf: data)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}
