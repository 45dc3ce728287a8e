# Generator functions: lazy pipelines over log lines, yield from, send, and cleanup in finally.
LOG = """INFO start
DEBUG cfg loaded
WARN disk 91%
ERROR db timeout
INFO retry
ERROR db timeout
INFO done"""


def read_lines(text):
    for line in text.splitlines():
        yield line


def parse(lines):
    for line in lines:
        level, _, message = line.partition(" ") if " " in line else (line, "", "")
        yield level, message


def only(levels, records):
    for level, message in records:
        if level in levels:
            yield f"{level}: {message}"


pipeline = only({"WARN", "ERROR"}, parse(read_lines(LOG)))
print(next(pipeline))
print(list(pipeline))


def countdown(n):
    try:
        while n > 0:
            yield n
            n -= 1
    finally:
        print("countdown closed at", n)


print(list(countdown(3)))
gen = countdown(5)
print(next(gen), next(gen))
gen.close()


def chained():
    yield from range(2)
    yield from "ab"
    return "finished"


print(list(chained()))


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
next(avg)
print([avg.send(v) for v in [10, 20, 60]])
