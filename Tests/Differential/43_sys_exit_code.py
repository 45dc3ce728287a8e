# sys.exit with a status code after output: no traceback, the status is the code.
import sys

failed = []
for host, rc in [("web1", 0), ("web2", 3), ("db1", 0), ("db2", 1)]:
    print(host, "rc", rc)
    if rc:
        failed.append(host)
print("failed:", ",".join(failed))
try:
    sys.exit(9)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print("no code:", e.code)
sys.exit(len(failed) + 40)
print("not reached")
