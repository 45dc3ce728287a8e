# 1e6 dict sets and gets in a for-range loop.
d = {}
for i in range(1000000):
    d[i % 1000] = i
    x = d.get(i % 500, 0)
print(len(d), x)
