# Integer arithmetic: floor division and modulo with negative operands, powers, bit operations.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (5, 1), (1, 5), (100, 7)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, a // b, a % b, q, r, q * b + r == a)

print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 10 ** -2, 2 ** -1)
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000), pow(-3, 3, 7))
print(abs(-17), abs(0), -(-5), +3, ~0, ~5, ~-1)
print(0b1011, 0o17, 0xff, 0XAB, 1_000_000, 0b_1111)
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2, -1 << 4)
print(int("42"), int("-17"), int("  12  "), int("ff", 16), int("0x1f", 16), int("777", 8), int("1010", 2))
print(int(3.99), int(-3.99), int(True), int("1_000"))
print(hex(255), oct(8), bin(10), hex(-42), bin(0))
print(round(7), round(7.5), round(6.5), round(-2.5), round(1234, -2), round(1250, -2))
print(True + 1, False * 10, True // 1, 10 // True)
total = 0
for i in range(1, 101):
    total += i
print("sum 1..100 =", total, sum(range(1, 101)), total == 100 * 101 // 2)
x = 17
x += 3
x -= 1
x *= 2
x //= 3
x %= 7
x **= 3
x <<= 1
x >>= 2
x |= 8
x &= 0xF
x ^= 5
print("augmented:", x)
print(7 // 7, -1 // 10, -10 // 3, 10 % 3, -10 % 3, 10 % -3)
print(max(3, 9, -1), min(3, 9, -1), sum([1, 2, 3], 10))
print((123456789 * 987654321) % 1000000007)
