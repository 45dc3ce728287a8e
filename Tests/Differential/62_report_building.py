# Build a text report from collected results: grouping, totals, joined lines.
results = [
    {"host": "web1", "check": "disk", "ok": True, "ms": 12},
    {"host": "web1", "check": "http", "ok": False, "ms": 3004},
    {"host": "web2", "check": "disk", "ok": True, "ms": 9},
    {"host": "web2", "check": "http", "ok": True, "ms": 88},
    {"host": "db1", "check": "disk", "ok": False, "ms": 15},
    {"host": "db1", "check": "replication", "ok": True, "ms": 240},
]
by_host = {}
for r in results:
    by_host.setdefault(r["host"], []).append(r)
report = []
for host, checks in by_host.items():
    failed = [c["check"] for c in checks if not c["ok"]]
    status = "FAIL" if failed else "PASS"
    slowest = max(checks, key=lambda c: c["ms"])
    line = host + ": " + status + " (" + str(len(checks)) + " checks, slowest " + slowest["check"] + " " + str(slowest["ms"]) + " ms)"
    if failed:
        line += " failed: " + ", ".join(failed)
    report.append(line)
print("\n".join(report))
summary = {
    "hosts": len(by_host),
    "checks": len(results),
    "failed": sum(not r["ok"] for r in results),
    "total_ms": sum(r["ms"] for r in results),
}
print(summary)
print("pass rate:", round(100 * (1 - summary["failed"] / summary["checks"]), 1))
per_check = {}
for r in results:
    stats = per_check.setdefault(r["check"], [0, 0])
    stats[0] += 1
    stats[1] += r["ok"]
for check in sorted(per_check):
    total, ok = per_check[check]
    bar = "#" * ok + "." * (total - ok)
    print(check, bar, str(ok) + "/" + str(total))
failing_hosts = sorted({r["host"] for r in results if not r["ok"]})
print("failing:", failing_hosts, "exit", 1 if failing_hosts else 0)
lines = []
lines.append("=" * 20)
lines.extend(f"- {h}" for h in failing_hosts)
lines.append("=" * 20)
print("\n".join(lines))
