import Foundation
import Testing

@testable import SSHScriptCore

/// Parser output as `--dump-ast` text: each `Resources/ast-dumps/NAME.sshs` must dump exactly
/// to `NAME.ast`. The expected trees follow Python's `ast` module (node names, field order,
/// positions of the first character) plus the sshs nodes of LANGUAGE.md §9.1.
@Suite("syntax trees")
struct ASTDumpTests {
  static let folder = SyntaxErrorCases.resourceFolder("ast-dumps")

  static let cases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".sshs") }.map { String($0.dropLast(5)) }.sorted()
  }()

  @Test func thereAreCases() {
    #expect(Self.cases.count >= 7)
  }

  @Test(arguments: cases)
  func dumpMatches(name: String) throws {
    let source = Self.folder.appendingPathComponent(name + ".sshs").path
    let expected = try String(contentsOfFile: Self.folder.appendingPathComponent(name + ".ast").path, encoding: .utf8)
    let program = try Program.parse(path: source)
    let dump = ASTDumper.dump(program)
    if dump != expected {
      let got = dump.split(separator: "\n", omittingEmptySubsequences: false)
      let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let first =
        zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
      Issue.record(
        "\(name): first difference at dump line \(first + 1): got '\(first < got.count ? got[first] : "<end>")', expected '\(first < want.count ? want[first] : "<end>")'"
      )
    }
  }

  /// The example of LANGUAGE.md §9.1, verbatim.
  @Test func specificationExample() throws {
    let program = try Program.parse(source: "x = $ls -l @{d}", name: "<string>")
    #expect(
      ASTDumper.dump(program) == """
        Module
          Assign @1:1
            Name @1:1 id=x ctx=Store
            Command @1:5 kind=one form=bare
              Text value='ls -l '
              Interpolation @1:12 conversion=none
                Name @1:14 id=d ctx=Load

        """)
  }

  @Test func includedStatementsKeepTheirOwnFileAndLine() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sshs-include-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "\n\n    y = 2\n    $echo @{y}\n".write(
      to: directory.appendingPathComponent("part.inc"), atomically: true, encoding: .utf8)
    let main = directory.appendingPathComponent("main.sshs").path
    try "x = 1\nif x:\n    $.include('part.inc')\nz = 3\n".write(toFile: main, atomically: true, encoding: .utf8)
    let program = try Program.parse(path: main)
    guard case .if(_, let body, _) = program.module.body[1].kind else {
      Issue.record("expected an if statement")
      return
    }
    #expect(body.count == 2)
    let location = program.files[Int(body[1].span.file)].location(of: Int(body[1].span.start))
    #expect(location.path.hasSuffix("part.inc"))
    #expect(location.line == 4)
    #expect(location.column == 5)
    #expect(program.files.count == 2)
  }
}
