# Order services by their dependencies (topological sort), and detect cycles.
deps = {
    "app": ["db", "cache", "config"],
    "worker": ["db", "queue"],
    "db": ["storage"],
    "cache": [],
    "queue": ["storage"],
    "storage": [],
    "config": [],
    "proxy": ["app"],
}


class CycleError(Exception):
    def __init__(self, path):
        super().__init__(" -> ".join(path))
        self.path = path


def toposort(graph):
    order = []
    state = {}

    def visit(node, path):
        if state.get(node) == "done":
            return
        if state.get(node) == "active":
            raise CycleError(path[path.index(node):] + [node])
        state[node] = "active"
        for dep in sorted(graph.get(node, [])):
            visit(dep, path + [node])
        state[node] = "done"
        order.append(node)

    for node in sorted(graph):
        visit(node, [])
    return order


order = toposort(deps)
print(order)
position = {name: i for i, name in enumerate(order)}
print(all(position[d] < position[s] for s, ds in deps.items() for d in ds))
levels = {}
for name in order:
    levels[name] = 1 + max((levels[d] for d in deps[name]), default=-1)
by_level = {}
for name, level in levels.items():
    by_level.setdefault(level, []).append(name)
for level in sorted(by_level):
    print("wave", level, sorted(by_level[level]))
deps["storage"] = ["proxy"]
try:
    toposort(deps)
except CycleError as e:
    print("cycle:", e, len(e.path))
