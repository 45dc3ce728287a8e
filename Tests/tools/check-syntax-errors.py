#!/usr/bin/env python3
"""Checks the syntax-error data files against CPython 3.11 (the oracle for Python-side messages).

usage:
  check-syntax-errors.py check [FILE...]  compare every pure-Python case with compile()
  check-syntax-errors.py fill FILE...     replace each header `# error: ?` with what compile() reports
  check-syntax-errors.py list [FILE...]   print every case and its expectation

Without FILE, uses Tests/SSHScriptCoreTests/Resources/syntax-errors/*.errors. A case is "pure Python"
when its source has no `$`, its message is not an sshs message, and its first statement is not
indented (sshs removes that indentation, LANGUAGE.md §1.3); other cases are listed as sshs-only.
The file format is described at the top of each data file.
"""
import glob
import os
import re
import sys

HEADER = re.compile(r'^# error: (\d+):(\d+): (.*)$')
SSHS_MESSAGES = ('not supported by sshs', 'sshs source files', "expected 's', 'r', 'a' or 'q'")
# CPython 3.11 puts these carets just after the literal's closing quote; sshs (like 3.12) puts
# them on the character at fault, so only their line and message are compared.
OWN_COLUMN = ("f-string: expecting '}'", "f-string: single '}' is not allowed", 'f-string: empty expression not allowed')


def cases(path):
    """Yields (header, source) for each case of a data file."""
    lines = open(path, encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    chunks, current = [], None
    for line in lines:
        if line == '---':
            if current is not None:
                chunks.append(current)
            current = []
        elif current is not None:
            current.append(line)
    if current is not None:
        chunks.append(current)
    for chunk in chunks:
        if any(line.strip() for line in chunk):
            yield chunk[0], source(chunk[1:])


def source(body):
    body = list(body)
    while body and body[-1] == '':
        body.pop()
    return '\n'.join(body) + '\n'


def oracle(src):
    try:
        compile(src, '<s>', 'exec')
        return None
    except SyntaxError as e:
        return (e.lineno, e.offset, e.msg)


def pure_python(src, message):
    if '$' in src or any(m in message for m in SSHS_MESSAGES):
        return False
    first = next((l for l in src.split('\n') if l.strip() and not l.lstrip().startswith('#')), '')
    return first[:1] not in (' ', '\t')


def fill(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    filled = 0
    for i, line in enumerate(lines):
        if line != '# error: ?':
            continue
        body = []
        for later in lines[i + 1:]:
            if later == '---':
                break
            body.append(later)
        found = oracle(source(body))
        if found is None:
            print(f'{path}:{i + 1}: python reports no error')
            continue
        lines[i] = f'# error: {found[0]}:{found[1]}: {found[2]}'
        filled += 1
    open(path, 'w', encoding='utf-8').write('\n'.join(lines))
    print(f'{path}: filled {filled}')


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ('check', 'fill', 'list'):
        print(__doc__)
        sys.exit(2)
    mode, files = sys.argv[1], sys.argv[2:]
    if not files:
        here = os.path.dirname(os.path.abspath(__file__))
        files = sorted(glob.glob(os.path.join(here, '..', 'SSHScriptCoreTests', 'Resources', 'syntax-errors', '*.errors')))
    if sys.version_info[:2] != (3, 11):
        print(f'warning: the oracle is CPython 3.11; this is {sys.version.split()[0]}')
    failures = total = 0
    for path in files:
        if mode == 'fill':
            fill(path)
            continue
        count = 0
        for k, (header, src) in enumerate(cases(path), 1):
            count += 1
            name = f'{os.path.basename(path)}#{k}'
            match = HEADER.match(header)
            if not match:
                print(f'{name}: bad header {header!r}')
                failures += 1
                continue
            expected = (int(match[1]), int(match[2]), match[3])
            if mode == 'list':
                print(f'{name}: {expected[0]}:{expected[1]}: {expected[2]}\n    {src!r}')
            elif pure_python(src, expected[2]):
                found = oracle(src)
                if expected[2] in OWN_COLUMN and found:
                    found = (found[0], expected[1], found[2])
                if found != expected:
                    print(f'{name}: expected {expected}, python reports {found}\n    {src!r}')
                    failures += 1
        total += count
        print(f'{os.path.basename(path)}: {count} cases')
    if mode != 'fill':
        print(f'total: {total} cases, {failures} problems')
    sys.exit(1 if failures else 0)


main()
