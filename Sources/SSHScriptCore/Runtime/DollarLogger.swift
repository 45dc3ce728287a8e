import Foundation

/// `$.logger` (LANGUAGE.md §7): `debug info warning error exception` write
/// `HH:MM:SS.mmm LEVEL message` lines to stderr from `Interpreter.logThreshold` up.
enum DollarLogger {
  static let levels: [(name: String, value: Int)] = [
    ("debug", 10), ("info", 20), ("warning", 30), ("error", 40), ("exception", 40),
  ]

  nonisolated(unsafe) static let type: TypeObject = {
    let type = TypeObject.moduleClass("Logger", module: "sshs")
    for (name, value) in levels {
      type.method(name) { interpreter, arguments in
        _ = try moduleInstance(&arguments, type, name)
        guard let first = arguments.positional.first else {
          throw Interpreter.typeError("\(name)() missing 1 required positional argument: 'message'")
        }
        guard value >= interpreter.logThreshold else { return .none }
        var message = try interpreter.str(first)
        if arguments.positional.count > 1 {
          message = try interpreter.str(
            try interpreter.binary(.mod, .str(message), .tuple(Array(arguments.positional.dropFirst()))))
        }
        var line = "\(timestamp()) \(name == "exception" ? "ERROR" : name.uppercased()) \(message)\n"
        if name == "exception", let exception = interpreter.handledExceptions.last {
          line += interpreter.formatTraceback(exception)
        }
        interpreter.writeStderr(line)
        return .none
      }
    }
    return type
  }()

  /// The local time of day with milliseconds.
  private static func timestamp() -> String {
    var now = timeval()
    gettimeofday(&now, nil)
    var parts = tm()
    var seconds = now.tv_sec
    localtime_r(&seconds, &parts)
    return String(format: "%02d:%02d:%02d.%03d", parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_usec / 1000))
  }
}
