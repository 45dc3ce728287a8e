# A regex-driven tokenizer and evaluator for a small expression language, plus a shell-like command line splitter.
import re

TOKEN = re.compile(r"""
    (?P<NUMBER>  \d+(?:\.\d*)?(?:[eE][-+]?\d+)? )
  | (?P<STRING>  "(?:[^"\\]|\\.)*" )
  | (?P<NAME>    [A-Za-z_]\w* )
  | (?P<OP>      \*\*|//|[-+*/%()=,<>]=?|== )
  | (?P<SKIP>    [ \t]+ )
  | (?P<ERROR>   . )
""", re.VERBOSE)

def tokenize(text):
    tokens = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        if kind == "ERROR":
            raise SyntaxError(f"unexpected {m.group()!r} at column {m.start() + 1}")
        value = m.group()
        if kind == "NUMBER":
            value = float(value) if re.search(r"[.eE]", value) else int(value)
        elif kind == "STRING":
            value = re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), value[1:-1])
        tokens.append((kind, value, m.start()))
    return tokens

class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.i = 0
        self.env = env
    def peek(self):
        return self.tokens[self.i][1] if self.i < len(self.tokens) else None
    def take(self):
        self.i += 1
        return self.tokens[self.i - 1]
    def expr(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()[1]
            right = self.term()
            value = value + right if op == "+" else value - right
        return value
    def term(self):
        value = self.power()
        while self.peek() in ("*", "/", "//", "%"):
            op = self.take()[1]
            right = self.power()
            value = {"*": lambda a, b: a * b, "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b}[op](value, right)
        return value
    def power(self):
        base = self.atom()
        if self.peek() == "**":
            self.take()
            return base ** self.power()
        return base
    def atom(self):
        kind, value, _ = self.take()
        if value == "(":
            inner = self.expr()
            self.take()
            return inner
        if value == "-":
            return -self.atom()
        if kind == "NAME":
            if self.peek() == "(":
                self.take()
                args = [self.expr()]
                while self.peek() == ",":
                    self.take()
                    args.append(self.expr())
                self.take()
                return self.env[value](*args)
            return self.env[value]
        return value

env = {"x": 7, "limit": 100, "max": max, "min": min, "len": len, "upper": str.upper}
for source in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "x // 2 + x % 2", "max(x, 3, limit / 8)", "-x + 1.5e1",
               'len("a\\"b") + len("tab\\t")', 'upper("ok")', "min(4, 2) * (x - 10)", "1 + $"]:
    try:
        tokens = tokenize(source)
        print(f"{source:<28} {[t[0][0] for t in tokens]} = {Parser(tokens, env).expr()!r}")
    except SyntaxError as e:
        print(f"{source:<28} error: {e}")

WORD = re.compile(r"""
    (?P<sq>  '[^']*' )
  | (?P<dq>  "(?:[^"\\]|\\.)*" )
  | (?P<esc> \\. )
  | (?P<op>  \|\||&&|[|;&] )
  | (?P<sp>  \s+ )
  | (?P<ch>  [^\s'"\\|;&]+ )
""", re.X)

def split_command(line):
    words, current, pending = [], "", False
    for m in WORD.finditer(line):
        kind, text = m.lastgroup, m.group()
        if kind in ("sp", "op"):
            if pending:
                words.append(current)
            current, pending = "", False
            if kind == "op":
                words.append(text)
            continue
        pending = True
        if kind == "sq":
            current += text[1:-1]
        elif kind == "dq":
            current += re.sub(r'\\(["\\$`])', r"\1", text[1:-1])
        elif kind == "esc":
            current += text[1]
        else:
            current += text
    if pending:
        words.append(current)
    return words

for line in ["ls -la /tmp", "grep -E 'a|b' file.txt | wc -l", 'echo "say \\"hi\\"" && echo done', "cp my\\ file ''x;ls",
             "ssh host 'uptime; df -h'", 'a=1 b="2 3" env']:
    print(split_command(line))
print(re.findall(r"\$\{?(\w+)\}?", "echo $HOME ${USER}_x $1"), re.sub(r"\s+#.*$", "", "run --fast   # comment"))
