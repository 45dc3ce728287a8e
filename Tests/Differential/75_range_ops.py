# range objects: iteration, indexing, slicing, membership, len, negative steps.
r = range(0, 20, 3)
print(list(r), len(r), r[2], r[-1], 9 in r, 10 in r)
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)))
print(r[1:4], list(r[1:4]), r[::-1], list(r[::-1]))
print(len(range(10 ** 12)), range(10 ** 12)[-1], 10 ** 11 in range(10 ** 12))
print(repr(range(1, 2)), str(range(0, 9, 2)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5), reverse=True))
print(range(1, 10, 2).start, range(1, 10, 2).stop, range(1, 10, 2).step)
total = 0
for i in range(len("hello")):
    total += i
print(total, [i for i in range(-3, 3)], list(reversed(range(4))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
ports = range(8000, 8100)
print(8080 in ports, 8100 in ports, ports[80], len(ports))
