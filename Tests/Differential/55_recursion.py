# Recursion: tree walking, memoised fibonacci, permutations, flattening nested configs.
tree = {
    "name": "/",
    "size": 4,
    "children": [
        {"name": "etc", "size": 120, "children": [{"name": "nginx", "size": 12, "children": []}]},
        {"name": "var", "size": 10, "children": [
            {"name": "log", "size": 900, "children": []},
            {"name": "lib", "size": 300, "children": [{"name": "apt", "size": 50, "children": []}]},
        ]},
    ],
}


def total_size(node):
    return node["size"] + sum(total_size(c) for c in node["children"])


def walk(node, depth=0, out=None):
    if out is None:
        out = []
    out.append("  " * depth + node["name"] + " " + str(total_size(node)))
    for child in node["children"]:
        walk(child, depth + 1, out)
    return out


print(total_size(tree))
print("\n".join(walk(tree)))
memo = {}


def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


print(fib(80), len(memo))


def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i, item in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([item] + rest)
    return result


print(len(permutations([1, 2, 3, 4])), permutations(["a", "b", "c"])[:3])


def flatten(config, prefix=""):
    flat = {}
    for key, value in config.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(flatten(value, path))
        else:
            flat[path] = value
    return flat


print(flatten({"db": {"host": "x", "port": 5432, "opts": {"ssl": True}}, "debug": False}))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3), sum(fib(i) for i in range(10)))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))
