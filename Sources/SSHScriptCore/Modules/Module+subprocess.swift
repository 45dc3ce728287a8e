import Dispatch
import Foundation

/// `subprocess` (LANGUAGE.md §8.6): `run`, `call`, `check_call`, `check_output`, `Popen`,
/// `CompletedProcess` and the exceptions, always on the local machine. The module is written in
/// the Python subset (`source`) over `_subprocess`, a small native module that starts children
/// with `ChildProcess` (posix_spawn and pipes) and waits for them with the interpreter lock
/// released.
enum SubprocessModule {
  nonisolated(unsafe) static let processType = TypeObject(
    name: "Process", bases: [BuiltinTypes.object], layout: .fixed, moduleName: "_subprocess")

  /// How the Python layer names a stream's destination (CPython's PIPE, STDOUT, DEVNULL, plus
  /// two of sshs's own for `sys.stdout` and `sys.stderr`).
  static let pipe = -1
  static let standardOutput = -2
  static let devNull = -3
  static let scriptStdout = -10
  static let scriptStderr = -11

  static func makeNative(_ interpreter: Interpreter) -> ModuleObject {
    installOnce()
    let module = ModuleObject(name: "_subprocess", path: nil)
    let globals = module.globals
    globals["SIGKILL"] = .int(Int(SIGKILL))
    globals["SIGTERM"] = .int(Int(SIGTERM))
    globals["SCRIPT_STDOUT"] = .int(scriptStdout)
    globals["SCRIPT_STDERR"] = .int(scriptStderr)
    let names = DictObject()
    for (number, name) in signalNames { names.storage[try! HashKey(.int(Int(number)))] = .str(name) }
    globals["signal_names"] = .dict(names)
    globals.function("spawn") { interpreter, arguments in
      let values = try PythonSignature(
        "spawn", ["args", "executable", "cwd", "env", "stdin", "stdout", "stderr"]
      ).bind(arguments)
      return .object(try spawn(interpreter, values.map { $0 ?? Value.none }))
    }
    return module
  }

  /// The signals CPython's `signal.Signals` names, for `died with <Signals.SIGKILL: 9>`.
  static let signalNames: [(Int32, String)] = [
    (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT"), (SIGQUIT, "SIGQUIT"), (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"),
    (SIGABRT, "SIGABRT"), (SIGBUS, "SIGBUS"), (SIGFPE, "SIGFPE"), (SIGKILL, "SIGKILL"), (SIGUSR1, "SIGUSR1"),
    (SIGSEGV, "SIGSEGV"), (SIGUSR2, "SIGUSR2"), (SIGPIPE, "SIGPIPE"), (SIGALRM, "SIGALRM"), (SIGTERM, "SIGTERM"),
    (SIGCHLD, "SIGCHLD"), (SIGCONT, "SIGCONT"), (SIGSTOP, "SIGSTOP"), (SIGTSTP, "SIGTSTP"), (SIGTTIN, "SIGTTIN"),
    (SIGTTOU, "SIGTTOU"), (SIGURG, "SIGURG"), (SIGXCPU, "SIGXCPU"), (SIGXFSZ, "SIGXFSZ"), (SIGVTALRM, "SIGVTALRM"),
    (SIGPROF, "SIGPROF"), (SIGWINCH, "SIGWINCH"), (SIGIO, "SIGIO"), (SIGSYS, "SIGSYS"),
  ]

  // MARK: Starting

  private static func spawn(_ interpreter: Interpreter, _ values: [Value]) throws -> ProcessObject {
    var request = SpawnRequest(arguments: [])
    let arguments = try interpreter.iterateToArray(values[0])
    request.arguments = try arguments.map { try PathArgument.generic(interpreter, $0).checkedBytes() }
    if !values[1].isNone { request.executable = try PathArgument.generic(interpreter, values[1]).checkedBytes() }
    if !values[2].isNone { request.directory = try PathArgument.generic(interpreter, values[2]).checkedBytes() }
    if !values[3].isNone {
      var entries: [[UInt8]] = []
      for pair in try interpreter.iterateToArray(values[3]) {
        let items = try interpreter.iterateToArray(pair)
        let name = try PathArgument.generic(interpreter, items[0]).checkedBytes()
        let value = try PathArgument.generic(interpreter, items[1]).checkedBytes()
        if name.contains(UInt8(ascii: "=")) {
          throw Interpreter.valueError("illegal environment variable name")
        }
        entries.append(name + [UInt8(ascii: "=")] + value)
      }
      request.environment = entries
    }
    var forwards: [Int: OutputSink] = [:]
    func stream(_ value: Value, number: Int) throws -> ChildStream {
      guard case .int(let code) = value else { return number == 0 ? .inherit : try sinkStream(number, number) }
      switch code {
      case pipe: return .pipe
      case devNull: return .null
      case standardOutput where number == 2: return .standardOutput
      case scriptStdout where number > 0: return try sinkStream(number, 1)
      case scriptStderr where number > 0: return try sinkStream(number, 2)
      case 0...: return .descriptor(Int32(code))
      default: throw Interpreter.valueError("invalid stream specification: \(code)")
      }
    }
    /// The child's stream `number` goes to the script's stdout (1) or stderr (2): straight to
    /// the sink's descriptor when it has one, else through a pipe copied to the sink.
    func sinkStream(_ number: Int, _ sink: Int) throws -> ChildStream {
      let target = sink == 1 ? interpreter.stdout : interpreter.stderr
      if let descriptor = target.fileDescriptor { return .descriptor(descriptor) }
      forwards[number] = target
      return .pipe
    }
    request.standardInput = try stream(values[4], number: 0)
    request.standardOutput = try stream(values[5], number: 1)
    request.standardError = try stream(values[6], number: 2)
    // What the script printed so far comes before what the child writes.
    interpreter.flushStdout()
    do {
      let child = try ChildProcess.spawn(request)
      return ProcessObject(
        child: child, forwardOutput: forwards[1], forwardErrors: forwards[2],
        capturesOutput: request.standardOutput == .pipe && forwards[1] == nil,
        capturesErrors: request.standardError == .pipe && forwards[2] == nil)
    } catch {
      throw OSErrors.make(error.code, .str(String(decoding: error.path, as: UTF8.self)))
    }
  }

  // MARK: The process object

  nonisolated(unsafe) private static var installed = false

  /// Methods of `_subprocess.Process`; runs under the interpreter lock.
  private static func installOnce() {
    guard !installed else { return }
    installed = true
    let type = processType
    func process(_ arguments: inout CallArguments) throws -> ProcessObject {
      guard case .object(let object as ProcessObject) = try BuiltinMethods.receiver(&arguments, "Process", "wait")
      else { throw Interpreter.typeError("descriptor requires a '_subprocess.Process' object") }
      return object
    }
    BuiltinMethods.add(type, "pid") { _, arguments in .int(Int(try process(&arguments).child.pid)) }
    // communicate(input, timeout) -> (finished, stdout, stderr): the output so far when the
    // timeout expired first (kept for the next call), else all of it.
    BuiltinMethods.add(type, "communicate") { interpreter, arguments in
      let target = try process(&arguments)
      let values = try PythonSignature("communicate", ["input", "timeout"]).bind(arguments)
      var input: [UInt8] = []
      if case .bytes(let bytes)? = values[0] { input = bytes }
      target.child.feed(input)
      let progress = try target.run(interpreter, timeout: values[1]) { child, deadline, stop in
        child.exchange(until: deadline, stop: stop)
      }
      return .tuple([.bool(progress == .exited), target.captured(output: true), target.captured(output: false)])
    }
    // wait(timeout) -> the exit status, or None when the timeout expired first.
    BuiltinMethods.add(type, "wait") { interpreter, arguments in
      let target = try process(&arguments)
      let values = try PythonSignature("wait", ["timeout"]).bind(arguments)
      let progress = try target.run(interpreter, timeout: values[0]) { child, deadline, stop in
        child.waitForExit(until: deadline, stop: stop)
      }
      return progress == .exited ? .int(Int(target.child.status ?? 0)) : .none
    }
    BuiltinMethods.add(type, "poll") { interpreter, arguments in
      let target = try process(&arguments)
      guard let status = target.child.exitStatusIfEnded() else { return .none }
      target.forward(interpreter)
      return .int(Int(status))
    }
    BuiltinMethods.add(type, "send_signal") { interpreter, arguments in
      let target = try process(&arguments)
      let values = try PythonSignature("send_signal", ["sig"]).bind(arguments)
      target.child.send(Int32(truncatingIfNeeded: try interpreter.asIndex(values[0]!, "sig")))
      return .none
    }
    // Kills the child and reaps it (the timeout and interrupt paths of run()).
    BuiltinMethods.add(type, "kill_and_reap") { interpreter, arguments in
      let target = try process(&arguments)
      interpreter.blocking { target.child.terminate() }
      target.forward(interpreter)
      return .none
    }
  }
}

/// `_subprocess.Process`: one child and the output collected from it.
final class ProcessObject: PyObject {
  let child: ChildProcess
  /// Where output that the script did not capture goes when the sink has no descriptor.
  private let forwardOutput: OutputSink?
  private let forwardErrors: OutputSink?
  /// Whether stdout and stderr are pipes the script reads (PIPE).
  private let capturesOutput: Bool
  private let capturesErrors: Bool
  private var output: [UInt8] = []
  private var errors: [UInt8] = []

  init(
    child: ChildProcess, forwardOutput: OutputSink?, forwardErrors: OutputSink?, capturesOutput: Bool,
    capturesErrors: Bool
  ) {
    self.child = child
    self.forwardOutput = forwardOutput
    self.forwardErrors = forwardErrors
    self.capturesOutput = capturesOutput
    self.capturesErrors = capturesErrors
  }

  override var pyType: TypeObject { SubprocessModule.processType }

  /// Runs a wait on the child with the interpreter lock released; an interrupt in the main
  /// thread ends it and raises KeyboardInterrupt.
  func run(
    _ interpreter: Interpreter, timeout: Value?,
    _ body: (ChildProcess, DispatchTime?, () -> Bool) -> ChildProcess.Progress
  ) throws -> ChildProcess.Progress {
    var deadline: DispatchTime?
    if let timeout, !timeout.isNone {
      let seconds = try MathModule.number(timeout, "timeout")
      deadline = .now() + .nanoseconds(Int(max(0, min(seconds, 1e9)) * 1e9))
    }
    let flag = interpreter.interruptRequested
    let isMain = interpreter.isMainThread
    let progress = interpreter.blocking { body(child, deadline, { isMain && flag.pointee != 0 }) }
    forward(interpreter)
    try interpreter.checkInterrupt()
    return progress
  }

  /// Moves what the pipes delivered into the captured buffers, or to the script's sinks.
  func forward(_ interpreter: Interpreter) {
    let (newOutput, newErrors) = child.takeOutput()
    if let sink = forwardOutput {
      if !newOutput.isEmpty {
        interpreter.flushStdout()
        sink.write(newOutput)
      }
    } else {
      output += newOutput
    }
    if let sink = forwardErrors {
      if !newErrors.isEmpty {
        interpreter.flushStdout()
        sink.write(newErrors)
      }
    } else {
      errors += newErrors
    }
  }

  /// The captured stdout (or stderr) as bytes; None when that stream is not captured.
  /// Once the child has exited the buffer is handed over and emptied.
  func captured(output isOutput: Bool) -> Value {
    guard isOutput ? capturesOutput : capturesErrors else { return .none }
    let bytes = isOutput ? output : errors
    if child.status != nil {
      if isOutput { output = [] } else { errors = [] }
    }
    return .bytes(bytes)
  }
}

extension PathArgument {
  /// The bytes for a C string: `ValueError: embedded null byte` when they contain NUL.
  func checkedBytes() throws -> [UInt8] {
    if bytes.contains(0) { throw Interpreter.valueError("embedded null byte") }
    return bytes
  }
}

extension SubprocessModule {
  static let source = #"""
    """Run local programs: run(), call(), check_call(), check_output() and Popen.

    Children always run on the local machine, whatever the effective session. Popen's stdin,
    stdout and stderr attributes are None: talk to the child with communicate().
    """

    import os
    import sys
    import time
    import _subprocess

    PIPE = -1
    STDOUT = -2
    DEVNULL = -3


    class SubprocessError(Exception):
        pass


    class CalledProcessError(SubprocessError):
        """Raised when run(check=True), check_call() or check_output() sees a non-zero status."""

        def __init__(self, returncode, cmd, output=None, stderr=None):
            self.returncode = returncode
            self.cmd = cmd
            self.output = output
            self.stderr = stderr

        def __str__(self):
            if self.returncode and self.returncode < 0:
                name = _subprocess.signal_names.get(-self.returncode)
                if name is None:
                    return f"Command '{self.cmd}' died with unknown signal {-self.returncode}."
                return f"Command '{self.cmd}' died with <Signals.{name}: {-self.returncode}>."
            return f"Command '{self.cmd}' returned non-zero exit status {self.returncode}."

        @property
        def stdout(self):
            """Alias for output, for symmetry with stderr."""
            return self.output

        @stdout.setter
        def stdout(self, value):
            self.output = value


    class TimeoutExpired(SubprocessError):
        """Raised when the timeout expires; the child has been killed by run() and friends."""

        def __init__(self, cmd, timeout, output=None, stderr=None):
            self.cmd = cmd
            self.timeout = timeout
            self.output = output
            self.stderr = stderr

        def __str__(self):
            return f"Command '{self.cmd}' timed out after {self.timeout} seconds"

        @property
        def stdout(self):
            return self.output

        @stdout.setter
        def stdout(self, value):
            self.output = value


    class CompletedProcess:
        """What run() returns: args, returncode, and the captured stdout and stderr (or None)."""

        def __init__(self, args, returncode, stdout=None, stderr=None):
            self.args = args
            self.returncode = returncode
            self.stdout = stdout
            self.stderr = stderr

        def __repr__(self):
            parts = [f"args={self.args!r}", f"returncode={self.returncode!r}"]
            if self.stdout is not None:
                parts.append(f"stdout={self.stdout!r}")
            if self.stderr is not None:
                parts.append(f"stderr={self.stderr!r}")
            return f"{type(self).__name__}({', '.join(parts)})"

        def check_returncode(self):
            """Raises CalledProcessError if the exit status is not zero."""
            if self.returncode:
                raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


    def _stream(value):
        # PIPE, STDOUT, DEVNULL, a descriptor, an object with fileno(), or the script's own
        # sys.stdout / sys.stderr (which have no descriptor of their own here).
        if value is None or isinstance(value, int):
            return value
        if value is sys.stdout:
            return _subprocess.SCRIPT_STDOUT
        if value is sys.stderr:
            return _subprocess.SCRIPT_STDERR
        if hasattr(value, "fileno"):
            return value.fileno()
        raise TypeError(f"stream must be None, an int or have a fileno() method, not {type(value).__name__}")


    class Popen:
        """A child process. Its output is collected by communicate(); wait() and poll() reap it."""

        def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                     preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None, universal_newlines=None,
                     startupinfo=None, creationflags=0, restore_signals=True, start_new_session=False,
                     pass_fds=(), *, user=None, group=None, extra_groups=None, encoding=None, errors=None,
                     text=None, umask=-1, pipesize=-1, process_group=None):
            self.args = args
            self.returncode = None
            self.stdin = None
            self.stdout = None
            self.stderr = None
            self._communication_started = False
            self._communicated = None
            for name, value, default in [
                    ("preexec_fn", preexec_fn, None), ("start_new_session", start_new_session, False),
                    ("pass_fds", pass_fds, ()), ("user", user, None), ("group", group, None),
                    ("extra_groups", extra_groups, None), ("umask", umask, -1),
                    ("process_group", process_group, None), ("restore_signals", restore_signals, True)]:
                if value != default:
                    raise NotImplementedError(f"Popen({name}=...) is not supported by sshs")
            if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
                raise SubprocessError("Cannot disambiguate when both text and universal_newlines are supplied "
                                      "but different. Pass one or the other.")
            self.text_mode = bool(encoding or errors or text or universal_newlines)
            self.universal_newlines = self.text_mode
            self.encoding = encoding
            self.errors = errors

            if isinstance(args, (str, bytes)):
                argv = [args]
            elif hasattr(args, "__fspath__"):
                if shell:
                    raise TypeError("path-like args is not allowed when shell is true")
                argv = [args]
            else:
                argv = list(args)
            if shell:
                argv = ["/bin/sh", "-c"] + argv
                if executable:
                    argv[0] = executable
            if executable is None:
                executable = argv[0]
            environment = None if env is None else [(name, value) for name, value in env.items()]
            self._process = _subprocess.spawn(argv, executable, cwd, environment, _stream(stdin), _stream(stdout),
                                              _stream(stderr))
            self.pid = self._process.pid()

        def __repr__(self):
            return f"<Popen: returncode: {self.returncode} args: {self.args!r}>"

        def __enter__(self):
            return self

        def __exit__(self, exc_type, value, traceback):
            self.wait()
            return False

        def _decode(self, data):
            if data is None or not self.text_mode:
                return data
            text = data.decode(self.encoding or "utf-8", self.errors or "strict")
            return text.replace("\r\n", "\n").replace("\r", "\n")

        def communicate(self, input=None, timeout=None):
            """Sends input, reads stdout and stderr to the end and waits; returns (stdout, stderr)."""
            if self._communication_started and input:
                raise ValueError("Cannot send input after starting communication")
            if input is not None and self.text_mode and isinstance(input, str):
                input = input.encode(self.encoding or "utf-8", self.errors or "strict")
            if input is not None and not isinstance(input, bytes):
                raise TypeError(f"a bytes-like object is required, not '{type(input).__name__}'")
            if timeout is not None:
                # Checked first, as CPython does: a bad timeout fails before anything is sent.
                time.monotonic() + timeout
            self._communication_started = True
            if self._communicated is not None:
                # As CPython, later calls return the same output again.
                return self._communicated
            finished, out, err = self._process.communicate(input, timeout)
            if not finished:
                # The output so far, undecoded, as CPython gives it.
                raise TimeoutExpired(self.args, timeout, output=out or None, stderr=err or None)
            self.returncode = self._process.poll()
            self._communicated = (self._decode(out), self._decode(err))
            return self._communicated

        def wait(self, timeout=None):
            """Waits for the child to exit; returns its exit status (minus the signal that killed it)."""
            if self.returncode is not None:
                return self.returncode
            status = self._process.wait(timeout)
            if status is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = status
            return status

        def poll(self):
            """The exit status if the child has exited, else None."""
            if self.returncode is None:
                self.returncode = self._process.poll()
            return self.returncode

        def send_signal(self, sig):
            if self.returncode is None:
                self._process.send_signal(sig)

        def terminate(self):
            self.send_signal(_subprocess.SIGTERM)

        def kill(self):
            self.send_signal(_subprocess.SIGKILL)

        def _kill_and_reap(self):
            self._process.kill_and_reap()
            self.returncode = self._process.poll()


    def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
        """Runs a command, waits for it, and returns a CompletedProcess."""
        if input is not None:
            if kwargs.get("stdin") is not None:
                raise ValueError("stdin and input arguments may not both be used.")
            kwargs["stdin"] = PIPE
        if capture_output:
            if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
                raise ValueError("stdout and stderr arguments may not be used with capture_output.")
            kwargs["stdout"] = PIPE
            kwargs["stderr"] = PIPE
        process = Popen(*popenargs, **kwargs)
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except BaseException:
            # A timeout, an interrupt or bad input: the child must not outlive the call.
            process._kill_and_reap()
            raise
        returncode = process.poll()
        if check and returncode:
            raise CalledProcessError(returncode, process.args, output=stdout, stderr=stderr)
        return CompletedProcess(process.args, returncode, stdout, stderr)


    def call(*popenargs, timeout=None, **kwargs):
        """Runs a command and returns its exit status."""
        process = Popen(*popenargs, **kwargs)
        try:
            return process.wait(timeout=timeout)
        except BaseException:
            process._kill_and_reap()
            raise


    def check_call(*popenargs, **kwargs):
        """Runs a command; raises CalledProcessError unless its exit status is zero."""
        retcode = call(*popenargs, **kwargs)
        if retcode:
            cmd = kwargs.get("args")
            if cmd is None:
                cmd = popenargs[0]
            raise CalledProcessError(retcode, cmd)
        return 0


    def check_output(*popenargs, timeout=None, **kwargs):
        """Runs a command and returns its stdout; raises CalledProcessError on a non-zero status."""
        for name in ("stdout", "check"):
            if name in kwargs:
                raise ValueError(f"{name} argument not allowed, it will be overridden.")
        if "input" in kwargs and kwargs["input"] is None:
            # As CPython: input=None means empty input, not the parent's stdin.
            kwargs["input"] = "" if kwargs.get("universal_newlines") or kwargs.get("text") or \
                kwargs.get("encoding") or kwargs.get("errors") else b""
        return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


    def getstatusoutput(cmd, *, encoding=None, errors=None):
        """(exit status, output) of a shell command; stderr is included and a final newline removed."""
        try:
            data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
            status = 0
        except CalledProcessError as error:
            data = error.output
            status = error.returncode
        if data[-1:] == "\n":
            data = data[:-1]
        return status, data


    def getoutput(cmd, *, encoding=None, errors=None):
        """The output of a shell command (stdout and stderr), without its final newline."""
        return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
    """#
}
