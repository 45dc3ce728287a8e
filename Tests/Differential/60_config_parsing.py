# Parse an INI-like config with sections, comments, continuation and typed values.
TEXT = """
# global settings
[defaults]
user = deploy
retries = 3
verbose = yes

[web]
hosts = web1, web2,
        web3
port = 8080
; alternative comment
timeout = 2.5

[db]
hosts = db1
port = 5432
verbose = no
"""


def parse(text):
    sections = {}
    current = None
    last_key = None
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip()[0] in "#;":
            continue
        if raw[0] in " \t" and last_key:
            current[last_key] += " " + raw.strip()
            continue
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            last_key = None
            continue
        key, _, value = line.partition("=") if "=" in line else (line, "", "")
        last_key = key.strip()
        current[last_key] = value.strip()
    return sections


def typed(value):
    if value.lower() in ("yes", "true", "on"):
        return True
    if value.lower() in ("no", "false", "off"):
        return False
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    if "," in value:
        return [v.strip() for v in value.split(",") if v.strip()]
    return value


sections = parse(TEXT)
print(list(sections))
defaults = {k: typed(v) for k, v in sections.pop("defaults").items()}
print(defaults)
for name, raw in sections.items():
    settings = dict(defaults)
    settings.update({k: typed(v) for k, v in raw.items()})
    print(name, settings)
