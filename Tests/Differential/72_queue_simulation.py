# A rolling-deploy simulation with a work queue, retries and batch sizes.
hosts = [f"web{i}" for i in range(1, 8)]
flaky = {"web3": 2, "web6": 5}
MAX_ATTEMPTS = 3
BATCH = 3
queue = list(hosts)
attempts = {}
done = []
failed = []
round_no = 0
while queue:
    round_no += 1
    batch, queue = queue[:BATCH], queue[BATCH:]
    print("round", round_no, "batch", batch)
    for host in batch:
        attempts[host] = attempts.get(host, 0) + 1
        remaining_failures = flaky.get(host, 0)
        if remaining_failures:
            flaky[host] = remaining_failures - 1
            if attempts[host] < MAX_ATTEMPTS:
                print("  retry", host, "attempt", attempts[host])
                queue.append(host)
            else:
                print("  give up", host)
                failed.append(host)
            continue
        print("  deployed", host)
        done.append(host)
print("done:", done)
print("failed:", failed)
print("attempts:", {h: n for h, n in attempts.items() if n > 1})
print("rounds:", round_no, "success rate:", round(len(done) / len(hosts) * 100, 1))
