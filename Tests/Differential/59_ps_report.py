# Parse `ps aux`-style output and build a per-user memory report.
PS = """USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root           1  0.0  0.1 167788 11852 ?        Ss   Jan10   0:12 /sbin/init splash
root         412  0.1  0.3 250000 30000 ?        Ssl  Jan10   1:02 /usr/lib/systemd/systemd-journald
www-data    1201  2.5  1.5 900000 122000 ?       S    Jan10  10:11 nginx: worker process
www-data    1202  2.4  1.4 900000 118000 ?       S    Jan10  10:01 nginx: worker process
postgres     880  5.0 10.2 4000000 830000 ?      Ss   Jan10  50:00 postgres: checkpointer
alice       5001  0.0  0.0  10000  3000 pts/0    R+   10:20   0:00 ps aux
"""
lines = PS.strip().split("\n")
columns = lines[0].split()
procs = []
for line in lines[1:]:
    parts = line.split(None, len(columns) - 1)
    proc = dict(zip(columns, parts))
    proc["PID"] = int(proc["PID"])
    proc["%CPU"] = float(proc["%CPU"])
    proc["RSS"] = int(proc["RSS"])
    procs.append(proc)
print(len(procs), "processes;", columns[-1], "is the last column")
users = {}
for p in procs:
    u = users.setdefault(p["USER"], {"count": 0, "rss": 0, "cpu": 0.0})
    u["count"] += 1
    u["rss"] += p["RSS"]
    u["cpu"] += p["%CPU"]
width = max(len(name) for name in users)
for name, u in sorted(users.items(), key=lambda kv: -kv[1]["rss"]):
    mib = u["rss"] / 1024
    print(name.ljust(width), str(u["count"]).rjust(3), str(round(mib, 1)).rjust(8), "MiB", round(u["cpu"], 1))
top = max(procs, key=lambda p: p["RSS"])
print("largest:", top["PID"], top["COMMAND"].split(":")[0])
daemons = [p["COMMAND"].split()[0] for p in procs if p["TTY"] == "?"]
print(daemons)
nginx = [p["PID"] for p in procs if p["COMMAND"].startswith("nginx")]
print("nginx workers:", nginx, "total cpu", round(sum(p["%CPU"] for p in procs if p["PID"] in nginx), 2))
