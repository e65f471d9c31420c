"""Hypothesis strategies for hostile wire payloads, of every format Wiredesk reads (``test_fuzz.py``).

``payloads()`` draws either a *structured* payload — NITF, NewsML-G2, ninjs, RSS, Atom or
JSON Feed, every field filled from ``texts()``, ``numbers()`` or ``dates()`` (NUL, unpaired
surrogates, digits of other scripts, numbers past 64 bits, years 1 and 9999 with ±14 h
offsets, strings past every column, line separators, markup), then encoded one of several
ways, some of them lying about their encoding — or a *mutated* sample: a real file of
``tests/data`` with bytes replaced, inserted, deleted, duplicated or cut.

Does not run anything; docs/fuzz.md says what the tests check with these.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from hypothesis import strategies as st

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(p for p in DATA.iterdir() if p.suffix in (".xml", ".json"))

SPECIAL_TEXTS = [
    "", " ", "\x00", "a\x00b", "\ud800", "\udfff", "x\ud83d", "\udc80\udcff", "²", "١٢", "٣", "𝟗", "\u2028",
    "\u202eevil", "\ufeff", "e\u0301", "🦜", "\r\n", "\t", "]]>", "&amp;", "<b>bold</b>", "'\"", "\x1b[31m",
    "x\nnew FAKE headline", "\x85", "\ufffe", "\U0010ffff",
]  # fmt: skip
SPECIAL_NUMBERS = [
    "1", "9", "0", "10", "-1", "²", "١٢", "٣", "𝟗", "99999999999999999999", "2147483647", "2147483648",
    "9223372036854775808", "1e3", "4.0", "NaN", "  3 ", "0x10", "1" * 5000, "", "\x00", "3\ud800",
]  # fmt: skip
SPECIAL_DATES = [
    "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "0001-01-02T05:00:00+14:00", "9999-12-31",
    "10000-01-01T00:00:00Z", "-0001-01-01", "2024-13-45T25:61:61Z", "20240122T110800Z", "0000-00-00",
    "2024-01-22T11:08:00+23:59", "2024-01-22T11:08:00-23:59", "Mon, 31 Dec 9999 23:59:59 -1400",
    "Sat, 01 Jan 0001 00:00:00 +1400", "Tue, 22 Jan 2024 11:08:00 GMT", "2024-01-22T11:08:60Z", "",
    "99999-01-01T00:00:00Z", "2024-01-22T11:08:00.9999999999Z", "२०२४-०१-२२", "2024-01-22T11:08:00\x00Z",
]  # fmt: skip

_CHARS = st.one_of(
    st.characters(),  # every code point but surrogates
    st.characters(categories=["Cs"]),  # unpaired surrogates
    st.sampled_from("\x00\x01\x0b\x1f\x7f\x85²١٣\u2028\u2029\u202e\ufeff"),
)


def texts() -> st.SearchStrategy[str]:
    """Text as an agency might send it, on a bad day."""
    return st.one_of(
        st.sampled_from(SPECIAL_TEXTS),
        st.text(_CHARS, max_size=30),
        st.builds(lambda n, c: c * n, st.integers(19, 1200), st.sampled_from("xé\x00\ud800 ")),
    )


def numbers() -> st.SearchStrategy[str]:
    """Version numbers and urgencies as text: odd digits, signs, far past 64 bits."""
    return st.one_of(st.sampled_from(SPECIAL_NUMBERS), st.integers().map(str), texts())


def dates() -> st.SearchStrategy[str]:
    """Dates as text: the edges of what Python holds, with every offset; and things that are no date."""
    offsets = st.integers(-1439, 1439).map(lambda m: timezone(timedelta(minutes=m)))
    moments = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59))
    return st.one_of(
        st.sampled_from(SPECIAL_DATES),
        st.builds(lambda d, tz: d.replace(tzinfo=tz).isoformat(), moments, offsets),
        st.builds(lambda d: d.replace(tzinfo=UTC).strftime("%a, %d %b %Y %H:%M:%S +0000"), moments),
        texts(),
    )


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value a field might hold instead of the one it should."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts(), numbers())
    def nest(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
        return st.lists(inner, max_size=3) | st.dictionaries(texts(), inner, max_size=3)

    return st.recursive(scalars, nest, max_leaves=6)


@st.composite
def _fields(draw: st.DrawFn) -> dict[str, str]:
    return {
        "id": draw(texts() | st.just("urn:acme:fuzz:1")),
        "version": draw(numbers()),
        "urgency": draw(numbers()),
        "headline": draw(texts() | st.just("Harbour reopens")),
        "body": draw(texts()),
        "byline": draw(texts()),
        "created": draw(dates()),
        "updated": draw(dates()),
        "embargo": draw(dates()),
        "status": draw(st.sampled_from(["usable", "canceled", "withheld", "embargoed"]) | texts()),
        "language": draw(texts() | st.just("en")),
        "subject": draw(texts()),
        "provider": draw(texts() | st.just("Acme")),
        "link": draw(texts() | st.builds(lambda n: "https://e.org/" + "p" * n, st.integers(0, 1100))),
    }


def _xml_text(value: str, keep_invalid: bool) -> str:
    """``value`` for an XML document: escaped; characters XML forbids kept raw, or dropped."""
    value = escape(value)
    if keep_invalid:
        return value
    return "".join(c for c in value if c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"
                   or c >= "\U00010000")  # fmt: skip


def _nitf(f: dict[str, str], raw: bool) -> str:
    t, a = (lambda v: _xml_text(v, raw)), (lambda v: quoteattr(_xml_text(v, raw)))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>{t(f["headline"])}</title>
<docdata management-status={a(f["status"])}><doc-id id-string={a(f["id"])}/><urgency ed-urg={a(f["urgency"])}/>
<du-key key={a(f["id"])} version={a(f["version"])}/><date.issue norm={a(f["updated"])}/>
<date.release norm={a(f["embargo"])}/><doc.copyright holder={a(f["provider"])}/></docdata></head>
<body><body.head><hedline><hl1>{t(f["headline"])}</hl1></hedline><byline>{t(f["byline"])}</byline></body.head>
<body.content><p>{t(f["body"])}</p></body.content></body></nitf>"""


def _g2(f: dict[str, str], raw: bool) -> str:
    t, a = (lambda v: _xml_text(v, raw)), (lambda v: quoteattr(_xml_text(v, raw)))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid={a(f["id"])} version={a(f["version"])}
 standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang={a(f["language"])}>
<itemMeta><itemClass qcode="ninat:text"/><provider literal={a(f["provider"])}/>
<versionCreated>{t(f["updated"])}</versionCreated><firstCreated>{t(f["created"])}</firstCreated>
<embargoed>{t(f["embargo"])}</embargoed><pubStatus qcode={a("stat:" + f["status"])}/></itemMeta>
<contentMeta><urgency>{t(f["urgency"])}</urgency><by>{t(f["byline"])}</by>
<subject qcode={a("medtop:" + f["subject"])}><name>{t(f["subject"])}</name></subject>
<headline>{t(f["headline"])}</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">
<body><p>{t(f["body"])}</p></body></html></inlineXML></contentSet></newsItem>"""


def _rss(f: dict[str, str], raw: bool) -> str:
    t = lambda v: _xml_text(v, raw)  # noqa: E731
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{t(f["provider"])}</title><link>{t(f["link"])}</link>
<item><guid>{t(f["id"])}</guid><title>{t(f["headline"])}</title><link>{t(f["link"])}</link>
<description>{t(f["body"])}</description><pubDate>{t(f["updated"])}</pubDate><author>{t(f["byline"])}</author>
<category>{t(f["subject"])}</category></item>
<item><guid>urn:acme:fuzz:2</guid><title>Second item</title><pubDate>{t(f["created"])}</pubDate></item>
</channel></rss>"""


def _atom(f: dict[str, str], raw: bool) -> str:
    t, a = (lambda v: _xml_text(v, raw)), (lambda v: quoteattr(_xml_text(v, raw)))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={a(f["language"])}><title>{t(f["provider"])}</title>
<id>urn:acme:feed</id><updated>{t(f["updated"])}</updated>
<entry><id>{t(f["id"])}</id><title type="html">{t(f["headline"])}</title><link href={a(f["link"])}/>
<published>{t(f["created"])}</published><updated>{t(f["updated"])}</updated>
<author><name>{t(f["byline"])}</name></author><category term={a(f["subject"])}/>
<content type="html">{t(f["body"])}</content></entry></feed>"""


def _ninjs(f: dict[str, str], odd: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "uri": f["id"], "type": "text", "version": f["version"], "urgency": f["urgency"],
        "versioncreated": f["updated"], "firstcreated": f["created"], "embargoed": f["embargo"],
        "pubstatus": f["status"], "language": f["language"], "byline": f["byline"],
        "headlines": [{"value": f["headline"]}], "bodies": [{"contentType": "text/html", "value": f["body"]}],
        "subjects": [{"uri": "medtop:" + f["subject"], "name": f["subject"]}], "source": f["provider"],
    }  # fmt: skip
    return {**item, **odd}


def _jsonfeed(f: dict[str, str], odd: dict[str, Any]) -> dict[str, Any]:
    item = {"id": f["id"], "url": f["link"], "title": f["headline"], "content_html": f["body"],
            "date_published": f["created"], "date_modified": f["updated"], "authors": [{"name": f["byline"]}],
            "tags": [f["subject"]], "language": f["language"], **odd}  # fmt: skip
    return {"version": "https://jsonfeed.org/version/1.1", "title": f["provider"], "items": [item]}


_NINJS_KEYS = ["uri", "version", "urgency", "versioncreated", "embargoed", "headlines", "bodies", "subjects",
               "pubstatus", "byline", "language", "type"]  # fmt: skip
_JSONFEED_KEYS = ["id", "title", "content_html", "date_published", "authors", "tags", "url"]


def _encode(document: str, how: str) -> bytes:
    """``document`` as bytes, honestly encoded or not (surrogates kept, as broken UTF-8)."""
    if how == "utf-16":
        declared = document.replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return ("\ufeff" + declared).encode("utf-16-le", "surrogatepass")
    if how == "latin-1 declared utf-8":
        return document.encode("latin-1", "replace")
    if how == "utf-8 declared latin-1":
        return document.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8", "surrogatepass")
    if how == "bom":
        return b"\xef\xbb\xbf" + document.encode("utf-8", "surrogatepass")
    return document.encode("utf-8", "surrogatepass")


_ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "latin-1 declared utf-8",
                              "utf-8 declared latin-1", "bom"])  # fmt: skip


@st.composite
def structured(draw: st.DrawFn) -> bytes:
    """A payload of one of the six formats, every field hostile, in one of several encodings."""
    fields = draw(_fields())
    kind = draw(st.sampled_from(["nitf", "newsml-g2", "rss", "atom", "ninjs", "ninjs-list", "jsonfeed"]))
    if kind in ("ninjs", "ninjs-list", "jsonfeed"):
        keys = _JSONFEED_KEYS if kind == "jsonfeed" else _NINJS_KEYS
        odd = draw(st.dictionaries(st.sampled_from(keys), json_values(), max_size=2))  # wrong types in some fields
        obj: Any = _jsonfeed(fields, odd) if kind == "jsonfeed" else _ninjs(fields, odd)
        if kind == "ninjs-list":
            obj = [obj, _ninjs({**fields, "id": "urn:acme:fuzz:2", "headline": "Second"}, {})]
        # ensure_ascii: "\ud800" and "\u0000" as escapes, which json.loads turns into those characters
        text = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        return _encode(text, draw(st.sampled_from(["utf-8", "utf-8", "bom", "utf-16"])))
    build = {"nitf": _nitf, "newsml-g2": _g2, "rss": _rss, "atom": _atom}[kind]
    document = build(fields, draw(st.booleans()))  # True: characters XML forbids, raw
    return _encode(document, draw(_ENCODINGS))


_INSERTS = [b"\x00", b"\xed\xa0\x80", b"\xff", b"\xc2\xb2", b"&#0;", b"&#xD800;", b"\\ud800", b"\\u0000",
            b"99999999999999999999", b"9999-12-31T23:59:59-14:00", b"<", b"]]>", b'"', b"\xef\xbb\xbf",
            b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"\r\n", b"\xe2\x80\xa8"]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A real sample from tests/data with a few byte-level mutations."""
    data = bytearray(draw(st.sampled_from(SAMPLES)).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        op = draw(st.sampled_from(["replace", "insert", "delete", "duplicate", "cut", "flip"]))
        if op == "replace" and data:
            data[at : at + 1] = draw(st.sampled_from(_INSERTS) | st.binary(min_size=1, max_size=4))
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(_INSERTS) | st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 256))]
        elif op == "cut":
            del data[at:]
        elif data:
            data[at] ^= 1 << draw(st.integers(0, 7))
    return bytes(data)


def payloads() -> st.SearchStrategy[bytes]:
    """Structured hostile payloads and mutated samples, about half and half."""
    return st.one_of(structured(), mutated())
