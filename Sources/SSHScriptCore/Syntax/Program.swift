import Foundation

/// A parsed program: the main file's tree, with every included file expanded into it.
public struct Program: Sendable {
  public var module: Module
  /// Every file read, indexed by `Span.file`; the main file first.
  public var files: [SourceFile]
  /// Warnings found while parsing (printed unless `-q`).
  public var warnings: [Diagnostic]

  public var mainFile: SourceFile { files[0] }
}

/// A script file that cannot be read at all (exit status 2, not a syntax error).
public struct ScriptOpenError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var errno: Int32

  public var description: String {
    "can't open file '\(path)': [Errno \(errno)] \(String(cString: strerror(errno)))"
  }
}

extension Program {
  /// Parses the script at `path` (as given on the command line, which diagnostics print).
  /// Throws `ScriptOpenError` when it cannot be read and `Diagnostic` for the first syntax error.
  public static func parse(path: String) throws -> Program {
    switch FileReader.read(path) {
    case .success(let bytes): return try parse(bytes: bytes, name: path)
    case .failure(let failure): throw ScriptOpenError(path: path, errno: failure.errno)
    }
  }

  /// Parses source text; `name` is what diagnostics print (`<string>`, `<stdin>` or a path).
  /// Included files are found relative to the directory of `name` (or the current directory).
  public static func parse(source: String, name: String) throws(Diagnostic) -> Program {
    try parse(bytes: Array(source.utf8), name: name)
  }

  public static func parse(bytes: [UInt8], name: String) throws(Diagnostic) -> Program {
    let outcome = LargeStack.run { () -> Result<Program, Diagnostic> in
      var files = FileTable()
      let file = files.add(path: name, bytes: bytes)
      files.enterMain(file)
      do {
        let module = try ModuleParser.parse(file: file, files: &files)
        return .success(Program(module: module, files: files.files, warnings: files.warnings))
      } catch let diagnostic as Diagnostic {
        return .failure(diagnostic)
      } catch {
        return .failure(Diagnostic(.error, "internal error: \(error)", in: file, at: 0))
      }
    }
    return try outcome.get()
  }
}
