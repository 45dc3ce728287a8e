# Help and usage texts of several parsers, at the default width and at COLUMNS=60, printed by -h.
import argparse
import os
import sys


def make_parser():
    parser = argparse.ArgumentParser(
        prog="logship",
        description="Ship log files from the hosts of an inventory to a central store, compressing "
        "and rate-limiting the transfer so production traffic is not disturbed.",
        epilog="Exit status is 0 when every file was shipped.",
    )
    parser.add_argument("sources", nargs="+", metavar="PATH", help="log files or directories")
    parser.add_argument("--dest", required=True, help="where the logs go, as host:/path")
    parser.add_argument("-z", "--compress", choices=["gzip", "zstd", "none"], default="gzip",
                        help="compression (default: %(default)s)")
    parser.add_argument("--bwlimit", type=int, metavar="KBPS", help="bandwidth limit in kilobytes per second")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip files matching GLOB; may be repeated for several patterns")
    parser.add_argument("--since", nargs="?", const="1d", help="only files changed since (default when given: 1d)")
    parser.add_argument("--delete-after-shipping-and-verification", action="store_true",
                        help="remove the local file once the remote copy is verified")
    parser.add_argument("--version", action="version", version="%(prog)s 0.9")
    net = parser.add_argument_group("network", "Connection settings for the transfer.")
    net.add_argument("--port", type=int, default=22)
    net.add_argument("--timeout", type=float, default=30.0, help="seconds before a transfer is abandoned")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quiet", action="store_true", help="errors only")
    mode.add_argument("--progress", action="store_true", help="show a progress bar")
    return parser


print(make_parser().format_help())
os.environ["COLUMNS"] = "60"
print(make_parser().format_help())
os.environ["COLUMNS"] = "120"
print(make_parser().format_usage())
del os.environ["COLUMNS"]
try:
    make_parser().parse_args(["--version"])
except SystemExit as e:
    print("version exit", e.code)
sys.argv = ["logship", "-h"]
make_parser().parse_args()
print("not reached")
