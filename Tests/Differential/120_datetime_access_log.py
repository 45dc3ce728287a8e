# Parse access-log timestamps with strptime and %z, normalise to UTC, bucket requests per minute.
from datetime import datetime, timedelta, timezone

LOG = """10.0.0.1 - - [05/Mar/2024:23:59:58 +0100] "GET / HTTP/1.1" 200 512
10.0.0.2 - - [05/Mar/2024:23:59:59 +0100] "GET /api HTTP/1.1" 200 2048
10.0.0.1 - - [05/Mar/2024:22:00:01 +0000] "POST /login HTTP/1.1" 401 64
10.0.0.3 - - [05/Mar/2024:17:00:30 -0500] "GET / HTTP/1.1" 304 0
10.0.0.2 - - [06/Mar/2024:00:01:02 +0100] "GET /api HTTP/1.1" 500 128
10.0.0.4 - - [05/Mar/2024:23:01:59 +0100] "DELETE /api/7 HTTP/1.1" 403 32"""

requests = []
for line in LOG.splitlines():
    stamp = line[line.index("[") + 1:line.index("]")]
    when = datetime.strptime(stamp, "%d/%b/%Y:%H:%M:%S %z")
    requests.append((when, line.split()[0], int(line.rsplit(" ", 2)[1])))

requests.sort()
for when, ip, status in requests:
    utc = when.astimezone(timezone.utc)
    print(f"{utc:%Y-%m-%dT%H:%M:%SZ} {when.utcoffset()!s:>9} {ip:<9} {status}")

per_minute = {}
for when, ip, status in requests:
    minute = when.astimezone(timezone.utc).replace(second=0, tzinfo=None)
    per_minute[minute.isoformat()] = per_minute.get(minute.isoformat(), 0) + 1
for minute in sorted(per_minute):
    print(minute, "#" * per_minute[minute])

first, last = requests[0][0], requests[-1][0]
span = last - first
print("span", span, span.total_seconds(), span // timedelta(minutes=1), "minutes")
print("first", first.isoformat(), "last", repr(last))
errors = [r for r in requests if r[2] >= 400]
print("errors", len(errors), "latest", max(errors)[0].astimezone(timezone.utc).strftime("%H:%M:%S %Z"))
