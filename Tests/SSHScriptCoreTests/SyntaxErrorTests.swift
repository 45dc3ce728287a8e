import Foundation
import Testing

@testable import SSHScriptCore

/// One case of a `Resources/syntax-errors/*.errors` file: a snippet and the first diagnostic it must produce.
/// The format is described at the top of each data file.
struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
  /// Name of the data file, such as `dollar-forms.errors`.
  var file: String
  /// 1-based index of the case within its file.
  var index: Int
  /// 1-based line of the case's header in the data file, to find it quickly.
  var fileLine: Int
  var line: Int
  var column: Int
  var message: String
  var source: String

  var expected: String { "\(line):\(column): \(message)" }
  var testDescription: String { "\(file)#\(index) (line \(fileLine)): \(expected)" }
}

/// Loads the data files once.
enum SyntaxErrorCases {
  static let headerPrefix = "# error: "

  /// A folder of the test resources (`.copy("Resources")`, so the bundle holds a `Resources` folder).
  /// Falls back to the source tree when the bundle layout is not what is expected.
  static func resourceFolder(_ name: String) -> URL {
    let candidates: [URL?] = [
      Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
      Bundle.module.url(forResource: name, withExtension: nil),
      Bundle.module.resourceURL?.appendingPathComponent("Resources").appendingPathComponent(name),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")
        .appendingPathComponent(name),
    ]
    for case let url? in candidates {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        return url
      }
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")
      .appendingPathComponent(name)
  }

  static let folder = resourceFolder("syntax-errors")

  /// The data files, sorted by name.
  static let files: [URL] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".errors") }.sorted().map { folder.appendingPathComponent($0) }
  }()

  /// Every case, and every problem met while reading the files (a malformed header, an unreadable file).
  static let loaded: (cases: [SyntaxErrorCase], problems: [String]) = {
    var cases: [SyntaxErrorCase] = []
    var problems: [String] = []
    if files.isEmpty {
      problems.append("no .errors files in \(folder.path)")
    }
    for url in files {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        problems.append("cannot read \(url.path)")
        continue
      }
      let (fileCases, fileProblems) = parse(text, file: url.lastPathComponent)
      cases += fileCases
      problems += fileProblems
    }
    return (cases, problems)
  }()

  static var all: [SyntaxErrorCase] { loaded.cases }

  /// Splits one data file into cases: the lines before the first `---` are a preamble, then cases are separated
  /// by `---` lines. A case is a `# error: LINE:COL: MESSAGE` header and the source lines after it, each ending in
  /// a newline, without trailing blank lines.
  static func parse(_ text: String, file: String) -> ([SyntaxErrorCase], [String]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }

    var chunks: [(firstLine: Int, lines: [String])] = []
    var current: (firstLine: Int, lines: [String])? = nil
    for (offset, line) in lines.enumerated() {
      if line == "---" {
        if let chunk = current { chunks.append(chunk) }
        current = (offset + 2, [])
      } else {
        current?.lines.append(line)
      }
    }
    if let chunk = current { chunks.append(chunk) }

    var cases: [SyntaxErrorCase] = []
    var problems: [String] = []
    for chunk in chunks where chunk.lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      let header = chunk.lines[0]
      guard let (line, column, message) = parseHeader(header) else {
        problems.append("\(file):\(chunk.firstLine): bad header '\(header)' (want '# error: LINE:COL: MESSAGE')")
        continue
      }
      var body = Array(chunk.lines.dropFirst())
      while body.last == "" { body.removeLast() }
      if body.isEmpty {
        problems.append("\(file):\(chunk.firstLine): case has no source")
        continue
      }
      cases.append(
        SyntaxErrorCase(
          file: file, index: cases.count + 1, fileLine: chunk.firstLine, line: line, column: column,
          message: message, source: body.joined(separator: "\n") + "\n"))
    }
    return (cases, problems)
  }

  /// `# error: 3:14: expected ':'` → (3, 14, "expected ':'").
  static func parseHeader(_ header: String) -> (Int, Int, String)? {
    guard header.hasPrefix(headerPrefix) else { return nil }
    let rest = header.dropFirst(headerPrefix.count)
    let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]), parts[2].hasPrefix(" ") else {
      return nil
    }
    let message = String(parts[2].dropFirst())
    guard line >= 1, column >= 1, !message.isEmpty else { return nil }
    return (line, column, message)
  }
}

/// Parses `source` and returns the diagnostic it throws, recording an issue when it parses.
private func firstError(
  _ source: String, name: String = "<case>", sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
  do {
    _ = try Program.parse(source: source, name: name)
    Issue.record("parsed without a syntax error", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

/// Parses raw bytes (for sources a data file cannot hold) and returns the diagnostic.
private func firstError(
  bytes: [UInt8], name: String = "<bytes>", sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
  do {
    _ = try Program.parse(bytes: bytes, name: name)
    Issue.record("parsed without a syntax error", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

/// Parses a file and returns the diagnostic, recording an issue for success or any other error.
private func firstError(
  path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
  do {
    _ = try Program.parse(path: path)
    Issue.record("\(path) parsed without a syntax error", sourceLocation: sourceLocation)
    return nil
  } catch let diagnostic as Diagnostic {
    return diagnostic
  } catch {
    Issue.record("\(path): expected a Diagnostic, got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}

private func rendered(_ diagnostic: Diagnostic) -> String {
  DiagnosticRenderer(useColor: false).render(diagnostic)
}

@Suite("syntax errors")
struct SyntaxErrorTests {
  // MARK: Data-file cases

  @Test("data files load without problems")
  func dataFilesLoad() {
    #expect(SyntaxErrorCases.loaded.problems == [])
    #expect(!SyntaxErrorCases.files.isEmpty, "no .errors files in \(SyntaxErrorCases.folder.path)")
  }

  @Test("at least 100 cases")
  func caseCount() {
    let counts = Dictionary(grouping: SyntaxErrorCases.all, by: \.file).mapValues(\.count)
    #expect(SyntaxErrorCases.all.count >= 100, "only \(SyntaxErrorCases.all.count) cases: \(counts)")
    for url in SyntaxErrorCases.files {
      #expect(counts[url.lastPathComponent, default: 0] > 0, "\(url.lastPathComponent) has no cases")
    }
  }

  @Test("first diagnostic", arguments: SyntaxErrorCases.all)
  func firstDiagnostic(_ testCase: SyntaxErrorCase) {
    guard let diagnostic = firstError(testCase.source) else { return }
    let shown = "got:\n\(rendered(diagnostic))source:\n\(testCase.source)"
    #expect(diagnostic.severity == .error, "\(shown)")
    #expect(diagnostic.location.path == "<case>", "\(shown)")
    #expect(diagnostic.location.line == testCase.line, "\(shown)")
    #expect(diagnostic.location.column == testCase.column, "\(shown)")
    #expect(diagnostic.message == testCase.message, "\(shown)")
  }

  // MARK: Sources a data file cannot hold (LANGUAGE.md §1.3)

  @Test("a NUL byte is reported at its line")
  func nulByte() {
    let bytes = Array("x = 1\n".utf8) + [0] + Array(" = 2\n".utf8)
    guard let diagnostic = firstError(bytes: bytes) else { return }
    #expect(diagnostic.message == "source code cannot contain null bytes")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 1)
  }

  @Test("invalid UTF-8 is reported at its line and column")
  func invalidUTF8() {
    let bytes = Array("x = 1\ny = '".utf8) + [0xFF] + Array("'\n".utf8)
    guard let diagnostic = firstError(bytes: bytes) else { return }
    #expect(diagnostic.message == "invalid UTF-8 byte 0xff (sshs source files must be UTF-8)")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 6)
  }

  @Test("a truncated UTF-8 sequence after multi-byte characters")
  func truncatedUTF8() {
    // 'é' is one column; the lone lead byte 0xC3 is the ninth character of line 1.
    let bytes = Array("s = 'é".utf8) + Array("ab".utf8) + [0xC3] + Array("'\n".utf8)
    guard let diagnostic = firstError(bytes: bytes) else { return }
    #expect(diagnostic.message == "invalid UTF-8 byte 0xc3 (sshs source files must be UTF-8)")
    #expect(diagnostic.location.line == 1)
    #expect(diagnostic.location.column == 9)
  }

  @Test("CRLF line ends count as one line end")
  func crlfLineEnds() {
    guard let diagnostic = firstError("x = 1\r\nif x\r\n    pass\r\n") else { return }
    #expect(diagnostic.message == "expected ':'")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 5)
    #expect(diagnostic.sourceLine == "if x")
  }

  @Test("lone CR line ends")
  func crLineEnds() {
    guard let diagnostic = firstError("if x:\rpass\r") else { return }
    #expect(diagnostic.message == "expected an indented block after 'if' statement on line 1")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 1)
    #expect(diagnostic.sourceLine == "pass")
  }

  @Test("CR line ends inside a command and after it")
  func crInCommands() {
    guard let diagnostic = firstError("$echo a \\\r\n  b\r\nx = (1,\r\n") else { return }
    #expect(diagnostic.message == "'(' was never closed")
    #expect(diagnostic.location.line == 3)
    #expect(diagnostic.location.column == 5)
  }

  @Test("a byte-order mark takes no column")
  func byteOrderMark() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("x = )\n".utf8)
    guard let diagnostic = firstError(bytes: bytes) else { return }
    #expect(diagnostic.message == "unmatched ')'")
    #expect(diagnostic.location.line == 1)
    #expect(diagnostic.location.column == 5)
    #expect(diagnostic.sourceLine == "x = )")
  }

  @Test("a backslash continuation without a final newline")
  func continuationWithoutNewline() {
    guard let diagnostic = firstError("$echo a \\") else { return }
    #expect(diagnostic.message == "backslash continuation at the end of the file")
    #expect(diagnostic.location.line == 1)
    #expect(diagnostic.location.column == 9)
  }

  // MARK: Rendered text (LANGUAGE.md §10.1)

  @Test("rendered: the spec's unclosed bracket")
  func renderedUnclosedBracket() {
    guard let diagnostic = firstError("import os\nports = [22, 80,\n", name: "broken.sshs") else { return }
    #expect(
      rendered(diagnostic) == """
        broken.sshs:2:9: error: '[' was never closed
        ports = [22, 80,
                ^

        """)
  }

  @Test("rendered: a command in an expression, with a tab before the caret")
  func renderedCommandInExpression() {
    guard let diagnostic = firstError("print(1,\t$echo hi)\n", name: "<string>") else { return }
    #expect(
      rendered(diagnostic)
        == "<string>:1:10: error: '$' command is not allowed here; use $(...) inside an expression\n"
        + "print(1,\t$echo hi)\n"
        + "        \t^\n")
  }

  @Test("rendered: an error inside @{} on a tab-indented line")
  func renderedInterpolationWithTab() {
    guard let diagnostic = firstError("if x:\n\t$echo @{1 +}\n", name: "deploy.sshs") else { return }
    #expect(
      rendered(diagnostic)
        == "deploy.sshs:2:13: error: invalid syntax\n"
        + "\t$echo @{1 +}\n"
        + "\t           ^\n")
  }

  @Test("rendered: a bad f-string conversion in a command two tabs deep")
  func renderedConversionWithTabs() {
    let source = "if ok:\n\tif name:\n\t\t$f'echo {name!x}'\n"
    guard let diagnostic = firstError(source, name: "deploy.sshs") else { return }
    #expect(
      rendered(diagnostic)
        == "deploy.sshs:3:17: error: f-string: invalid conversion character 'x': expected 's', 'r', 'a' or 'q'\n"
        + "\t\t$f'echo {name!x}'\n"
        + "\t\t" + String(repeating: " ", count: 14) + "^\n")
  }

  // MARK: $.include (LANGUAGE.md §2.10), with files in Resources/include-fixtures

  static let fixtures = SyntaxErrorCases.resourceFolder("include-fixtures")

  static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

  @Test("include fixtures are present")
  func fixturesPresent() {
    for name in ["cycle_a.sshs", "cycle_b.inc", "missing_include.sshs", "many_includes.sshs", "lib.inc"] {
      #expect(FileManager.default.fileExists(atPath: Self.fixture(name)), "missing fixture \(name)")
    }
  }

  @Test("include cycle")
  func includeCycle() {
    guard let diagnostic = firstError(path: Self.fixture("cycle_a.sshs")) else { return }
    // The names in the chain may be printed with their folders; compare the file names.
    let prefix = "include cycle: "
    #expect(diagnostic.message.hasPrefix(prefix), "\(rendered(diagnostic))")
    let chain = diagnostic.message.dropFirst(prefix.count).components(separatedBy: " → ")
      .map { URL(fileURLWithPath: $0).lastPathComponent }
    #expect(chain == ["cycle_a.sshs", "cycle_b.inc", "cycle_a.sshs"], "\(rendered(diagnostic))")
    // Reported at the include that closes the cycle, in the included file.
    #expect(diagnostic.location.path.hasSuffix("cycle_b.inc"), "\(rendered(diagnostic))")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 1)
    #expect(diagnostic.sourceLine == "$.include('cycle_a.sshs')")
  }

  @Test("include of a missing file")
  func includeMissingFile() {
    guard let diagnostic = firstError(path: Self.fixture("missing_include.sshs")) else { return }
    #expect(diagnostic.message == "cannot include 'nope.inc': No such file or directory")
    #expect(diagnostic.location.path.hasSuffix("missing_include.sshs"), "\(rendered(diagnostic))")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 1)
  }

  @Test("the 101st inclusion of one file")
  func includedTooOften() {
    guard let diagnostic = firstError(path: Self.fixture("many_includes.sshs")) else { return }
    #expect(diagnostic.message == "'lib.inc' included more than 100 times")
    #expect(diagnostic.location.path.hasSuffix("many_includes.sshs"), "\(rendered(diagnostic))")
    #expect(diagnostic.location.line == 101)
    #expect(diagnostic.location.column == 1)
  }

  @Test("100 inclusions of one file are allowed")
  func hundredInclusions() {
    #expect(throws: Never.self) { _ = try Program.parse(path: Self.fixture("hundred_includes.sshs")) }
  }

  @Test("an error in an included file names that file and its own line and column")
  func errorInIncludedFile() {
    // include_error.sshs includes broken_helper.inc inside a function body (indented by 4).
    guard let diagnostic = firstError(path: Self.fixture("include_error.sshs")) else { return }
    #expect(diagnostic.message == "invalid syntax")
    #expect(diagnostic.location.path.hasSuffix("broken_helper.inc"), "\(rendered(diagnostic))")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 7)
    #expect(diagnostic.sourceLine == "z = 1 2")
    #expect(rendered(diagnostic).hasSuffix("broken_helper.inc:2:7: error: invalid syntax\nz = 1 2\n      ^\n"))
  }

  @Test("an error in an included file whose common indentation was removed")
  func errorInIndentedIncludedFile() {
    // indented_helper.inc is indented by 4; its columns stay its own.
    guard let diagnostic = firstError(path: Self.fixture("include_indented.sshs")) else { return }
    #expect(diagnostic.message == "invalid syntax")
    #expect(diagnostic.location.path.hasSuffix("indented_helper.inc"), "\(rendered(diagnostic))")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 12)
    #expect(diagnostic.sourceLine == "    b = 1 +")
  }

  @Test("an error two includes deep")
  func errorInNestedInclude() {
    guard let diagnostic = firstError(path: Self.fixture("nested_outer.sshs")) else { return }
    #expect(diagnostic.message == "expected ':'")
    #expect(diagnostic.location.path.hasSuffix("nested_leaf.inc"), "\(rendered(diagnostic))")
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 8)
  }
}
