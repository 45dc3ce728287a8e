# An uncaught ValueError from int() deep in a call chain: traceback, exit status 1.
def parse_line(line):
    name, count = line.split(":")
    return name.strip(), int(count)


def load(lines):
    totals = {}
    for line in lines:
        name, count = parse_line(line)
        totals[name] = totals.get(name, 0) + count
        print("loaded", name, count)
    return totals


print(load(["a: 1", "b: 2", "a: 3"]))
print(load(["c: 4", "d: four", "e: 5"]))
print("never printed")
