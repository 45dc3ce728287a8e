# The context-manager protocol: __enter__/__exit__, suppression, nesting, several items.
class Step:
    def __init__(self, name, log, suppress=False):
        self.name = name
        self.log = log
        self.suppress = suppress

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.log.append(f"exit {self.name} ok")
        else:
            self.log.append(f"exit {self.name} {exc_type.__name__}: {exc}")
        return self.suppress


log = []
with Step("connect", log) as tag:
    log.append(f"inside {tag}")
print(log)
log = []
with Step("outer", log), Step("inner", log) as inner:
    log.append(inner)
print(log)
log = []
with Step("swallow", log, suppress=True):
    raise ValueError("ignored")
print(log)
log = []
try:
    with Step("a", log), Step("b", log):
        raise KeyError("k")
except KeyError as e:
    log.append(f"caught {e!r}")
print(log)
log = []


def work():
    with Step("in-func", log):
        return "returned"


print(work(), log)
log = []
for i in range(3):
    with Step(f"loop{i}", log):
        if i == 1:
            continue
        if i == 2:
            break
print(log)


class Transaction:
    def __init__(self):
        self.ops = []
        self.committed = False

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed = True
        else:
            self.ops.clear()
        return False


with Transaction() as tx:
    tx.ops.append("insert")
print(tx.ops, tx.committed)
try:
    with Transaction() as tx2:
        tx2.ops.append("insert")
        raise RuntimeError("fail")
except RuntimeError as e:
    print("rolled back:", tx2.ops, tx2.committed, e)
