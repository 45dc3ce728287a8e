# A maintenance job logging to stdout: basicConfig, per-module loggers, levels, %-args, padding.
import logging
import sys

logging.basicConfig(
    stream=sys.stdout,
    level=logging.INFO,
    format="%(levelname)-8s %(name)-14s %(message)s",
)
log = logging.getLogger("maint")
disk = logging.getLogger("maint.disk")
certs = logging.getLogger("maint.certs")
certs.setLevel(logging.DEBUG)

HOSTS = {
    "web1": {"disk": 42, "cert_days": 80},
    "web2": {"disk": 91, "cert_days": 12},
    "db1": {"disk": 97, "cert_days": 3},
    "cache1": {"disk": 15, "cert_days": 200},
}
log.info("checking %d hosts", len(HOSTS))
problems = 0
for host, facts in sorted(HOSTS.items()):
    disk.debug("never shown: %s", host)
    if facts["disk"] >= 95:
        disk.error("%s: disk %d%% full", host, facts["disk"])
        problems += 1
    elif facts["disk"] >= 90:
        disk.warning("%s: disk %d%% full", host, facts["disk"])
    else:
        disk.info("%s: disk ok (%d%%)", host, facts["disk"])
    certs.debug("%s: certificate valid for %d days", host, facts["cert_days"])
    if facts["cert_days"] < 7:
        certs.critical("%(host)s: certificate expires in %(days)d days", {"host": host, "days": facts["cert_days"]})
        problems += 1
log.log(logging.WARNING if problems else logging.INFO, "%d problem(s) found", problems)
print("effective levels:", log.getEffectiveLevel(), disk.getEffectiveLevel(), certs.getEffectiveLevel())
print([logging.getLevelName(n) for n in (10, 20, 30, 40, 50, 0, 35)])
