# *args and **kwargs, in definitions and at call sites.
def run(cmd, *args, **options):
    parts = [cmd] + [str(a) for a in args]
    flags = [f"--{k.replace('_', '-')}={v}" for k, v in options.items()]
    return " ".join(parts + flags)

print(run("ls"))
print(run("ls", "-l", "/tmp"))
print(run("rsync", "-a", "src/", "dst/", dry_run=True, exclude="*.log"))
argv = ["tar", "-czf", "out.tgz"]
opts = {"directory": "/srv", "verbose": 1}
print(run(*argv))
print(run(*argv, **opts))
print(run("echo", *range(3), *"ab", sep=",", **{"end": "!"}))

def describe(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

print(describe())
print(describe(1, 2, a=3))
print(describe(*[], **{}))

def total(*numbers, start=0):
    result = start
    for n in numbers:
        result += n
    return result

print(total(1, 2, 3), total(), total(1, 2, start=10))

def forward(*args, **kwargs):
    return describe(*args, extra=True, **kwargs)

print(forward(1, x=2))

def point(x, y, z=0):
    return (x, y, z)

coords = {"x": 1, "y": 2}
print(point(**coords), point(*[5, 6]), point(1, *[2], **{"z": 3}))
print(max(*[3, 8, 1]), print(*["a", "b"], sep="-"))
merged = {**{"a": 1}, **{"b": 2}, "c": 3}
print(merged, [*range(3), *"xy"], (*[1, 2], 3), {*[1, 1, 2]})
try:
    point(**{"x": 1, "y": 2, "w": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    point(1, 2, **{"x": 5})
except TypeError as e:
    print("TypeError:", e)
