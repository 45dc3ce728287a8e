# Re-raising: bare raise keeps the exception, handlers that log and re-raise, raise in except.
def parse_port(text):
    try:
        port = int(text)
    except ValueError:
        print("  log: cannot parse", repr(text))
        raise
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port


for text in ["22", "http", "70000"]:
    try:
        print(parse_port(text))
    except ValueError as e:
        print("ValueError:", e)


def wrapper():
    try:
        parse_port("x")
    except Exception as e:
        print("  wrapper saw", type(e).__name__)
        raise


try:
    wrapper()
except ValueError as e:
    print("top level:", e)
errors = []
for host in ["a", "b", "c"]:
    try:
        if host == "b":
            raise OSError(f"{host}: refused")
        errors.append(f"{host}: ok")
    except OSError as e:
        errors.append(str(e))
print(errors)


def translate():
    try:
        {}["missing"]
    except KeyError as e:
        raise LookupError(f"lookup failed for {e}")


try:
    translate()
except LookupError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
try:
    try:
        raise ValueError("first")
    except ValueError as e:
        saved = e
    raise saved
except ValueError as e:
    print("raised again:", e, e is saved)


def retry(times):
    last = None
    for i in range(times):
        try:
            raise TimeoutError(f"try {i}")
        except TimeoutError as e:
            last = e
    raise last


try:
    retry(3)
except TimeoutError as e:
    print("gave up:", e, isinstance(e, OSError))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
