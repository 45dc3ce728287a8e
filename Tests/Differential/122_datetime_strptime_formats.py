# Parse timestamps in the formats ops tools print, reformat them, and report the ones that do not parse.
from datetime import datetime

samples = [
    ("2024-03-05 14:30:15", "%Y-%m-%d %H:%M:%S"),
    ("2024-03-05T14:30:15.250", "%Y-%m-%dT%H:%M:%S.%f"),
    ("Mar  5 14:30:15", "%b %d %H:%M:%S"),
    ("Tue, 05 Mar 2024 14:30:15 GMT", "%a, %d %b %Y %H:%M:%S %Z"),
    ("05/Mar/2024:14:30:15 +0000", "%d/%b/%Y:%H:%M:%S %z"),
    ("Tuesday, March 5, 2024 2:30 PM", "%A, %B %d, %Y %I:%M %p"),
    ("20240305143015", "%Y%m%d%H%M%S"),
    ("03/05/24 14:30", "%m/%d/%y %H:%M"),
    ("2024-065", "%Y-%j"),
    ("2024-W10-2", "%G-W%V-%u"),
    ("Tue Mar  5 14:30:15 2024", "%c"),
    ("2024-03-05 14:30", "%Y-%m-%d %H:%M:%S"),
    ("2024-03-05 14:30:15 extra", "%Y-%m-%d %H:%M:%S"),
    ("2024-02-30 00:00:00", "%Y-%m-%d %H:%M:%S"),
    ("5 March 2024", "%d %b %Y"),
]
for text, fmt in samples:
    try:
        parsed = datetime.strptime(text, fmt)
    except ValueError as e:
        print(f"{text!r:34} error: {e}")
        continue
    print(f"{text!r:34} {parsed.isoformat(' '):26} {parsed:%a %d %b %Y %I:%M:%S %p} {parsed.weekday()} {parsed.strftime('%j %U %W')}")
for text in ["2024-03-05", "2024-03-05T14:30:15+02:00", "2024-03-05 14:30:15.123456Z", "20240305T1430", "2024-W10-2"]:
    parsed = datetime.fromisoformat(text)
    print(text, "->", repr(parsed), parsed.isoformat(timespec="milliseconds"))
