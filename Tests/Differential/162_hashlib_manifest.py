# Checksums for a release manifest: whole and chunked digests, copies, and verification.
import hashlib

artifacts = {
    "app-1.4.2.tar": b"binary-content-" * 3000,
    "config.yaml": b"replicas: 3\nimage: app:1.4.2\n",
    "empty.txt": b"",
}

manifest = {}
for name, data in sorted(artifacts.items()):
    entry = {}
    for algorithm in ("md5", "sha1", "sha256", "sha512"):
        entry[algorithm] = hashlib.new(algorithm, data).hexdigest()
    manifest[name] = entry
    print(f"{name:14} {entry['sha256'][:16]} {entry['md5']}")

chunked = hashlib.sha256()
data = artifacts["app-1.4.2.tar"]
for start in range(0, len(data), 4096):
    chunked.update(data[start:start + 4096])
print(chunked.hexdigest() == manifest["app-1.4.2.tar"]["sha256"])

base = hashlib.sha1(b"header\n")
left, right = base.copy(), base.copy()
left.update(b"left")
right.update(b"right")
print(base.hexdigest(), left.hexdigest()[:10], right.hexdigest()[:10])

tampered = artifacts["config.yaml"].replace(b"3", b"30")
for name, content in [("config.yaml", artifacts["config.yaml"]), ("config.yaml", tampered)]:
    ok = hashlib.sha256(content).hexdigest() == manifest[name]["sha256"]
    print(name, "verified" if ok else "CHECKSUM MISMATCH")

h = hashlib.sha384(b"abc")
print(h.name, h.digest_size, h.block_size, h.digest()[:6])
print(hashlib.sha224(b"").hexdigest())
for bad in ["text", 7]:
    try:
        hashlib.md5(bad)
    except TypeError as error:
        print("TypeError:", error)
hashlib.new("whirlpool3")
