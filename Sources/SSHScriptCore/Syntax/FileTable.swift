import Foundation

/// The files read while parsing one program, the parser's warnings, and the state that
/// `$.include` needs (LANGUAGE.md §2.10): the chain of files being included and how often each
/// file was included.
struct FileTable {
  private(set) var files: [SourceFile] = []
  var warnings: [Diagnostic] = []
  /// Canonical paths of the files being parsed, outermost first.
  private var chain: [String] = []
  private var chainNames: [String] = []
  private var includeCounts: [String: Int] = [:]

  static let maximumInclusions = 100

  mutating func add(path: String, bytes: [UInt8]) -> SourceFile {
    let file = SourceFile(path: path, id: UInt32(files.count), bytes: bytes)
    files.append(file)
    return file
  }

  /// Marks the main file as the start of the include chain.
  mutating func enterMain(_ file: SourceFile) {
    chain = [FileTable.canonical(file.path)]
    chainNames = [FileTable.displayName(file.path)]
  }

  /// Reads, parses and returns the statements of an included file. `offset` is the position of
  /// the `$.include` in `includer`, where errors about the inclusion itself are reported.
  mutating func include(_ literalPath: String, from includer: SourceFile, at offset: Int, context: Parser.Context)
    throws -> [Stmt]
  {
    let path = FileTable.resolve(literalPath, relativeTo: includer.path)
    let key = FileTable.canonical(path)
    let name = FileTable.displayName(path)
    if chain.contains(key) {
      let cycle = (chainNames + [name]).joined(separator: " → ")
      throw Diagnostic(.error, "include cycle: \(cycle)", in: includer, at: offset)
    }
    let count = includeCounts[key, default: 0] + 1
    if count > FileTable.maximumInclusions {
      throw Diagnostic(
        .error, "'\(name)' included more than \(FileTable.maximumInclusions) times", in: includer, at: offset)
    }
    includeCounts[key] = count
    let bytes: [UInt8]
    switch FileReader.read(path) {
    case .success(let read): bytes = read
    case .failure(let failure):
      throw Diagnostic(.error, "cannot include '\(literalPath)': \(failure.reason)", in: includer, at: offset)
    }
    let file = add(path: path, bytes: bytes)
    chain.append(key)
    chainNames.append(name)
    defer {
      chain.removeLast()
      chainNames.removeLast()
    }
    return try ModuleParser.parse(file: file, files: &self, context: context).body
  }

  /// The included file's path: `~` expanded, relative paths joined to the includer's folder.
  static func resolve(_ path: String, relativeTo includer: String) -> String {
    let expanded = (path as NSString).expandingTildeInPath
    if expanded.hasPrefix("/") { return expanded }
    let directory = includer.hasPrefix("<") ? "" : (includer as NSString).deletingLastPathComponent
    return directory.isEmpty ? expanded : (directory as NSString).appendingPathComponent(expanded)
  }

  static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  static func displayName(_ path: String) -> String {
    (path as NSString).lastPathComponent
  }
}

/// Lexes and parses one file of a program.
enum ModuleParser {
  /// A bracket never closed explains a parser error found on a later line or at the end of the
  /// file better than the parser's own message does.
  private static func preferUnclosedBracket(_ bracket: Diagnostic?, over failure: Diagnostic, in file: SourceFile)
    -> Diagnostic
  {
    guard let bracket, failure.location.path == bracket.location.path else { return failure }
    let atEnd = failure.location == file.location(of: file.text.count)
    let later = failure.location.line > bracket.location.line
    return atEnd || later ? bracket : failure
  }

  static func parse(file: SourceFile, files: inout FileTable, context: Parser.Context = Parser.Context()) throws
    -> Module
  {
    if let problem = file.validate() { throw problem }
    return try file.text.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(file: file, bytes: buffer, mode: .file, range: 0..<buffer.count)
      let tokens = try lexer.tokenize()
      var parser = Parser(file: file, bytes: buffer, tokens: tokens, files: files)
      parser.context = context
      do {
        let module = try parser.parseFile()
        files = parser.files
        return module
      } catch let failure as Diagnostic {
        throw preferUnclosedBracket(lexer.unclosedBracket, over: failure, in: file)
      }
    }
  }
}
