# Read an INI-like config with includes of ${var} references, validate values with patterns, and render a template with re.sub callables.
import re

CONFIG = """
; global settings
[global]
base_dir = /srv/app
log_dir  = ${base_dir}/logs
workers  = 4
listen   = 0.0.0.0:8080

[database]
url      = postgres://${user}:${password}@db1.internal:5432/app
user     = app
password = "s3cr3t word"
pool     = 10-20

[cache]
enabled = yes
ttl     = 5m
servers = cache1:11211, cache2:11211 ,cache3:11211
"""

SECTION = re.compile(r"^\[(?P<name>[\w.-]+)\]\s*$")
OPTION = re.compile(r"""^(?P<key>[a-z_][\w.]*)\s*=\s*(?:"(?P<quoted>[^"]*)"|(?P<plain>.*?))\s*$""")
COMMENT = re.compile(r"^\s*(?:[;#].*)?$")

def parse(text):
    sections = {}
    current = None
    for number, line in enumerate(text.splitlines(), 1):
        if COMMENT.match(line):
            continue
        if m := SECTION.match(line):
            current = sections.setdefault(m["name"], {})
        elif (m := OPTION.match(line)) and current is not None:
            current[m["key"]] = m["quoted"] if m["quoted"] is not None else m["plain"]
        else:
            raise ValueError(f"line {number}: cannot parse {line!r}")
    return sections

def resolve(sections):
    ref = re.compile(r"\$\{(?:(?P<section>[\w-]+)\.)?(?P<key>\w+)\}")
    for name, options in sections.items():
        for key in list(options):
            for _ in range(5):
                value, count = ref.subn(lambda m: sections[m["section"] or name][m["key"]], options[key])
                options[key] = value
                if not count:
                    break
    return sections

config = resolve(parse(CONFIG))
for name, options in config.items():
    print(f"[{name}]")
    for key, value in options.items():
        print(f"  {key} = {value!r}")

CHECKS = {
    ("global", "workers"): r"[1-9]\d*",
    ("global", "listen"): r"(?P<host>\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|[\w.-]+):(?P<port>\d{1,5})",
    ("database", "pool"): r"(?P<min>\d+)-(?P<max>\d+)",
    ("cache", "enabled"): r"(?i:yes|no|true|false|on|off)",
    ("cache", "ttl"): r"(?P<n>\d+)(?P<unit>[smhd])",
}
for (section, key), pattern in CHECKS.items():
    m = re.fullmatch(pattern, config[section][key])
    print(section, key, "ok" if m else "INVALID", m.groupdict() if m else None)
url = re.match(r"(?P<scheme>\w+)://(?:(?P<user>[^:@]+)(?::(?P<password>[^@]*))?@)?(?P<host>[^:/]+)(?::(?P<port>\d+))?(?P<path>/.*)?", config["database"]["url"])
print(url.groupdict())
print(re.split(r"\s*,\s*", config["cache"]["servers"]))
ttl = re.fullmatch(r"(\d+)([smhd])", config["cache"]["ttl"])
print(int(ttl[1]) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[ttl[2]])

TEMPLATE = """server {
    listen {{ global.listen | port }};
    root {{ global.base_dir }}/public;
    access_log {{ global.log_dir }}/access.log;
    # pool {{database.pool}} / workers {{ global.workers|int }}
    upstream {{ cache.servers | first }};
    {{ missing.value | default:none }}
}"""
def render(template, config):
    def replace(m):
        section, key = m["section"], m["key"]
        value = config.get(section, {}).get(key)
        for flt in re.findall(r"\|\s*(\w+(?::\w+)?)", m["filters"] or ""):
            name, _, arg = flt.partition(":")
            if name == "default" and value is None:
                value = arg
            elif name == "port":
                value = re.search(r":(\d+)$", value).group(1)
            elif name == "first":
                value = re.split(r"\s*,\s*", value)[0]
            elif name == "int":
                value = str(int(value))
        return value if value is not None else m.group(0)
    return re.sub(r"\{\{\s*(?P<section>\w+)\.(?P<key>\w+)\s*(?P<filters>(?:\|\s*\w+(?::\w+)?\s*)*)\}\}", replace, template)
print(render(TEMPLATE, config))
print(re.sub(r"(?m)^\s*#.*\n", "", render(TEMPLATE, config)).count("\n"))
