# The math module on typical sizing and statistics calculations.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(math.trunc(-3.7), math.fabs(-4), math.exp(0), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000))
print(round(math.sin(math.pi / 2), 10), math.cos(0), round(math.tan(math.pi / 4), 10))
disks = [120, 80, 250, 40]
total = sum(disks)
mean = total / len(disks)
variance = sum((d - mean) ** 2 for d in disks) / len(disks)
print(total, mean, round(math.sqrt(variance), 3))
needed_gb = 1234
per_node = 500
print("nodes needed:", math.ceil(needed_gb / per_node))
print(math.floor(math.log2(5000)), 2 ** math.ceil(math.log2(5000)))
print(math.floor(7), type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.ceil(10 ** 20 / 3) > 0)
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(2 ** 70 + 0.0) == 2 ** 70, math.fabs(-0.0))
