# Lazy pipelines with itertools over deployment data: grouping, windows, running totals, pairs.
import itertools
import operator

deploys = [
    ("2024-03-01", "web", 3), ("2024-03-01", "db", 1), ("2024-03-02", "web", 2),
    ("2024-03-04", "cache", 4), ("2024-03-04", "web", 1), ("2024-03-04", "db", 2),
]
for day, group in itertools.groupby(deploys, key=operator.itemgetter(0)):
    items = list(group)
    print(day, [service for _, service, _ in items], sum(n for *_, n in items))
counts = [n for *_, n in deploys]
print(list(itertools.accumulate(counts)), list(itertools.accumulate(counts, max)), list(itertools.accumulate(counts, initial=10)))
print(list(itertools.pairwise(counts)), [b - a for a, b in itertools.pairwise(counts)])
print(list(itertools.islice(deploys, 1, None, 2)))
print(list(itertools.compress(deploys, [n > 1 for *_, n in deploys])))
print(list(itertools.takewhile(lambda d: d[0] < "2024-03-03", deploys))[-1], next(itertools.dropwhile(lambda d: d[2] < 4, deploys)))
print(list(itertools.filterfalse(lambda d: d[1] == "web", deploys)))
regions, tiers = ["eu", "us"], ["web", "db"]
print([f"{r}-{t}" for r, t in itertools.product(regions, tiers)], len(list(itertools.product(range(3), repeat=4))))
hosts = ["h1", "h2", "h3", "h4"]
print(list(itertools.combinations(hosts, 2)))
print(list(itertools.permutations(hosts[:3], 2)))
print(list(itertools.combinations_with_replacement("ab", 3)))
assignments = zip(itertools.cycle(["alice", "bob"]), hosts)
print(list(assignments))
print(list(zip(itertools.count(100, 10), hosts)), list(itertools.repeat("-", 3)))
print(list(itertools.chain(hosts[:1], ("x", "y"), "z")), list(itertools.chain.from_iterable([[1, 2], [], [3]])))
print(list(itertools.zip_longest(hosts, ["ok", "fail"], fillvalue="pending")))
print(list(itertools.starmap(operator.mul, [(2, 3), (4, 5)])))
left, right = itertools.tee(iter(counts), 2)
print(sum(left), max(right))
batches = iter(range(10))
while True:
    batch = list(itertools.islice(batches, 3))
    if not batch:
        break
    print("batch", batch)
for attempt in [lambda: itertools.islice(hosts, -1), lambda: itertools.combinations(hosts, -1), lambda: itertools.repeat()]:
    try:
        attempt()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
list(itertools.chain(hosts, 7))
