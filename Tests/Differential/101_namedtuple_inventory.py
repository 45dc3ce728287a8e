# An inventory parsed into namedtuples: fields, defaults, sorting, _replace, _asdict, _make, errors.
from collections import namedtuple

Host = namedtuple("Host", "name role cpu memory_gb location", defaults=["eu-1"])
rows = """web1,web,4,8
web2,web,4,16,us-2
db1,database,16,64
cache1,cache,2,4,us-2"""

inventory = [Host._make(row.split(",")) if row.count(",") == 4 else Host(*row.split(",")) for row in rows.splitlines()]
inventory = [h._replace(cpu=int(h.cpu), memory_gb=int(h.memory_gb)) for h in inventory]
for host in inventory:
    print(host)
print(Host._fields, Host._field_defaults)
print(sorted(inventory, key=lambda h: (h.location, -h.cpu))[0].name)
print([h.name for h in sorted(inventory, key=lambda h: h.memory_gb, reverse=True)])
print(sum(h.cpu for h in inventory), max(inventory, key=lambda h: h.memory_gb)._asdict())
name, role, *rest = inventory[2]
print(name, role, rest, len(inventory[2]), inventory[2][-1], inventory[2][1:3])
print(inventory[0] == ("web1", "web", 4, 8, "eu-1"), inventory[0] == inventory[1], hash(inventory[0]) == hash(tuple(inventory[0])))
Summary = namedtuple("Summary", ["location", "hosts", "cpu"])
summaries = []
for location in sorted({h.location for h in inventory}):
    members = [h for h in inventory if h.location == location]
    summaries.append(Summary(location, len(members), sum(h.cpu for h in members)))
print(summaries)
print(sorted([Summary("b", 1, 1), Summary("a", 2, 2), Summary("a", 1, 9)]))
for bad in ["name name", "name 1st", "name _x", "name def"]:
    try:
        namedtuple("Bad", bad)
    except ValueError as error:
        print("ValueError:", error)
print(namedtuple("Fixed", "name name def _x", rename=True)._fields)
for call in [lambda: Host("x"), lambda: Host("a", "b", 1, 2, "l", "extra"), lambda: Host("a", "b", 1, 2, size=3)]:
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)
try:
    inventory[0].cpu = 8
except AttributeError as error:
    print("AttributeError:", error)
Host._make(["only", "three", "fields"])
