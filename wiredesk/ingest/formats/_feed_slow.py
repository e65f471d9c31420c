"""The feedparser path of ``feed.parse``: feedparser's own parsers, with three rules changed.

feedparser reads two things in a way that loses what the agency wrote, and it offers no
option to change them, so its parser classes are subclassed here (``_Rules``) and driven
the way ``feedparser.parse`` drives its own:

- Media RSS ``<media:title>`` and ``<media:description>`` describe a media object (Media
  RSS 1.5.1, "Optional Elements": "the title of the particular media object", "short
  description describing the media object"), not the entry. feedparser reads them as the
  entry's ``title`` and ``description``; a second description becomes the entry's
  *content*, so a caption ("image") replaced the story's body. Here they are read and
  dropped.
- A ``guid`` is the agency's identifier as written. feedparser resolves a permalink guid
  (and an Atom ``id``) against the feed's address, so ``acme-0001`` became
  ``https://wire.example/feeds/acme-0001``. Here the id stays as written, and the guid
  stands in for a missing ``<link>`` only when it is an absolute http(s) URL (RSS 2.0,
  ``<guid>``: a permalink is "a url that can be opened in a Web browser").

Everything else — encodings, the strict parser with the lenient one as fallback, DOCTYPE
handling, relative links, the HTML re-serializer — is feedparser's own code, called as
``feedparser.api.parse`` calls it (feedparser 6.0.x; ``test_feed_fast`` checks that this
gives what ``feedparser.parse`` gives wherever the three rules do not apply). Does not
fetch anything and does not sanitize (``feed.py`` does, for both paths).
"""

from __future__ import annotations

import io
import xml.sax
from typing import Any

from feedparser.api import PREFERRED_XML_PARSERS, LooseFeedParser, StrictFeedParser
from feedparser.encodings import convert_to_utf8
from feedparser.sanitizer import replace_doctype
from feedparser.urls import make_safe_absolute_uri
from feedparser.util import FeedParserDict

from wiredesk.ingest.formats._feed_text import ABSOLUTE_LINK


class _Rules:
    """The handlers that differ from feedparser's; mixed in before its parser classes."""

    # feedparser's mixin state and helpers, as far as these handlers use them
    guidislink: bool
    push: Any
    pop: Any
    _save: Any
    _get_context: Any

    def _start_media_title(self, attrs_d: dict[str, str]) -> None:
        self.push("media_title", 0)  # 0: read, then dropped (mixin.pop: "if not expecting_text")

    def _end_media_title(self) -> None:
        self.pop("media_title")

    def _start_media_description(self, attrs_d: dict[str, str]) -> None:
        self.push("media_description", 0)

    def _end_media_description(self) -> None:
        self.pop("media_description")

    def _end_guid(self) -> None:
        as_link = self.guidislink
        self.guidislink = False  # mixin.pop resolves the id of a permalink guid: not here
        value = self.pop("id")
        self.guidislink = as_link
        self._save("guidislink", as_link and "link" not in self._get_context())
        if as_link and isinstance(value, str) and ABSOLUTE_LINK.match(value):
            self._save("link", value)

    _end_id = _end_guid


class _Strict(_Rules, StrictFeedParser):  # type: ignore[misc]
    """feedparser's XML (SAX) parser with ``_Rules``."""


class _Loose(_Rules, LooseFeedParser):  # type: ignore[misc]
    """feedparser's lenient SGML parser, for documents that are not well-formed, with ``_Rules``."""


def parse(data: bytes, url: str) -> dict[str, Any]:
    """What ``feedparser.parse`` returns for ``data`` served from ``url``, with ``_Rules`` applied.

    ``url`` is given as the ``Content-Location`` when it is http(s) (feedparser's base for
    relative links and its RFC 3023 reading of encodings); it is never fetched. May raise
    whatever feedparser raises on broken input.
    """
    result: dict[str, Any] = FeedParserDict(bozo=False, entries=[], feed=FeedParserDict(), headers={})
    if not data:
        return result
    if url.startswith(("http://", "https://")):
        result["headers"]["content-location"] = url
    data = convert_to_utf8(result["headers"], data, result)
    strict = bool(result["encoding"])
    result["version"], data, entities = replace_doctype(data)
    location = result["headers"].get("content-location", "")
    base = make_safe_absolute_uri("", location) or make_safe_absolute_uri(location) or ""
    parser: Any = None
    if strict:
        parser = _Strict(base, None, "utf-8")
        _configure(parser)
        # feed._refuse_unsafe has refused entity declarations already (XML bombs, XXE)
        sax = xml.sax.make_parser(PREFERRED_XML_PARSERS)  # noqa: S317 - see above; no external entities below
        sax.setFeature(xml.sax.handler.feature_namespaces, 1)
        try:
            sax.setFeature(xml.sax.handler.feature_external_ges, 0)  # never load external entities
        except xml.sax.SAXNotSupportedException:
            pass
        sax.setContentHandler(parser)
        sax.setErrorHandler(parser)
        source = xml.sax.xmlreader.InputSource()
        source.setByteStream(io.BytesIO(data))
        try:
            sax.parse(source)
        except xml.sax.SAXException as exc:
            result["bozo"] = 1
            result["bozo_exception"] = parser.exc or exc
            strict = False
    if not strict:
        parser = _Loose(base, None, "utf-8", entities)
        _configure(parser)
        parser.feed(data.decode("utf-8", "replace"))
    result["feed"] = parser.feeddata
    result["entries"] = parser.entries
    result["version"] = result["version"] or parser.version
    result["namespaces"] = parser.namespaces_in_use
    return result


def _configure(parser: Any) -> None:
    parser.resolve_relative_uris = True
    parser.sanitize_html = False  # sanitize_body does it, with the newsroom's allowlist
