# The everyday string methods: strip, find, split, replace, join, tests of character classes.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" Hd")))
t = "hello world"
print(t.upper(), "HeLLo".lower(), t.upper().lower() == t)
print(t.find("o"), t.rfind("o"), t.find("z"), t.index("w"), t.count("l"), t[5:].count("o"))
print(t.startswith("hell"), t.endswith("ld"), t.startswith(("x", "he")), t.endswith("o", 0, 5))
print(t.replace("l", "L"), t.replace("l", "L", 2), t.replace("xyz", "!"))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines(), "x\n\ny\n".splitlines(), "ab\ncd\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join(reversed("abc")), ", ".join(str(i) for i in range(4)))
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "12a".isdigit(), "   ".isspace(), "".isspace())
print("123".isdecimal(), "abc".isdecimal(), "½".isnumeric(), "12".isnumeric())
print("ab" * 3, "ab" + "cd", "b" in "abc", "x" not in "abc", "abc" < "abd", "Z" < "a")
print(len("héllo"), "héllo"[1], ord("é"), chr(233), chr(0x1F600) == "\U0001F600")
print(str(12), str(1.5), str(None), str(True), str([1, "a"]), repr("it's"), repr('say "hi"'))
print("Hello World Foo".split(" ", 1), "  lead".split(" "), "a-b_c".replace("-", "_").split("_"))
words = "the quick brown fox jumps over the lazy dog".split()
print(max(words, key=len), sorted(words)[:3], words.count("the"), words.index("fox"))
print("mississippi".count("ss"), "mississippi".find("ss", 3), "mississippi".rindex("i"))
print("a b c".split(None, 1), "k=v=w".rsplit("=", 1), "abc".split("b"))
print("xxhixx".strip("x"), "www.example.com".lstrip("w."), "file.tar.gz".rstrip(".gz"))
print("%".join("abc"), "hello"[::-1], "hello".find("l", 3), "hello".find("l", 0, 2))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print(sorted("banana"), list("abc"), "".join(sorted(set("banana"))))
