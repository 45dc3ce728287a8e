# while/else, for/else, break and continue in search loops.
def find_free_port(used, start=8000, limit=8010):
    port = start
    while port < limit:
        if port not in used:
            break
        port += 1
    else:
        return None
    return port


print(find_free_port({8000, 8001, 8003}), find_free_port(set(range(8000, 8010))))
hosts = ["web1", "web2", "db1"]
for h in hosts:
    if h.startswith("db"):
        print("found database host", h)
        break
else:
    print("no database host")
for h in hosts:
    if h.startswith("cache"):
        break
else:
    print("no cache host")
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally at", n)
primes = []
for candidate in range(2, 40):
    for p in primes:
        if p * p > candidate:
            primes.append(candidate)
            break
        if candidate % p == 0:
            break
    else:
        primes.append(candidate)
print(primes)
total = 0
for i in range(20):
    if i % 2:
        continue
    if i > 12:
        break
    total += i
print("total", total)
queue = ["a", "b", "c", "d"]
processed = []
while queue:
    item = queue.pop(0)
    if item == "b":
        queue.append("b-retry")
        continue
    processed.append(item)
print(processed)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
for _ in []:
    print("never")
else:
    print("empty for runs else")
