# Keyword-only and positional-only parameters.
def copy_file(src, dst, *, overwrite=False, mode=0o644):
    return f"copy {src} -> {dst} overwrite={overwrite} mode={oct(mode)}"

print(copy_file("a", "b"))
print(copy_file("a", "b", overwrite=True))
print(copy_file("a", "b", mode=0o600, overwrite=True))
try:
    copy_file("a", "b", True)
except TypeError as e:
    print("TypeError:", e)

def must_name(*, host, port):
    return f"{host}:{port}"

print(must_name(port=1, host="h"))
try:
    must_name(host="h")
except TypeError as e:
    print("TypeError:", e)
try:
    must_name("h", 1)
except TypeError as e:
    print("TypeError:", e)

def pos_only(a, b, /, c, *, d=4):
    return a + b + c + d

print(pos_only(1, 2, 3), pos_only(1, 2, c=3, d=0))
try:
    pos_only(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)

def mixed(a, *rest, key=None, **extra):
    return a, rest, key, extra

print(mixed(1))
print(mixed(1, 2, 3, key="k", other=5))

def log(msg, *values, level="INFO", sep=" "):
    return f"[{level}] {msg}" + (": " + sep.join(map(str, values)) if values else "")

print(log("started"))
print(log("hosts", "web1", "web2", level="DEBUG"))
print(log("ports", 22, 80, sep=","))
