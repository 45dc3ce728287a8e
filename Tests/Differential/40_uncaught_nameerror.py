# An uncaught NameError raised inside a function after other calls succeeded.
samples = {"web1": [0.5, 0.7, 0.9], "web2": [2.0, 2.5], "db1": []}


def mean(values):
    total = sum(values)
    count = len(values)
    if count == 0:
        return missing_default
    return total / count


for host, values in samples.items():
    print(host, mean(values))
print("not reached")
