# Summarise an auth/syslog excerpt with re: failed logins per address and user, sudo commands, a ban list and a redacted copy.
import re

LOG = """Mar  1 10:00:01 web1 sshd[1201]: Failed password for root from 203.0.113.5 port 51122 ssh2
Mar  1 10:00:04 web1 sshd[1201]: Failed password for invalid user admin from 203.0.113.5 port 51130 ssh2
Mar  1 10:00:09 web1 sshd[1202]: Failed password for invalid user oracle from 203.0.113.5 port 51131 ssh2
Mar  1 10:01:10 web1 sshd[1300]: Accepted publickey for deploy from 198.51.100.7 port 40022 ssh2: ED25519 SHA256:AbC+/x
Mar  1 10:02:00 web1 CRON[1400]: pam_unix(cron:session): session opened for user root by (uid=0)
Mar  1 10:03:33 web1 sudo:   deploy : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart app
Mar  1 10:04:00 web1 sshd[1500]: Failed password for ubuntu from 192.0.2.44 port 60000 ssh2
Mar  1 10:04:02 web1 sshd[1500]: Connection closed by authenticating user ubuntu 192.0.2.44 port 60000 [preauth]
Mar  1 10:05:00 web1 kernel: [12345.678901] UFW BLOCK IN=eth0 OUT= SRC=203.0.113.9 DST=10.0.0.5 PROTO=TCP SPT=4444 DPT=23
Mar 12 23:59:59 web1 sshd[1600]: Failed password for root from 203.0.113.5 port 51200 ssh2
"""

LINE = re.compile(r"^(?P<month>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<time>\d\d:\d\d:\d\d) (?P<host>\S+) "
                  r"(?P<prog>[\w-]+)(?:\[(?P<pid>\d+)\])?: (?P<msg>.*)$")
FAILED = re.compile(r"Failed password for (?P<invalid>invalid user )?(?P<user>\S+) from (?P<ip>\d{1,3}(?:\.\d{1,3}){3}) port (?P<port>\d+)")
SUDO = re.compile(r"^\s*(?P<who>\w+) : (?P<fields>.*)$")
UFW = re.compile(r"\b(?P<key>SRC|DST|PROTO|DPT)=(?P<value>\S+)")

per_ip = {}
users = {}
programs = {}
events = []
for number, line in enumerate(LOG.splitlines(), 1):
    m = LINE.match(line)
    if not m:
        print("unparsed line", number)
        continue
    programs[m["prog"]] = programs.get(m["prog"], 0) + 1
    msg = m["msg"]
    if f := FAILED.search(msg):
        per_ip[f["ip"]] = per_ip.get(f["ip"], 0) + 1
        key = ("invalid " if f["invalid"] else "") + f["user"]
        users[key] = users.get(key, 0) + 1
        events.append((m["day"], m["time"], "fail", f["ip"], int(f["port"])))
    elif s := SUDO.match(msg):
        fields = dict(re.findall(r"(\w+)=(.*?)(?: ; |$)", s["fields"]))
        events.append((m["day"], m["time"], "sudo", s["who"], fields["COMMAND"]))
    elif m["prog"] == "kernel":
        fields = {u["key"]: u["value"] for u in UFW.finditer(msg)}
        events.append((m["day"], m["time"], "block", fields["SRC"], int(fields["DPT"])))
    elif a := re.search(r"Accepted (\w+) for (\S+) from (\S+)", msg):
        events.append((m["day"], m["time"], "login", a.group(2), a.group(1)))

print("programs:", sorted(programs.items()))
print("failures per ip:")
for ip, count in sorted(per_ip.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {ip:<15} {count:>3} {'BAN' if count >= 3 else ''}".rstrip())
print("users:", sorted(users.items()))
for event in events:
    print(" ", " | ".join(str(x) for x in event))

def redact(text):
    text = re.sub(r"\b(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}\b", r"\1.\2.x.x", text)
    text = re.sub(r"(SHA256:)\S+", r"\1<hash>", text)
    return re.sub(r"(?<=for )(invalid user )?\w+", lambda m: (m.group(1) or "") + "*" * 4, text)

for line in LOG.splitlines()[:4]:
    print(redact(line))
banned = sorted(ip for ip, count in per_ip.items() if count >= 3)
rules = "\n".join(f"-A INPUT -s {ip}/32 -j DROP" for ip in banned)
print(rules)
print(re.findall(r"-s (\S+)/32", rules), re.subn(r"DROP", "REJECT", rules)[1])
days = sorted({int(d) for d in re.findall(r"^\w{3} +(\d+) ", LOG, re.M)})
print("days:", days, "last:", re.findall(r"^.*$", LOG.strip(), re.M)[-1][:15])
