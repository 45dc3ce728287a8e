# Calendar work with dates: month grids, ISO weeks, business days and cron-like schedules.
from datetime import date, datetime, timedelta


def month_grid(year, month):
    first = date(year, month, 1)
    rows = ["Mo Tu We Th Fr Sa Su"]
    row = ["  "] * first.weekday()
    day = first
    while day.month == month:
        row.append(f"{day.day:2d}")
        if len(row) == 7:
            rows.append(" ".join(row))
            row = []
        day += timedelta(days=1)
    if row:
        rows.append(" ".join(row))
    return rows


print(f"{date(2024, 2, 1):%B %Y}")
for line in month_grid(2024, 2):
    print(line)


def business_days(start, end):
    count = 0
    day = start
    while day < end:
        if day.weekday() < 5:
            count += 1
        day += timedelta(1)
    return count


print(business_days(date(2024, 3, 1), date(2024, 4, 1)), business_days(date(2024, 12, 23), date(2025, 1, 6)))
for d in [date(2024, 1, 1), date(2024, 12, 30), date(2027, 1, 1), date(2020, 12, 31)]:
    print(d, d.isocalendar(), d.strftime("%G-W%V-%u"), date.fromisocalendar(*d.isocalendar()) == d, d.toordinal())
run = datetime(2024, 3, 4, 2, 0)
for _ in range(4):
    run += timedelta(days=(7 - run.weekday()) % 7 or 7)
    print("next weekly run", run, run.strftime("%A"), run.ctime())
print(date(2024, 3, 5) - date(2023, 3, 5), date(2023, 3, 5) - date(2022, 3, 5), date.fromordinal(date(2024, 3, 5).toordinal() + 100))
print(sorted([date(2024, 5, 1), date(2023, 5, 1), date(2024, 1, 31)]), date.min, date.max, date.resolution)
print(date(2024, 1, 31).replace(month=2, day=29), date(2024, 3, 5).timetuple().tm_yday)
date(2023, 2, 29)
