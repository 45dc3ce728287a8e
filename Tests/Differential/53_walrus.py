# Assignment expressions (walrus) in conditions, while loops and comprehensions.
lines = ["header", "data 1", "data 2", "", "trailer"]
i = 0
while (line := lines[i]) != "":
    print("line:", line)
    i += 1
print("stopped at", i)
values = [3, 8, 1, 12, 7]
if (n := len(values)) > 3:
    print("long list", n)
big = [y for x in values if (y := x * 2) > 10]
print(big, y)


def parse(text):
    if (idx := text.find("=")) >= 0:
        return text[:idx], text[idx + 1:]
    return text, None


print(parse("a=1"), parse("flag"))
records = ["ok", "ok", "error: disk", "ok", "error: net"]
errors = [msg for r in records if (msg := r.partition(": ")[2])]
print(errors)
total = 0
print([total := total + v for v in values], total)
data = {"retries": "3"}
if (r := data.get("retries")) is not None and (count := int(r)) > 0:
    print("retry", count, "times")
print((z := 5) + z, z)
