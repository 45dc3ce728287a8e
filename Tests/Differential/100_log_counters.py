# Access-log analysis with collections: Counter, defaultdict and most_common, as an ops report.
from collections import Counter, defaultdict

log = """10.0.0.5 GET /index.html 200 512
10.0.0.7 GET /login 302 0
10.0.0.5 POST /login 200 128
10.0.0.9 GET /admin 403 64
10.0.0.5 GET /index.html 304 0
10.0.0.7 GET /missing 404 32
10.0.0.9 GET /admin 403 64
10.0.0.2 GET /index.html 200 512
10.0.0.7 GET /index.html 500 0
10.0.0.9 POST /admin 403 64"""

by_client = Counter()
by_status = Counter()
bytes_by_path = defaultdict(int)
paths_by_client = defaultdict(set)
errors = defaultdict(list)
for line in log.splitlines():
    client, method, path, status, size = line.split()
    by_client[client] += 1
    by_status[status[0] + "xx"] += 1
    bytes_by_path[path] += int(size)
    paths_by_client[client].add(path)
    if status >= "400":
        errors[status].append((client, path))

print("requests by client:", by_client)
print("top two:", by_client.most_common(2))
print("status classes:", sorted(by_status.items()))
print("bytes:", dict(bytes_by_path))
for client in sorted(paths_by_client):
    print(client, sorted(paths_by_client[client]))
for status, hits in sorted(errors.items()):
    print(status, len(hits), Counter(path for _, path in hits).most_common(1))
print("total requests:", by_client.total(), "distinct:", len(by_client))
print("never seen:", by_client["10.9.9.9"], "10.9.9.9" in by_client)

yesterday = Counter({"10.0.0.5": 1, "10.0.0.9": 7, "10.0.0.3": 2})
print("growth:", by_client - yesterday)
print("combined:", (by_client + yesterday).most_common(3))
print("common:", by_client & yesterday, "either:", sorted((by_client | yesterday).items()))
trend = by_client.copy()
trend.subtract(yesterday)
print("delta:", sorted(trend.items()), "positive:", +trend, "negative:", -trend)
print("elements:", sorted(Counter(a=2, b=1).elements()))
report = defaultdict(lambda: "n/a", {"owner": "ops"})
print(report["owner"], report["pager"], sorted(report))
