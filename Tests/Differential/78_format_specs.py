# f-strings and str.format with format specs: alignment, padding, precision, thousands separators.
rows = [("web1", 0.5, 12345678), ("db-primary", 12.25, 42), ("cache", 100.0, 0)]
print(f"{'host':<12}|{'load':>8}|{'bytes':>14}")
for host, load, size in rows:
    print(f"{host:<12}|{load:>8.2f}|{size:>14,}")
n = 42
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#b}")
x = 3.14159
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:e}|{x:.3e}|{x:g}|{x:%}|{0.25:.0%}")
print(f"{1234567.891:,.2f}|{1234567:_d}|{-5:05d}|{'ab':*^8}|{'x':>3}|{True}|{None!r}")
name = "web1"
print(f"{name!r:>10}|{name.upper()}|{len(name) * 2}|{name=}|{n + 1 = }")
width, prec = 10, 3
print(f"{x:{width}.{prec}f}|{'nest':{'>'}{width}}")
print("{} {} {}".format(1, "a", None), "{0}{1}{0}".format("x", "y"), "{name}@{host}".format(name="u", host="h"))
print("{:>6}|{:<6}|{:^6}".format("a", "b", "c"), "{:.1f}".format(2.25), "{0[0]}-{0[1]}".format(["p", "q"]))
print(format(255, "x"), format(0.5, ".1%"), format("s", ">3"), format(1e6, ",.0f"))
pct = 93.456
print(f"disk {pct:.1f}% used", f"{'WARN' if pct > 90 else 'ok':>5}")
