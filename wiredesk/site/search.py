"""Full-text search over public stories: SQLite FTS5 on the embedded default, PostgreSQL FTS at scale.

The index is ``SearchDocument`` plus the database's own full-text structure (see
``site/models.py`` and migration ``0002_fulltext``); ``search_index`` keeps it in step.

Reader input never reaches the full-text syntax as it is: ``parse_terms`` keeps only words
(``\\w+`` runs) and double-quoted phrases, and each backend renders those itself — FTS5 as
``"w1" "w2 w3" "last"*``, PostgreSQL as ``w1 & (w2 <-> w3) & last:*`` — so operators such as
AND, NEAR, ``*`` or an unmatched quote are plain words or nothing, never a syntax error.
The last bare word is a prefix, so a half-typed word already finds something.

Order: matches are listed newest first by ``(first_published, pk)``, like every other list,
so "Load more" pages with the same keyset cursor and never repeats or skips a story while
the wire keeps arriving. Relevance ranking (bm25 / ts_rank) would need an OFFSET or a
rank-valued cursor that shifts as documents change; on a news site the newest match is
usually the one wanted, so date order is the deliberate choice (issue 3).

Snippets: ``snippets(stories, q)`` adds ``search_snippet`` to the stories of one page: a
short passage with the matched words in ``<mark>``; everything else in it is HTML-escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wiredesk.site.queries import listed
from wiredesk.site.search_index import MARK_END, MARK_START
from wiredesk.stories.models import Story

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
SNIPPET_WORDS = 24
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\w+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Term:
    """One thing every match must contain: a word, or a phrase of words in this order."""

    words: tuple[str, ...]
    prefix: bool = False


def parse_terms(q: str) -> list[Term]:
    """The terms of a reader's query: quoted phrases and bare words; nothing else survives.

    An unmatched quote is ignored (its words count as bare words). The last bare word, when
    it is the last term, is a prefix. Does not know any full-text syntax.
    """
    q = q[:MAX_QUERY_LENGTH]
    if q.count('"') % 2:
        q = q.replace('"', " ")  # an unmatched quote: no phrase at all rather than a guess
    terms: list[Term] = []
    for match in _PHRASE_OR_WORD.finditer(q):
        phrase, word = match.groups()
        words = tuple(_WORD.findall(phrase)) if phrase is not None else (word,)
        if words:
            terms.append(Term(words=tuple(w.lower() for w in words)))
    terms = terms[:MAX_TERMS]
    last = _PHRASE_OR_WORD.findall(q)
    if terms and last and last[-1][1] and len(terms[-1].words) == 1:
        terms[-1] = Term(words=terms[-1].words, prefix=True)
    return terms


def fts5_query(terms: list[Term]) -> str:
    """An FTS5 MATCH expression for ``terms``: every term quoted, implicit AND between them."""
    parts = []
    for term in terms:
        quoted = '"' + " ".join(w.replace('"', '""') for w in term.words) + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " ".join(parts)


def tsquery(terms: list[Term]) -> str:
    """A ``to_tsquery`` expression for ``terms``: ``&`` between terms, ``<->`` inside phrases.

    Safe because every word is a ``\\w+`` run: it holds none of tsquery's operators.
    """
    parts = []
    for term in terms:
        if len(term.words) > 1:
            parts.append("(" + " <-> ".join(term.words) + ")")
        else:
            parts.append(term.words[0] + (":*" if term.prefix else ""))
    return " & ".join(parts)


def _matching(terms: list[Term]) -> RawSQL | None:
    """SQL selecting the ids of stories whose document matches, for this database."""
    if connection.vendor == "sqlite":
        return RawSQL("SELECT rowid FROM site_storysearch WHERE site_storysearch MATCH %s", (fts5_query(terms),))
    if connection.vendor == "postgresql":
        return RawSQL(
            "SELECT story_id FROM site_searchdocument WHERE search_vector @@ to_tsquery('english', %s)",
            (tsquery(terms),),
        )
    return None


def search_stories(q: str) -> QuerySet[Story]:
    """Public stories matching every term of ``q``, newest first (keyset-pageable by ``listed``).

    An empty query, or one without a single word, matches nothing. Does not rank by relevance
    (see the module docstring) and does not add snippets (``snippets`` does, per page).
    """
    terms = parse_terms(q)
    matching = _matching(terms) if terms else None
    if matching is None:
        return Story.objects.none()
    return listed(pk__in=matching)


def _highlight(raw: str) -> SafeString:
    """Escape a snippet, then turn the markers the database put around matches into ``<mark>``."""
    text = escape(raw).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(text)  # noqa: S308 - escaped above; only our own tags added


def _raw_snippets(terms: list[Term], ids: list[int]) -> dict[int, str]:
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT rowid, snippet(site_storysearch, -1, %s, %s, '…', {SNIPPET_WORDS}) "  # noqa: S608 - placeholders only
                f"FROM site_storysearch WHERE site_storysearch MATCH %s AND rowid IN ({placeholders})",
                [MARK_START, MARK_END, fts5_query(terms), *ids],
            )
        elif connection.vendor == "postgresql":
            options = (
                f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS + 11}, "
                f"MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""
            )
            cursor.execute(
                "SELECT story_id, ts_headline('english', abstract || E'\\n' || body, "  # noqa: S608 - placeholders only
                "to_tsquery('english', %s), %s) "
                f"FROM site_searchdocument WHERE story_id IN ({placeholders})",
                [tsquery(terms), options, *ids],
            )
        else:
            return {}
        return {row[0]: row[1] for row in cursor.fetchall()}


def snippets(stories: list[Story], q: str) -> None:
    """Set ``search_snippet`` (safe HTML, matches in ``<mark>``) on each story of one page.

    One query for the whole page. Stories without a snippet keep their abstract on the page.
    """
    terms = parse_terms(q)
    if not terms or not stories:
        return
    found = _raw_snippets(terms, [s.pk for s in stories])
    for story in stories:
        raw = found.get(story.pk)
        if raw and MARK_START in raw:
            story.search_snippet = _highlight(raw)  # type: ignore[attr-defined]
