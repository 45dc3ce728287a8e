/// The command line of LANGUAGE.md §9.1. Options come before the script; everything after the
/// script path (or `-c CODE`, or `-`) belongs to the script.
struct CommandLineOptions {
  enum Source: Equatable {
    case file(String)
    case code(String)
    case standardInput
    /// No script: the REPL on a terminal, otherwise the program is read from stdin.
    case none
  }

  enum Action: Equatable {
    case run
    case check
    case dumpAST
    case version
    case help
  }

  var action = Action.run
  var source = Source.none
  var verbose = false
  var quiet = false
  var debugLevel: String?

  /// The level `$.logger` writes from: `-d LEVEL`, else ERROR with `-q`; nil for the default.
  var logThreshold: Int? {
    if let debugLevel {
      let names = ["debug": 10, "info": 20, "warning": 30, "error": 40]
      return names[debugLevel.lowercased()] ?? Int(debugLevel) ?? 10
    }
    return quiet ? 40 : nil
  }
  /// With `--check`, every file named (the first is also `source`).
  var checkFiles: [String] = []
  var scriptArguments: [String] = []

  struct UsageError: Error {
    var message: String
  }

  static let synopsis = """
    usage: sshs [options] [script [args...]]
           sshs [options] -c CODE [args...]
           sshs [options] - [args...]
    """

  static let help =
    synopsis + """


      Runs an SSHScript program: Python with `$` lines that run shell commands locally or on SSH hosts.

      options:
        -c CODE          run CODE (sys.argv[0] is '-c')
        -                read the program from standard input
        -v, --verbose    echo command output as it arrives
        -q, --quiet      no notes, warnings or banner
        -d, --debug [LEVEL]
                         log at LEVEL: debug (default), info, warning, error, or 10/20/30/40
        --check FILE...  parse the files (with their includes) and run nothing; exit 0, or 1 with
                         the first diagnostic of each failing file
        --dump-ast       print the syntax tree and exit
        --version        print the version and exit
        -h, --help       print this help and exit
      """

  static func parse(_ arguments: [String]) throws -> CommandLineOptions {
    var options = CommandLineOptions()
    var i = 0
    func rest(after index: Int) -> [String] { Array(arguments[min(index + 1, arguments.count)...]) }
    while i < arguments.count {
      let argument = arguments[i]
      switch argument {
      case "-v", "--verbose": options.verbose = true
      case "-q", "--quiet": options.quiet = true
      case "--check": options.action = .check
      case "--dump-ast": options.action = .dumpAST
      case "--version": options.action = .version
      case "-h", "--help": options.action = .help
      case "-d", "--debug":
        options.debugLevel = "debug"
        if i + 1 < arguments.count, isDebugLevel(arguments[i + 1]) {
          options.debugLevel = arguments[i + 1]
          i += 1
        }
      case "-c":
        guard i + 1 < arguments.count else { throw UsageError(message: "option '-c' needs an argument") }
        options.source = .code(arguments[i + 1])
        options.scriptArguments = ["-c"] + rest(after: i + 1)
        return try options.validated()
      case "-":
        options.source = .standardInput
        options.scriptArguments = ["-"] + rest(after: i)
        return try options.validated()
      case "--":
        if i + 1 < arguments.count {
          return try options.withScript(arguments[i + 1], rest: rest(after: i + 1))
        }
        return try options.validated()
      default:
        if argument.hasPrefix("--debug=") {
          let level = String(argument.dropFirst("--debug=".count))
          guard isDebugLevel(level) else { throw UsageError(message: "invalid debug level '\(level)'") }
          options.debugLevel = level
        } else if argument.hasPrefix("-") {
          throw UsageError(message: "unknown option '\(argument)'")
        } else {
          return try options.withScript(argument, rest: rest(after: i))
        }
      }
      i += 1
    }
    return try options.validated()
  }

  private func withScript(_ path: String, rest: [String]) throws -> CommandLineOptions {
    var options = self
    options.source = .file(path)
    if action == .check {
      options.checkFiles = [path] + rest
    } else {
      options.scriptArguments = [path] + rest
    }
    return try options.validated()
  }

  private func validated() throws -> CommandLineOptions {
    if verbose && quiet { throw UsageError(message: "-q and -v cannot be used together") }
    return self
  }

  private static func isDebugLevel(_ text: String) -> Bool {
    ["debug", "info", "warning", "error"].contains(text.lowercased()) || Int(text) != nil
  }
}
