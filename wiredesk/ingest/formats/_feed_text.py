"""String steps of the feed reader: content types, HTML in plain-text fields, URIs, repairs.

- ``map_type``: Atom's ``text``/``html``/``xhtml`` (RFC 4287 §3.1.1) and media types, as one
  lower-case media type.
- ``looks_like_html``: RSS 2.0 does not say whether a title is text or HTML, and feeds send
  both; a "text" value that holds only HTML tags and references is read as HTML (the same
  test feedparser applies; a false positive would lose text, so it is strict).
- ``resolve``, ``join_base``: relative references (RFC 3986 §5) are resolved against the
  base: ``xml:base`` (XML Base §4.2) within the document, else the address the feed was
  fetched from when it is http(s).
- ``canonical_html``: the HTML of a feed in the form stories were stored from before issue
  #12 (feedparser's HTML processor wrote it: attributes sorted, ``<br />``…), so that their
  sanitized bodies, and their content hashes, do not change; relative references resolved.
- ``fix``: text that is UTF-8 read as Latin-1 somewhere upstream ("CafÃ©") is decoded again,
  and C1 control characters, which no feed means, become the Windows-1252 letters they were
  written as. feedparser does both to every value; stories read before issue #12 went
  through it, and keep their content hash because the reader still does.

Does not parse XML and does not sanitize: ``feed.py`` does that with ``sanitize_body``.
"""

from __future__ import annotations

import html
import html.entities
import re
import urllib.parse
from typing import Final

XHTML: Final = "application/xhtml+xml"
HTML_TYPES: Final = frozenset({"text/html", XHTML})
TEXT_TYPES: Final = frozenset({"text/plain"})
_TYPE_NAMES: Final = {"text": "text/plain", "plain": "text/plain", "html": "text/html", "xhtml": XHTML}

# Elements a plain-text field may hold for ``looks_like_html`` to read it as HTML: HTML's
# own, with none that runs code (script, style, iframe, object …).
HTML_ELEMENTS: Final = frozenset(
    "a abbr acronym address area article aside audio b big blockquote br button canvas caption center "
    "cite code col colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em "
    "event-source fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input "
    "ins kbd keygen label legend li m map menu meter multicol nav nextid noscript ol optgroup option "
    "output p pre progress q s samp section select small sound source spacer span strike strong sub "
    "sup table tbody td textarea tfoot th thead time tr tt u ul var video".split()
)
_END_TAG: Final = re.compile(r"</(\w+)>")
_ANY_REF: Final = re.compile(r"&#?\w+;")
_TAG_NAMES: Final = re.compile(r"</?(\w+)")
_NAMED_REFS: Final = re.compile(r"&(\w+);")

# "http:///x" has one slash too many for urljoin; feedparser (and so earlier Wiredesk) drops them
_EXTRA_SLASHES: Final = re.compile(r"^([A-Za-z][A-Za-z0-9+\-.]*://)(/*)")
_SCHEME: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+\-.]*:")
_BASE_SCHEMES: Final = frozenset({"http", "https", "ftp"})
# Schemes a resolved URI in HTML may have; one that resolves to another (javascript:) stays
# as written, for sanitize_body to drop.
_URI_SCHEMES: Final = frozenset(
    "file ftp gopher h323 hdl http https imap magnet mailto mms news nntp prospero rsync rtsp rtspu sftp shttp "
    "sip sips snews svn svn+ssh telnet wais aim callto cvs facetime feed git gtalk irc ircs irc6 itms msnim "
    "skype ssh smb ymsg".split()
)
# HTML attributes that hold a URI (HTML 4.01 §B.2 and HTML5's audio, video, source).
_URI_ATTRIBUTES: Final = frozenset(
    {("a", "href"), ("applet", "codebase"), ("area", "href"), ("audio", "src"), ("blockquote", "cite"),
     ("body", "background"), ("del", "cite"), ("form", "action"), ("frame", "longdesc"), ("frame", "src"),
     ("iframe", "longdesc"), ("iframe", "src"), ("head", "profile"), ("img", "longdesc"), ("img", "src"),
     ("img", "usemap"), ("input", "src"), ("input", "usemap"), ("ins", "cite"), ("link", "href"),
     ("object", "classid"), ("object", "codebase"), ("object", "data"), ("object", "usemap"), ("q", "cite"),
     ("script", "src"), ("source", "src"), ("video", "poster"), ("video", "src")}
)  # fmt: skip
VOID_ELEMENTS: Final = frozenset(
    "area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split()
)
# What canonical_html rewrites: a start tag with attributes or "/>", a void element's end
# tag, "<!" (the rest is copied as it is, and most agency HTML has none of these).
_NEEDS_CANONICAL: Final = re.compile(
    rf"<[A-Za-z][-_.A-Za-z0-9:]*[\s/]|</(?:{'|'.join(sorted(VOID_ELEMENTS))})\s*>|<!", re.I
)
_START_TAG: Final = re.compile(r"""<([A-Za-z][-_.A-Za-z0-9:]*)((?:[^<>"']|"[^"]*"|'[^']*')*?)(/?)>""")
_END_TAG_VOID: Final = re.compile(rf"</(?:{'|'.join(sorted(VOID_ELEMENTS))})\s*>", re.I)
_NOT_A_DECLARATION: Final = re.compile(r"<!(?!DOCTYPE|--|\[)", re.I)
# an attribute as SGML reads it: a name, then maybe "=" and a quoted or bare value
_ATTRIBUTE: Final = re.compile(
    r"""\s*([A-Za-z_][-:.A-Za-z_0-9]*)[$]?(\s*=\s*('[^']*'|"[^"]*"|[][\-A-Za-z0-9./,:;+*%?!&$()_#=~'"@]*))?"""
)
_UNQUOTED_LAST: Final = re.compile(r"=\s*[^\s\"'=<>`]+$")
_BARE_AMPERSAND: Final = re.compile(r"&(?!#\d+;|#x[0-9a-fA-F]+;|\w+;)")


def _cp1252_letters() -> dict[int, str]:
    letters = {}
    for byte in range(0x80, 0xA0):
        try:
            letters[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in Windows-1252, left as they are
    return letters


_CP1252: Final = _cp1252_letters()
_C1: Final = re.compile("[\x80-\x9f]")


def map_type(value: str) -> str:
    """A ``type`` attribute as one lower-case media type (``html`` → ``text/html``)."""
    value = value.strip().lower()
    return _TYPE_NAMES.get(value, value)


def fix(value: str) -> str:
    """``value`` with UTF-8-read-as-Latin-1 decoded again and C1 controls as Windows-1252 letters."""
    if value.isascii():
        return value
    try:
        value = value.encode("iso-8859-1").decode("utf-8")
    except UnicodeError:
        pass  # not UTF-8 read as Latin-1: the usual case
    return value.translate(_CP1252) if _C1.search(value) else value


def looks_like_html(value: str) -> bool:
    """Whether a plain-text ``value`` is really HTML: an end tag or a reference, and nothing foreign."""
    if "<" not in value and "&" not in value:
        return False
    if _END_TAG.search(value) is None and _ANY_REF.search(value) is None:
        return False
    if any(name.lower() not in HTML_ELEMENTS for name in _TAG_NAMES.findall(value)):
        return False
    return all(name in html.entities.entitydefs for name in _NAMED_REFS.findall(value))


def entity_text(name: str) -> str:
    """The text of an HTML entity reference left in the tree (``nbsp`` → U+00A0), else as written."""
    return html.entities.html5.get(f"{name};", f"&{name};")


def resolve(base: str, uri: str) -> str:
    """``uri`` resolved against ``base`` (RFC 3986 §5.2); ``""`` when it cannot be."""
    uri = _EXTRA_SLASHES.sub(r"\1", uri)
    if not base:
        return uri
    try:
        return urllib.parse.urljoin(base, uri)
    except ValueError:
        return ""


def join_base(base: str, xml_base: str) -> str:
    """The base URI inside an element with ``xml:base="xml_base"`` when the outer base is ``base``.

    A base that would not be an http(s) or ftp URI (``javascript:``) is ignored.
    """
    joined = resolve(base, xml_base.strip())
    scheme = joined.split(":", 1)[0].lower() if _SCHEME.match(joined) else ""
    if base and scheme not in _BASE_SCHEMES:
        return base
    return joined


def canonical_html(markup: str, base: str, *, xhtml: bool = False) -> str:
    """``markup`` (HTML) in the form Wiredesk keeps feed HTML in, relative URIs resolved against ``base``.

    Start tags are rewritten with their attributes named in lower case, once each (the last
    wins), in alphabetical order, double-quoted, ``rel`` and ``type`` values in lower case,
    URI attributes stripped and resolved; void elements are written ``<br />`` and their end
    tags dropped (``<br></br>`` is one break); ``<p/>`` is an empty paragraph (with attributes,
    only in XHTML: HTML ignores the slash); a ``<!`` that starts no comment, DOCTYPE or
    CDATA is text. This is the form feedparser's HTML processor wrote, which every feed story
    read before issue #12 was sanitized from: keeping it keeps their content hashes.
    Everything else (text, references, end tags, comments) is copied as it is.
    """
    if "<" not in markup or _NEEDS_CANONICAL.search(markup) is None:
        return markup
    if "<!" in markup:
        markup = _NOT_A_DECLARATION.sub("&lt;!", markup)
    markup = _START_TAG.sub(lambda match: _start_tag(match, base, xhtml), markup)
    return _END_TAG_VOID.sub("", markup)


def _start_tag(match: re.Match[str], base: str, xhtml: bool) -> str:
    name, rest, closed = match.group(1).lower(), match.group(2), match.group(3)
    if closed and _UNQUOTED_LAST.search(rest):
        rest, closed = rest + "/", ""  # <br class=x/>: the slash ends the unquoted value "x/"
    attributes: dict[str, str] = {}
    position = 0
    while position < len(rest):
        found = _ATTRIBUTE.match(rest, position)
        if found is None or found.end() == position:
            break
        key, assignment, value = found.group(1).lower(), found.group(2), found.group(3)
        if not assignment:
            value = found.group(1)  # SGML: <td nowrap> is nowrap="nowrap"
        elif value[:1] in "'\"" and value[:1] == value[-1:] and len(value) > 1:
            value = value[1:-1]
        attributes[key] = value
        position = found.end()
    pieces = [f"<{name}"]
    for key in sorted(attributes):
        value = attributes[key]
        if key in ("rel", "type"):
            value = value.lower()
        elif (name, key) in _URI_ATTRIBUTES:
            value = _safe_uri(base, value)
        value = value.replace(">", "&gt;").replace("<", "&lt;").replace('"', "&quot;")
        pieces.append(f' {key}="{_BARE_AMPERSAND.sub("&amp;", value)}"')
    if name in VOID_ELEMENTS:
        pieces.append(" />")
    elif closed and (xhtml or not rest.strip()):
        pieces.append(f"></{name}>")
    else:
        pieces.append(">")
    return "".join(pieces)


def _safe_uri(base: str, value: str) -> str:
    # a URI that resolves to nothing acceptable (javascript:) stays as written, for
    # sanitize_body to drop
    stripped = value.strip()
    if not base:
        return stripped
    resolved = resolve(base, stripped) if stripped else base
    return resolved if resolved.strip().split(":", 1)[0] in _URI_SCHEMES else value
