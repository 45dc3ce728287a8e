# A check framework: a decorator registers check classes, results are aggregated into a summary.
REGISTRY = {}


def register(name, severity="warning"):
    def decorate(cls):
        cls.check_name = name
        cls.severity = severity
        REGISTRY[name] = cls
        return cls
    return decorate


class Result:
    def __init__(self, check, ok, detail=""):
        self.check = check
        self.ok = ok
        self.detail = detail

    def __repr__(self):
        return f"<{self.check} {'ok' if self.ok else 'FAILED'}{': ' + self.detail if self.detail else ''}>"


class Check:
    def __init__(self, facts):
        self.facts = facts

    def run(self):
        try:
            ok, detail = self.evaluate()
        except KeyError as e:
            return Result(self.check_name, False, f"missing fact {e}")
        return Result(self.check_name, ok, detail)


@register("disk", severity="critical")
class DiskCheck(Check):
    def evaluate(self):
        pct = self.facts["disk_pct"]
        return pct < 90, f"{pct}% used"


@register("load")
class LoadCheck(Check):
    def evaluate(self):
        load, cpus = self.facts["load"], self.facts["cpus"]
        return load / cpus < 1.5, f"load {load} on {cpus} cpus"


@register("ntp")
class NtpCheck(Check):
    def evaluate(self):
        return abs(self.facts["ntp_offset_ms"]) < 100, ""


hosts = {
    "web1": {"disk_pct": 45, "load": 1.0, "cpus": 4, "ntp_offset_ms": 3},
    "web2": {"disk_pct": 95, "load": 9.0, "cpus": 4, "ntp_offset_ms": -250},
    "db1": {"disk_pct": 70, "load": 2.0, "cpus": 16},
}
print(sorted(REGISTRY), [REGISTRY[n].severity for n in sorted(REGISTRY)])
summary = {"critical": 0, "warning": 0}
for host, facts in hosts.items():
    results = [cls(facts).run() for cls in REGISTRY.values()]
    failed = [r for r in results if not r.ok]
    for r in failed:
        summary[REGISTRY[r.check].severity] += 1
    print(host, results if failed else "all ok")
print(summary, "exit code", 2 if summary["critical"] else 1 if summary["warning"] else 0)
