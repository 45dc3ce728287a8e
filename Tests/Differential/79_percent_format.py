# %-formatting as older ops scripts use it.
host, port, load = "web1", 22, 0.4567
print("%s:%d load=%.2f" % (host, port, load))
print("%-10s|%5d|%05d|%+d|%x|%X|%o|%e|%g|%c|%%" % ("left", 42, 42, 42, 255, 255, 8, 12345.678, 0.0001, 65))
print("%(user)s@%(host)s" % {"user": "root", "host": "db1"})
print("%r %s %a" % ("x", "x", "x"), "%5.1f%%" % 99.44, "%.3s" % "abcdef", "%*d" % (6, 7))
print("%s" % [1, 2], "%s" % (None,), "%d items" % 3, "%i" % 3.9, "%s and %s" % ("a", "b"))
rows = [("nginx", 1201, 2.5), ("postgres", 88, 12.0)]
for name, pid, cpu in rows:
    print("%-10s %6d %6.1f" % (name, pid, cpu))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
