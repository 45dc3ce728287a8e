# Stable host ids with uuid5, parsing ids from different spellings, fields, ordering and
# set membership, and a final malformed id.
import uuid

ROOT = uuid.uuid5(uuid.NAMESPACE_DNS, "inventory.example.com")
print(ROOT, ROOT.version, ROOT.variant)

hosts = ["web1", "web2", "db1", "cache1"]
ids = {host: uuid.uuid5(ROOT, host) for host in hosts}
for host in sorted(hosts, key=lambda h: ids[h]):
    print(f"{host:7} {ids[host]} {ids[host].hex[:8]}")

legacy = {host: uuid.uuid3(uuid.NAMESPACE_URL, f"https://cmdb.example.com/{host}") for host in hosts}
print([str(legacy[h])[:8] for h in hosts])

text = str(ids["db1"])
for spelling in [text, text.upper(), "{" + text + "}", "urn:uuid:" + text, text.replace("-", "")]:
    print(uuid.UUID(spelling) == ids["db1"], end=" ")
print()

u = ids["web1"]
print(u.fields[:3], u.clock_seq, u.node, u.int.bit_length() <= 128)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u)
print(repr(uuid.UUID(int=255)), uuid.UUID(int=255, version=4))
seen = {ids["web1"], uuid.UUID(str(ids["web1"])), ids["web2"]}
print(len(seen), ids["web2"] in seen, min(ids.values()) == sorted(ids.values())[0])
random_ids = {uuid.uuid4() for _ in range(200)}
print(len(random_ids), {r.version for r in random_ids})
uuid.UUID("web1-not-a-uuid")
