"""Fixed date formats of some feed software that ``dates.parse_datetime`` does not read itself.

Korean blog software (OnBlog ``2004년 05월 25일 23:23:17``, Nate ``2004-05-25 오후 11:23:17``;
both in Korea Standard Time, UTC+9), RFC 822 dates with Greek day and month names, W3C-DTF
dates with a Hungarian month name (``2004-július-13T9:15-05:00``) and Perforce's
``Fri, 2006/09/15 08:19:53 EDT``. These are the formats feedparser 6 has a reader of its
own for; Wiredesk read them through feedparser until issue #12. Each is rewritten into a
form ``parse_datetime`` reads, so zones follow its rules (a zone with several meanings
gives no date), and the result is in UTC, as it was when feedparser read it.

Does not guess: any other text, or a rewritten date ``parse_datetime`` refuses, is ``None``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Final

from wiredesk.ingest.dates import parse_datetime

_ONBLOG: Final = re.compile(r"(\d{4})년\s+(\d{2})월\s+(\d{2})일\s+(\d{2}):(\d{2}):(\d{2})")
_NATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})\s+(오전|오후)\s+(\d{1,2}):(\d{1,2}):(\d{1,2})")
_GREEK: Final = re.compile(r"([^,]+),\s+(\d{2})\s+(\S+)\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(\S+)")
_HUNGARIAN: Final = re.compile(r"(\d{4})-([^-]+)-(\d{1,2})T(\d{1,2}):(\d{2})([+-]\d{1,2}:\d{2})")
_PERFORCE: Final = re.compile(r"(\w{1,3}), (\d{1,4})/(\d{1,2})/(\d{2}) (\d{1,2}):(\d{2}):(\d{2}) (\w{1,3})")

_GREEK_MONTHS: Final = {
    "Ιαν": "Jan", "Φεβ": "Feb", "Μάώ": "Mar", "Μαώ": "Mar", "Απρ": "Apr", "Μάι": "May", "Μαϊ": "May",
    "Μαι": "May", "Ιούν": "Jun", "Ιον": "Jun", "Ιούλ": "Jul", "Ιολ": "Jul", "Αύγ": "Aug", "Αυγ": "Aug",
    "Σεπ": "Sep", "Οκτ": "Oct", "Νοέ": "Nov", "Νοε": "Nov", "Δεκ": "Dec",
}  # fmt: skip
_GREEK_DAYS: Final = frozenset({"Κυρ", "Δευ", "Τρι", "Τετ", "Πεμ", "Παρ", "Σαβ"})
_HUNGARIAN_MONTHS: Final = {
    "január": 1, "februári": 2, "március": 3, "április": 4, "máujus": 5, "június": 6, "július": 7,
    "augusztus": 8, "szeptember": 9, "október": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTHS: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def read_fixed_format(text: str) -> datetime | None:
    """``text`` in one of the formats above, as a datetime in UTC; else ``None``."""
    text = text.strip()
    if not text:
        return None
    for reader in (_onblog, _nate, _greek, _hungarian, _perforce):
        rewritten = reader(text)
        if rewritten is not None:
            moment = parse_datetime(rewritten)
            return moment.astimezone(UTC) if moment is not None else None
    return None


def _onblog(text: str) -> str | None:
    match = _ONBLOG.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second = match.groups()
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}+09:00"


def _nate(text: str) -> str | None:
    match = _NATE.match(text)
    if match is None:
        return None
    year, month, day, half, hour, minute, second = match.groups()
    hours = int(hour) % 12 + (12 if half == "오후" else 0)  # 오전 a.m., 오후 p.m.
    return f"{year}-{month}-{day}T{hours:02d}:{int(minute):02d}:{int(second):02d}+09:00"


def _greek(text: str) -> str | None:
    match = _GREEK.match(text)
    if match is None or match.group(1) not in _GREEK_DAYS or match.group(3) not in _GREEK_MONTHS:
        return None
    _, day, month, year, hour, minute, second, zone = match.groups()
    return f"{day} {_GREEK_MONTHS[month]} {year} {hour}:{minute}:{second} {zone}"


def _hungarian(text: str) -> str | None:
    match = _HUNGARIAN.match(text)
    if match is None or match.group(2) not in _HUNGARIAN_MONTHS:
        return None
    year, month, day, hour, minute, zone = match.groups()
    zone_hours, zone_minutes = zone[1:].split(":")
    offset = f"{zone[0]}{int(zone_hours):02d}:{zone_minutes}"
    return f"{year}-{_HUNGARIAN_MONTHS[month]:02d}-{int(day):02d}T{int(hour):02d}:{minute}:00{offset}"


def _perforce(text: str) -> str | None:
    match = _PERFORCE.search(text)
    if match is None:
        return None
    _, year, month, day, hour, minute, second, zone = match.groups()
    if not 1 <= int(month) <= 12:
        return None
    return f"{day} {_MONTHS[int(month) - 1]} {year} {hour}:{minute}:{second} {zone}"
