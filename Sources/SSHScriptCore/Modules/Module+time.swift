import BigInt
import Foundation

/// The calendar side of `time` (LANGUAGE.md §8.6): `struct_time`, `gmtime`, `localtime`,
/// `mktime`, `strftime` (the C library's, as CPython), `asctime`, `ctime`, the time zone
/// attributes and the nanosecond clocks. The clocks and `sleep` are in MathModule.swift.
extension TimeModule {
  static let pythonOnlyNames: Set<String> = ["strptime", "thread_time", "thread_time_ns", "get_clock_info"]

  static let fields = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
  ]

  static func installCalendar(_ globals: GlobalTable) {
    let type = StructSequence.makeType("struct_time", module: "time", fields: fields)
    type.dict["n_sequence_fields"] = .int(9)
    type.dict["n_fields"] = .int(11)
    type.method("__init__") { interpreter, arguments in
      let instance = try moduleInstance(&arguments, type, "__init__")
      guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
        throw Interpreter.typeError("time.struct_time() takes exactly one argument (the sequence)")
      }
      let values = try interpreter.iterateToArray(arguments.positional[0])
      if values.count < 9 {
        throw Interpreter.typeError("time.struct_time() takes an at least 9-sequence (\(values.count)-sequence given)")
      }
      if values.count > 11 {
        throw Interpreter.typeError("time.struct_time() takes an at most 11-sequence (\(values.count)-sequence given)")
      }
      for (name, value) in zip(fields + ["tm_zone", "tm_gmtoff"], values + [Value.none, Value.none]) {
        instance.attributes[name] = value
      }
      return .none
    }
    globals["struct_time"] = .object(type)

    func make(_ info: tm) -> Value {
      let zone: Value = info.tm_zone.map { .str(String(cString: $0)) } ?? Value.none
      return StructSequence.make(
        type,
        [
          ("tm_year", .int(Int(info.tm_year) + 1900)), ("tm_mon", .int(Int(info.tm_mon) + 1)),
          ("tm_mday", .int(Int(info.tm_mday))), ("tm_hour", .int(Int(info.tm_hour))),
          ("tm_min", .int(Int(info.tm_min))), ("tm_sec", .int(Int(info.tm_sec))),
          ("tm_wday", .int((Int(info.tm_wday) + 6) % 7)), ("tm_yday", .int(Int(info.tm_yday) + 1)),
          ("tm_isdst", .int(Int(info.tm_isdst))), ("tm_zone", zone), ("tm_gmtoff", .int(Int(info.tm_gmtoff))),
        ])
    }
    func convert(_ name: String, local: Bool) {
      globals.function(name) { interpreter, arguments in
        var reader = ArgumentReader(name, arguments)
        let seconds = try reader.value(0, "seconds") ?? Value.none
        try reader.finish(maximum: 1)
        var moment = try timestamp(interpreter, seconds)
        var info = tm()
        let converted = local ? localtime_r(&moment, &info) : gmtime_r(&moment, &info)
        guard converted != nil else { throw OSErrors.current() }
        return make(info)
      }
    }
    convert("gmtime", local: false)
    convert("localtime", local: true)

    globals.function("mktime") { interpreter, arguments in
      try ArgumentReader.exactly(1, "mktime", arguments)
      var (info, _) = try structTM(interpreter, arguments.positional[0], "mktime")
      info.tm_wday = -1
      let result = mktime(&info)
      if result == -1 && info.tm_wday == -1 { throw Interpreter.overflowError("mktime argument out of range") }
      return .float(Double(result))
    }
    globals.function("strftime") { interpreter, arguments in
      if !arguments.keywords.isEmpty { throw Interpreter.typeError("strftime() takes no keyword arguments") }
      guard let formatValue = arguments.positional.first else {
        throw Interpreter.typeError("strftime() takes at least 1 argument (0 given)")
      }
      if arguments.positional.count > 2 {
        throw Interpreter.typeError("strftime() takes at most 2 arguments (\(arguments.positional.count) given)")
      }
      guard case .str(let format) = formatValue else {
        throw Interpreter.typeError("strftime() argument 1 must be str, not \(Runtime.typeName(formatValue))")
      }
      var info: tm
      var zone: String?
      if arguments.positional.count == 2 {
        (info, zone) = try structTM(interpreter, arguments.positional[1], "strftime")
        try checkRanges(&info)
      } else {
        var now = time(nil)
        info = tm()
        localtime_r(&now, &info)
        zone = info.tm_zone.map { String(cString: $0) }
      }
      return .str(try formatTime(format, &info, zone: zone))
    }
    globals.function("asctime") { interpreter, arguments in
      try ArgumentReader.exactlyAtMost(1, "asctime", arguments)
      var info: tm
      if let value = arguments.positional.first {
        (info, _) = try structTM(interpreter, value, "asctime")
        try checkRanges(&info)
      } else {
        var now = time(nil)
        info = tm()
        localtime_r(&now, &info)
      }
      return .str(asciiTime(info))
    }
    globals.function("ctime") { interpreter, arguments in
      var reader = ArgumentReader("ctime", arguments)
      let seconds = try reader.value(0, "seconds") ?? Value.none
      try reader.finish(maximum: 1)
      var moment = try timestamp(interpreter, seconds)
      var info = tm()
      guard localtime_r(&moment, &info) != nil else { throw OSErrors.current() }
      return .str(asciiTime(info))
    }

    func nanoseconds(_ clock: clockid_t) -> Value {
      var spec = timespec()
      clock_gettime(clock, &spec)
      return .integer(BigInt(spec.tv_sec) * 1_000_000_000 + BigInt(spec.tv_nsec))
    }
    globals.function("time_ns") { _, arguments in
      try ArgumentReader.exactly(0, "time_ns", arguments)
      return nanoseconds(CLOCK_REALTIME)
    }
    globals.function("monotonic_ns") { _, arguments in
      try ArgumentReader.exactly(0, "monotonic_ns", arguments)
      return .int(Int(DispatchTime.now().uptimeNanoseconds))
    }
    globals.function("perf_counter_ns") { _, arguments in
      try ArgumentReader.exactly(0, "perf_counter_ns", arguments)
      return .int(Int(DispatchTime.now().uptimeNanoseconds))
    }
    globals.function("process_time") { _, arguments in
      try ArgumentReader.exactly(0, "process_time", arguments)
      var spec = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
      return .float(Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9)
    }
    globals.function("process_time_ns") { _, arguments in
      try ArgumentReader.exactly(0, "process_time_ns", arguments)
      return nanoseconds(CLOCK_PROCESS_CPUTIME_ID)
    }
    setZoneAttributes(globals)
    globals.function("tzset") { _, arguments in
      try ArgumentReader.exactly(0, "tzset", arguments)
      tzset()
      setZoneAttributes(globals)
      return .none
    }
  }

  /// `timezone`, `altzone`, `daylight`, `tzname` as CPython's `init_timezone` computes them
  /// (from January and July of the current year).
  static func setZoneAttributes(_ globals: GlobalTable) {
    let year = (365 * 24 + 6) * 3600
    var january = (time(nil) / year) * year
    var info = tm()
    localtime_r(&january, &info)
    let januaryOffset = -Int(info.tm_gmtoff)
    let januaryName = info.tm_zone.map { String(cString: $0) } ?? ""
    var july = january + year / 2
    localtime_r(&july, &info)
    let julyOffset = -Int(info.tm_gmtoff)
    let julyName = info.tm_zone.map { String(cString: $0) } ?? ""
    let southern = januaryOffset < julyOffset
    globals["timezone"] = .int(southern ? julyOffset : januaryOffset)
    globals["altzone"] = .int(southern ? januaryOffset : julyOffset)
    globals["daylight"] = .int(januaryOffset != julyOffset ? 1 : 0)
    globals["tzname"] = .tuple(southern ? [.str(julyName), .str(januaryName)] : [.str(januaryName), .str(julyName)])
  }

  /// Seconds since the epoch for `gmtime(secs)`: now for None, floats rounded down.
  static func timestamp(_ interpreter: Interpreter, _ value: Value) throws -> time_t {
    switch value {
    case .none: return time(nil)
    case .float(let seconds):
      if seconds.isNaN { throw Interpreter.valueError("Invalid value NaN (not a number)") }
      let floored = seconds.rounded(.down)
      guard floored >= -9.2e18, floored <= 9.2e18 else {
        throw Interpreter.overflowError("timestamp out of range for platform time_t")
      }
      return try checkedTime(time_t(floored))
    case .int(let seconds): return try checkedTime(time_t(seconds))
    case .bool(let flag): return flag ? 1 : 0
    case .bigInt: throw Interpreter.overflowError("timestamp out of range for platform time_t")
    default:
      throw Interpreter.typeError("'\(Runtime.typeName(value))' object cannot be interpreted as an integer")
    }
  }

  /// glibc's `gmtime` works for years that fit in an int.
  private static func checkedTime(_ seconds: time_t) throws -> time_t {
    if Swift.abs(seconds) > 67_767_976_233_316_800 {
      throw Interpreter.overflowError("timestamp out of range for platform time_t")
    }
    return seconds
  }

  /// `gettmarg`: a `struct_time` or a 9-tuple of ints, as a C `struct tm` (and its zone name
  /// for a `struct_time`).
  static func structTM(_ interpreter: Interpreter, _ value: Value, _ function: String) throws -> (tm, String?) {
    var items: [Value]
    var zone: String?
    var offset = 0
    switch value {
    case .tuple(let values):
      items = values
    case .object(let instance as Instance)
    where instance.cls.name == "struct_time" && instance.cls.moduleName == "time":
      items = fields.map { instance.attributes[$0] ?? Value.none }
      if case .str(let name)? = instance.attributes["tm_zone"] { zone = name }
      if case .int(let seconds)? = instance.attributes["tm_gmtoff"] { offset = seconds }
    default:
      throw Interpreter.typeError("Tuple or struct_time argument required")
    }
    guard items.count == 9 else { throw Interpreter.typeError("\(function)(): illegal time tuple argument") }
    let numbers = try items.map { item -> Int in
      switch item {
      case .int(let number): return number
      case .bool(let flag): return flag ? 1 : 0
      case .bigInt: throw Interpreter.overflowError("Python int too large to convert to C int")
      default:
        throw Interpreter.typeError("'\(Runtime.typeName(item))' object cannot be interpreted as an integer")
      }
    }
    for number in numbers where number > Int(Int32.max) || number < Int(Int32.min) {
      throw Interpreter.overflowError("Python int too large to convert to C int")
    }
    var info = tm()
    info.tm_year = Int32(numbers[0] - 1900)
    info.tm_mon = Int32(numbers[1] - 1)
    info.tm_mday = Int32(numbers[2])
    info.tm_hour = Int32(numbers[3])
    info.tm_min = Int32(numbers[4])
    info.tm_sec = Int32(numbers[5])
    info.tm_wday = Int32((numbers[6] + 1) % 7)
    info.tm_yday = Int32(numbers[7] - 1)
    info.tm_isdst = Int32(numbers[8])
    info.tm_gmtoff = offset
    return (info, zone)
  }

  /// `checktm` with the adjustments of `time.strftime` (0 for month, day, yday means 1).
  static func checkRanges(_ info: inout tm) throws {
    if info.tm_mon == -1 {
      info.tm_mon = 0
    } else if info.tm_mon < 0 || info.tm_mon > 11 {
      throw Interpreter.valueError("month out of range")
    }
    if info.tm_mday == 0 {
      info.tm_mday = 1
    } else if info.tm_mday < 0 || info.tm_mday > 31 {
      throw Interpreter.valueError("day of month out of range")
    }
    if info.tm_hour < 0 || info.tm_hour > 23 { throw Interpreter.valueError("hour out of range") }
    if info.tm_min < 0 || info.tm_min > 59 { throw Interpreter.valueError("minute out of range") }
    if info.tm_sec < 0 || info.tm_sec > 61 { throw Interpreter.valueError("seconds out of range") }
    if info.tm_wday < 0 { throw Interpreter.valueError("day of week out of range") }
    if info.tm_yday == -1 {
      info.tm_yday = 0
    } else if info.tm_yday < 0 || info.tm_yday > 365 {
      throw Interpreter.valueError("day of year out of range")
    }
    if info.tm_isdst < -1 { info.tm_isdst = -1 } else if info.tm_isdst > 1 { info.tm_isdst = 1 }
  }

  /// The C library's `strftime`, with a buffer grown until the text fits.
  static func formatTime(_ format: String, _ info: inout tm, zone: String?) throws -> String {
    if format.isEmpty { return "" }
    if format.utf8.contains(0) { throw Interpreter.valueError("embedded null character") }
    func run(_ info: inout tm) -> String {
      var size = 1024
      while true {
        var buffer = [CChar](repeating: 0, count: size)
        let count = strftime(&buffer, size, format, &info)
        if count > 0 || size >= 256 * max(1, format.utf8.count) {
          return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        size *= 2
      }
    }
    guard let zone else { return run(&info) }
    return zone.withCString { pointer in
      info.tm_zone = pointer
      defer { info.tm_zone = nil }
      return run(&info)
    }
  }

  /// `asctime`: `Sun Jun 20 23:21:05 1993`.
  static func asciiTime(_ info: tm) -> String {
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int32) -> String { value < 10 && value >= 0 ? "0\(value)" : "\(value)" }
    let day = info.tm_mday < 10 ? " \(info.tm_mday)" : "\(info.tm_mday)"
    let weekday = days[Int(info.tm_wday) % 7]
    let month = months[Int(info.tm_mon) % 12]
    return
      "\(weekday) \(month) \(day) \(two(info.tm_hour)):\(two(info.tm_min)):\(two(info.tm_sec)) \(Int(info.tm_year) + 1900)"
  }
}
