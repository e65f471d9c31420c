"""Search over public stories; one function so a full-text backend can replace it.

For now a plain ``icontains`` over the current version's headline, abstract and body and
the desk headline: slow on big tables, exact on small ones. A later issue swaps in SQLite
FTS5 / PostgreSQL full-text search behind the same signature.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from wiredesk.site.queries import listed
from wiredesk.stories.models import Story

MAX_QUERY_LENGTH = 200


def search_stories(q: str) -> QuerySet[Story]:
    """Public stories matching every word of ``q``, newest first (keyset-pageable).

    An empty query matches nothing. Does not rank by relevance.
    """
    words = q.split()[:10] if len(q) <= MAX_QUERY_LENGTH else q[:MAX_QUERY_LENGTH].split()[:10]
    if not words:
        return Story.objects.none()
    conditions = [
        Q(current_version__headline__icontains=w)
        | Q(current_version__abstract__icontains=w)
        | Q(current_version__body_html__icontains=w)
        | Q(headline_override__icontains=w)
        for w in words
    ]
    return listed(*conditions)
