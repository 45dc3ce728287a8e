# Sorting and extracting records with operator.itemgetter, attrgetter and methodcaller.
import operator
from functools import reduce


class Service:
    def __init__(self, name, host, port, load):
        self.name, self.host, self.port, self.load = name, host, port, load

    def endpoint(self, scheme="tcp"):
        return f"{scheme}://{self.host}:{self.port}"

    def __repr__(self):
        return f"Service({self.name})"


services = [
    Service("api", "web1", 8080, 0.72),
    Service("db", "db1", 5432, 0.35),
    Service("cache", "web1", 6379, 0.10),
    Service("queue", "mq1", 5672, 0.72),
]
print(sorted(services, key=operator.attrgetter("load")))
print(sorted(services, key=operator.attrgetter("host", "port")))
print([s.name for s in sorted(services, key=operator.attrgetter("load"), reverse=True)])
print(list(map(operator.methodcaller("endpoint"), services[:2])), operator.methodcaller("endpoint", scheme="http")(services[0]))
rows = [(s.name, s.host, s.port) for s in services]
print(sorted(rows, key=operator.itemgetter(1, 2)), list(map(operator.itemgetter(0), rows)))
by_host = {}
for name, host, _ in rows:
    by_host.setdefault(host, []).append(name)
print(sorted(by_host.items(), key=operator.itemgetter(0)))
print(reduce(operator.add, map(operator.attrgetter("port"), services)), reduce(operator.or_, [{1}, {2}, {1, 3}]))
print(operator.itemgetter(-1)(rows), operator.itemgetter(slice(0, 2))(rows[0]), operator.attrgetter("name", "port")(services[1]))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), operator.truth(0), operator.contains(["a"], "a"), operator.countOf([1, 1, 2], 1))
print(operator.itemgetter(0), operator.attrgetter("a.b"), operator.methodcaller("m", 1, k="v"))
getter = operator.itemgetter("missing")
print(getter({"missing": "found"}))
print(getter({"present": 1}))
