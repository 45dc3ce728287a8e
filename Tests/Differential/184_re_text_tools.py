# Text utilities built on re: ANSI stripping, slugs, case conversion, word counts on Unicode text, grep with context, HTTP headers in bytes.
import re

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
colored = "\x1b[1;31mERROR\x1b[0m disk \x1b[33m/dev/sda1\x1b[0m at 98%"
print(ANSI.sub("", colored), len(ANSI.findall(colored)))

def slugify(text):
    text = re.sub(r"[^\w\s-]", "", text.lower())
    return re.sub(r"[-\s_]+", "-", text).strip("-")
for title in ["Hello, World!", "  Déjà vu -- again  ", "release_v1.2 (final)", "日本語 テキスト"]:
    print(repr(slugify(title)))

def snake(name):
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
def camel(name):
    return re.sub(r"_+([a-z0-9])", lambda m: m.group(1).upper(), name)
for name in ["getHTTPResponseCode", "parseXML2Json", "simple", "HostName", "already_snake"]:
    print(name, snake(name), camel(snake(name)))

TEXT = """Über den Wolken muss die Freiheit wohl grenzenlos sein.
Alle Ängste, alle Sorgen, sagt man, blieben darunter verborgen.
Straße, straße; STRASSE! Café—café."""
words = re.findall(r"\w+", TEXT.lower())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(len(words), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
print(re.findall(r"\b[A-ZÄÖÜ]\w+", TEXT)[:8])
sentences = re.split(r"(?<=[.!?])\s+", TEXT)
print(len(sentences), [len(re.findall(r"\w+", s)) for s in sentences])

def grep(pattern, text, context=1, flags=0):
    lines = text.splitlines()
    rx = re.compile(pattern, flags)
    hits = [i for i, line in enumerate(lines) if rx.search(line)]
    shown = sorted({j for i in hits for j in range(max(0, i - context), min(len(lines), i + context + 1))})
    out = []
    for j in shown:
        mark = ":" if j in hits else "-"
        out.append(f"{j + 1}{mark}{rx.sub(lambda m: '[' + m.group() + ']', lines[j])}")
    return out
LOG = "start\nconnecting to db\nERROR: timeout\nretrying\nerror: refused\nshutdown"
print("\n".join(grep(r"error", LOG, flags=re.I)))
print(grep(r"^s", LOG, context=0))

RAW = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://example.com/new\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: b=2\r\nContent-Length: 0\r\n\r\n"
status = re.match(rb"HTTP/(?P<version>\d\.\d) (?P<code>\d{3}) (?P<reason>[^\r\n]*)", RAW)
print(status.group("version", "code", "reason"))
headers = {}
for m in re.finditer(rb"^(?P<name>[!-9;-~]+):[ \t]*(?P<value>[^\r\n]*)\r$", RAW, re.M):
    headers.setdefault(m["name"].decode().lower(), []).append(m["value"].decode())
print(headers)
print(re.sub(rb"\r\n", b"\\n", RAW[:40]), re.split(rb"\r\n\r\n", RAW, maxsplit=1)[1])
wrapped = re.findall(r".{1,24}(?:\s+|$)", "The quick brown fox jumps over the lazy dog and keeps running far away")
print([w.rstrip() for w in wrapped])
print(re.sub(r"\s+", " ", "  many   spaces\tand\nnewlines  ").strip(), re.sub(r"(\w)\1+", r"\1", "bookkeeper"))
