import Foundation
import SSHScriptCore
import Testing

/// Parses whole corpora: the samples, the conformance scripts, and CPython's own standard library.
@Suite("parse corpora")
struct ParseCorpusTests {
  /// The repository root: this file is `<repo>/Tests/SSHScriptCoreTests/ParseCorpusTests.swift`.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Regular files directly in `directory` whose names end with `suffix`, sorted.
  static func files(in directory: URL, suffix: String) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory.appendingPathComponent($0) }
  }

  /// The first line of a parse failure, for messages.
  static func describe(_ error: any Error) -> String {
    if let diagnostic = error as? Diagnostic {
      return "\(diagnostic.location): \(diagnostic.message)"
    }
    return "\(error)"
  }

  @Test func samplesParse() throws {
    let samples = Self.files(in: Self.repository.appendingPathComponent("Samples"), suffix: ".sshs")
    if samples.isEmpty {
      print("note: no Samples/*.sshs files yet")
    }
    for sample in samples {
      do {
        _ = try Program.parse(path: sample.path)
      } catch {
        Issue.record("\(sample.lastPathComponent) does not parse: \(Self.describe(error))")
      }
    }
  }

  @Test func conformanceScriptsParse() throws {
    let folder = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      print("skipping: ../shared/conformance not found")
      return
    }
    let scripts = Self.files(in: folder, suffix: ".spy")
    #expect(!scripts.isEmpty, "no .spy files in \(folder.path)")
    for script in scripts {
      if script.lastPathComponent == "19_syntax_error.spy" {
        do {
          _ = try Program.parse(path: script.path)
          Issue.record("19_syntax_error.spy parsed, but it has an unclosed '('")
        } catch let diagnostic as Diagnostic {
          #expect(diagnostic.message == "'(' was never closed")
          #expect(diagnostic.location.line == 4)
          #expect(diagnostic.location.column == 5)
          #expect(diagnostic.location.path == script.path)
        } catch {
          Issue.record("19_syntax_error.spy: expected a Diagnostic, got \(error)")
        }
        continue
      }
      do {
        _ = try Program.parse(path: script.path)
      } catch {
        Issue.record("\(script.lastPathComponent) does not parse: \(Self.describe(error))")
      }
    }
  }

  /// Lists the `.py` files directly in the stdlib folder that CPython parses and that use no
  /// `async`/`await`/`match` (features sshs rejects, LANGUAGE.md §8.7). Prints one path a line.
  static let stdlibLister = """
    import ast, os, sys
    folder = sys.argv[1]
    unsupported = (ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await, ast.Match)
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not name.endswith(".py") or not os.path.isfile(path):
            continue
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read(), path)
        except (SyntaxError, ValueError, OSError):
            continue
        if not any(isinstance(node, unsupported) for node in ast.walk(tree)):
            print(path)
    """

  @Test func pythonStandardLibraryParses() throws {
    guard let folderOutput = Self.python(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]) else {
      print("skipping: python3 not found")
      return
    }
    let folder = folderOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    var isDirectory: ObjCBool = false
    guard !folder.isEmpty, FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      print("skipping: python3's stdlib folder '\(folder)' not found")
      return
    }
    guard let listing = Self.python(["-c", Self.stdlibLister, folder]) else {
      Issue.record("python3 could not list the stdlib files of \(folder)")
      return
    }
    let paths = listing.split(separator: "\n").map(String.init)
    #expect(!paths.isEmpty, "no stdlib files listed in \(folder)")
    guard !paths.isEmpty else { return }

    var failures: [(file: String, reason: String)] = []
    let start = ContinuousClock.now
    for path in paths {
      do {
        _ = try Program.parse(path: path)
      } catch let diagnostic as Diagnostic {
        let source = diagnostic.sourceLine.trimmingCharacters(in: .whitespaces)
        failures.append(
          (
            URL(fileURLWithPath: path).lastPathComponent,
            "\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message)  |  \(source.prefix(100))"
          ))
      } catch {
        failures.append((URL(fileURLWithPath: path).lastPathComponent, "\(error)"))
      }
    }
    let elapsed = ContinuousClock.now - start
    let parsed = paths.count - failures.count
    let percent = Double(parsed) * 100 / Double(paths.count)
    print(
      "stdlib: \(parsed)/\(paths.count) parsed (\(String(format: "%.1f", percent))%) from \(folder) in \(elapsed)")
    for failure in failures {
      print("  \(failure.file): \(failure.reason)")
    }
    #expect(
      percent >= 97, "only \(parsed)/\(paths.count) stdlib files parse; first failures: \(failures.prefix(5))")
  }

  /// Runs `python3 arguments…` and returns its stdout, or nil when python3 cannot be run or fails.
  static func python(_ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
