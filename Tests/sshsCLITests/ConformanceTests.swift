import Foundation
import Testing

/// The conformance scripts of SSHScript 2.0 (`../shared/conformance`, beside the clone): each
/// `NN_name.spy` runs with its `.args` (script arguments) and `.cliflags` (sshs options) and must
/// print exactly its `.out` and exit with its `.rc`. They run in a copy of the directory, so a
/// script cannot change the originals.
///
/// Where `../shared` is absent (a user's clone) the tests print a notice and pass.
@Suite("conformance scripts")
struct ConformanceTests {
  static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/conformance")

  /// Scripts not run yet, with the milestone that makes them pass (none left).
  static let later: [String: String] = [:]

  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []
    return names.filter { $0.hasSuffix(".spy") }.map { String($0.dropLast(4)) }.filter { later[$0] == nil }.sorted()
  }()

  /// A private copy of the scripts, made once.
  static let directory: URL? = {
    guard FileManager.default.fileExists(atPath: source.path) else { return nil }
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("sshs-conformance-\(getpid())")
    try? FileManager.default.removeItem(at: copy)
    do {
      try FileManager.default.copyItem(at: source, to: copy)
    } catch {
      return nil
    }
    // Removed when the test process ends (Swift Testing has no suite-wide teardown).
    copyPath = copy.path
    atexit { try? FileManager.default.removeItem(atPath: ConformanceTests.copyPath) }
    return copy
  }()

  /// The copy's path, for the `atexit` handler, which cannot capture it; set once, before use.
  nonisolated(unsafe) static var copyPath = ""

  @Test func scriptsArePresent() {
    guard Self.directory != nil else {
      print("notice: ../shared/conformance is not beside this clone; the conformance scripts are not run")
      return
    }
    #expect(Self.cases.count >= 20)
    if !Self.later.isEmpty {
      print(
        "notice: conformance scripts left for later milestones: \(Self.later.keys.sorted().joined(separator: ", "))")
    }
  }

  @Test(arguments: cases)
  func script(_ name: String) throws {
    guard let directory = Self.directory else { return }
    func read(_ suffix: String) -> String? {
      try? String(contentsOf: directory.appendingPathComponent(name + suffix), encoding: .utf8)
    }
    let words = { (text: String?) in text.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? [] }
    let arguments = words(read(".cliflags")) + [name + ".spy"] + words(read(".args"))
    let result = try SSHS.run(arguments, in: directory.path, timeout: 60)
    #expect(result.stdout == read(".out"), "\(result)")
    #expect(result.status == Int32(read(".rc")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0"), "\(result)")
  }
}
