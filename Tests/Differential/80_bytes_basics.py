# bytes: literals, encoding text, indexing gives ints, concatenation and comparison.
data = b"GET / HTTP/1.1\r\nHost: example\r\n\r\n"
print(len(data), data[:3], data[0], data[-1], list(data[:3]), type(data).__name__)
print(b"Host" in data, data[4:5], data[::-1][:4])
text = "héllo wörld"
encoded = text.encode("utf-8")
print(encoded, len(text), len(encoded))
print("abc".encode(), b"x" * 3, b"a" + b"b", bytes([65, 66, 67]), bytes(3))
print(b"abc" == b"abc", b"a" < b"b", repr(b"\x00\xff'"), bytes(b"copy"), b"" == bytes())
print("é".encode("latin-1"), "snowman ☃".encode(), len("☃".encode("utf-8")))
try:
    "☃".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print([b for b in b"hi"], sum(b"\x01\x02"), max(b"abc"), b"\n" == bytes([10]))
print(rb"raw\n", b"tab\t", b"A" in b"ABC", 65 in b"ABC", b"abc"[1:], bytes(range(3)))
