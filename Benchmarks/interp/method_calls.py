# Method calls on a class instance in a loop.
class Counter:
    def __init__(self):
        self.count = 0

    def add(self, n):
        self.count += n
        return self.count


c = Counter()
for i in range(300000):
    c.add(i)
print(c.count)
