import Foundation
import Testing

/// Ctrl-C (SIGINT) interrupts a running script: KeyboardInterrupt in the main thread, a
/// traceback, exit status 130 — also in an infinite loop, in a sleep and while a command runs.
@Suite("interrupts")
struct InterruptTests {
  @Test(arguments: [
    "while True:\n    pass\n", "import time\ntime.sleep(60)\n", "def f():\n    while True:\n        x = 1\nf()\n",
    "$sleep 30\n", "$sh -c 'sleep 30; echo never'\n",
  ])
  func sigintEndsTheScript(source: String) throws {
    try withTemporaryDirectory { directory in
      let script = directory + "/loop.sshs"
      try source.write(toFile: script, atomically: true, encoding: .utf8)
      let (status, stderr) = try SSHS.interrupt(script: script, after: 0.5)
      #expect(status == 130, "stderr: \(stderr)")
      #expect(stderr.hasSuffix("KeyboardInterrupt\n"), "stderr: \(stderr)")
      #expect(stderr.hasPrefix("Traceback (most recent call last):"))
    }
  }
}
