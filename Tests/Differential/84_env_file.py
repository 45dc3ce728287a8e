# Parse a .env-style file: comments, quotes, export prefixes, ${VAR} references and defaults.
TEXT = '''
# database
export DB_HOST=db1.internal
DB_PORT=5432
DB_URL="postgres://${DB_USER:-app}@${DB_HOST}:${DB_PORT}/main"
APP_NAME='my app'   # trailing comment
EMPTY=
GREETING="hello # not a comment"
LOG_DIR=${BASE:-/var/log}/app
'''


def substitute(value, env):
    out = ""
    i = 0
    while i < len(value):
        if value.startswith("${", i):
            end = value.index("}", i)
            ref = value[i + 2:end]
            name, _, default = ref.partition(":-") if ":-" in ref else (ref, "", "")
            out += env.get(name) or default
            i = end + 1
        else:
            out += value[i]
            i += 1
    return out


def parse(text):
    env = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export "):]
        key, value = line.split("=", 1)
        value = value.strip()
        if value[:1] in ("'", '"'):
            quote = value[0]
            closing = value.index(quote, 1)
            literal = quote == "'"
            value = value[1:closing]
        else:
            literal = False
            value = value.split(" #", 1)[0].strip()
        env[key.strip()] = value if literal else substitute(value, env)
    return env


env = parse(TEXT)
for key, value in env.items():
    print(f"{key}={value!r}")
print(len(env), sorted(k for k, v in env.items() if not v))
