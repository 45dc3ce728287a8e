# assert with and without messages; an uncaught AssertionError ends the script.
def check_ports(ports):
    for p in ports:
        assert isinstance(p, int), f"port {p!r} is not an int"
        assert 0 < p < 65536
    return len(ports)


print(check_ports([22, 80]))
for bad in [["22"], [0]]:
    try:
        check_ports(bad)
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args)
assert True, "fine"
assert [1], "non-empty is true"
total = sum([1, 2, 3])
assert total == 7, f"expected 7, got {total}"
print("not reached")
