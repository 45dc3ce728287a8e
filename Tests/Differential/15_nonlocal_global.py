# global and nonlocal declarations; UnboundLocalError when a local is read too early.
counter = 0
log = []

def bump():
    global counter
    counter += 1
    log.append(counter)

for _ in range(3):
    bump()
print(counter, log)

def set_new_global():
    global created_later
    created_later = "made inside a function"

set_new_global()
print(created_later)

def outer():
    state = "initial"
    def change():
        nonlocal state
        state = "changed"
    def read():
        return state
    before = read()
    change()
    return before, read(), state

print(outer())

def nested_levels():
    a = 1
    def level1():
        a = 10
        def level2():
            nonlocal a
            a += 5
            return a
        return level2(), a
    return level1(), a

print(nested_levels())

value = "global"

def shadow():
    value = "local"
    return value

print(shadow(), value)

def broken():
    print(counter)
    counter = 5

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def read_global():
    return value.upper()

print(read_global())

def modify_list():
    log.append("no global needed")

modify_list()
print(log[-1], len(log))
