# del of names, items, slices and attributes; aliasing and copies of nested data.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
data = {"a": 1, "b": 2, "c": 3}
del data["b"]
print(data)
try:
    del data["zz"]
except KeyError as e:
    print("KeyError:", e)
nums = list(range(10))
del nums[0]
del nums[-1]
del nums[2:4]
del nums[::3]
print(nums)


class Box:
    pass


b = Box()
b.item = "x"
del b.item
print(hasattr(b, "item"))
original = {"hosts": ["a", "b"], "port": 22}
alias = original
shallow = dict(original)
deep = {k: (list(v) if isinstance(v, list) else v) for k, v in original.items()}
original["hosts"].append("c")
original["port"] = 2222
print(alias["port"], shallow["port"], shallow["hosts"], deep["hosts"])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
a = [1, 2]
b = a
a += [3]
print(b)
a = a + [4]
print(a, b)
t = (1, [2])
t[1].append(3)
print(t)
s = "abc"
s2 = s
s += "d"
print(s, s2)
items = ["keep", "drop", "keep2", "drop2"]
for item in list(items):
    if item.startswith("drop"):
        items.remove(item)
print(items)
d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
a, b = [1], [1]
print(a == b, a is b, a is not b)
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
