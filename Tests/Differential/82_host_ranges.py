# Expand host patterns such as "web[01-03].dc1" and "db[1,3,5]", then group and compress them again.
def expand(pattern):
    if "[" not in pattern:
        return [pattern]
    start = pattern.index("[")
    end = pattern.index("]", start)
    prefix, body, suffix = pattern[:start], pattern[start + 1:end], pattern[end + 1:]
    results = []
    for part in body.split(","):
        if "-" in part:
            lo, hi = part.split("-")
            width = len(lo) if lo.startswith("0") else 0
            for n in range(int(lo), int(hi) + 1):
                text = str(n)
                results.append("0" * (width - len(text)) + text)
        else:
            results.append(part)
    return [h for r in results for h in expand(prefix + r + suffix)]


patterns = ["web[01-03].dc1", "db[1,3,5]", "cache", "edge[1-2]-[a,b]"]
hosts = []
for p in patterns:
    expanded = expand(p)
    print(p, "->", expanded)
    hosts.extend(expanded)
print(len(hosts), "hosts")


def compress(names):
    groups = {}
    for name in names:
        head = name.rstrip("0123456789")
        tail = name[len(head):]
        groups.setdefault(head, []).append(tail)
    out = []
    for head, tails in groups.items():
        if len(tails) == 1 or not all(tails):
            out.extend(head + t for t in tails)
            continue
        nums = sorted(int(t) for t in tails)
        ranges = []
        run_start = prev = nums[0]
        for n in nums[1:] + [None]:
            if n is not None and n == prev + 1:
                prev = n
                continue
            ranges.append(str(run_start) if run_start == prev else f"{run_start}-{prev}")
            if n is not None:
                run_start = prev = n
        out.append(f"{head}[{','.join(ranges)}]")
    return out


print(compress(["app1", "app2", "app3", "app7", "app9", "app10", "lb1", "solo"]))
print(compress(["n5", "n1", "n2", "x"]))
try:
    expand("bad[1-x]")
except ValueError as e:
    print("ValueError:", e)
