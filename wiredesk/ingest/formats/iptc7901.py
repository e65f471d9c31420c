"""Read IPTC 7901 text messages (dpa, KNA, APA and other European agencies) into stories.

An IPTC 7901 message (IPTC Recommendation 7901, 1995 revision) is framed by control
characters (``_wire_text``): SOH, the heading line, the keyword (slug) line, STX, the text,
ETX, the date-time line, EOT. One payload may hold several messages; each is one story.

What is read:

- the heading line ``eca062 4 i 211 ccccb dpa 061``: source identification and message
  number (``eca`` + ``062``), priority (1 flash … 6 lowest, kept as the urgency: NewsML's
  1–9 scale has the same direction, and 4 is "normal" for both), category, word count,
  selector, then the agency's own fields (agency name, its reference);
- the keyword line before STX (``Germany-politics/``), as the slugline;
- the text's heading lines, up to the first that ends with ``=`` (the convention IPTC 7901
  agencies share for "end of heading", e.g. the dpa stylebook): the headline, with marker
  lines (``EXTRA``, ``(Achtung)``, ``Berichtigung``, ``CORRECTION``, ``KILL`` …) set apart
  as the editor's note and, for corrections and kills, as signals; ``By …`` as the byline;
- the text in paragraphs (blank or indented lines start one), its dateline
  (``Berlin (dpa) -``); a part after "The following information is not for publication"
  or a ``# … Notebook`` heading is the editor's note, not the body; the closing line of
  editors' initials (``dpa wsz jln npr``) is left out;
- the date-time line after ETX (``131137 GMT Nov 13``: day, hour, minute, month, year) as
  the version time.

The story id: IPTC 7901 has no story identifier. When the agency's reference is a story id
(``170123-89-00065#2``, as dpa and KNA send it, ``#2`` the version), that id links the
versions. Otherwise each message is a story of its own, named by source, message number and
date (``dpa:eca062:20131113``), or, with no date line, by a digest of its text.

Does not: read embargo wording in the text ("Sperrfrist"), 7-bit national character
variants (ISO 646-DE), or join messages into one story. Pure: no Django, database or network.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Final

from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import _wire_text
from wiredesk.ingest.sanitize import sanitize_body
from wiredesk.ingest.types import ParseResult, PubStatus, Signal, SkippedItem, StoryData, Subject

FORMAT: Final = "iptc7901"
_HEADING: Final = re.compile(
    r"^(?P<source>[A-Za-z]*)(?P<number>\d+)\s+(?P<priority>\d)\s+(?P<category>[A-Za-z]{1,3})\s+(?P<words>\d+)"
    r"(?P<rest>.*)$"
)
_STORY_ID: Final = re.compile(r"^(?P<id>\d{6}-\d{2}-\d{4,6})(?:#(?P<version>\d+))?$")
# day hour minute, zone, month, year: "131137 GMT Nov 13"
_DATE_LINE: Final = re.compile(r"(\d{2})(\d{2})(\d{2})\s*([A-Z]{3,4})?\s+([A-Za-zäÄ]{3})[a-z.]*\s+(\d{2}|\d{4})\b")
_MONTHS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip
_ZONES: Final = {"GMT": UTC, "UTC": UTC, "UT": UTC, "MEZ": timezone(timedelta(hours=1)),
                 "CET": timezone(timedelta(hours=1)), "MESZ": timezone(timedelta(hours=2)),
                 "CEST": timezone(timedelta(hours=2))}  # fmt: skip
_KILL: Final = re.compile(
    r"\b(kill|killed|elimination|withdrawal|withdrawn|rückzug|zurückgezogen|annullierung)\b", re.I
)
_CORRECTION: Final = re.compile(r"\b(correction|corrected|corrects|berichtigung|korrektur|berichtigt)\b", re.I)
# a heading line that flags the message rather than titles it: one word or a bracketed word
_MARKER: Final = re.compile(r"^(\([^()]{1,30}\)|[A-ZÄÖÜ][A-ZÄÖÜ-]{1,15}|[A-Z][a-zäöü]+:?)$")
_NOT_FOR_PUBLICATION: Final = re.compile(r"not (intended )?for publication|nicht zur veröffentlichung", re.I)
_NOTEBOOK: Final = re.compile(r"^#+\s.*notebook\s*$", re.I)
_INITIALS: Final = re.compile(r"^[a-z]{2,6}( [a-z]{2,4}(/[a-z]{2,4})?)+$")
_HEADING_LINES_MAX: Final = 6


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse an IPTC 7901 transmission into one story per message.

    A message that cannot be read (no heading, no text, no headline) is skipped with its
    reason; a transmission with no message at all raises ``ParseError``. Does not use ``url``.
    """
    text, charset = _wire_text.decode_wire(data)
    messages = _wire_text.split_messages(text)
    if not messages:
        raise ParseError("The IPTC 7901 transmission holds no message (no SOH).")
    stories: list[StoryData] = []
    skipped: list[SkippedItem] = []
    for message in messages:
        try:
            stories.append(_story(message, charset))
        except ParseError as exc:
            skipped.append(SkippedItem(position=message.position, reason=str(exc)))
    if not stories and len(skipped) == 1:
        raise ParseError(skipped[0].reason)
    return ParseResult(format=FORMAT, stories=tuple(stories), skipped=tuple(skipped))


def _story(message: _wire_text.Message, charset: str) -> StoryData:
    heading_lines = [line for line in _wire_text.lines(message.heading) if line.strip()]
    if not heading_lines:
        raise ParseError("The IPTC 7901 message has no heading line.")
    heading = _HEADING.match(heading_lines[0].strip())
    if heading is None:
        raise ParseError(f"The IPTC 7901 heading line is not readable: {heading_lines[0][:80]!r}.")
    # the agency's fields after the word count: [selector] agency reference
    rest = heading.group("rest").split()
    selector, agency, reference = ("", "", "")
    if len(rest) >= 3:
        selector, agency, reference = rest[0], rest[1], " ".join(rest[2:])
    elif len(rest) == 2:
        agency, reference = rest
    elif rest:
        selector = rest[0]
    slugline = " ".join(line.strip().rstrip("/").strip() for line in heading_lines[1:])

    text_lines = _wire_text.lines(message.text)
    head, body_lines = _heading_of(text_lines)
    byline = next((line.rstrip("= ").strip() for line in head if line.startswith("By ")), "")
    titled = [line for line in head if not line.startswith("By ")]
    # a marker line flags the message; the last line before the byline is always the title
    markers = [line for line in titled[:-1] if _MARKER.match(line) and not line.endswith("=")]
    title = [line for line in titled if line not in markers]
    headline = " ".join(" ".join(title).rstrip("= ").split()).rstrip(" =").strip()
    body, ednote = _body_and_note(body_lines, agency)
    if not headline:
        headline = body[0][:120] if body else ""
    if not headline:
        raise ParseError("The IPTC 7901 message has no text.")

    created, notes = _date_line(message.trailer)
    flags = " ".join([*markers, slugline])
    signals = frozenset({Signal.CORRECTION}) if _CORRECTION.search(flags) else frozenset()
    pubstatus = PubStatus.CANCELED if _KILL.search(flags) else PubStatus.USABLE
    agency_id, version = _identify(heading, agency, reference, created, message.text)
    if not created:
        notes += ("no date-time line after the text: the story is named by a digest of its text",)
    if charset != "utf-8":
        notes += (f"read as {charset}",)
    dateline, located = _wire_text.dateline_of(body[0]) if body else ("", "")
    priority = int(heading.group("priority"))
    subjects: tuple[Subject, ...] = (Subject(code=f"iptc7901-category:{heading.group('category').lower()}"),)
    if selector:
        subjects += (Subject(code=f"iptc7901-selector:{selector}"),)
    return StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html=sanitize_body(_wire_text.to_html(body)),
        version=version,
        slugline=slugline,
        byline=byline,
        dateline=dateline,
        located=located,
        urgency=priority if 1 <= priority <= 9 else None,
        pubstatus=pubstatus,
        signals=signals,
        version_created=created,
        subjects=subjects,
        provider=agency or heading.group("source"),
        ednote=" ".join([*markers, ednote]).strip(),
        format=FORMAT,
        notes=notes,
    )


def _heading_of(text_lines: list[str]) -> tuple[list[str], list[str]]:
    """The text's heading lines (up to the first ending in ``=``) and the lines after them."""
    stripped = [line.strip() for line in text_lines]
    for index, line in enumerate(stripped[:_HEADING_LINES_MAX]):
        if line.endswith("="):
            end = index + 1
            # a byline right after a headline that already closed the heading still belongs to it
            while end < len(stripped) and stripped[end].startswith("By "):
                end += 1
            return [s for s in stripped[:end] if s], text_lines[end:]
    # no heading mark: the first non-blank line is the headline
    first = next((i for i, s in enumerate(stripped) if s), None)
    if first is None:
        return [], []
    return [stripped[first]], text_lines[first + 1 :]


def _body_and_note(body_lines: list[str], agency: str) -> tuple[list[str], str]:
    paragraphs = list(_wire_text.paragraphs(body_lines))
    body: list[str] = []
    note: list[str] = []
    for paragraph in paragraphs:
        if note or _NOT_FOR_PUBLICATION.search(paragraph) or _NOTEBOOK.match(paragraph):
            note.append(paragraph)
        else:
            body.append(paragraph)
    # the editors' initials close the message: "dpa wsz jln npr"
    for part in (note, body):
        if part and _INITIALS.match(part[-1]) and (not agency or part[-1].startswith(agency.lower())):
            part.pop()
            break
    return body, " ".join(note)


def _date_line(trailer: str) -> tuple[datetime | None, tuple[str, ...]]:
    match = _DATE_LINE.search(trailer)
    if match is None:
        return None, ()
    day, hour, minute, zone, month_name, year = match.groups()
    month = _MONTHS.get(month_name.lower()[:3]) or _MONTHS.get(month_name.lower())
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    tz = _ZONES.get(zone or "", UTC)
    notes: tuple[str, ...] = ()
    if zone not in _ZONES:
        notes = (f"date-time line {match.group(0)!r} has no known zone: UTC used",)
    if month is None:
        return None, (f"date-time line unreadable: {match.group(0)!r}",)
    try:
        return datetime(full_year, month, int(day), int(hour), int(minute), tzinfo=tz), notes
    except ValueError:
        return None, (f"date-time line unreadable: {match.group(0)!r}",)


def _identify(heading: re.Match[str], agency: str, reference: str, created: datetime | None,
              text: str) -> tuple[str, str]:  # fmt: skip
    """``(agency id, version)``: the agency's story id when it sent one, else one per message."""
    name = agency or heading.group("source") or "iptc7901"
    story_id = _STORY_ID.match(reference.strip())
    if story_id:
        return f"{name}:{story_id.group('id')}", story_id.group("version") or ""
    message = f"{heading.group('source')}{heading.group('number')}"
    if created is not None:
        return f"{name}:{message}:{created:%Y%m%d}", ""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{name}:{message}:{digest}", ""
