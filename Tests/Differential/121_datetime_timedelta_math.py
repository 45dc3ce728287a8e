# timedelta arithmetic for SLAs, retention windows and rate calculations.
from datetime import timedelta

outages = [timedelta(minutes=12, seconds=30), timedelta(hours=1, minutes=5), timedelta(seconds=45), timedelta(0)]
month = timedelta(days=30)
down = sum(outages, timedelta())
print("downtime", down, repr(down), down.total_seconds())
availability = 1 - down / month
print(f"availability {availability:.5%}", down / month < 0.001)
budget = month * 0.001
print("budget", budget, "left", budget - down, "over" if down > budget else "within")
print("per outage", down / len(outages), down // len(outages), max(outages), min(outages))
print("sorted", sorted(outages))
print(divmod(timedelta(hours=50), timedelta(days=1)), timedelta(hours=50) % timedelta(hours=7))
print(timedelta(days=1, seconds=-1), -timedelta(minutes=1), abs(timedelta(days=-3)), timedelta(weeks=2) / timedelta(days=1))
print(timedelta(hours=1) * 1.5, 2.5 * timedelta(seconds=1), timedelta(seconds=10) / 3, timedelta(seconds=10) / 4.0)
for spec in [dict(days=1), dict(hours=-1), dict(minutes=90.5), dict(milliseconds=1), dict(weeks=1, days=-8), dict(microseconds=-1)]:
    delta = timedelta(**spec)
    print(spec, "->", str(delta), "|", repr(delta), "|", delta.days, delta.seconds, delta.microseconds, bool(delta))
retention = {"logs": timedelta(days=14), "backups": timedelta(weeks=8), "tmp": timedelta(hours=6)}
for name, keep in sorted(retention.items(), key=lambda item: item[1]):
    print(f"{name:<8} keep {keep.days:>3} days {keep.seconds // 3600:>2} hours ({keep.total_seconds():>9.0f}s)")
try:
    timedelta(days=1) + 5
except TypeError as e:
    print("TypeError:", e)
print(timedelta.max - timedelta.max, timedelta.min, timedelta.resolution)
print(timedelta(days=1) / timedelta(0))
