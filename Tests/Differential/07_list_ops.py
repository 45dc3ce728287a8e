# List operations used in scripts: building, searching, sorting, mutating.
hosts = ["web1", "web2", "db1"]
hosts.append("cache1")
hosts.insert(0, "lb1")
hosts.extend(["web3", "db2"])
print(hosts, len(hosts))
print(hosts.index("db1"), hosts.count("web1"), "web2" in hosts, "web9" not in hosts)
removed = hosts.pop()
first = hosts.pop(0)
hosts.remove("cache1")
print(removed, first, hosts)
hosts.sort()
print(hosts)
hosts.sort(reverse=True)
print(hosts)
hosts.sort(key=lambda h: (h.rstrip("0123456789"), h))
print(hosts)
hosts.reverse()
print(hosts)
copy = hosts.copy()
copy.append("new")
print(len(hosts), len(copy), copy is hosts, copy[:len(hosts)] == hosts)
nums = [5, 3, 8, 1, 9, 2]
print(sorted(nums), nums, sum(nums), min(nums), max(nums))
print([1, 2] + [3], [0] * 4, [[]] * 2, [1, 2, 3] * 0)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
acc = []
acc += [1, 2]
acc += (3, 4)
acc += "ab"
print(acc)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][0], len(nested))
stack = []
for token in "3 4 + 2 *".split():
    if token.isdigit():
        stack.append(int(token))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if token == "+" else a * b)
print("rpn:", stack)
items = [3, 1, 3, 2, 1, 3]
unique = []
for item in items:
    if item not in unique:
        unique.append(item)
print(unique, items.count(3), list(reversed(items)))
items.clear()
print(items, bool(items), bool([0]))
try:
    [1, 2].index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}))
