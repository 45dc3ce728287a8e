# Parse `df -P`-style output held in a string and report filesystems over a threshold.
DF_OUTPUT = """Filesystem     1024-blocks      Used Available Capacity Mounted on
/dev/sda1         41152736  35012345   4026432      90% /
tmpfs              8167480         0   8167480       0% /dev/shm
/dev/sdb1        515928320 123456789 366244787      26% /data
/dev/sdc1        103081248  98000000   5081248      96% /var/log
overlay           41152736  35012345   4026432      90% /var/lib/docker/overlay2/abc/merged
"""

def parse_df(text):
    lines = text.strip().splitlines()
    header = lines[0].split()
    rows = []
    for line in lines[1:]:
        fields = line.split()
        if len(fields) < 6:
            continue
        fs, blocks, used, avail, cap = fields[:5]
        mount = " ".join(fields[5:])
        rows.append({
            "fs": fs,
            "blocks": int(blocks),
            "used": int(used),
            "avail": int(avail),
            "pct": int(cap.rstrip("%")),
            "mount": mount,
        })
    return header, rows

header, rows = parse_df(DF_OUTPUT)
print("columns:", len(header), header[0], header[-1])
print("filesystems:", len(rows))
for row in rows:
    if row["fs"] in ("tmpfs", "overlay"):
        continue
    status = "CRIT" if row["pct"] >= 95 else "WARN" if row["pct"] >= 85 else "ok"
    gib = row["avail"] / 1024 / 1024
    print(status, row["mount"], str(row["pct"]) + "%", round(gib, 2), "GiB free")

worst = max(rows, key=lambda r: r["pct"])
print("worst:", worst["mount"], worst["pct"])
total_used = sum(r["used"] for r in rows if r["fs"].startswith("/dev/"))
print("used on devices (KiB):", total_used)
by_pct = sorted(rows, key=lambda r: (-r["pct"], r["mount"]))
print([r["mount"] for r in by_pct])
alerts = [r["mount"] for r in rows if r["pct"] > 80 and not r["mount"].startswith("/var/lib")]
print("alerts:", alerts, "count", len(alerts))
