# Augmented assignment on names, attributes, subscriptions and nested containers; each target is evaluated once.
class Stats:
    def __init__(self):
        self.count = 0
        self.bytes = 0
        self.by_code = {}


stats = Stats()
for code, size in [(200, 512), (404, 0), (200, 1024), (500, 64), (200, 10)]:
    stats.count += 1
    stats.bytes += size
    stats.by_code[code] = stats.by_code.get(code, 0) + 1
print(stats.count, stats.bytes, stats.by_code)
matrix = [[0] * 3 for _ in range(2)]
matrix[1][2] += 5
matrix[0][0] -= 1
matrix[1][0] *= 10
print(matrix)
calls = []


def index(n):
    calls.append(n)
    return n


values = [1, 2, 3]
values[index(1)] += 10
print(values, calls)
text = "a"
text += "b"
text *= 2
print(text)
nums = [1]
alias = nums
nums += [2]
nums *= 2
print(nums, alias, nums is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"x": [1]}
d["x"] += [2]
d.setdefault("y", []).append(3)
print(d)
n = 10
n //= 3
n **= 2
n %= 5
n <<= 3
n |= 1
print(n)
f = 7.5
f /= 2
f -= 0.75
print(f)
try:
    undefined_counter += 1
except NameError as e:
    print("NameError:", e)
