# sys.exit(None) and exit codes modulo 256, exceptions in finally around exit.
import sys


def main():
    try:
        print("main running")
        return 258
    finally:
        print("cleanup")


code = main()
try:
    sys.exit(None)
except SystemExit as e:
    print("None caught")
try:
    raise SystemExit(5)
except SystemExit as e:
    print("raised directly:", e.args)
try:
    sys.exit("text")
except SystemExit as e:
    print("text code:", e.args)
print(isinstance(SystemExit(), Exception), isinstance(SystemExit(), BaseException))
try:
    try:
        sys.exit(2)
    except Exception:
        print("Exception does not catch SystemExit")
except SystemExit:
    print("BaseException-level catch")
sys.exit(code)
