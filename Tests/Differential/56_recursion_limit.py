# Unbounded recursion raises RecursionError, which can be caught; the script goes on.
def countdown(n):
    return countdown(n + 1)


try:
    countdown(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError))


def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)


print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("caught again:", type(e).__name__)
print(deep(800), "still works")


class Node:
    def __init__(self, parent=None):
        self.parent = parent

    def depth(self):
        return 0 if self.parent is None else 1 + self.parent.depth()


root = Node()
node = root
for _ in range(200):
    node = Node(node)
print(node.depth())
