"""The public site's after-commit steps: the search index and the page caches follow stories.

Registered with ``wiredesk.stories.after`` by ``SiteConfig.ready()``; they run after every
change of stories, whoever made it (an ingest batch, the desk, enrichment, an embargo that
ended), on the facts ``after.Changes`` gives:

- ``index-for-search`` (order 20) rewrites the search documents of stories whose text may
  have changed (``search_index.index_stories``);
- ``purge-pages`` (order 30) purges every page the stories show on (``purge_for_stories``):
  after the index, so a page rebuilt at once finds the story in search too.

Does not decide what a change means for a page (``purge/affected.py``) or what is indexed
(``search_index.py``).
"""

from __future__ import annotations

from wiredesk.site import search_index
from wiredesk.site.purge.affected import purge_for_stories
from wiredesk.stories import after


def index_for_search(changes: after.Changes) -> None:
    """Rewrite the search documents of the changed stories, when their text may have changed."""
    if changes.text:
        search_index.index_stories(changes.stories)


def purge_pages(changes: after.Changes) -> None:
    """Purge the pages the changed stories show on (and the lists of sections they left)."""
    purge_for_stories(
        changes.stories, neighbours=changes.desk, old_sections=changes.left_sections, created=changes.created
    )


def register() -> None:
    after.register("index-for-search", index_for_search, order=20,
                   does="rewrite the search documents of stories whose text may have changed")  # fmt: skip
    after.register("purge-pages", purge_pages, order=30,
                   does="purge the cached pages, feeds and sitemaps the stories show on")  # fmt: skip
