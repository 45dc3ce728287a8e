# Logger trees, handlers at several levels, propagate, filters and formatters: who prints what.
import logging
import sys


class Tagged(logging.Filter):
    def filter(self, record):
        record.tag = record.name.upper().replace(".", "/")
        return True


def handler(prefix, level=logging.NOTSET, fmt="%(levelname)s %(name)s: %(message)s"):
    h = logging.StreamHandler(sys.stdout)
    h.setLevel(level)
    h.setFormatter(logging.Formatter(prefix + " " + fmt))
    return h


root = logging.getLogger()
root.setLevel(logging.DEBUG)
root.addHandler(handler("[root]", logging.WARNING))
app = logging.getLogger("app")
app.addHandler(handler("[app]", logging.INFO))
api = logging.getLogger("app.api")
tagged = handler("[tag]", fmt="%(tag)s %(message)s")
tagged.addFilter(Tagged())
api.addHandler(tagged)
jobs = logging.getLogger("app.jobs.nightly")
print(jobs.parent is app)
middle = logging.getLogger("app.jobs")
print(jobs.parent is middle, middle.parent is app)

api.debug("debug from api")
api.info("info from api")
api.warning("warning from api")
jobs.error("error from a nightly job")
api.propagate = False
api.error("api error, not propagated")
app.setLevel(logging.ERROR)
jobs.warning("dropped: app is at ERROR now")
jobs.critical("critical passes")
middle.disabled = True
jobs.critical("still passes: only the middle logger is disabled")
middle.critical("dropped: middle is disabled")
print(len(root.handlers), len(app.handlers), app.hasHandlers(), logging.getLogger("other").hasHandlers())
print(repr(app), repr(jobs), repr(root))
