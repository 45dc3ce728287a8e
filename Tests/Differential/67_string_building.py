# Building strings: concatenation, join, repetition, multi-line text, escapes.
rows = [("host", "status", "ms"), ("web1", "up", "12"), ("db1", "down", "-")]
widths = [max(len(r[i]) for r in rows) for i in range(3)]
for r in rows:
    cells = []
    for cell, w in zip(r, widths):
        cells.append(cell + " " * (w - len(cell)))
    print(" | ".join(cells).rstrip())
print("-" * 10, "=" * 0 + "|", "ab" * 2 + "c")
parts = []
for i in range(5):
    parts.append(str(i * i))
print(",".join(parts), "".join(parts), " ".join(reversed(parts)))
text = """first line
    indented line
last line"""
print(text)
print(len(text.splitlines()), text.count("line"))
escaped = "tab:\tq:\" nl:\\n back:\\ bell:\x07 nul:\0 uni:\u00e9 oct:\101"
print(repr(escaped))
raw = r"C:\path\to\file \n stays"
print(raw, len(raw))
joined = "a" "b" 'c' """d"""
print(joined)
path = "/".join(["", "var", "log", "app.log"])
print(path, path.split("/"), "/".join(path.split("/")[:-1]))
csv_line = ",".join(str(v) for v in [1, "two", 3.0, None])
print(csv_line, csv_line.split(","))
template = "Host: HOST\nPort: PORT"
print(template.replace("HOST", "web1").replace("PORT", str(22)))
s = ""
for word in ["alpha", "beta", "gamma"]:
    if s:
        s += ", "
    s += word
print(s)
print("\n".join("  " * depth + name for depth, name in [(0, "root"), (1, "etc"), (2, "hosts")]))
print("x".join("abc"), "".join([]), ", ".join(["only"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
