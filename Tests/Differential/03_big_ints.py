# Arbitrary-precision integers: factorials, powers, conversions, mixed with small ints.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

print(factorial(20))
print(factorial(30))
print(factorial(50))
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 128)
big = 2 ** 100
print(big, big // 3, big % 97, big * big)
print(-big // 7, -big % 7, divmod(big, 12345))
print(9223372036854775807 + 1, 9223372036854775807 * 2, -9223372036854775808 - 1)
print((2 ** 70) >> 3, 1 << 70, (2 ** 70) & 0xFFFF, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 69))
print(len(str(factorial(100))), str(2 ** 200)[:20])
print(int("123456789012345678901234567890") + 1)
print(hex(2 ** 80), bin(2 ** 65), oct(2 ** 66))
print(2 ** 64 == 18446744073709551616, 2 ** 64 > 2 ** 63, 2 ** 64 < 1e30)
print(abs(-(10 ** 30)), pow(2, 200, 10 ** 9 + 7), (10 ** 30) // (10 ** 28))
print(float(2 ** 80), 2 ** 80 / 2 ** 40, (10 ** 20) / 4)

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fib(90), fib(100), fib(150))
print(sum(range(10 ** 6)), sum(x * x for x in range(1000)))
digits = sum(int(c) for c in str(2 ** 1000))
print("digit sum of 2**1000:", digits)
print(max(2 ** 70, 2 ** 69, 5), min(-(2 ** 70), 3), sorted([2 ** 65, 1, -(2 ** 65), 0]))
print(hash(2 ** 10) == hash(1024), 2 ** 100 == 2 ** 100, (2 ** 64) % 10)
