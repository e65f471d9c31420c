"""Read the dates agencies write, into timezone-aware datetimes.

Accepted: ISO 8601 extended and basic (``2024-01-22T11:08:00+05:30``,
``20151210T191044Z``, ``2017-08-24T04:38:34+0000``), a bare date, and RFC 822 / 1123
(RSS). A time without a zone is taken as UTC, which is what the specifications say for
NITF ``norm`` values and what agencies mean in practice. Placeholders agencies send when
they have no date (year 0, 1, 1900 or 1970 at midnight, ``0000-00-00``) give ``None``.

Does not guess at free-text dates ("Jan 21").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final

_BASIC: Final = re.compile(
    r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
_OFFSET_NO_COLON: Final = re.compile(r"([+-]\d{2})(\d{2})$")
_PLACEHOLDER_YEARS: Final = frozenset({0, 1, 1900, 1970})


def parse_datetime(value: str | None) -> datetime | None:
    """Return ``value`` as an aware datetime, or ``None`` when empty, unreadable or a placeholder."""
    if not value:
        return None
    text = value.strip()
    if not text or text.startswith("0000"):
        return None
    result = _parse(text)
    if result is None:
        return None
    if result.tzinfo is None:
        result = result.replace(tzinfo=UTC)
    if result.year in _PLACEHOLDER_YEARS and (result.month, result.day) == (1, 1):
        return None
    return result


def _parse(text: str) -> datetime | None:
    match = _BASIC.match(text)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        iso = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}"
        if zone:
            iso += "+00:00" if zone == "Z" else _OFFSET_NO_COLON.sub(r"\1:\2", zone)
        return _fromiso(iso)
    # "+0000" → "+00:00"; the regular expression runs only when the text ends that way
    has_offset = "T" in text and text[-5:-4] in ("+", "-")
    candidate = _OFFSET_NO_COLON.sub(r"\1:\2", text) if has_offset else text
    parsed = _fromiso(candidate.replace("Z", "+00:00") if candidate.endswith("Z") else candidate)
    if parsed is not None:
        return parsed
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _fromiso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
