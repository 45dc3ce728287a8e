# Fixed-offset time zones: schedule a maintenance window across sites and print it in each zone.
from datetime import datetime, timedelta, timezone, tzinfo

sites = {
    "fra": timezone(timedelta(hours=1), "CET"),
    "nyc": timezone(timedelta(hours=-5), "EST"),
    "bom": timezone(timedelta(hours=5, minutes=30)),
    "utc": timezone.utc,
}
window_start = datetime(2024, 3, 5, 22, 30, tzinfo=timezone.utc)
window = timedelta(hours=2, minutes=15)
for name, zone in sites.items():
    start = window_start.astimezone(zone)
    end = (window_start + window).astimezone(zone)
    print(f"{name}: {start:%a %H:%M} - {end:%a %H:%M %Z} ({start.isoformat()}) {start.utcoffset()} {zone!r}")
print(window_start == window_start.astimezone(sites["bom"]), window_start.timestamp())
print(str(sites["bom"]), sites["nyc"].tzname(None), timezone(timedelta(0)) == timezone.utc, timezone.utc)
local_stamps = ["2024-03-05T23:59:00+01:00", "2024-03-05T17:30:00-05:00", "2024-03-06T04:00:00+05:30"]
parsed = [datetime.fromisoformat(s) for s in local_stamps]
print([p.astimezone(timezone.utc).strftime("%d %H:%M") for p in sorted(parsed)])
print(parsed[1] - parsed[0], parsed[2] - parsed[1], max(parsed) - min(parsed))


class Shift(tzinfo):
    def __init__(self, hours):
        self.hours = hours

    def utcoffset(self, dt):
        return timedelta(hours=self.hours)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return f"SHIFT{self.hours:+d}"


shifted = window_start.astimezone(Shift(3))
print(shifted, shifted.tzname(), shifted.strftime("%z %Z"), shifted - window_start)
try:
    datetime(2024, 3, 5) < window_start
except TypeError as e:
    print("TypeError:", e)
print(datetime(2024, 3, 5) == window_start)
print(window_start - datetime(2024, 3, 5))
