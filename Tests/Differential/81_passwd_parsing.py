# Parse /etc/passwd and /etc/group text: users by shell, system vs human accounts, group members.
PASSWD = """root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
postgres:x:114:120:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash
alice:x:1000:1000:Alice Example,,,:/home/alice:/bin/zsh
bob:x:1001:1001::/home/bob:/bin/bash
deploy:x:1002:1002:deploy user:/srv/deploy:/bin/sh
"""
GROUP = """root:x:0:
sudo:x:27:alice,bob
docker:x:999:alice,deploy
alice:x:1000:
postgres:x:120:
"""
FIELDS = ["name", "password", "uid", "gid", "gecos", "home", "shell"]
users = []
for line in PASSWD.splitlines():
    if not line or line.startswith("#"):
        continue
    entry = dict(zip(FIELDS, line.split(":")))
    entry["uid"] = int(entry["uid"])
    entry["gid"] = int(entry["gid"])
    entry["full_name"] = entry["gecos"].split(",")[0] or entry["name"]
    users.append(entry)
humans = [u for u in users if u["uid"] >= 1000]
system = [u["name"] for u in users if u["uid"] < 1000]
print("humans:", [u["name"] for u in humans])
print("system:", system)
by_shell = {}
for u in users:
    by_shell.setdefault(u["shell"].rsplit("/", 1)[-1], []).append(u["name"])
for shell in sorted(by_shell):
    print(" ", shell, len(by_shell[shell]), by_shell[shell])
members = {}
for line in GROUP.strip().splitlines():
    name, _, gid, member_text = line.split(":")
    members[name] = [m for m in member_text.split(",") if m]
for u in humans:
    groups = sorted(g for g, m in members.items() if u["name"] in m)
    print(u["name"], repr(u["full_name"]), u["home"], groups)
login_shells = {"bash", "zsh", "sh"}
no_login = [u["name"] for u in users if u["shell"].rsplit("/", 1)[-1] not in login_shells]
print("no login:", no_login)
print("max uid:", max(u["uid"] for u in users), "next uid:", max(u["uid"] for u in humans) + 1)
