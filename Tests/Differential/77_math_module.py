# The math module on typical sizing and statistics calculations.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(math.trunc(-3.7), math.fabs(-4), math.pow(2, 10), math.exp(0), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000))
print(math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.gcd(12, 18), math.lcm(4, 6), math.prod([1, 2, 3, 4]))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180), round(math.sin(math.pi / 2), 10), math.cos(0))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(float("nan")), math.isclose(0.1 + 0.2, 0.3))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.copysign(3, -0.0), math.fmod(7, -3), math.modf(3.25))
disks = [120, 80, 250, 40]
total = sum(disks)
mean = total / len(disks)
variance = sum((d - mean) ** 2 for d in disks) / len(disks)
print(total, mean, round(math.sqrt(variance), 3))
needed_gb = 1234
per_node = 500
print("nodes needed:", math.ceil(needed_gb / per_node))
print(math.floor(math.log2(5000)), 2 ** math.ceil(math.log2(5000)))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.atan2(1, 1) * 4 == math.pi, math.floor(7), type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__)
