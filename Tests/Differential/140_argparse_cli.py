# A deployment CLI with subcommands: many command lines parsed, each result dispatched; ends in a usage error.
import argparse
import sys


class Capture:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def build_parser():
    parser = argparse.ArgumentParser(description="Roll releases out to the fleet.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more output (repeatable)")
    parser.add_argument("--inventory", default="hosts.ini", metavar="FILE", help="inventory file")
    commands = parser.add_subparsers(dest="command", required=True, help="what to do")

    deploy = commands.add_parser("deploy", help="deploy a release")
    deploy.add_argument("release")
    deploy.add_argument("hosts", nargs="*", default=["all"])
    deploy.add_argument("--batch", type=int, default=2)
    deploy.add_argument("--strategy", choices=["rolling", "canary", "all-at-once"], default="rolling")
    deploy.add_argument("--dry-run", action="store_true")
    deploy.set_defaults(run=run_deploy)

    rollback = commands.add_parser("rollback", aliases=["rb"], help="go back to the previous release")
    rollback.add_argument("--to", metavar="RELEASE")
    target = rollback.add_mutually_exclusive_group(required=True)
    target.add_argument("--host", action="append")
    target.add_argument("--all", action="store_true")
    rollback.set_defaults(run=run_rollback)

    status = commands.add_parser("status", help="show what runs where")
    status.add_argument("--format", choices=["table", "json"], default="table")
    status.set_defaults(run=run_status)
    return parser


def run_deploy(args):
    batches = [args.hosts[i:i + args.batch] for i in range(0, len(args.hosts), args.batch)]
    prefix = "[dry-run] " if args.dry_run else ""
    return "%sdeploy %s with %s in %d batch(es): %s" % (prefix, args.release, args.strategy, len(batches), batches)


def run_rollback(args):
    where = "all hosts" if args.all else ", ".join(args.host)
    return "rollback of %s to %s" % (where, args.to or "the previous release")


def run_status(args):
    return "status as %s from %s" % (args.format, args.inventory)


parser = build_parser()
command_lines = [
    ["deploy", "v1.2.0"],
    ["-vv", "deploy", "v1.2.1", "web1", "web2", "web3", "--batch", "2", "--strategy", "canary"],
    ["deploy", "--dry-run", "v2", "db1"],
    ["rollback", "--all"],
    ["rb", "--host", "web1", "--host", "web2", "--to", "v1.1.9"],
    ["--inventory=prod.ini", "status", "--format", "json"],
    ["status", "--form", "table"],
    ["deploy"],
    ["deploy", "v1", "--batch", "two"],
    ["deploy", "v1", "--strategy", "yolo"],
    ["rollback", "--all", "--host", "x"],
    ["rollback"],
    ["launch"],
    [],
    ["status", "extra"],
]
for argv in command_lines:
    saved = sys.stderr
    sys.stderr = Capture()
    try:
        args = parser.parse_args(argv)
        outcome = "%s (verbosity %d)" % (args.run(args), args.verbose)
    except SystemExit as e:
        lines = sys.stderr.text.splitlines()
        outcome = "exit %s | %s | %s" % (e.code, lines[0], lines[-1])
    finally:
        sys.stderr = saved
    print(" ".join(argv) or "(nothing)", "=>", outcome)

parser.parse_args(["deploy", "v3", "--batch"])
