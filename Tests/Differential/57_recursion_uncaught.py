# An uncaught RecursionError: exit status 1 and the standard message, after normal output.
tree = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": ["a"]}


def count_paths(node, seen=()):
    if node in seen:
        return 1
    return sum(count_paths(child, seen + (node,)) for child in tree[node])


print("paths from a:", count_paths("a"))


def resolve(name, depth=0):
    """Follows dependencies without a cycle check."""
    total = 1
    for dep in tree[name]:
        total += resolve(dep, depth + 1)
    return total


print("resolving")
print(resolve("a"))
