// parse-benchmark: times lexing + parsing of a large generated SSHScript program, in process.
//
//   parse-benchmark [SIZE] [--runs N]     time Program.parse(bytes:name:) N times (default 5)
//   parse-benchmark [SIZE] --write PATH   write the generated script to PATH and exit
//
// SIZE is the script size: a number of megabytes (`6`, `0.5`), or a number with a unit
// (`6MB`, `512KB`, `100000B`). Default 6 MB. See Benchmarks/README.md.

import Foundation
import SSHScriptCore

struct Options {
  var targetBytes = 6 * 1_048_576
  var runs = 5
  var writePath: String?
}

func usage() -> Never {
  let text = """
    usage: parse-benchmark [SIZE] [--runs N]
           parse-benchmark [SIZE] --write PATH
    SIZE: megabytes (6, 0.5) or a number with a unit (6MB, 512KB, 100000B); default 6 MB

    """
  FileHandle.standardError.write(Data(text.utf8))
  exit(2)
}

/// Parses `6`, `0.5`, `6MB`, `6M`, `512KB`, `512K`, `100000B` into a byte count.
func parseSize(_ text: String) -> Int? {
  let upper = text.uppercased()
  let units: [(String, Double)] = [("MB", 1_048_576), ("M", 1_048_576), ("KB", 1024), ("K", 1024), ("B", 1)]
  var number = upper
  var scale = 1_048_576.0
  for (suffix, factor) in units where upper.hasSuffix(suffix) {
    number = String(upper.dropLast(suffix.count))
    scale = factor
    break
  }
  guard let value = Double(number), value > 0 else { return nil }
  return Int(value * scale)
}

func parseOptions() -> Options {
  var options = Options()
  var arguments = CommandLine.arguments.dropFirst()
  while let argument = arguments.popFirst() {
    switch argument {
    case "--write":
      guard let path = arguments.popFirst() else { usage() }
      options.writePath = path
    case "--runs":
      guard let text = arguments.popFirst(), let runs = Int(text), runs > 0 else { usage() }
      options.runs = runs
    case "-h", "--help":
      usage()
    default:
      guard let bytes = parseSize(argument) else { usage() }
      options.targetBytes = bytes
    }
  }
  return options
}

func seconds(_ duration: Duration) -> Double {
  let parts = duration.components
  return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

let options = parseOptions()
let generationStart = ContinuousClock.now
let script = ScriptGenerator.script(targetBytes: options.targetBytes)
let generationTime = seconds(ContinuousClock.now - generationStart)

if let path = options.writePath {
  guard FileManager.default.createFile(atPath: path, contents: Data(script.bytes)) else {
    FileHandle.standardError.write(Data("parse-benchmark: cannot write '\(path)'\n".utf8))
    exit(1)
  }
  print("wrote \(path): \(script.bytes.count) bytes, \(script.lines) lines, \(script.blocks) blocks")
  exit(0)
}

let size = script.bytes.count
print(
  "script: \(format(megabytes(size), 2)) MB (\(size) bytes), \(script.lines) lines, \(script.blocks) blocks"
    + " (generated in \(format(generationTime, 3)) s)")

var times: [Double] = []
var statements = 0
for run in 1...options.runs {
  let start = ContinuousClock.now
  let program: Program
  do {
    program = try Program.parse(bytes: script.bytes, name: "<benchmark>")
  } catch {
    // The generated script is valid SSHScript: a diagnostic is a parser bug (or a generator bug).
    FileHandle.standardError.write(Data("parse-benchmark: the generated script does not parse:\n\(error)".utf8))
    exit(1)
  }
  let elapsed = seconds(ContinuousClock.now - start)
  statements = program.module.body.count
  times.append(elapsed)
  print("run \(run): \(format(elapsed, 3)) s  \(format(megabytes(size) / elapsed, 1)) MB/s")
}

let middle = median(times)
print("top-level statements: \(statements)")
print(
  "median: \(format(middle, 3)) s  \(format(megabytes(size) / middle, 1)) MB/s"
    + "  (min \(format(times.min() ?? 0, 3)) s, max \(format(times.max() ?? 0, 3)) s)")
