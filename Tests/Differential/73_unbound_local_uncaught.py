# An uncaught UnboundLocalError: a global is assigned in a function without `global`.
deployed = 0
log = []


def record(host):
    log.append(host)
    return len(log)


def deploy(host):
    record(host)
    deployed += 1
    return deployed


print("before", record("init"), log)
deploy("web1")
print("not reached")
