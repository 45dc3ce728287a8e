# An uncaught custom exception raised with `from`: both tracebacks print; the last line is the custom one.
class DeploymentFailed(Exception):
    pass


def step(name):
    if name == "migrate":
        raise RuntimeError("database locked")
    print("step", name, "ok")


def deploy(steps):
    for s in steps:
        try:
            step(s)
        except RuntimeError as e:
            raise DeploymentFailed(f"step {s!r} failed: {e}") from e


deploy(["fetch", "build", "migrate", "restart"])
