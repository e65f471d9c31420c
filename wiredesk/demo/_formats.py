"""Render demo story versions as the bytes agencies send: NITF, NewsML-G2, ninjs, feeds.

Each renderer takes ``WireVersion`` records (built by ``wire.py``) and returns the payload
bytes of one wire format, written as strings for speed (no XML library involved). Output
is well-formed UTF-8 and shaped after the specifications closely enough for Wiredesk's
parsers and for a person reading it; it is not validated against any schema.

Does not invent content: every word comes from the records it is given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Any, Final

G2_NS: Final = "http://iptc.org/std/nar/2006-10-01/"
NITF_NS: Final = "http://iptc.org/std/NITF/2006-10-18/"
XHTML_NS: Final = "http://www.w3.org/1999/xhtml"
MEDTOP_URI: Final = "http://cv.iptc.org/newscodes/mediatopic/"
_DECL: Final = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True, slots=True)
class DemoAgency:
    """An invented agency: what the payloads call it and how its datelines look."""

    slug: str
    name: str
    about: str
    url: str
    tag: str
    style: str  # "dash": "TEHRAN, Jan 21 (ACME) -"; "colon": "Tehran:"

    @property
    def host(self) -> str:
        return self.url.split("//", 1)[1].strip("/")


@dataclass(frozen=True, slots=True)
class WireVersion:
    """One version of one demo story, ready to render; times are UTC."""

    agency: DemoAgency
    kind: str
    agency_id: str
    version: int
    first_created: datetime
    version_created: datetime
    headline: str
    abstract: str
    byline: str
    dateline: str
    city: str
    date_text: str
    language: str
    urgency: int
    subjects: tuple[tuple[str, str], ...]
    slugline: str
    paragraphs: tuple[str, ...]
    link: str
    canceled: bool = False
    signal: str = ""  # "", "update" or "correction"
    ednote: str = ""
    embargoed: datetime | None = None
    xhtml: bool = False  # NewsML-G2 only: XHTML rendition instead of inline NITF


def x(text: str) -> str:
    """``text`` escaped for XML character data and double-quoted attributes."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _basic(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def body_html(v: WireVersion) -> str:
    """The story's paragraphs as HTML."""
    return "".join(f"<p>{x(p)}</p>" for p in v.paragraphs)


def _copyright(v: WireVersion) -> str:
    return f"Copyright {v.first_created.year} {v.agency.name}. Invented demo content."


# --- NITF 3.x -------------------------------------------------------------------------


def nitf(v: WireVersion) -> bytes:
    """One NITF 3.6 document (namespaced); kills use management-status="canceled"."""
    status = "canceled" if v.canceled else "embargoed" if v.embargoed else "usable"
    subjects = "".join(
        f'<tobject.subject tobject.subject.refnum="{code}" tobject.subject.type="{x(name)}"/>'
        for code, name in v.subjects
    )
    correction = f'<correction info="{x(v.ednote)}" id-string="{x(v.agency_id)}"/>' if v.signal == "correction" else ""
    ed_msg = f'<ed-msg info="{x(v.ednote)}"/>' if v.ednote and not correction else ""
    release = f'<date.release norm="{_basic(v.embargoed)}"/>' if v.embargoed else ""
    when = ""
    if v.agency.style == "dash":
        when = f', <story.date norm="{_basic(v.first_created)}">{v.date_text}</story.date>'
    byline = f"<byline>By {x(v.byline)}</byline>" if v.byline else ""
    return (
        f'{_DECL}<nitf xmlns="{NITF_NS}" version="-//IPTC//DTD NITF 3.6//EN" baselang="{v.language}">\n'
        f"<head><title>{x(v.headline)}</title>"
        f'<meta name="anpa-keyword" content="{x(v.slugline)}"/>'
        f'<tobject tobject.type="news">{subjects}</tobject>\n'
        f'<docdata management-status="{status}">{correction}'
        f'<doc-id regsrc="{v.agency.tag}" id-string="{x(v.agency_id)}"/>'
        f'<urgency ed-urg="{v.urgency}"/><date.issue norm="{_basic(v.version_created)}"/>{release}{ed_msg}'
        f'<du-key generation="{v.version}" part="1" version="{v.version}" key="{x(v.slugline)}"/>'
        f'<doc.copyright year="{v.first_created.year}" holder="{x(v.agency.name)}"/></docdata></head>\n'
        f"<body><body.head><hedline><hl1>{x(v.headline)}</hl1></hedline>{byline}"
        f"<dateline><location><city>{x(v.city)}</city></location>{when}</dateline>"
        f"<abstract><p>{x(v.abstract)}</p></abstract></body.head>\n"
        f"<body.content>{body_html(v)}</body.content></body></nitf>\n"
    ).encode()


# --- NewsML-G2 ------------------------------------------------------------------------


def g2_item(v: WireVersion, *, declaration: bool = True) -> str:
    """One NewsML-G2 ``newsItem`` as text; ``declaration`` adds the XML declaration."""
    meta = [f'<itemClass qcode="ninat:text"/><provider literal="{x(v.agency.name)}"/>',
            f"<versionCreated>{iso(v.version_created)}</versionCreated>",
            f"<firstCreated>{iso(v.first_created)}</firstCreated>"]  # fmt: skip
    if v.embargoed:
        meta.append(f"<embargoed>{iso(v.embargoed)}</embargoed>")
    meta.append(f'<pubStatus qcode="stat:{"canceled" if v.canceled else "usable"}"/>')
    if v.ednote:
        meta.append(f"<edNote>{x(v.ednote)}</edNote>")
    if v.signal:
        meta.append(f'<signal qcode="sig:{v.signal}"/>')
    subjects = "".join(
        f'<subject type="cpnat:abstract" qcode="medtop:{code}"><name xml:lang="en">{x(name)}</name></subject>'
        for code, name in v.subjects
    )
    byline = f"<by>{x(v.byline)}</by>" if v.byline else ""
    if v.xhtml:
        rendition = (
            f'<inlineXML contenttype="application/xhtml+xml"><html xmlns="{XHTML_NS}">'
            f"<head><title>{x(v.headline)}</title></head><body>{body_html(v)}</body></html></inlineXML>"
        )
    else:
        rendition = (
            f'<inlineXML contenttype="application/nitf+xml"><nitf xmlns="{NITF_NS}"><body>'
            f"<body.content>{body_html(v)}</body.content></body></nitf></inlineXML>"
        )
    return (
        f'{_DECL if declaration else ""}<newsItem xmlns="{G2_NS}" guid="{x(v.agency_id)}" version="{v.version}" '
        f'standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="{v.language}">\n'
        '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>\n'
        f'<rightsInfo><copyrightHolder literal="{x(v.agency.name)}"/>'
        f"<copyrightNotice>{x(_copyright(v))}</copyrightNotice></rightsInfo>\n"
        f"<itemMeta>{''.join(meta)}</itemMeta>\n"
        f"<contentMeta><urgency>{v.urgency}</urgency>"
        f'<located type="cptype:city"><name>{x(v.city)}</name></located>'
        f'<language tag="{v.language}"/>{subjects}<slugline>{x(v.slugline)}</slugline>'
        f"<headline>{x(v.headline)}</headline><dateline>{x(v.dateline)}</dateline>{byline}"
        f'<description role="drol:summary">{x(v.abstract)}</description></contentMeta>\n'
        f"<contentSet>{rendition}</contentSet>\n</newsItem>\n"
    )


def g2_news_item(v: WireVersion) -> bytes:
    """A NewsML-G2 document whose root is one ``newsItem``."""
    return g2_item(v).encode()


def g2_news_message(versions: list[WireVersion], *, number: int) -> bytes:
    """A NewsML-G2 ``newsMessage`` carrying ``versions`` in its ``itemSet``."""
    agency = versions[0].agency
    sent = max(v.version_created for v in versions)
    items = "".join(g2_item(v, declaration=False) for v in versions)
    return (
        f'{_DECL}<newsMessage xmlns="{G2_NS}">\n<header><sent>{iso(sent)}</sent>'
        f"<sender>{agency.host}</sender><transmitId>{agency.slug}-{number:06d}</transmitId>"
        f"<priority>{min(v.urgency for v in versions)}</priority></header>\n"
        f"<itemSet>\n{items}</itemSet>\n</newsMessage>\n"
    ).encode()


# --- ninjs ----------------------------------------------------------------------------


def _json(obj: Any) -> bytes:
    # compact: json's C encoder only runs without indent
    return json.dumps(obj, ensure_ascii=False).encode()


def ninjs3(v: WireVersion) -> bytes:
    """One ninjs 3.x object (camelCase, lists of headlines/descriptions/bodies)."""
    obj: dict[str, Any] = {
        "uri": v.agency_id, "type": "text", "version": str(v.version),
        "firstCreated": iso(v.first_created), "versionCreated": iso(v.version_created),
        "pubStatus": "canceled" if v.canceled else "usable",
        "language": v.language, "urgency": v.urgency, "slugline": v.slugline,
        "headlines": [{"role": "main", "value": v.headline}],
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": v.abstract}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": body_html(v)}],
        "by": v.byline,
        "located": v.city,
        "subjects": [{"uri": MEDTOP_URI + code, "name": name} for code, name in v.subjects],
        "provider": {"name": v.agency.name},
        "copyrightNotice": _copyright(v),
    }  # fmt: skip
    if v.embargoed:
        obj["embargoed"] = iso(v.embargoed)
    if v.ednote:
        obj["edNote"] = v.ednote
    if v.signal:
        obj["signals"] = [f"sig:{v.signal}"]
    return _json(obj)


def ninjs1(v: WireVersion) -> bytes:
    """One ninjs 1.x object in the vendor style of Superdesk-like systems (guid, source)."""
    obj: dict[str, Any] = {
        "guid": v.agency_id, "type": "text", "version": str(v.version),
        "versioncreated": iso(v.version_created), "firstcreated": iso(v.first_created),
        "pubstatus": "canceled" if v.canceled else "usable", "urgency": v.urgency,
        "language": v.language, "headline": v.headline, "slugline": v.slugline,
        "byline": v.byline, "located": v.city,
        "dateline": {"text": v.dateline, "located": {"city": v.city}},
        "description_text": v.abstract, "body_html": body_html(v),
        "subject": [{"code": code, "scheme": "medtop", "name": name} for code, name in v.subjects],
        "source": v.agency.name, "copyrightnotice": _copyright(v),
        "authors": [{"name": v.byline, "role": "writer"}] if v.byline else [],
    }  # fmt: skip
    if v.embargoed:
        obj["embargoed"] = iso(v.embargoed)
    if v.ednote:
        obj["ednote"] = v.ednote
    return _json(obj)


# --- feeds ----------------------------------------------------------------------------


def rss(versions: list[WireVersion]) -> bytes:
    """An RSS 2.0 channel with one item per version (content:encoded holds the body)."""
    first = versions[0]
    agency, lang = first.agency, first.language
    items = []
    for v in versions:
        categories = "".join(f'<category domain="{MEDTOP_URI}">{x(name)}</category>' for _, name in v.subjects)
        creator = f"<dc:creator>{x(v.byline)}</dc:creator>" if v.byline else ""
        items.append(
            f"<item><title>{x(v.headline)}</title><link>{x(v.link)}</link>"
            f'<guid isPermaLink="false">{x(v.agency_id)}</guid>'
            f"<pubDate>{format_datetime(v.version_created, usegmt=True)}</pubDate>{creator}{categories}"
            f"<description>{x(v.abstract)}</description>"
            f"<content:encoded><![CDATA[{body_html(v)}]]></content:encoded></item>\n"
        )
    built = format_datetime(max(v.version_created for v in versions), usegmt=True)
    return (
        f'{_DECL}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        f"<channel><title>{x(agency.name)}</title><link>{agency.url}</link>"
        f"<description>Latest stories from {x(agency.name)} (demo wire)</description>"
        f"<language>{lang}</language><copyright>{x(_copyright(first))}</copyright>"
        f"<lastBuildDate>{built}</lastBuildDate>"
        f'<atom:link href="{agency.url}feeds/{lang}/rss.xml" rel="self" type="application/rss+xml"/>\n'
        f"{''.join(items)}</channel></rss>\n"
    ).encode()


def atom(versions: list[WireVersion]) -> bytes:
    """An Atom 1.0 feed with one entry per version (HTML content, text summary)."""
    first = versions[0]
    agency, lang = first.agency, first.language
    entries = []
    for v in versions:
        categories = "".join(
            f'<category scheme="{MEDTOP_URI}" term="medtop:{code}" label="{x(name)}"/>' for code, name in v.subjects
        )
        author = f"<author><name>{x(v.byline)}</name></author>" if v.byline else ""
        entries.append(
            f'<entry><id>{x(v.agency_id)}</id><title type="text">{x(v.headline)}</title>'
            f'<link rel="alternate" type="text/html" href="{x(v.link)}"/>'
            f"<published>{iso(v.first_created)}</published><updated>{iso(v.version_created)}</updated>"
            f'{author}{categories}<summary type="text">{x(v.abstract)}</summary>'
            f'<content type="html">{x(body_html(v))}</content></entry>\n'
        )
    updated = iso(max(v.version_created for v in versions))
    return (
        f'{_DECL}<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">\n'
        f"<title>{x(agency.name)}</title><id>{agency.url}feeds/{lang}/atom.xml</id><updated>{updated}</updated>"
        f'<link rel="self" href="{agency.url}feeds/{lang}/atom.xml"/><link rel="alternate" href="{agency.url}"/>'
        f"<author><name>{x(agency.name)}</name></author><rights>{x(_copyright(first))}</rights>\n"
        f"{''.join(entries)}</feed>\n"
    ).encode()


def jsonfeed(versions: list[WireVersion]) -> bytes:
    """A JSON Feed 1.1 document with one item per version."""
    first = versions[0]
    agency, lang = first.agency, first.language
    items = [
        {
            "id": v.agency_id,
            "url": v.link,
            "title": v.headline,
            "summary": v.abstract,
            "content_html": body_html(v),
            "date_published": iso(v.first_created),
            "date_modified": iso(v.version_created),
            "language": v.language,
            "authors": [{"name": v.byline}] if v.byline else [],
            "tags": [name for _, name in v.subjects],
        }  # fmt: skip
        for v in versions
    ]
    return _json({
        "version": "https://jsonfeed.org/version/1.1", "title": agency.name,
        "home_page_url": agency.url, "feed_url": f"{agency.url}feeds/{lang}/feed.json",
        "language": lang, "authors": [{"name": agency.name}], "items": items,
    })  # fmt: skip
