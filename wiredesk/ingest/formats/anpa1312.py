"""Read ANPA 1312 text wire transmissions (AP and other North American agencies) into stories.

An ANPA 1312 message (ANPA Wire Service Transmission Guidelines, Bulletin 1312) is framed
like IPTC 7901 (``_wire_text``): SYN SYN SOH, two heading lines, STX, the text, ETX, the
trailer, EOT. What is read:

- heading line 1: service level designator and message number (``W2870``), then after US
  the selector code(s);
- heading line 2: priority code (f flash, b bulletin, u urgent, r regular, d deferred, a
  and s advances), category code (one letter: ``s`` sports, ``p`` politics …), the format
  identifier (DC2 for tabular material, DC1 for text), the keyword (``BC-US--Ethanol-
  LosingGra``), the version (``1stLd-Writethru``), the date (``11-13``) and the word count;
- the text: the keyword slug line (``^BC-…,1140<``), then ``^`` heading lines ending in
  ``<`` (quad left) or ``=``: headline, ``Eds:`` notes and photo lines (editor's note),
  ``By …`` and its title line (byline), other lines (abstract); then paragraphs (TAB and an
  indent start one), ``^…=`` subheads, ``___`` rules and table rows (BS … DLE, cells split
  by ``;``);
- the 7-bit conventions: ````text''`` quotes, `` _ `` for a dash, ``{`` for ½ in tables;
- the trailer ``AP-WF-11-13-13 1509GMT``: the transmission time (month-day-year, GMT).

Story id: the keyword "must be repeated in exactly the same form on all subsequent leads"
(AP's filing rules), so keyword and date name the story (``BC-US--Ethanol-LosingGra/
2013-11-13``): later leads, write-thrus, corrections and kills are versions of it. ``NthLd``
is version N+1. A version or note saying KILL or ELIMINATION is a kill; CORRECTION,
CORRECTIVE or CORRECTS a correction.

Takes: the takes (adds) of a story in one payload are joined, in take order, into one
story. A take whose first part is not in the payload becomes a story of its own
(``…#take-2``, with a note): a version replaces a whole story, so a take alone must not
become one, and a parser sees one payload. Pure: no Django, database or network.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Final

from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats import _wire_text
from wiredesk.ingest.sanitize import sanitize_body
from wiredesk.ingest.types import ParseResult, PubStatus, Signal, SkippedItem, StoryData, Subject

FORMAT: Final = "anpa1312"
_LINE_1: Final = re.compile(r"^(?P<designator>[A-Za-z])(?P<number>\d{4})\x1f?(?P<selector>.*)$")
_LINE_2: Final = re.compile(
    r"^(?P<priority>[A-Za-z])\s(?P<category>[A-Za-z])(?P<format>[\x13\x14]?[\x11\x12]?)\s*"
    r"(?P<keyword>\S+)\s*(?P<version>.*?)\s*(?P<month>\d{2})-(?P<day>\d{2})\s+(?P<words>\d{1,5})\s*$"
)
_TRAILER: Final = re.compile(
    r"(?P<source>[A-Z]+)-[A-Z]+-(?P<m>\d{2})-(?P<d>\d{2})-(?P<y>\d{2}) (?P<h>\d{2})(?P<min>\d{2}) ?GMT"
)
# priority codes (AP filing rules): flash, bulletin, urgent, regular, deferred; advances
_URGENCY: Final = {"f": 1, "b": 2, "u": 3, "r": 5, "d": 6, "a": 7, "s": 7}
_CATEGORIES: Final = {
    "a": "Domestic general news", "e": "Entertainment", "f": "Financial", "i": "International",
    "k": "Commentary", "l": "Lifestyle", "p": "Politics", "q": "Sports results", "s": "Sports",
    "v": "Advisories", "w": "Washington",
}  # fmt: skip
_LEAD: Final = re.compile(r"(\d+)(?:st|nd|rd|th)\s*Ld", re.I)
_TAKE: Final = re.compile(r"(?:(\d+)(?:st|nd|rd|th)\s*(?:Add|Take))|(?:(?:Add|Take)\s*(\d+))", re.I)
_KILL: Final = re.compile(r"\b(kill|killed|elimination|eliminacion|eliminación)\b", re.I)
_CORRECTION: Final = re.compile(r"\b(correction|corrective|corrects|corrected)\b", re.I)
_EDNOTE: Final = re.compile(
    r"^(Eds?:|EDITOR'S NOTE|Editor's Note|AP Photos?\b|AP Video\b|AP Graphics?\b|With AP)", re.I
)
_BYLINE_TITLE: Final = re.compile(r"\b(AP|Associated Press|Press|Writer|Correspondent|Editor|Reporter|Columnist)\b")
_QUOTES: Final = (("``", "\u201c"), ("''", "\u201d"), ("`", "\u2018"))
_DASH: Final = re.compile(r"(?<= )_(?= )")


@dataclass(frozen=True, slots=True)
class _Take:
    story: StoryData
    take: int  # 0: the story's first part


def parse(data: bytes, *, url: str = "") -> ParseResult:
    """Parse an ANPA 1312 transmission: one story per message, takes of one story joined.

    A message that cannot be read is skipped with its reason; a transmission with no message
    raises ``ParseError``. Does not use ``url``.
    """
    text, charset = _wire_text.decode_wire(data)
    messages = _wire_text.split_messages(text)
    if not messages:
        raise ParseError("The ANPA 1312 transmission holds no message (no SOH).")
    takes: list[_Take] = []
    skipped: list[SkippedItem] = []
    for message in messages:
        try:
            takes.append(_message(message, charset))
        except ParseError as exc:
            skipped.append(SkippedItem(position=message.position, reason=str(exc)))
    if not takes and len(skipped) == 1:
        raise ParseError(skipped[0].reason)
    return ParseResult(format=FORMAT, stories=tuple(_join_takes(takes)), skipped=tuple(skipped))


def _join_takes(takes: list[_Take]) -> list[StoryData]:
    """First parts as they come; each later take appended to the last first part of its story."""
    stories: list[StoryData] = []
    last_first_part: dict[str, int] = {}  # agency id → index in stories
    for part in sorted(takes, key=lambda t: t.take):
        data = part.story
        if part.take == 0:
            last_first_part[data.agency_id] = len(stories)
            stories.append(data)
        elif data.agency_id in last_first_part:
            index = last_first_part[data.agency_id]
            first = stories[index]
            times = [t for t in (first.version_created, data.version_created) if t is not None]
            stories[index] = replace(first, body_html=first.body_html + data.body_html,
                                     version_created=max(times) if times else None)  # fmt: skip
        else:
            note = (f"take {part.take} of {data.slugline or data.agency_id}, whose first part was not in this payload: "
                    "Wiredesk does not join takes across payloads, so it is kept as a story of its own")  # fmt: skip
            alone = f"{data.agency_id}#take-{part.take}"
            headline = f"{data.headline} (take {part.take})"
            stories.append(replace(data, agency_id=alone, headline=headline, notes=(*data.notes, note)))
    return stories


def _message(message: _wire_text.Message, charset: str) -> _Take:
    heading = [line for line in _wire_text.lines(message.heading) if line.strip()]
    if len(heading) < 2:
        raise ParseError("The ANPA 1312 message has no second heading line (priority, category, keyword).")
    first, second = _LINE_1.match(heading[0].strip()), _LINE_2.match(heading[1].strip(" "))
    if second is None:
        raise ParseError(f"The ANPA 1312 heading is not readable: {heading[1][:80]!r}.")
    tabular = "\x12" in second.group("format")
    head, body_html = _text(_wire_text.lines(message.text))
    version_field = " ".join((second.group("version"), head.version))
    trailer = _TRAILER.search(message.trailer)
    created = _trailer_time(trailer)
    keyword = second.group("keyword")
    if created is not None:
        agency_id = f"{keyword}/{created:%Y-%m-%d}"
    else:  # no year: a digest keeps this year's "BC-BBO--Standings" apart from last year's
        digest = hashlib.sha256(message.text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        agency_id = f"{keyword}/{second.group('month')}-{second.group('day')}/{digest}"
    lead = _LEAD.search(version_field)
    take = _TAKE.search(version_field)
    category = second.group("category").lower()
    subjects: tuple[Subject, ...] = (Subject(code=f"anpa-category:{category}", name=_CATEGORIES.get(category, "")),)
    selector = first.group("selector").strip(" -") if first else ""
    if selector:
        subjects += (Subject(code=f"anpa-selector:{selector}"),)
    flags = " ".join((version_field, head.headline if head.headline.isupper() else ""))
    signals = frozenset({Signal.CORRECTION}) if _CORRECTION.search(f"{version_field} {head.ednote}") else frozenset()
    notes: tuple[str, ...] = () if charset in ("utf-8", "cp1252") else (f"read as {charset}",)
    if created is None:
        notes += ("no transmission time after the text (AP-WF-MM-DD-YY HHMMGMT): the story is named by a digest",)
    if tabular:
        notes += ("tabular material (format identifier DC2)",)
    headline = head.headline or head.slugline
    if not headline and not body_html:
        raise ParseError("The ANPA 1312 message has no text.")
    story = StoryData(
        agency_id=agency_id,
        headline=headline or keyword,
        body_html=body_html,
        version=str(int(lead.group(1)) + 1) if lead else "",
        abstract=head.abstract,
        slugline=head.slugline or keyword,
        byline=head.byline,
        dateline=head.dateline,
        located=head.located,
        urgency=_URGENCY.get(second.group("priority").lower()),
        pubstatus=PubStatus.CANCELED if _KILL.search(flags) else PubStatus.USABLE,
        signals=signals,
        version_created=created,
        subjects=subjects,
        provider=trailer.group("source") if trailer else "",
        ednote=head.ednote,
        format=FORMAT,
        notes=notes,
    )
    return _Take(story=story, take=int(take.group(1) or take.group(2)) if take else 0)


@dataclass(slots=True)
class _Head:
    slugline: str = ""
    version: str = ""
    headline: str = ""
    abstract: str = ""
    byline: str = ""
    ednote: str = ""
    dateline: str = ""
    located: str = ""


def _text(text_lines: list[str]) -> tuple[_Head, str]:
    """The heading fields and the body HTML (sanitized) of a message's text."""
    head = _Head()
    notes: list[str] = []
    abstract: list[str] = []
    index = 0
    lines = text_lines
    # the keyword slug line: ^BC-US--Giant Lobster Death, 1st Ld-Writethru,127<
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and lines[index].lstrip("^").startswith(("BC-", "AM-", "PM-", "AP-")):
        parts = [p.strip() for p in _strip_quad(lines[index].lstrip("^")).split(",")]
        if parts and parts[-1].isdigit():
            parts.pop()
        head.slugline, head.version = parts[0], ", ".join(parts[1:])
        index += 1
    while index < len(lines) and lines[index].startswith("^"):
        line = _convert(_strip_quad(lines[index][1:]))
        if head.byline:
            # the line after the byline, ending in "=", is its title ("Associated Press");
            # whatever comes next belongs to the body
            if lines[index].rstrip().endswith("=") and _BYLINE_TITLE.search(line):
                head.byline += f", {line}"
                index += 1
            break
        if not head.headline:
            head.headline = line
        elif _EDNOTE.match(line):
            notes.append(line)
        elif line.startswith("By "):
            head.byline = line
        else:
            abstract.append(line)
        index += 1
    head.ednote, head.abstract = " ".join(notes), " ".join(abstract)
    blocks = _body_blocks(lines[index:])
    first_paragraph = next((text for kind, text in blocks if kind == "p"), "")
    head.dateline, head.located = _wire_text.dateline_of(first_paragraph)
    return head, sanitize_body(_render(blocks))


def _body_blocks(body_lines: list[str]) -> list[tuple[str, str]]:
    """The body as (kind, text) blocks: ``p`` paragraph, ``h`` subhead, ``hr`` rule, ``row``/``th`` table rows."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def close() -> None:
        if paragraph:
            blocks.append(("p", _convert(" ".join(" ".join(paragraph).split()))))
            paragraph.clear()

    for raw in body_lines:
        line = raw.rstrip()
        if line.startswith("\x08"):  # BS: a table row, cells split by ";", DLE a fixed space
            close()
            row = _strip_quad(line[1:].replace("\x10", " ").strip())
            blocks.append(("th" if row.startswith("^") else "row", row.lstrip("^")))
        elif line.startswith("^"):
            close()
            blocks.append(("h", _convert(_strip_quad(line[1:]))))
        elif not line.strip():
            close()
        elif line.startswith("\t") or (line.startswith("   ") and paragraph):
            close()
            text = _strip_quad(line.strip())
            if set(text) == {"_"}:
                blocks.append(("hr", ""))
            else:
                paragraph.append(text)
        else:
            paragraph.append(_strip_quad(line.strip()))
    close()
    return blocks


def _render(blocks: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    in_table = False
    for kind, text in blocks:
        if kind in ("row", "th"):
            if not in_table:
                parts.append("<table>")
                in_table = True
            cell = "th" if kind == "th" else "td"
            cells = [html.escape(_fraction(" ".join(c.split())), quote=False) for c in text.split(";")]
            parts.append("<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in cells) + "</tr>")
            continue
        if in_table:
            parts.append("</table>")
            in_table = False
        if kind == "p" and text:
            parts.append(f"<p>{html.escape(text, quote=False)}</p>")
        elif kind == "h" and text:
            parts.append(f"<h3>{html.escape(text, quote=False)}</h3>")
        elif kind == "hr":
            parts.append("<hr>")
    if in_table:
        parts.append("</table>")
    return "".join(parts)


def _strip_quad(text: str) -> str:
    # "<" quad left and "=" (end of a heading line) close a line; they are layout, not words
    return text.rstrip().rstrip("<=").rstrip()


def _convert(text: str) -> str:
    for seven_bit, character in _QUOTES:
        text = text.replace(seven_bit, character)
    return _DASH.sub("\u2014", text)


def _fraction(cell: str) -> str:
    # AP standings write half a game as "{" (ANPA's 7-bit fraction character) and none as "_"
    return "\u2014" if cell == "_" else cell.replace("{", "\u00bd")


def _trailer_time(match: re.Match[str] | None) -> datetime | None:
    if match is None:
        return None
    try:
        return datetime(2000 + int(match.group("y")), int(match.group("m")), int(match.group("d")),
                        int(match.group("h")), int(match.group("min")), tzinfo=UTC)  # fmt: skip
    except ValueError:
        return None
