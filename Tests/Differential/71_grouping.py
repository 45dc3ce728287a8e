# Grouping and counting without collections: dict of lists, counters, nested summaries.
events = [
    ("2024-01-15", "web1", "deploy", "ok"),
    ("2024-01-15", "web2", "deploy", "fail"),
    ("2024-01-15", "db1", "backup", "ok"),
    ("2024-01-16", "web1", "deploy", "ok"),
    ("2024-01-16", "web2", "deploy", "ok"),
    ("2024-01-16", "db1", "backup", "fail"),
    ("2024-01-17", "db1", "backup", "ok"),
]
by_day = {}
for day, host, action, outcome in events:
    by_day.setdefault(day, []).append((host, action, outcome))
for day, items in by_day.items():
    fails = [h for h, _, o in items if o == "fail"]
    print(day, len(items), "events", "failures:", fails or "-")
outcomes = {}
for *_, outcome in events:
    outcomes[outcome] = outcomes.get(outcome, 0) + 1
print(outcomes)
matrix = {}
for _, host, action, outcome in events:
    row = matrix.setdefault(host, {})
    cell = row.setdefault(action, {"ok": 0, "fail": 0})
    cell[outcome] += 1
for host in sorted(matrix):
    for action, cell in matrix[host].items():
        print(host, action, cell)
streaks = {}
current = {}
for day, host, _, outcome in events:
    if outcome == "ok":
        current[host] = current.get(host, 0) + 1
        streaks[host] = max(streaks.get(host, 0), current[host])
    else:
        current[host] = 0
print(sorted(streaks.items()))
first_seen = {}
last_seen = {}
for day, host, *_ in events:
    first_seen.setdefault(host, day)
    last_seen[host] = day
print({h: (first_seen[h], last_seen[h]) for h in first_seen})
words = "error warn error info error warn debug".split()
tally = {}
for w in words:
    tally[w] = tally.get(w, 0) + 1
ranked = sorted(tally, key=lambda w: (-tally[w], w))
print(ranked, [tally[w] for w in ranked])
