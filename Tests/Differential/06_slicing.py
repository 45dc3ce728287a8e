# Slicing of strings, lists and tuples, with negative indices and steps; slice assignment.
s = "0123456789"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::2], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], s[::3], s[::-3])
xs = list(range(10))
print(xs[2:8:3], xs[-2:], xs[:0], xs[::-1][:3], xs[slice(1, 4)], xs[slice(None, None, -4)])
t = tuple("abcdef")
print(t[1:4], t[::-1], t[-2:], type(t[1:3]).__name__)
ys = [0, 1, 2, 3, 4, 5]
ys[1:3] = ["a", "b", "c"]
print(ys)
ys[::2] = [10, 20, 30, 40][:len(ys[::2])]
print(ys)
ys[:] = [1, 2, 3]
print(ys)
ys[len(ys):] = [4, 5]
print(ys)
ys[:0] = [-1, 0]
print(ys)
del ys[1:3]
print(ys)
del ys[::2]
print(ys)
zs = list(range(8))
del zs[-2:]
zs[2:4] = []
print(zs)
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, s[sl])
path = "/var/log/nginx/access.log"
print(path[path.rfind("/") + 1:], path[:path.rfind("/")], path.split("/")[1:3])
line = "2024-01-15T10:22:33Z ERROR something broke"
print(line[:10], line[11:19], line[21:].split(" ", 1))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in matrix[1:]], [row[::-1] for row in matrix][0])
try:
    ys[::2] = [1, 2, 3, 4, 5]
except ValueError as e:
    print("ValueError:", e)
try:
    print(xs[::0])
except ValueError as e:
    print("ValueError:", e)
try:
    print(xs[20])
except IndexError as e:
    print("IndexError:", e)
print(s[-1], s[0], xs[-10], "abc"[1:2] * 3)
