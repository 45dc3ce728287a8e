# Usage errors, one after another: CPython's exact messages on stderr and exit status 2.
import argparse
import sys


class Capture:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text


def attempt(parser, argv):
    saved = sys.stderr
    sys.stderr = Capture()
    try:
        result = parser.parse_args(argv)
        text = "ok %s" % result
    except SystemExit as e:
        text = "exit %s: %s" % (e.code, sys.stderr.text.splitlines()[-1])
    sys.stderr = saved
    print(argv, "->", text)


parser = argparse.ArgumentParser(prog="netcheck")
parser.add_argument("x")
parser.add_argument("y", type=int)
parser.add_argument("-n", "--num", type=int)
parser.add_argument("--mode", choices=["a", "b"])
parser.add_argument("--ratio", type=float)
parser.add_argument("--pair", nargs=2)
parser.add_argument("--many", nargs="+")
parser.add_argument("--maybe", nargs="?")
parser.add_argument("--verbose", action="store_true")
parser.add_argument("--version-file")
group = parser.add_mutually_exclusive_group()
group.add_argument("-a", action="store_true")
group.add_argument("-b", action="store_true")
for argv in [
    [], ["only-x"], ["x", "notint"], ["x", "1", "-n", "x"], ["x", "1", "--num"], ["x", "1", "--mode", "z"],
    ["x", "1", "--ratio", "1/2"], ["x", "1", "--pair", "p"], ["x", "1", "--many"], ["x", "1", "-a", "-b"],
    ["x", "1", "-ab"], ["x", "1", "--ver"], ["x", "1", "--verb"], ["x", "1", "--bogus"], ["x", "1", "2"],
    ["x", "1", "--verbose=yes"], ["x", "1", "-n1", "-n", "2", "--maybe", "m", "--vers", "v.txt"],
    ["-n", "3", "--", "-x", "-5"], ["x", "-1"], ["x", "1", "-q"],
]:
    attempt(parser, argv)
parser.parse_args(["x", "1", "--mode"])
