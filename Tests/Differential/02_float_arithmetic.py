# Float arithmetic and repr: shortest round-trip repr, exponents, special values.
values = [0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, 1e16, 1e15, 1.5e-7, 123456789.125, 1e22, 1e-4, 0.0001234]
for v in values:
    print(repr(v), str(v))
print(7 / 2, -7 / 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(float("3.25"), float("  -1.5 "), float("1e3"), float("inf"), float("-inf"), float("nan"))
print(float(7), float("-0"), -0.0, 0.0 == -0.0)
inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < -1e308, inf + 1, inf - inf, nan == nan, nan != nan)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3))
print(round(1.23456, 0), round(12345.678, -2), round(5.5), round(-5.5))
print(2.0 ** 0.5, 2 ** 0.5, 9 ** 0.5, 10 ** -3, 4.0 ** -1)
print(int(1e10), int(-2.5e3), float(10 ** 20))
print(1.0, 100.0, 1e100, 1.7976931348623157e308, 5e-324)
print(3 * 0.1, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(sum([0.1] * 10), 1.1 + 2.2, 3.3 * 3)
print(max(1.5, 2), min(-0.5, -1), abs(-2.5), 1 / 8, 1 / 16, 1 / 1024)
print(1e5, 1e-5, 12345678901234567890.0, 0.000001, 0.0000001)
print(float(True), 2.5 * True, 3 - 1.0, 6 / 3, 2 * 3.0)
print(5 // 0.3, 5 % 0.3)
for x in [0.5, 1.5, 2.5, 3.5, -1.5]:
    print(x, round(x), int(x), x // 1)
