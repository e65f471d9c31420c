"""What the old text wires (IPTC 7901, ANPA 1312) share: characters, framing, paragraphs.

Characters: these wires carry no declared character set. ``decode_wire`` reads bytes that
are valid UTF-8 as UTF-8; an ISO/IEC 2022 designation of an ISO 8859 part (``ESC - F``,
the way 8-bit transmissions announce their upper half) as that part; anything else as the
one of a few 8-bit sets (Windows-1252, -1250, -1251, -1253, ISO 8859-2, -5, -7, KOI8-R)
whose reading looks least like mojibake (``_oddities``), Windows-1252 winning ties. Bytes no
set reads as text (NUL, a run of control bytes) raise ``ParseError``.

Framing (IPTC Recommendation 7901; ANPA Bulletin 1312, the Wire Service Transmission
Guidelines): a transmission holds one or more messages; each opens
with SOH (ANPA: SYN SYN SOH), has a heading up to STX, its text up to ETX, then a trailer
(the post-text, with the date-time line) up to EOT or the next SOH. ``split_messages``
cuts them apart; the format modules read heading, text and trailer.

Paragraphs: ``paragraphs`` joins the fixed-width lines of a text into paragraphs (a blank
line or an indented line starts a new one); ``to_html`` escapes them into ``<p>`` markup.

Does not know either format's fields; pure: no Django, database or network.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from wiredesk.ingest.exceptions import ParseError

SYN, SOH, STX, ETX, EOT = "\x16", "\x01", "\x02", "\x03", "\x04"
# ISO/IEC 2022: ESC 2/13 F designates a 96-character set as G1; F is the final byte the
# ISO-IR registry gives each ISO 8859 part's right-hand half.
_DESIGNATIONS: Final = {
    b"A": "iso-8859-1", b"B": "iso-8859-2", b"C": "iso-8859-3", b"D": "iso-8859-4", b"L": "iso-8859-5",
    b"G": "iso-8859-6", b"F": "iso-8859-7", b"H": "iso-8859-8", b"M": "iso-8859-9", b"b": "iso-8859-15",
}  # fmt: skip
_DESIGNATION: Final = re.compile(rb"\x1b-([A-Za-z])")
_ESCAPE_SEQUENCE: Final = re.compile("\x1b[\x20-\x2f]*[\x30-\x7e]")
# Tried in this order when the bytes are not UTF-8; the first of equally plausible readings wins.
CANDIDATES: Final = ("cp1252", "cp1250", "iso-8859-2", "cp1251", "iso-8859-5", "koi8-r", "cp1253", "iso-8859-7")
# Control characters the wires use for framing and layout (SOH … EOT, BS, TAB, LF, VT, FF,
# CR, SO, SI, DLE, DC1-DC4, SYN, CAN, ESC, US, DEL): not a sign of a wrong character set.
_WIRE_CONTROLS: Final = frozenset("\x01\x02\x03\x04\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x16\x18\x1b\x1f\x7f")
_UNREADABLE_SHARE: Final = 0.02  # more odd characters than this: not text in any set tried
_WORD: Final = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Message:
    """One framed message: its heading (SOH to STX), text (STX to ETX) and trailer (ETX to EOT)."""

    position: int
    heading: str
    text: str
    trailer: str


def decode_wire(data: bytes) -> tuple[str, str]:
    """``data`` as text, and the name of the character set it was read in.

    Raises ``ParseError`` when the bytes hold NUL or read as too few letters and too many
    control characters in every set tried. Escape sequences are removed from the text.
    """
    if b"\x00" in data:
        raise ParseError("The text wire holds NUL bytes: binary data, not a text message.")
    designated = _DESIGNATION.search(data[:4096])
    if designated and designated.group(1) in _DESIGNATIONS:
        charset = _DESIGNATIONS[designated.group(1)]
        text = data.decode(charset)
    else:
        try:
            text, charset = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, charset = _best_reading(data)
    text = _ESCAPE_SEQUENCE.sub("", text)
    odd = sum(1 for c in text if _is_odd_control(c))
    if odd > _UNREADABLE_SHARE * max(len(text), 1) + 2:
        raise ParseError(
            f"The text wire cannot be read as text: {odd} of its {len(text)} characters are control "
            f"characters no wire format uses (read as {charset})."
        )
    return text, charset


def _best_reading(data: bytes) -> tuple[str, str]:
    best: tuple[int, str, str] | None = None
    for charset in CANDIDATES:
        try:
            text = data.decode(charset)
        except UnicodeDecodeError:
            continue
        score = _oddities(text)
        if best is None or score < best[0]:
            best = (score, charset, text)
    if best is None:  # unreachable while an ISO 8859 part (which reads every byte) is a candidate
        raise ParseError("The text wire is in no character set Wiredesk reads.")
    return best[2], best[1]


def _is_odd_control(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 or 0x7F <= code <= 0x9F or code == 0xFFFD) and char not in _WIRE_CONTROLS


def _oddities(text: str) -> int:
    """How much ``text`` looks like a wrong reading: C1 controls, symbols inside words, mixed scripts.

    A text read in the wrong 8-bit set shows it: Cyrillic read as Latin-1 gives words made
    only of accented letters ("Ïðåçèäåíò"), Polish read as Windows-1252 puts symbols inside
    words ("³" for "ł", "¹" for "ą"), a Windows set read as ISO 8859 gives C1 controls, and
    KOI8-R read as Windows-1251 capitalises letters inside words.
    """
    score = sum(3 for c in text if 0x80 <= ord(c) <= 0x9F or c == "\ufffd")
    for i in range(1, len(text) - 1):
        char = text[i]
        if ord(char) > 0x7F and not char.isalpha() and text[i - 1].isalpha() and text[i + 1].isalpha():
            score += 2
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        scripts = {_script(c) for c in word if not c.isascii()}
        if any(c.isascii() for c in word):
            scripts.add("LATIN")
        if len(scripts) > 1:
            score += 2
        elif scripts == {"LATIN"} and len(word) >= 3 and not any(c.isascii() for c in word):
            score += 2
        if any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False)):
            score += 1
    return score


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]


def split_messages(text: str) -> list[Message]:
    """The messages of a transmission, in order; text before the first SOH is left out."""
    messages = []
    for position, chunk in enumerate(text.split(SOH)[1:]):
        body, _, _after_eot = chunk.partition(EOT)
        heading, has_text, rest = body.partition(STX)
        if not has_text:
            heading, rest = body, ""
        content, _, trailer = rest.partition(ETX)
        messages.append(Message(position=position, heading=heading.strip(SYN), text=content, trailer=trailer))
    return messages


def lines(text: str) -> list[str]:
    """The lines of ``text`` (CR LF, LF or CR), trailing blanks and DEL padding removed."""
    return [line.rstrip(" \x7f") for line in re.split(r"\r\n|\r|\n", text)]


def paragraphs(text_lines: Iterable[str], *, indent_starts: bool = True) -> Iterator[str]:
    """Fixed-width lines joined into paragraphs: a blank line, or an indented one, starts the next."""
    current: list[str] = []
    for line in text_lines:
        if not line.strip():
            if current:
                yield " ".join(current)
                current = []
            continue
        if indent_starts and current and line[:1] in (" ", "\t"):
            yield " ".join(current)
            current = []
        current.append(" ".join(line.split()))
    if current:
        yield " ".join(current)


def to_html(parts: Iterable[str]) -> str:
    """Paragraphs of plain text as escaped ``<p>`` elements (not yet sanitized)."""
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in parts if p)


_DATELINE: Final = re.compile(
    r"^(?P<dateline>(?P<place>[^\W\d_][^()\n]{0,60}?)\s*\((?P<credit>[^()]{1,30})\))\s*[-_–—:]"
)


def dateline_of(first_paragraph: str) -> tuple[str, str]:
    """``(dateline, place)`` from a paragraph opening like ``Berlin (dpa) -`` or ``ROSCOE, S.D. (AP) _``."""
    match = _DATELINE.match(first_paragraph)
    if not match or not first_paragraph[0].isupper():
        return "", ""
    place = match.group("place").partition(",")[0].strip()
    return match.group("dateline").strip(), place
