# User iterators: __iter__/__next__, StopIteration, iter() with a sentinel-free class, reuse.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
for n in Countdown(3):
    print("tick", n)


class LineReader:
    def __init__(self, text):
        self.lines = text.splitlines()

    def __iter__(self):
        return LineIterator(self.lines)


class LineIterator:
    def __init__(self, lines):
        self.lines = lines
        self.index = 0

    def __iter__(self):
        return self

    def __next__(self):
        while self.index < len(self.lines):
            line = self.lines[self.index].strip()
            self.index += 1
            if line and not line.startswith("#"):
                return line
        raise StopIteration


reader = LineReader("# hosts\nweb1\n\n  web2  \n# end\ndb1")
print(list(reader), list(reader), len(list(reader)))
print(dict(enumerate(reader)), sorted(reader), "web2" in reader)
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
it = iter("ab")
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
d = {"x": 1, "y": 2}
di = iter(d)
print(next(di), list(di))
a, b, c = Countdown(3)
print(a, b, c)
print([x * y for x, y in zip(Countdown(3), Countdown(3))])
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
