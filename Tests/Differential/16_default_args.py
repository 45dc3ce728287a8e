# Default arguments: evaluated once, the mutable-default pitfall, None sentinels.
def connect(host, port=22, user="root", timeout=10.0):
    return f"{user}@{host}:{port} (timeout {timeout})"

print(connect("web1"))
print(connect("web1", 2222))
print(connect("web1", user="deploy"))
print(connect(port=80, host="lb"))
print(connect("db", 5432, "postgres", 3))

def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_bad(1), append_bad(2), append_bad(3))

def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_good(1), append_good(2), append_good(3, [0]))
DEFAULT = 5

def uses_default(x=DEFAULT):
    return x

DEFAULT = 99
print(uses_default(), DEFAULT)

def retry(action, attempts=3, delay=0, on_fail=None):
    errors = []
    for n in range(1, attempts + 1):
        try:
            return action(n), errors
        except ValueError as e:
            errors.append(str(e))
            if on_fail:
                on_fail(n)
    return None, errors

def flaky(n):
    if n < 3:
        raise ValueError(f"attempt {n} failed")
    return "ok on " + str(n)

print(retry(flaky))
print(retry(flaky, attempts=2, on_fail=lambda n: print("  failed", n)))
try:
    connect()
except TypeError as e:
    print("TypeError:", e)
try:
    connect("a", 1, "b", 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    connect("a", hots="b")
except TypeError as e:
    print("TypeError:", e)
try:
    connect("a", host="b")
except TypeError as e:
    print("TypeError:", e)
