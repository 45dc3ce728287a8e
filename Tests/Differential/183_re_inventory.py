# Host inventory handling with re: expand bracket ranges, validate names and addresses, normalise MACs, group and sort hosts.
import re

INVENTORY = """
# role   hosts                          address/mac
web      web[01-03].prod.example.com    10.0.1.[11-13]
db       db-primary.prod.example.com    10.0.2.10   52-54-00-AB-CD-EF
db       db-replica[1-2].prod.example.com 10.0.2.[21-22]
cache    cache01.PROD.example.com       10.0.3.5    5254.00ab.cd01
bad      -bad-.example.com              300.1.1.1
bad      ok.example.com                 10.0.0.256  zz:zz:zz:zz:zz:zz
"""

RANGE = re.compile(r"\[(\d+)-(\d+)\]")
def expand(pattern):
    m = RANGE.search(pattern)
    if not m:
        return [pattern]
    low, high = m.group(1), m.group(2)
    width = len(low) if low.startswith("0") else 0
    out = []
    for n in range(int(low), int(high) + 1):
        head = pattern[:m.start()] + str(n).zfill(width)
        out.extend(head + rest for rest in expand(pattern[m.end():]))
    return out

HOSTNAME = re.compile(r"(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*", re.I)
OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = re.compile(rf"{OCTET}(?:\.{OCTET}){{3}}")
MAC_FORMS = [
    re.compile(r"(?i)^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$"),
    re.compile(r"(?i)^([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})$"),
]
def normalise_mac(text):
    for form in MAC_FORMS:
        if m := form.match(text):
            return ":".join(m.groups()).lower()
    return None

hosts = []
for line in INVENTORY.strip().splitlines():
    if re.match(r"\s*#", line):
        continue
    role, names, address, *rest = re.split(r"\s+", line.strip())
    names = expand(names)
    addresses = expand(address)
    if len(addresses) == 1:
        addresses = addresses * len(names)
    for name, addr in zip(names, addresses):
        problems = []
        if not HOSTNAME.fullmatch(name):
            problems.append("hostname")
        if not IPV4.fullmatch(addr):
            problems.append("address")
        mac = normalise_mac(rest[0]) if rest else None
        if rest and mac is None:
            problems.append("mac")
        hosts.append({"role": role, "name": name.lower(), "addr": addr, "mac": mac, "problems": problems})

for h in hosts:
    print(f"{h['role']:<6} {h['name']:<35} {h['addr']:<12} {h['mac'] or '-':<17} {','.join(h['problems']) or 'ok'}")

def natural_key(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
valid = [h for h in hosts if not h["problems"]]
print(sorted((h["name"] for h in valid), key=natural_key))
by_env = {}
for h in valid:
    env = re.search(r"\.(prod|stage|dev)\.", h["name"]).group(1)
    short = re.sub(r"\..*$", "", h["name"])
    by_env.setdefault(env, []).append(short)
print(by_env)
subnets = {}
for h in valid:
    subnet = re.sub(r"\.\d+$", ".0/24", h["addr"])
    subnets.setdefault(subnet, []).append(re.match(r"[a-z]+", h["name"]).group())
print(sorted(subnets.items()))
print([expand(p) for p in ["n[8-11]", "rack[1-2]-u[09-10]", "plain"]])
print([bool(IPV4.fullmatch(a)) for a in ["0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4 "]])
print(re.sub(r"(?<=\.)prod(?=\.)", "stage", "web01.prod.example.com"), re.sub(r"^(\w+?)(\d+)\.", r"\1-\2.", "web01.prod.x"))
