# finally: runs on return, break, continue and exceptions; return in finally wins.
log = []


def with_return():
    try:
        log.append("try")
        return "from try"
    finally:
        log.append("finally")


print(with_return(), log)


def finally_overrides():
    try:
        return 1
    finally:
        return 2


print(finally_overrides())


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the error"


print(swallow())
log = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append(f"body {i}")
    finally:
        log.append(f"finally {i}")
print(log)
log = []
try:
    try:
        raise KeyError("a")
    finally:
        log.append("cleanup")
except KeyError as e:
    log.append(f"caught {e}")
print(log)


def nested():
    out = []
    try:
        try:
            out.append("inner try")
            raise ValueError("x")
        except ValueError:
            out.append("inner except")
            raise
        finally:
            out.append("inner finally")
    except ValueError:
        out.append("outer except")
    finally:
        out.append("outer finally")
    return out


print(nested())
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("attempt", count)
print("done after", count)


def finally_value_order():
    x = "before"
    try:
        return x
    finally:
        x = "after"


print(finally_value_order())
