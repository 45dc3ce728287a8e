import Foundation
import Testing

/// The `sshs` command line (LANGUAGE.md §9.1, §9.3, §10.1), run as a real process.
///
/// Every test that touches files works in a fresh temporary directory and runs `sshs` there, so
/// diagnostics name files exactly as they are given on the command line.
@Suite("sshs command line")
struct CLITests {
  /// A script using most `$` forms; it must pass `--check`.
  static let goodScript = #"""
    #!/usr/bin/env sshs
    import os
    path = "/tmp"
    $ls -l @{path!q}
    print($.stdout)
    out, err, rc = $f'df -P {path!q}'
    r = $("uname -a", timeout=5)
    with $#!/bin/bash as sh:
        $cd /tmp
    def f(x):
        return $cat /etc/hostname

    """#

  static let brokenScript = "x = 1\nports = [22, 80,\n"
  static let brokenDiagnostic = "bad.sshs:2:9: error: '[' was never closed\nports = [22, 80,\n        ^\n"

  @Test func versionPrintsTheVersion() throws {
    let result = try SSHS.run(["--version"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "sshs 1.0.0\n")
    #expect(result.stderr == "")
  }

  @Test(arguments: ["--help", "-h"])
  func helpListsTheOptions(flag: String) throws {
    let result = try SSHS.run([flag])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr == "")
    // Whole words, so that "-c" is not satisfied by "--check".
    let words = Set(
      result.stdout.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init))
    // The options this milestone implements (LANGUAGE.md §9.1 adds -v, -q, -d with the interpreter).
    for option in ["-c", "--check", "--dump-ast", "--version", "-h", "--help"] {
      #expect(words.contains(option), "--help does not mention \(option):\n\(result.stdout)")
    }
  }

  @Test func unknownOptionIsAUsageError() throws {
    let result = try SSHS.run(["-x", "script.sshs"])
    #expect(result.status == 2, "\(result)")
    #expect(result.stdout == "")
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "sshs: unknown option '-x'", "\(result)")
    // The synopsis follows (its exact layout is the usage text's business, not this test's).
    let synopsis = lines.dropFirst().filter { !$0.isEmpty }
    #expect(!synopsis.isEmpty, "no synopsis after the error line:\n\(result.stderr)")
    #expect(synopsis.contains { $0.contains("sshs") }, "the synopsis does not name sshs:\n\(result.stderr)")
  }

  @Test(arguments: [["nope.sshs"], ["--check", "nope.sshs"], ["--dump-ast", "nope.sshs"]])
  func missingScriptCannotBeOpened(arguments: [String]) throws {
    try withTemporaryDirectory { directory in
      let result = try SSHS.run(arguments, in: directory)
      #expect(result.status == 2, "\(result)")
      #expect(result.stdout == "")
      #expect(result.stderr == "sshs: can't open file 'nope.sshs': [Errno 2] No such file or directory\n")
    }
  }

  @Test func checkAcceptsGoodFilesSilently() throws {
    try withTemporaryDirectory { directory in
      try write(
        ["good.sshs": Self.goodScript, "plain.spy": "def add(a, b):\n    return a + b\nprint(add(1, 2))\n"],
        in: directory)
      let result = try SSHS.run(["--check", "good.sshs", "plain.spy"], in: directory)
      #expect(result.status == 0, "\(result)")
      #expect(result.stdout == "")
      #expect(result.stderr == "")
    }
  }

  @Test func checkReportsTheBadFileAmongSeveral() throws {
    try withTemporaryDirectory { directory in
      try write(["a.sshs": Self.goodScript, "bad.sshs": Self.brokenScript, "z.sshs": "$echo fine\n"], in: directory)
      let result = try SSHS.run(["--check", "a.sshs", "bad.sshs", "z.sshs"], in: directory)
      #expect(result.status == 1, "\(result)")
      #expect(result.stdout == "")
      #expect(result.stderr == Self.brokenDiagnostic)
    }
  }

  @Test func dumpASTPrintsTheSpecExample() throws {
    // LANGUAGE.md §9.1, verbatim.
    let expected = """
      Module
        Assign @1:1
          Name @1:1 id=x ctx=Store
          Command @1:5 kind=one form=bare
            Text value='ls -l '
            Interpolation @1:12 conversion=none
              Name @1:14 id=d ctx=Load

      """
    let result = try SSHS.run(["--dump-ast", "-c", "x = $ls -l @{d}"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == expected)
    #expect(result.stderr == "")
  }

  @Test func dumpASTOfABrokenFileFails() throws {
    try withTemporaryDirectory { directory in
      try write(["bad.sshs": Self.brokenScript], in: directory)
      let result = try SSHS.run(["--dump-ast", "bad.sshs"], in: directory)
      #expect(result.status == 1, "\(result)")
      #expect(result.stdout == "")
      #expect(result.stderr == Self.brokenDiagnostic)
    }
  }

  @Test(arguments: [[String](), ["--check"], ["--dump-ast"]])
  func codeErrorsNameString(options: [String]) throws {
    let result = try SSHS.run(options + ["-c", "print($echo hi)"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "<string>:1:7: error: '$' command is not allowed here; use $(...) inside an expression\n"
        + "print($echo hi)\n      ^\n")
  }

  @Test(arguments: [[String](), ["--check"], ["--dump-ast"]])
  func stdinErrorsNameStdin(options: [String]) throws {
    let result = try SSHS.run(options + ["-"], input: "ports = [22, 80,\n")
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == "")
    #expect(result.stderr == "<stdin>:1:9: error: '[' was never closed\nports = [22, 80,\n        ^\n")
  }

  @Test func caretReproducesTabs() throws {
    // §10.1: the caret line reproduces the tabs of the source line.
    let result = try SSHS.run(["--check", "-c", "if x:\n\ty = (1,\n"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr == "<string>:2:6: error: '(' was never closed\n\ty = (1,\n\t    ^\n")
  }

  @Test func inputAndStdinShareOneBuffer() throws {
    // input() reads through sys.stdin, so a mix of the two loses nothing.
    let script = """
      import sys
      name = input("Name? ")
      first = sys.stdin.readline()
      hosts = [line.strip() for line in sys.stdin]
      print(name.upper(), repr(first), hosts, repr(sys.stdin.read()))
      try:
          input()
      except EOFError as e:
          print("EOFError:", e)
      """
    let result = try SSHS.run(["-c", script], input: "deploy\nweb1 web2\ndb1\ndb2\n")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "Name? DEPLOY 'web1 web2\\n' ['db1', 'db2'] ''\nEOFError: EOF when reading a line\n")
  }

  @Test func tenThousandCommandsLeaveNothingBehind() throws {
    // No zombie children and no leaked descriptors after 10,000 commands (the command issue's
    // hygiene rule), checked from inside the sshs process through /proc.
    let script = """
      import os

      def descriptors():
          return len(os.listdir("/proc/self/fd"))

      def zombies():
          me = str(os.getpid())
          count = 0
          for entry in os.listdir("/proc"):
              if entry.isdigit():
                  try:
                      fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
                  except OSError:
                      continue
                  if fields[1] == me and fields[0] == "Z":
                      count += 1
          return count

      before = descriptors()
      failures = 0
      for i in range(5000):
          $true
          failures += $.exitcode
          failures += $("cat", input="x").exitcode
      print(failures, descriptors() - before, zombies())
      """
    let result = try SSHS.run(["-c", script], timeout: 300)
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "0 0 0\n", "\(result)")
  }

  @Test func threadsSamplePrintsOneProfilePerThread() throws {
    // The seed document's threading example, adapted to the local machine (Samples/threads.sshs).
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Samples")
    let result = try SSHS.run([samples.appendingPathComponent("threads.sshs").path], timeout: 60)
    #expect(result.status == 0, "\(result)")
    let profiles = result.stdout.split(separator: "\n").filter { $0.contains(" files ") && $0.contains(" checked ") }
    #expect(profiles.count == 3, "\(result)")
    #expect(Set(profiles.map { $0.split(separator: " ")[0] }) == ["cache", "database", "web"], "\(result)")
  }

  @Test func hundredMegabytesOnBothStreamsDoNotDeadlock() throws {
    // stdout and stderr are read together: a command filling both pipes completes.
    let script = """
      r = $sh -c 'head -c 100000000 /dev/zero; head -c 100000000 /dev/zero >&2'
      print(len(r.rawstdout), len(r.rawstderr), r.exitcode)
      """
    let result = try SSHS.run(["-c", script], timeout: 120)
    #expect(result.stdout == "100000000 100000000 0\n", "\(result)")
  }

  @Test(arguments: [
    ([String](), "WARNING ERROR"), (["-v"], "INFO WARNING ERROR"), (["-q"], "ERROR"),
    (["-d"], "DEBUG INFO WARNING ERROR"), (["-d", "info"], "INFO WARNING ERROR"),
  ])
  func loggerLevelsFollowTheOptions(options: [String], levels: String) throws {
    let script = "$.logger.debug('a')\n$.logger.info('b')\n$.logger.warning('c')\n$.logger.error('d')\n"
    let result = try SSHS.run(options + ["-c", script])
    #expect(result.status == 0, "\(result)")
    let shown = result.stderr.split(separator: "\n").map { $0.split(separator: " ")[1] }.joined(separator: " ")
    #expect(shown == levels, "\(result)")
  }

  @Test func verboseEchoesConsoleCommands() throws {
    // -v echoes a console command's lines (without the protocol's text), stdout and stderr apart.
    let script = "with $#!/bin/sh as sh:\n    sh('echo out-line; echo err-line >&2')\nprint('done')\n"
    let result = try SSHS.run(["-v", "-c", script])
    #expect(result.stdout == "out-line\ndone\n", "\(result)")
    #expect(result.stderr == "err-line\n", "\(result)")
  }

  @Test(arguments: [
    "$sh -c 'echo first >&2; sleep 0.5; grep -c first \"$LOG\"'\nprint($.stdout, end='')\n",
    "with $#!/bin/sh as sh:\n    sh('echo first >&2; sleep 0.5; grep -c first \"$LOG\"')\nprint(sh.stdout, end='')\n",
  ])
  func verboseEchoesLinesAsTheyArrive(script: String) throws {
    // sshs's stderr goes to $LOG; the command looks there while it still runs: "1" when the
    // line it wrote half a second earlier has been echoed already, "0" otherwise.
    try withTemporaryDirectory { directory in
      let log = directory + "/stderr.log"
      let result = try Spawner.run(
        path: "/bin/sh",
        arguments: ["-c", "export LOG=\"$0\"; exec \"$1\" -v -c \"$2\" 2>\"$0\"", log, try SSHS.path(), script],
        input: [], directory: nil, timeout: 60)
      #expect(result.status == 0, "\(result)")
      #expect(result.stdout == "1\n1\n", "\(result)")
      #expect((try? String(contentsOfFile: log, encoding: .utf8)) == "first\n", "\(result)")
    }
  }

  @Test func sigtermEndsChildrenAndConsolesFirst() throws {
    // LANGUAGE.md §9.5: on SIGTERM a running command and a console's shell are ended, then sshs
    // exits with 143; nothing it started keeps running. (An ended child orphaned as a zombie
    // counts as gone: whether PID 1 reaps it at once depends on the machine.)
    try withTemporaryDirectory { directory in
      let script = directory + "/term.sshs"
      try """
      import threading
      def console():
          with $#!/bin/sh as c:
              c('echo $$ > \(directory)/console.pid; sleep 100')
      threading.Thread(target=console, daemon=True).start()
      $sh -c 'echo $$ > \(directory)/command.pid; exec sleep 100'
      """.write(toFile: script, atomically: true, encoding: .utf8)
      let driver = """
        "$0" "$1" & p=$!
        while [ ! -s "$2/command.pid" ] || [ ! -s "$2/console.pid" ]; do sleep 0.05; done
        kill -TERM $p; wait $p; echo "status $?"
        sleep 0.2
        for f in command console; do
          state=$(cut -d" " -f3 "/proc/$(cat "$2/$f.pid")/stat" 2>/dev/null)
          if [ -n "$state" ] && [ "$state" != Z ]; then echo "$f alive"; else echo "$f gone"; fi
        done
        """
      let result = try Spawner.run(
        path: "/bin/sh", arguments: ["-c", driver, try SSHS.path(), script, directory], input: [], directory: nil,
        timeout: 60)
      #expect(result.stdout == "status 143\ncommand gone\nconsole gone\n", "\(result)")
    }
  }
}
