# Custom exception hierarchies with extra attributes and __str__.
class DeployError(Exception):
    """Base class for deployment failures."""


class HostError(DeployError):
    def __init__(self, host, reason):
        super().__init__(f"{host}: {reason}")
        self.host = host
        self.reason = reason


class TimeoutFailure(HostError):
    def __init__(self, host, seconds):
        super().__init__(host, f"timed out after {seconds}s")
        self.seconds = seconds


class ValidationError(DeployError, ValueError):
    pass


class Fancy(Exception):
    def __str__(self):
        return "fancy: " + ", ".join(map(str, self.args))


failures = [HostError("web1", "disk full"), TimeoutFailure("db1", 30), ValidationError("bad manifest"), Fancy(1, 2)]
for exc in failures:
    try:
        raise exc
    except TimeoutFailure as e:
        print("timeout", e.host, e.seconds, e)
    except HostError as e:
        print("host", e.host, e.reason, e.args)
    except ValueError as e:
        print("value", e, isinstance(e, DeployError), type(e).__mro__[1].__name__)
    except Exception as e:
        print("other", e, repr(e), e.args)
print(issubclass(TimeoutFailure, DeployError), issubclass(DeployError, Exception), DeployError.__doc__)
print([c.__name__ for c in ValidationError.__mro__])
print(repr(HostError("h", "r")), str(TimeoutFailure("t", 5)))
report = {}
for host, action in [("a", "ok"), ("b", "timeout"), ("c", "fail"), ("d", "ok")]:
    try:
        if action == "timeout":
            raise TimeoutFailure(host, 10)
        if action == "fail":
            raise HostError(host, "exit 1")
        report[host] = "deployed"
    except DeployError as e:
        report[host] = f"{type(e).__name__}: {e}"
for host, outcome in report.items():
    print(host, "->", outcome)
e = DeployError("x", "y")
print(e.args, str(e), len(e.args))
print(isinstance(TimeoutFailure("h", 1), (KeyError, HostError)), BaseException in Exception.__mro__)
