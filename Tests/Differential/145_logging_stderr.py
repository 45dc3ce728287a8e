# Logging to the default stream (stderr): the module functions configure themselves; the last line counts.
import logging

print("stdout stays clean")
logging.info("not shown: the root logger starts at WARNING")
logging.warning("retrying %s (%d/%d)", "db1", 1, 3)
log = logging.getLogger("sync")
log.error("giving up on %s", "db1")
print(len(logging.root.handlers), logging.root.handlers[0].formatter._fmt)
logging.critical("sync failed for %d host(s)", 1)
