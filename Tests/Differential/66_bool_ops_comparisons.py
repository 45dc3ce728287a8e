# and/or return operands, short-circuiting, chained comparisons, identity, truthiness.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or [] or "last", [] and "x")
print(not 0, not "a", not [], not None, (not 1) == False)
calls = []


def probe(name, value):
    calls.append(name)
    return value


result = probe("a", False) and probe("b", True)
result2 = probe("c", True) or probe("d", True)
result3 = probe("e", 0) or probe("f", "") or probe("g", "found")
print(result, result2, result3, calls)
x = 5
print(1 < x < 10, 1 < x > 4, 10 > x >= 5, x == 5 == 5.0, 1 < 2 < 3 < 2, 0 <= x <= 4)
print(1 == 1.0, 2 != 2.0, "a" < "b" < "c", [1] == [1] != [2], (1, 2) <= (1, 2))
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c, None is None, type(None) is type(None))
port = None
timeout = 0
print(port or 22, timeout or 30, port if port is not None else 22, timeout if timeout is not None else 30)
values = [0, 1, "", "0", [], [[]], {}, {0: 0}, None, 0.0, -1]
print([bool(v) for v in values])
print(all([]), any([]), all([1, "a"]), any([0, ""]), all(v for v in [1, 0]))
name = ""
display = name and name.upper() or "anonymous"
print(display)
print(3 in [1, 2, 3] and "x" not in "abc", 5 if 0 else 6, "yes" if [0] else "no")
print(True + True, True * 3, True == 1, False < True, sum([True, True, False]))
limits = {"cpu": 80, "mem": 90}
usage = {"cpu": 85, "mem": 40}
breaches = [k for k in limits if usage.get(k, 0) > limits[k]]
print(breaches, bool(breaches) and "ALERT" or "ok")
