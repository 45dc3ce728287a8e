import Foundation
import Testing

@testable import SSHScriptCore

/// The session stack (LANGUAGE.md §6.1, §6.7) with a second session whose executor answers
/// every command with `NAME: command` (after a short wait with the interpreter lock released,
/// so other threads run meanwhile). The local session runs real processes. A recording
/// executor is enough here: what is tested is which session a command goes to; the SSH tests
/// prove remote sessions themselves against real servers.
@Suite("session stack")
struct SessionStackTests {
  final class EchoingExecutor: CommandExecutor {
    let name: String
    init(name: String) { self.name = name }
    var isConnected: Bool { true }

    func run(_ request: CommandRequest, _ interpreter: Interpreter) throws -> CommandOutcome {
      interpreter.blocking { usleep(20_000) }
      return CommandOutcome(
        command: request.command, stdout: Array("\(name): \(request.command)\n".utf8), stderr: [], exitCode: 0,
        duration: 0)
    }
  }

  /// Runs `source` with `a` and `b` defined as sessions of the echoing kind; returns stdout,
  /// stderr and the exit status.
  func run(_ source: String) throws -> (String, String, Int32) {
    let program = try Program.parse(source: source, name: "<test>")
    let stdout = CapturingSink()
    let stderr = CapturingSink()
    let status = ScriptRunner.run(program, argv: ["<test>"], stdout: stdout, stderr: stderr) { interpreter, module in
      for name in ["a", "b"] {
        let session = Session(
          executor: EchoingExecutor(name: name), host: name, username: "tester", port: 22,
          parent: interpreter.localSession)
        module.globals[name] = .object(session)
      }
    }
    return (stdout.text, stderr.text, status)
  }

  func lines(_ source: String) throws -> [String] {
    let (out, err, status) = try run(source)
    #expect(status == 0, "stderr: \(err)")
    #expect(err.isEmpty, "stderr: \(err)")
    return out.split(separator: "\n").map(String.init)
  }

  @Test func withPushesAndPops() throws {
    let output = try lines(
      """
      def who():
          $echo who
          return $.stdout.strip()
      print(who())
      with a:
          print(who(), $.host, $.session is a)
          with b:
              print(who(), $.host)
          print(who())
      print(who(), $.host)
      """)
    #expect(output == ["who", "a: echo who a True", "b: echo who b", "a: echo who", "who None"])
  }

  @Test func blockEndPopsWhatWasPushedInside() throws {
    // `with b:` left open by an early exit from a bound call cannot leak past `with a:`.
    let output = try lines(
      """
      b.__enter__()
      with a:
          b.__enter__()
          $echo inner
          print($.stdout.strip())
      $echo outer
      print($.stdout.strip())
      """)
    #expect(output == ["b: echo inner", "b: echo outer"])
  }

  @Test func threadsStartOnTheCreatorsSession() throws {
    let output = try lines(
      """
      import threading
      from concurrent.futures import ThreadPoolExecutor
      out = {}
      def work(key):
          $echo x
          out[key] = $.stdout.strip()
      with a:
          t1 = $.thread(target=work, args=("thread",))
          t2 = threading.Thread(target=work, args=("threading",))
          pool = ThreadPoolExecutor(2)
          f = pool.submit(work, "pool")
      t3 = threading.Thread(target=work, args=("outside",))
      g = pool.submit(work, "pool-outside")
      for t in (t1, t2, t3):
          t.start()
      for t in (t1, t2, t3):
          t.join()
      f.result(); g.result()
      pool.shutdown()
      for key in sorted(out):
          print(key, out[key])
      """)
    #expect(
      output == [
        "outside x", "pool a: echo x", "pool-outside x", "thread a: echo x", "threading a: echo x",
      ])
  }

  @Test func bindPushesForTheCallAndRebindsThreads() throws {
    let output = try lines(
      """
      import threading
      def host():
          $echo h
          return $.stdout.strip()
      on_a = a.bind(host)
      print(on_a(), host())
      with b:
          print(on_a(), host())
      t = threading.Thread(target=lambda: print(host()))
      a.bind(t).start()
      t.join()
      print($.session.bind(host)())
      """)
    #expect(output == ["a: echo h h", "a: echo h b: echo h", "a: echo h", "h"])
  }

  @Test func stacksArePerThread() throws {
    // While one thread waits inside a command on `a`, another thread runs on the local session.
    let output = try lines(
      """
      import threading
      seen = []
      def remote():
          with a:
              for i in range(5):
                  $echo r
                  seen.append($.stdout.strip())
      def local():
          for i in range(5):
              $echo l
              seen.append($.stdout.strip())
      ts = [threading.Thread(target=remote), threading.Thread(target=local)]
      for t in ts: t.start()
      for t in ts: t.join()
      print(sorted(set(seen)))
      """)
    #expect(output == ["['a: echo r', 'l']"])
  }

  @Test func membersOfSessionsActOnThem() throws {
    let output = try lines(
      """
      r = a.exec_command("uname")
      print(r.stdout.strip(), r.host, $.host)
      a.careful(True)
      print(a.careful(), $.careful(), $.session.careful())
      t = a.thread(target=lambda: print($.host))
      t.start(); t.join()
      print(a, a.connected, a.parent is $.session, a.username, a.port)
      """)
    #expect(
      output == ["a: uname a None", "True False False", "a", "<Session tester@a:22 connected> True True tester 22"])
  }

  @Test func closePopsAndLaterCommandsRaise() throws {
    let (out, err, status) = try run(
      """
      with a:
          $.close()
          print($.host, a.connected, a)
      try:
          a.exec_command("x")
      except SSHConnectionError as e:
          print("error:", e)
      with a:
          $echo never
      """)
    #expect(out == "None False <Session tester@a:22 closed>\nerror: session tester@a:22 is closed\n")
    #expect(err.contains("SSHConnectionError: session tester@a:22 is closed"))
    #expect(status == 1)
  }
}
