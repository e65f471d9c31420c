"""Read the fields of one ninjs object, whichever ninjs generation or vendor dialect wrote it.

ninjs 1.x writes lowercase keys and single strings (``headline``, ``body_html``,
``description_text``, ``subject``, ``byline``); 2.x keeps lowercase keys but moves texts
into lists of ``{role, contenttype, value}`` (``headlines``, ``bodies``, ``descriptions``)
and uses ``subjects`` and ``by``; 3.x is 2.x in camelCase (``versionCreated``,
``pubStatus``, ``contentType``, ``embargoedUntil``, ``edNote``). Vendors (Superdesk/AAP)
add ``guid``, ``source``, ``authors``, ``dateline`` objects. Every function here accepts
all of them and never raises on a value of the wrong type, except ``pubstatus``, which
refuses a status it does not know rather than publish a possibly killed story.

Pure: no Django, database or network. Does not decide whether an object is a text story.
"""

from __future__ import annotations

import re
from typing import Any, Final

from wiredesk.ingest.exceptions import ParseError
from wiredesk.ingest.formats._json import JsonObject, first_text, names, object_list, text_value
from wiredesk.ingest.formats._markup import looks_like_html
from wiredesk.ingest.sanitize import sanitize_body, text_to_html
from wiredesk.ingest.types import PubStatus, Signal, Subject
from wiredesk.text import plain_text

_MAIN_HEADLINE_ROLES: Final = ("main", "headline", "")
_SUB_HEADLINE_ROLES: Final = frozenset({"sub", "subheadline", "subhead", "subtitle", "secondary"})
_ABSTRACT_ROLES: Final = ("summary", "abstract", "lead", "standfirst", "teaser", "text", "")
_SKIPPED_DESCRIPTION_ROLES: Final = frozenset({"caption", "alt", "alttext", "seo"})
_MARKUP: Final = re.compile(r"<[A-Za-z][^>]*>")
_NITF_BODY: Final = re.compile(r"<body\.content\b[^>]*>(.*?)</body\.content\s*>", re.S | re.I)
_XML_BODY: Final = re.compile(r"<body\b[^>]*>(.*?)</body\s*>", re.S | re.I)
_BLOCK_TAG: Final = re.compile(r"<(p|h[2-6]|ul|ol|dl|blockquote|table|figure|pre)\b", re.I)
_BODY_RANKS: Final = {"html": 0, "nitf": 1, "text": 2}
_SIGNAL_SEPARATOR: Final = re.compile(r"[:/#]")
_SIGNAL_WORDS: Final = {"correction": Signal.CORRECTION, "update": Signal.UPDATE}
_PUBSTATUS: Final = {
    "": PubStatus.USABLE,
    "usable": PubStatus.USABLE,
    "withheld": PubStatus.WITHHELD,
    "canceled": PubStatus.CANCELED,
    "cancelled": PubStatus.CANCELED,
}


def _role(entry: JsonObject) -> str:
    return text_value(entry.get("role")).lower()


def _content_type(entry: JsonObject) -> str:
    return first_text(entry, "contentType", "contenttype", "mimetype").lower()


def headlines(obj: JsonObject) -> tuple[str, str]:
    """The main headline and the subheadline, as plain text (``title`` as a last resort)."""
    entries = [e for e in object_list(obj.get("headlines")) if plain_text(text_value(e.get("value")))]
    main = ""
    for role in _MAIN_HEADLINE_ROLES:
        main = next((text_value(e.get("value")) for e in entries if _role(e) == role), "")
        if main:
            break
    if not main:
        main = next((text_value(e["value"]) for e in entries if _role(e) not in _SUB_HEADLINE_ROLES), "")
    main = main or first_text(obj, "headline") or first_text(obj, "title")
    sub = next((text_value(e["value"]) for e in entries if _role(e) in _SUB_HEADLINE_ROLES), "")
    sub = sub or first_text(obj, "headline_sub", "headline_subheadline", "subheadline")
    return plain_text(main), plain_text(sub)


def abstract(obj: JsonObject) -> str:
    """The description meant for readers (summary, lead …), as plain text."""
    entries = [
        e
        for e in object_list(obj.get("descriptions"))
        if text_value(e.get("value")) and _role(e) not in _SKIPPED_DESCRIPTION_ROLES
    ]
    for role in _ABSTRACT_ROLES:
        found = next((text_value(e.get("value")) for e in entries if _role(e) == role), "")
        if found:
            return plain_text(found)
    if entries:
        return plain_text(text_value(entries[0].get("value")))
    value = first_text(obj, "description_text", "description_html", "description")
    if not value:
        value = next((first_text(obj, k) for k in sorted(obj) if k.startswith("description_")), "")
    return plain_text(value)


def body_html(obj: JsonObject, notes: list[str]) -> str:
    """The story body as sanitized HTML; plain-text bodies become escaped paragraphs.

    A plain-text body that clearly holds HTML markup (``_markup.looks_like_html``) is read
    as HTML, with a note in ``notes``: readers would otherwise see the tags.
    """
    bodies = [(e, text_value(e.get("value"))) for e in object_list(obj.get("bodies"))]
    ranked: list[tuple[int, str, str]] = [_ranked(e, v) for e, v in bodies if v]
    for key in sorted(k for k in obj if k.startswith("body_")):
        value = first_text(obj, key)
        if value:
            ranked.append(_ranked({"role": key.removeprefix("body_")}, value))
    if not ranked:
        return ""
    _, kind, value = min(ranked, key=lambda item: item[0])
    if kind == "text":
        if not looks_like_html(value):
            return text_to_html(value)
        notes.append("plain-text body held HTML markup; read as HTML")
    # a whole NITF or HTML document: keep what is inside its body, not its head
    match = (_NITF_BODY.search(value) if kind == "nitf" else None) or _XML_BODY.search(value)
    cleaned = sanitize_body(match.group(1) if match else value)
    if cleaned and not _BLOCK_TAG.search(cleaned):
        cleaned = f"<p>{cleaned}</p>"  # bare inline text (Business Wire) still reads as a paragraph
    return cleaned


def _body_kind(entry: JsonObject, value: str) -> str:
    role, content_type = _role(entry), _content_type(entry)
    if "nitf" in content_type or "nitf" in role or (value.startswith("<?xml") and "<nitf" in value[:2000]):
        return "nitf"
    if "html" in content_type or role in ("html", "xhtml", "xml"):
        return "html"
    if content_type.startswith("text/plain") or role in ("text", "plain"):
        return "text"
    return "html" if _MARKUP.search(value) else "text"


def _ranked(entry: JsonObject, value: str) -> tuple[int, str, str]:
    """``(rank, kind, value)`` of one body: HTML is preferred, then NITF, then text."""
    kind = _body_kind(entry, value)
    return _BODY_RANKS[kind], kind, value


def byline(obj: JsonObject) -> str:
    """The byline: ``byline`` (1.x, vendors) or ``by`` (2.x/3.x), else the ``authors``' names."""
    for key in ("byline", "by"):
        value = obj.get(key)
        if isinstance(value, str):
            if plain_text(value):
                return plain_text(value)
        elif found := names(value):
            return plain_text(", ".join(found))
    return plain_text(", ".join(names(obj.get("authors"))))


def place_text(value: Any, *keys: str) -> str:
    """A place as text: a string, or the first of ``keys`` of an object (Superdesk dialect)."""
    if isinstance(value, dict):
        return plain_text(first_text(value, *keys))
    return plain_text(text_value(value))


def subjects(obj: JsonObject) -> tuple[Subject, ...]:
    """Subject codes of ``subject`` (1.x: code + scheme) and ``subjects`` (2.x/3.x: uri, literal).

    A 1.x code without a scheme gets the ``subj:`` prefix (IPTC Subject Codes, what
    Superdesk sends); a scheme that is a URI is joined with the code into one URI. Entries
    with only a name have no code and are left out.
    """
    found: dict[str, Subject] = {}
    for entry in object_list(obj.get("subject")) + object_list(obj.get("subjects")):
        code = first_text(entry, "uri", "qcode") or _scheme_code(entry) or first_text(entry, "literal")
        if code and code not in found:
            found[code] = Subject(code=code, name=plain_text(first_text(entry, "name")))
    return tuple(found.values())


def _scheme_code(entry: JsonObject) -> str:
    code = first_text(entry, "code")
    if not code or ":" in code:
        return code
    scheme = first_text(entry, "scheme")
    if "://" in scheme:
        return f"{scheme.rstrip('/')}/{code}"
    return f"{scheme or 'subj'}:{code}"


def signals(obj: JsonObject) -> frozenset[Signal]:
    """Signals the agency sent explicitly in ``signals`` / ``signal`` (ninjs has none).

    Each entry is a string or an object with ``uri``/``qcode``/``code``/``literal``/
    ``name``; its last segment (``sig:correction``, ``…/signal/update``) names the signal.
    Nothing is inferred from editorial notes or headlines.
    """
    result: set[Signal] = set()
    for key in ("signals", "signal"):
        raw = obj.get(key)
        for entry in raw if isinstance(raw, list) else [raw]:
            if isinstance(entry, dict):
                values = [first_text(entry, k) for k in ("uri", "qcode", "code", "literal", "name")]
            else:
                values = [text_value(entry)]
            for value in values:
                word = _SIGNAL_SEPARATOR.split(value.lower().rstrip("/"))[-1]
                if word in _SIGNAL_WORDS:
                    result.add(_SIGNAL_WORDS[word])
    return frozenset(result)


def pubstatus(obj: JsonObject) -> PubStatus:
    """``pubstatus``/``pubStatus``; ``usable`` when absent. Raises on an unknown status."""
    value = first_text(obj, "pubStatus", "pubstatus").lower()
    if value not in _PUBSTATUS:
        raise ParseError(f"The ninjs item has an unknown publishing status {value!r}.")
    return _PUBSTATUS[value]


def urgency(obj: JsonObject) -> int | None:
    """Urgency 1 (highest) to 9, or ``None`` when absent or out of range."""
    value = obj.get("urgency")
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        digits = value.strip()
        # isascii: str.isdigit also takes "²", which int() refuses; so many digits int() refuses too
        value = int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 3 else None
    return value if isinstance(value, int) and 1 <= value <= 9 else None


def provider(obj: JsonObject) -> str:
    """The agency's name as written in ``source`` or ``provider`` (string or object)."""
    for key in ("source", "provider"):
        name = place_text(obj.get(key), "name", "literal")
        if name:
            return name
    return ""


def link(obj: JsonObject) -> str:
    """An explicit web link (``link``/``url``); ninjs ``uri`` is an identifier, not a link."""
    value = first_text(obj, "link", "url")
    return value if value.startswith(("http://", "https://")) else ""
