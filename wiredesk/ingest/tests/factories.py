"""Small builders of wire payloads for tests: the project's own words, a few fields each."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape


def nitf(
    doc_id: str = "ACME-1",
    *,
    headline: str = "River ferry service resumes after repairs",
    body: str = "<p>OSTHAVEN: The ferry runs again.</p>",
    version: int = 1,
    issued: str = "20240122T110800Z",
    status: str = "usable",
    release: str | None = None,
    correction: bool = False,
) -> bytes:
    """A minimal NITF 3.x document."""
    release_el = f'<date.release norm="{release}"/>' if release else ""
    correction_el = '<correction info="Corrects the name of the harbour." id-string="c1"/>' if correction else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>{escape(headline)}</title>
<docdata management-status="{status}"><doc-id id-string="{doc_id}"/>
<du-key key="{doc_id}" version="{version}"/><date.issue norm="{issued}"/>{release_el}{correction_el}
<doc.copyright holder="Acme Wire Service" year="2024"/></docdata></head>
<body><body.head><hedline><hl1>{escape(headline)}</hl1></hedline></body.head>
<body.content>{body}</body.content></body></nitf>""".encode()


def ninjs(uri: str = "urn:acme:1", *, headline: str = "Harbour reopens", version: str = "1", **extra: object) -> bytes:
    """A minimal ninjs 3.x object."""
    item: dict[str, object] = {
        "uri": uri,
        "type": "text",
        "version": version,
        "versionCreated": datetime(2024, 1, 22, 11, int(version) % 60, tzinfo=UTC).isoformat(),
        "headlines": [{"value": headline}],
        "bodies": [{"contentType": "text/html", "value": "<p>The harbour reopened.</p>"}],
    }
    item.update(extra)
    return json.dumps(item).encode()


def rss(items: list[tuple[str, str]], *, title: str = "Acme Wire Service") -> bytes:
    """An RSS 2.0 feed; ``items`` are (guid, title) pairs, an empty title makes a bad item."""
    entries = "".join(
        f"<item><guid>{escape(guid)}</guid>"
        + (f"<title>{escape(t)}</title><description>Text of {escape(t)}.</description>" if t else "")
        + "</item>"
        for guid, t in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'.encode()
