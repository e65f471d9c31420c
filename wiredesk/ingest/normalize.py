"""Make what a parser read storable, and the same on SQLite and on PostgreSQL.

``normalize_result`` runs on every ``ParseResult`` that ``detect.parse_payload`` returns:
the one boundary between the pure parsers and everything that decides, stores or shows their
stories (issue #11). One rule for every format, checked in one place, rather than a fix in
each parser for each database: PostgreSQL refuses NUL in text and jsonb, neither database can
encode an unpaired surrogate as UTF-8, a 32-bit integer column overflows on PostgreSQL but not
on SQLite, and ``datetime.astimezone(UTC)`` overflows for the last hours of year 9999.

What every ``StoryData`` holds afterwards (``violations`` says which rule a story breaks):

- text fields, subject codes and names, notes: no NUL and no unpaired surrogate; each
  becomes U+FFFD (what an HTML parser does with NUL).
- text fields fit their ``StoryVersion`` columns (``MAX_LENGTHS``; keep in sync with
  wiredesk/stories/models.py): longer text is cut; a longer link or language tag, which a cut
  would make wrong, is left out.
- the agency id fits ``Story.wire_id`` (500) and is clean, without ever making two ids one
  (two ids sharing their first 500 characters, or differing only in a NUL, would become one
  story): a longer or unclean id becomes its first 483 characters, cleaned, then ``~`` and
  16 hex digits of the original's SHA-256. Stable (the next version finds the same story)
  and distinct; the note gives the id stored.
- urgency is ``None`` or an int from 1 to 9.
- dates are timezone-aware and between ``EARLIEST`` and ``LATEST`` (UTC): a day inside
  what Python can convert to any time zone, so showing them in ``WIREDESK_TIME_ZONE`` never
  overflows. A naive date is taken as UTC. An earlier or later date is left out, except an
  embargo later than ``LATEST``, which becomes ``LATEST``: dropping it would publish a story
  the agency holds back.
- a version that ``str.isdigit`` takes but that is no usable number ("²", "١٢", more than a
  32-bit column holds) keeps its text; ``decide.version_key`` gives it no number, so it is
  ordered by time. A note says so.

Every change is said in ``StoryData.notes`` (kept with the version, not in the content hash).
Cheap when nothing is wrong, which is nearly always: one pass over the joined text and a few
comparisons, before any work (bench/ingest.py).

Does not parse, sanitize HTML, strip whitespace or look anything up; does not change the
payload's bytes, which the archive keeps as they came.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Final

from wiredesk.ingest.decide import version_key
from wiredesk.ingest.types import ParseResult, StoryData, Subject

# StoryVersion columns (wiredesk/stories/models.py); keep in sync.
MAX_LENGTHS: Final = {
    "version": 50, "headline": 500, "subheadline": 500, "slugline": 200, "byline": 500,
    "dateline": 300, "located": 200, "copyright": 500, "format": 30,
}  # fmt: skip
# Columns where a cut value would be a wrong value: left out instead (keep in sync too).
DROPPED_WHEN_LONGER: Final = {"link": 1000, "language": 20}
UNBOUNDED: Final = ("body_html", "abstract", "ednote", "provider")
AGENCY_ID_MAX: Final = 500  # Story.wire_id
VERSION_NUMBER_MAX: Final = 2**31 - 1  # StoryVersion.version_number: integer on PostgreSQL
DATES: Final = ("first_created", "version_created", "embargoed")
EARLIEST: Final = datetime(1, 1, 2, tzinfo=UTC)
LATEST: Final = datetime(9999, 12, 30, tzinfo=UTC)

_ID_HASH_DIGITS: Final = 16
_TEXT_FIELDS: Final = (*MAX_LENGTHS, *DROPPED_WHEN_LONGER, *UNBOUNDED)
_BAD_CHARS: Final = re.compile("[\x00\ud800-\udfff]")
_REPLACEMENT: Final = "\ufffd"


def normalize_result(result: ParseResult) -> ParseResult:
    """``result`` with every story normalized; the same object when none needed it."""
    if all(map(_looks_clean, result.stories)):
        return result
    stories = tuple(normalize_story(s) for s in result.stories)
    return ParseResult(format=result.format, stories=stories, skipped=result.skipped)


def normalize_story(data: StoryData) -> StoryData:
    """``data`` within the rules above, with a note for each change; ``data`` itself when it is."""
    if _looks_clean(data):
        return data
    notes: list[str] = []
    changes: dict[str, Any] = {}
    agency_id = _fit_id(data.agency_id, notes)
    if agency_id != data.agency_id:
        changes["agency_id"] = agency_id
    for name in _TEXT_FIELDS:
        value: str = getattr(data, name)
        fitted = _fit_text(name, _clean_text(value, name, notes), notes)
        if fitted != value:
            changes[name] = fitted
    subjects = tuple(Subject(_clean_text(s.code, "subject code", notes), _clean_text(s.name, "subject name", notes))
                     for s in data.subjects)  # fmt: skip
    if subjects != data.subjects:
        changes["subjects"] = subjects
    if not _urgency_ok(data.urgency):
        notes.append(f"urgency {data.urgency!r} is not a number from 1 to 9: left out")
        changes["urgency"] = None
    for name in DATES:
        moment = getattr(data, name)
        fitted_date = _fit_date(name, moment, notes) if moment is not None else None
        if fitted_date is not moment:
            changes[name] = fitted_date
    version = changes.get("version", data.version)
    if version.strip().isdigit() and _version_number(version) is None:
        notes.append(f"version {_quote(version)} is not a number Wiredesk can order by: versions ordered by time")
    # the parser's own notes are kept first; they are text like the rest
    kept = tuple(_clean_text(note, "parser's note", []) for note in data.notes)
    if not changes and not notes and kept == data.notes:
        return data
    return replace(data, **changes, notes=kept + tuple(notes))


def violations(data: StoryData) -> list[str]:
    """The rules ``data`` breaks, in words; empty for every story ``normalize_story`` returns.

    The check the fuzz tests make of ``parse_payload``'s output, spelled out without the
    shortcuts of ``normalize_story``.
    """
    texts = [(name, getattr(data, name)) for name in ("agency_id", *_TEXT_FIELDS)]
    texts += [("subject", part) for s in data.subjects for part in (s.code, s.name)]
    texts += [("notes", note) for note in data.notes]
    found = [f"{name} holds NUL or an unpaired surrogate" for name, text in texts if _BAD_CHARS.search(text)]
    limits = {**MAX_LENGTHS, **DROPPED_WHEN_LONGER, "agency_id": AGENCY_ID_MAX}
    found += [f"{name} is longer than {limit}" for name, limit in limits.items() if len(getattr(data, name)) > limit]
    if not _urgency_ok(data.urgency):
        found.append(f"urgency {data.urgency!r} is not 1 to 9")
    for name in DATES:
        moment = getattr(data, name)
        if moment is not None and (moment.utcoffset() is None or not EARLIEST <= moment <= LATEST):
            found.append(f"{name} {moment!r} is naive or out of range")
    number = version_key(data).number
    if number is not None and not 0 <= number <= VERSION_NUMBER_MAX:
        found.append(f"version number {number} does not fit its column")
    return found


def _looks_clean(data: StoryData) -> bool:
    """The fast path: whether nothing needs changing. Errs only towards the slow path.

    Written for speed, since it runs on every story (bench/ingest.py): the short fields are
    concatenated and looked at once, the body on its own (joining would copy it); every check
    is a C loop or a plain comparison, every field is named (loops over field names cost
    three times as much) and nothing the garbage collector tracks is built (no tuple, list
    or generator: each would bring its collections nearer).
    """
    body = data.body_html
    short = (
        data.agency_id + data.version + data.headline + data.subheadline + data.slugline + data.byline
        + data.dateline + data.located + data.copyright + data.format + data.link + data.language
        + data.abstract + data.ednote + data.provider
    )  # every text field of _TEXT_FIELDS but the body
    for subject in data.subjects:
        short += subject.code + subject.name
    for note in data.notes:
        short += note
    if body.isascii() and short.isascii():  # O(1) in CPython, and most agencies' copy
        if "\x00" in body or "\x00" in short:
            return False
    else:
        try:  # one C loop each; a regular expression over the same text took twice as long
            if b"\x00" in body.encode("utf-8") or b"\x00" in short.encode("utf-8"):
                return False
        except UnicodeEncodeError:  # an unpaired surrogate
            return False
    if not (
        len(data.agency_id) <= AGENCY_ID_MAX and len(data.headline) <= 500 and len(data.version) <= 50
        and len(data.subheadline) <= 500 and len(data.slugline) <= 200 and len(data.byline) <= 500
        and len(data.dateline) <= 300 and len(data.located) <= 200 and len(data.copyright) <= 500
        and len(data.format) <= 30 and len(data.link) <= 1000 and len(data.language) <= 20
    ):  # MAX_LENGTHS and DROPPED_WHEN_LONGER
        return False
    urgency = data.urgency
    if urgency is not None and not (type(urgency) is int and 1 <= urgency <= 9):
        return False
    moment = data.first_created
    if moment is not None and (moment.tzinfo is None or not 1 < moment.year < 9999):
        return False
    moment = data.version_created
    if moment is not None and (moment.tzinfo is None or not 1 < moment.year < 9999):
        return False
    moment = data.embargoed
    if moment is not None and (moment.tzinfo is None or not 1 < moment.year < 9999):
        return False
    version = data.version
    # at most 9 ASCII digits is always a usable number; anything else isdigit takes gets a closer look
    return not (version.isdigit() and (len(version) > 9 or not version.isascii()))


def _urgency_ok(urgency: object) -> bool:
    return urgency is None or (type(urgency) is int and 1 <= urgency <= 9)


def _version_number(version: str) -> int | None:
    return version_key(StoryData(agency_id="", headline="", version=version)).number


def _clean_text(value: str, name: str, notes: list[str]) -> str:
    if not _BAD_CHARS.search(value):
        return value
    notes.append(f"NUL or unpaired surrogate characters in the {name.replace('_', ' ')} replaced with U+FFFD")
    return _BAD_CHARS.sub(_REPLACEMENT, value)


def _fit_id(value: str, notes: list[str]) -> str:
    if len(value) <= AGENCY_ID_MAX and not _BAD_CHARS.search(value):
        return value
    # "surrogatepass": the digest must tell "\ud800" from "\ud801", which both clean to U+FFFD
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:_ID_HASH_DIGITS]
    stored = f"{_BAD_CHARS.sub(_REPLACEMENT, value[: AGENCY_ID_MAX - _ID_HASH_DIGITS - 1])}~{digest}"
    why = "is over 500 characters" if len(value) > AGENCY_ID_MAX else "holds NUL or unpaired surrogate characters"
    notes.append(f"the agency id {why}: stored as {_quote(stored)}")
    return stored


def _fit_text(name: str, value: str, notes: list[str]) -> str:
    if name in MAX_LENGTHS and len(value) > MAX_LENGTHS[name]:
        notes.append(f"{name} of {len(value)} characters cut to {MAX_LENGTHS[name]}")
        return value[: MAX_LENGTHS[name]]
    if name in DROPPED_WHEN_LONGER and len(value) > DROPPED_WHEN_LONGER[name]:
        notes.append(f"{name} of {len(value)} characters is over {DROPPED_WHEN_LONGER[name]}: left out")
        return ""
    return value


def _fit_date(name: str, moment: datetime, notes: list[str]) -> datetime | None:
    label = name.replace("_", " ")
    if moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
        notes.append(f"{label} had no time zone: taken as UTC")
    if EARLIEST <= moment <= LATEST:  # comparing never overflows; astimezone(UTC) would
        return moment
    shown = moment.isoformat()
    if name == "embargoed" and moment > LATEST:
        notes.append(f"{label} {shown} is later than can be stored: held until {LATEST.isoformat()}")
        return LATEST
    notes.append(f"{label} {shown} is out of range: left out")
    return None


def _quote(value: str, limit: int = 80) -> str:
    """``value`` quoted for a note: short, control characters and surrogates escaped (``repr``)."""
    return repr(value[:limit]) + ("…" if len(value) > limit else "")


_ESCAPED: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SHORT_ESCAPES: Final = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def escape_text(value: str) -> str:
    """``value`` with control characters, line separators and surrogates as backslash escapes.

    For text that must stay on one line and be storable: origins, error messages, the lines
    ``wiredesk ingest`` prints (so a file named "x\\nnew FAKE headline" cannot forge a
    line). A surrogate that stands for an undecodable byte of a file name (Python's
    ``surrogateescape``) shows as that byte, ``\\x80`` to ``\\xff``. Does not escape
    backslashes: the result is for people and databases, not for decoding back.
    """
    if value.isascii() and value.isprintable():
        return value
    return _ESCAPED.sub(_escape_char, value)


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return _SHORT_ESCAPES.get(code) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
