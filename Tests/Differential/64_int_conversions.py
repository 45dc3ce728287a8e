# int(), float(), str() and friends on the strings scripts see: bases, padding, errors.
samples = ["42", " 7 ", "-0", "+15", "0010", "1_024"]
for s in samples:
    print(repr(s), int(s))
for text, base in [("ff", 16), ("FF", 16), ("0xff", 16), ("0o17", 8), ("0b101", 2), ("z", 36), ("10", 0), ("0x10", 0), ("0o10", 0)]:
    print(text, base, int(text, base))
for bad in ["", "4.5", "1e3", "0x10", "12abc", " ", "--1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
for s in ["1.5", "-2", "1e-3", " 3.25 ", "inf", "-Infinity", "1_000.5"]:
    print(repr(s), float(s))
try:
    float("1,5")
except ValueError as e:
    print("ValueError:", e)
print(str(255), hex(255), oct(255), bin(255), int(hex(255), 16), int(bin(5), 2))
print(chr(65), ord("A"), ord("\n"), chr(0x263A) == "\u263a", [ord(c) for c in "az"])
print(bool(""), bool("0"), bool(0), bool(0.0), bool([]), bool(None), bool("False"))
print(int(True), int(2.9), int(-2.9), int(1e3), round(2.5), round(3.5), round(-1.5))
size = "512M"
units = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}
print(int(size[:-1]) * units[size[-1]])
