"""A WordPress export (WXR 1.2) of any size, written for tests and bench/wordpress.py.

``write_export(path, n)`` writes ``n`` posts with the permalink structures WordPress sites
use, round-robin: ``/%year%/%monthnum%/%day%/%postname%/``, ``/%category%/%postname%/``
and the plain ``/?p=%post_id%``. Every fifth post is syndicated (the provenance sentence,
its author the agency IANS), every tenth has a featured image (an attachment item), and
one in fifty is a draft. Deterministic: the same ``n`` writes the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

SITE = "https://herald.example"
CATEGORIES = (("culture", "Culture"), ("politics", "Politics"), ("sport", "Sport"))
PROVENANCE = ("(The story has not been edited by Harbour Herald staff and is published from a "
              "syndicated feed.)")  # fmt: skip
_HEAD = f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Harbour Herald</title>
  <link>{SITE}</link>
  <language>en-GB</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>{SITE}</wp:base_site_url>
  <wp:base_blog_url>{SITE}</wp:base_blog_url>
  <wp:author><wp:author_login>mira</wp:author_login>
    <wp:author_display_name>Mira Olsen</wp:author_display_name></wp:author>
  <wp:author><wp:author_login>ians</wp:author_login><wp:author_display_name>IANS</wp:author_display_name></wp:author>
"""


def permalink(n: int) -> str:
    """The old permalink of post ``n`` (post id ``1000 + n``)."""
    post_id, slug = 1000 + n, f"harbour-story-{n}"
    day = 1 + n % 28
    kind = n % 3
    if kind == 0:
        return f"{SITE}/2024/01/{day:02d}/{slug}/"
    if kind == 1:
        return f"{SITE}/{CATEGORIES[n % len(CATEGORIES)][0]}/{slug}/"
    return f"{SITE}/?p={post_id}"


def item(n: int) -> str:
    """The ``<item>`` of post ``n`` (and of its featured image before it, for every tenth post)."""
    post_id, slug = 1000 + n, f"harbour-story-{n}"
    category, category_name = CATEGORIES[n % len(CATEGORIES)]
    syndicated = n % 5 == 4
    author = "ians" if syndicated else "mira"
    body = (f"<p>Port Alder: story {n} about the harbour, the ferry and the library.</p>\n\n"
            f"The council said on day {n % 28 + 1} that the ferry would sail again.\n"
            "It carries 4,000 books.")  # fmt: skip
    if syndicated:
        body += "\n\n" + PROVENANCE
    status = "draft" if n % 50 == 49 else "publish"
    day = 1 + n % 28
    attachment, meta = "", ""
    if n % 10 == 0:
        attachment = (f"<item><title>photo {n}</title><wp:post_id>{500000 + n}</wp:post_id>"
                      "<wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status>inherit</wp:status>"
                      f"<wp:attachment_url>{SITE}/wp-content/uploads/photo-{n}.jpg</wp:attachment_url>"
                      "</item>\n")  # fmt: skip
        meta = (f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                f"<wp:meta_value>{500000 + n}</wp:meta_value></wp:postmeta>")  # fmt: skip
    return attachment + f"""<item>
    <title>Harbour story number {n}</title>
    <link>{escape(permalink(n))}</link>
    <dc:creator><![CDATA[{author}]]></dc:creator>
    <guid isPermaLink="false">{SITE}/?p={post_id}</guid>
    <content:encoded><![CDATA[{body}]]></content:encoded>
    <excerpt:encoded><![CDATA[Story {n}, in short.]]></excerpt:encoded>
    <wp:post_id>{post_id}</wp:post_id>
    <wp:post_date_gmt><![CDATA[2024-01-{day:02d} {n % 24:02d}:{n % 60:02d}:00]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[{slug}]]></wp:post_name>
    <wp:status><![CDATA[{status}]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <category domain="category" nicename="{category}"><![CDATA[{category_name}]]></category>
    <category domain="post_tag" nicename="harbour"><![CDATA[harbour]]></category>
    {meta}
  </item>
"""


def write_export(path: Path, n: int) -> Path:
    """Write an export of ``n`` posts to ``path``, streaming; returns ``path``."""
    with path.open("w", encoding="utf-8") as file:
        file.write(_HEAD)
        for i in range(n):
            file.write(item(i))
        file.write("</channel>\n</rss>\n")
    return path
