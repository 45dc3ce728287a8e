# deque as a work queue and a tail buffer, OrderedDict as an LRU, ChainMap for layered settings.
from collections import ChainMap, OrderedDict, deque

graph = {"gw": ["web1", "web2"], "web1": ["db1"], "web2": ["db1", "cache1"], "db1": [], "cache1": ["db1"]}
order, queue, seen = [], deque(["gw"]), {"gw"}
while queue:
    node = queue.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            queue.append(nxt)
print("bfs:", order)

tail = deque(maxlen=3)
for n in range(1, 8):
    tail.append(f"line {n}")
print(tail, list(reversed(tail)), tail.maxlen, len(tail))
ring = deque(range(6))
ring.rotate(2)
print(ring)
ring.rotate(-4)
print(ring, ring[0], ring[-1], 3 in ring, ring.index(3))
stack = deque()
for c in "abc":
    stack.append(c)
print(stack.pop(), stack.pop(), stack, deque("xy") + deque("z"), deque([1, 2]) == deque([1, 2]))


class LRU:
    def __init__(self, size):
        self.size = size
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.size:
            print("evict", self.data.popitem(last=False))


lru = LRU(2)
lru.put("a", 1)
lru.put("b", 2)
lru.get("a")
lru.put("c", 3)
print(lru.data, lru.get("b"), list(lru.data))
od = OrderedDict.fromkeys("xyz", 0)
od.move_to_end("x")
od.move_to_end("z", last=False)
print(od, od == OrderedDict([("z", 0), ("y", 0), ("x", 0)]), od == OrderedDict.fromkeys("xyz", 0), od == dict.fromkeys("xyz", 0))

defaults = {"port": 22, "user": "root", "retries": 3}
config = ChainMap({"retries": 5}, {"user": "deploy"}, defaults)
print(config["port"], config["user"], config["retries"], len(config), sorted(config))
child = config.new_child({"port": 2222})
child["verbose"] = True
print(child["port"], child.parents["port"], child.maps[0], config.get("verbose"))
print(dict(child) == {"port": 2222, "user": "deploy", "retries": 5, "verbose": True})
try:
    deque().popleft()
except IndexError as error:
    print("IndexError:", error)
print(config["timeout"])
