# IPv4 address arithmetic with ints and bit operations: CIDR ranges, membership, subnet splitting.
def ip_to_int(text):
    parts = [int(p) for p in text.split(".")]
    if len(parts) != 4 or any(not 0 <= p <= 255 for p in parts):
        raise ValueError(f"invalid IPv4 address: {text!r}")
    value = 0
    for p in parts:
        value = (value << 8) | p
    return value


def int_to_ip(value):
    return ".".join(str((value >> shift) & 0xFF) for shift in (24, 16, 8, 0))


def network(cidr):
    address, bits = cidr.split("/")
    bits = int(bits)
    mask = (0xFFFFFFFF << (32 - bits)) & 0xFFFFFFFF
    base = ip_to_int(address) & mask
    return base, mask, bits


def describe(cidr):
    base, mask, bits = network(cidr)
    size = 1 << (32 - bits)
    broadcast = base | (~mask & 0xFFFFFFFF)
    return {
        "network": int_to_ip(base),
        "netmask": int_to_ip(mask),
        "broadcast": int_to_ip(broadcast),
        "hosts": max(size - 2, 0) if bits < 31 else size,
        "first": int_to_ip(base + 1) if bits < 31 else int_to_ip(base),
    }


for cidr in ["10.0.0.0/8", "192.168.1.77/24", "172.16.5.4/20", "10.1.2.3/32"]:
    print(cidr, describe(cidr))


def contains(cidr, ip):
    base, mask, _ = network(cidr)
    return ip_to_int(ip) & mask == base


print(contains("10.0.0.0/8", "10.200.1.1"), contains("192.168.1.0/24", "192.168.2.1"))


def split(cidr, new_bits):
    base, _, bits = network(cidr)
    step = 1 << (32 - new_bits)
    return [f"{int_to_ip(base + i * step)}/{new_bits}" for i in range(1 << (new_bits - bits))]


print(split("10.0.0.0/22", 24))
print(sorted(["10.0.0.10", "10.0.0.9", "9.255.255.255", "10.0.0.100"], key=ip_to_int))
print(hex(ip_to_int("255.255.255.0")), bin(ip_to_int("255.255.240.0")).count("1"))
for bad in ["10.0.0", "10.0.0.256", "a.b.c.d"]:
    try:
        ip_to_int(bad)
    except ValueError as e:
        print("ValueError:", e)
