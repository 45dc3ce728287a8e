# sys.exit with a message: printed on stderr, status 1, after validating a config.
import sys

config = {"hosts": [], "user": "deploy", "port": "22"}
problems = []
if not isinstance(config.get("port"), int):
    problems.append("port must be an integer")
if not config["hosts"]:
    problems.append("no hosts configured for user " + config["user"])
print("checked", len(config), "settings")
for p in problems:
    print("problem:", p)
if problems:
    sys.exit("error: " + "; ".join(problems))
print("not reached")
