# Running local commands: capture, text mode, input, shell pipelines, failures and timeouts,
# then an uncaught CalledProcessError.
import subprocess

listing = subprocess.run(["printf", "b.log 120\\na.log 3400\\nc.log 9\\n"], capture_output=True, text=True)
rows = sorted((line.split() for line in listing.stdout.splitlines()), key=lambda r: -int(r[1]))
for name, size in rows:
    print(f"{name:6} {int(size):>6}")
print(listing.returncode, repr(listing.stderr))

counted = subprocess.run(["wc", "-l"], input="one\ntwo\nthree\n", capture_output=True, text=True)
print("lines:", counted.stdout.strip())
print(subprocess.check_output("printf 'x\\ny\\nx\\n' | sort | uniq -c | sort -rn", shell=True, text=True).split())
print(subprocess.run(["sh", "-c", "echo oops >&2; exit 3"], capture_output=True))

try:
    subprocess.run(["sh", "-c", "echo partial; exit 2"], capture_output=True, check=True)
except subprocess.CalledProcessError as error:
    print("failed:", error.returncode, error.stdout, error)

try:
    subprocess.run(["sleep", "5"], timeout=0.2, capture_output=True)
except subprocess.TimeoutExpired as error:
    print("timeout:", error)

try:
    subprocess.run(["no-such-command-xyz"])
except FileNotFoundError as error:
    print("missing:", error.errno, error.filename)

print(subprocess.call(["sh", "-c", "exit 4"]), subprocess.check_call(["true"]))
print(subprocess.getstatusoutput("echo ready; exit 1"))
subprocess.check_output(["sh", "-c", "exit 9"])
