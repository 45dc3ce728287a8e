# Dictionaries: insertion order, get/setdefault/update/pop, views, merging.
config = {"host": "web1", "port": 22}
config["user"] = "deploy"
config["port"] = 2222
print(config, len(config), "host" in config, "password" in config)
print(config.get("user"), config.get("password"), config.get("password", "none"))
print(list(config.keys()), list(config.values()), list(config.items()))
for key, value in config.items():
    print(" ", key, "=", value)
config.update({"port": 22, "timeout": 30})
config.update(retries=3)
print(config)
print(config.pop("timeout"), config.pop("missing", "default"), config)
print(config.setdefault("retries", 5), config.setdefault("shell", "/bin/sh"), config)
key, value = config.popitem()
print(key, value, len(config))
del config["retries"]
print(config)
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged)
merged |= {"d": 5}
print(merged, {**merged, "a": 0}, dict(merged, e=6))
print(dict.fromkeys(["x", "y"], 0), dict.fromkeys("ab"), dict([("k", 1), ("j", 2)]), dict(zip("abc", range(3))))
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted, {1: "one", 1.0: "float one", True: "true"})
keys = config.keys()
config["later"] = 1
print(list(keys), len(keys), "later" in keys, "later" in config.values() or 1 in config.values())
d = {"x": [1], "y": [2]}
d2 = d.copy()
d2["x"].append(9)
d2["z"] = []
print(d, d2, d == d2, {"a": 1, "b": 2} == {"b": 2, "a": 1})
try:
    print(config["nope"])
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
nested = {"web": {"hosts": ["w1", "w2"], "port": 80}, "db": {"hosts": ["d1"], "port": 5432}}
for role, info in nested.items():
    print(role, len(info["hosts"]), info["port"], ",".join(info["hosts"]))
print({(1, 2): "tuple key", None: "none key"}[(1, 2)], {None: 1}[None])
d.clear()
print(d, bool(d), bool({0: 0}))
