# A thread-pool pipeline: fan out checks, gather in order with map, by completion with
# as_completed, partial failures, wait() sets and cancellation of queued work.
import threading
import time
from concurrent.futures import ALL_COMPLETED, FIRST_EXCEPTION, ThreadPoolExecutor, as_completed, wait

INVENTORY = {
    "web1": {"disk": 71, "load": 0.4},
    "web2": {"disk": 93, "load": 2.5},
    "db1": {"disk": 55, "load": 1.1},
    "cache1": {"disk": 12, "load": 0.1},
    "batch1": None,
}


class CheckFailed(Exception):
    pass


def check(host):
    time.sleep(0.01)
    facts = INVENTORY[host]
    if facts is None:
        raise CheckFailed(f"{host}: no facts gathered")
    problems = []
    if facts["disk"] > 90:
        problems.append(f"disk {facts['disk']}%")
    if facts["load"] > 2:
        problems.append(f"load {facts['load']}")
    return host, problems


with ThreadPoolExecutor(max_workers=3) as pool:
    ordered = list(pool.map(check, [h for h in INVENTORY if INVENTORY[h] is not None]))
    for host, problems in ordered:
        print(f"{host:7} {'OK' if not problems else ', '.join(problems)}")

    futures = {pool.submit(check, host): host for host in INVENTORY}
    healthy, failed = [], []
    for future in as_completed(futures):
        try:
            host, problems = future.result()
        except CheckFailed as error:
            failed.append(str(error))
        else:
            (healthy if not problems else failed).append(host)
    print("healthy:", sorted(healthy))
    print("failed:", sorted(failed))

    done, not_done = wait(futures, return_when=ALL_COMPLETED)
    print(len(done), len(not_done), sum(1 for f in done if f.exception() is not None))
    done, not_done = wait(futures, return_when=FIRST_EXCEPTION)
    print(len(done) == len(futures), type([f for f in done if f.exception()][0].exception()).__name__)

gate = threading.Event()
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="serial") as pool:
    names = []
    first = pool.submit(lambda: (names.append(threading.current_thread().name), gate.wait(5))[1])
    queued = [pool.submit(print, "never") for _ in range(3)]
    print([f.cancel() for f in queued], [f.cancelled() for f in queued])
    gate.set()
    print(first.result(), names)

totals = {}
lock = threading.Lock()


def tally(word):
    with lock:
        totals[word] = totals.get(word, 0) + 1


with ThreadPoolExecutor(4) as pool:
    for word in "a b a c b a".split():
        pool.submit(tally, word)
print(sorted(totals.items()))
