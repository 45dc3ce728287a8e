# An exception raised while handling another: "During handling..." and the last line is the new one.
settings = {"retries": 3}


def cleanup(reason):
    print("cleaning up after", reason)
    raise OSError("cleanup failed: /tmp/lock is busy")


def load(key):
    try:
        return settings[key]
    except KeyError as e:
        cleanup(repr(e))


print("retries", load("retries"))
print("timeout", load("timeout"))
print("not reached")
