#!/usr/bin/env python3
"""Writes the `# expect:` lines of a script test from what CPython prints.

    Tests/tools/add-expectations.py Tests/Scripts/feature/name.sshs [...]

Runs each file with this python3 (the reference), notes which top-level statement printed each
stdout line, and puts `# expect: LINE` comments right after that statement (existing
`# expect:` lines are replaced; `# expect error:` and `# expect exit:` lines are kept). Only for
files that CPython can run: the pure-Python part of SSHScript.
"""
import ast
import io
import os
import sys


def statement_ends(source):
    """The (first, last) line of every top-level statement."""
    return [(node.lineno, node.end_lineno) for node in ast.parse(source).body]


def run(path, source):
    """Runs the script; returns [(top-level line, output line)] and the exit status."""
    records = []
    pending = []
    code = compile(source, path, "exec")

    def current_line():
        frame = sys._getframe(2)
        line = None
        while frame is not None:
            if frame.f_code is code:
                line = frame.f_lineno
            frame = frame.f_back
        return line

    class Capture(io.TextIOBase):
        def write(self, text):
            line = current_line()
            for piece in text.splitlines(keepends=True):
                pending.append(piece)
                if piece.endswith("\n"):
                    records.append((line, "".join(pending)[:-1]))
                    pending.clear()
            return len(text)

    saved = sys.stdout, sys.argv
    sys.stdout, sys.argv = Capture(), [path]
    status = 0
    cwd = os.getcwd()
    try:
        exec(code, {"__name__": "__main__", "__file__": path})
    except SystemExit as exit:
        status = exit.code if isinstance(exit.code, int) else 1
    except BaseException:
        status = 1
    finally:
        sys.stdout, sys.argv = saved
        os.chdir(cwd)
    if pending:
        records.append((current_line(), "".join(pending)))
    return records, status


def main():
    for path in sys.argv[1:]:
        with open(path) as file:
            lines = [line for line in file.read().split("\n")]
        kept = [line for line in lines if not line.lstrip().startswith("# expect:") and line.strip() != "# expect:"]
        source = "\n".join(kept)
        ends = statement_ends(source)
        records, _ = run(path, source)
        after = {}
        for line, text in records:
            end = next((last for first, last in ends if line is not None and first <= line <= last), len(kept))
            after.setdefault(end, []).append(text)
        output = []
        for number, line in enumerate(kept, start=1):
            output.append(line)
            for text in after.get(number, []):
                output.append("# expect: " + text if text else "# expect:")
        with open(path, "w") as file:
            file.write("\n".join(output))


if __name__ == "__main__":
    main()
