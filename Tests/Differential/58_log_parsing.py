# Parse nginx-style access log lines: counts by status, top paths, bytes per client.
LOG = """10.0.0.1 - - [15/Jan/2024:10:00:01 +0000] "GET /index.html HTTP/1.1" 200 512
10.0.0.2 - - [15/Jan/2024:10:00:02 +0000] "GET /api/users HTTP/1.1" 200 2048
10.0.0.1 - - [15/Jan/2024:10:00:03 +0000] "POST /api/login HTTP/1.1" 401 64
10.0.0.3 - - [15/Jan/2024:10:00:04 +0000] "GET /index.html HTTP/1.1" 304 0
10.0.0.2 - - [15/Jan/2024:10:00:05 +0000] "GET /api/users HTTP/1.1" 500 128
garbage line without structure
10.0.0.1 - - [15/Jan/2024:10:00:06 +0000] "GET /api/users HTTP/1.1" 200 2048
10.0.0.4 - - [15/Jan/2024:10:00:07 +0000] "DELETE /api/users/7 HTTP/1.1" 403 32
"""


def parse(line):
    try:
        ip, rest = line.split(" ", 1)
        request = rest.split('"')[1]
        method, path, _ = request.split()
        status, size = rest.rsplit('"', 1)[1].split()
        return {"ip": ip, "method": method, "path": path, "status": int(status), "bytes": int(size)}
    except (ValueError, IndexError):
        return None


entries = []
bad = 0
for line in LOG.splitlines():
    entry = parse(line)
    if entry is None:
        bad += 1
    else:
        entries.append(entry)
print("parsed", len(entries), "bad", bad)
by_status = {}
for e in entries:
    by_status[e["status"]] = by_status.get(e["status"], 0) + 1
for status in sorted(by_status):
    print(" ", status, by_status[status])
paths = {}
for e in entries:
    paths[e["path"]] = paths.get(e["path"], 0) + 1
top = sorted(paths.items(), key=lambda kv: (-kv[1], kv[0]))
print("top:", top[:2])
per_client = {}
for e in entries:
    per_client.setdefault(e["ip"], []).append(e["bytes"])
for ip, sizes in sorted(per_client.items()):
    print(ip, len(sizes), sum(sizes), max(sizes))
errors = [f"{e['method']} {e['path']} -> {e['status']}" for e in entries if e["status"] >= 400]
print("\n".join(errors))
error_rate = round(100 * sum(1 for e in entries if e["status"] >= 500) / len(entries), 2)
print("5xx rate:", error_rate, "%")
methods = sorted({e["method"] for e in entries})
print(methods, all(e["bytes"] >= 0 for e in entries), any(e["status"] == 418 for e in entries))
