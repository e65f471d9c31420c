"""Word-level differences between two agency versions of a story, as HTML.

Compares what readers read — headline, abstract, body text — word by word with
``difflib``; removed words are wrapped in ``<del>``, added ones in ``<ins>``, everything
escaped. Does not compare markup: a version that only re-tagged its paragraphs shows no
change.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wiredesk.stories.models import StoryVersion
from wiredesk.text import plain_text


@dataclass(frozen=True, slots=True)
class FieldDiff:
    name: str
    html: SafeString
    changed: bool


def diff_words(old: str, new: str) -> tuple[SafeString, bool]:
    """``new`` with the words that ``old`` had marked ``<del>`` and the new ones ``<ins>``."""
    a, b = old.split(), new.split()
    out: list[str] = []
    changed = False
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
            continue
        changed = True
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(out)), changed  # noqa: S308 - every word above is escaped


def diff_versions(old: StoryVersion, new: StoryVersion) -> list[FieldDiff]:
    """Headline, subheadline, abstract and body of ``new`` against ``old``."""
    fields = [
        ("headline", old.headline, new.headline),
        ("subheadline", old.subheadline, new.subheadline),
        ("abstract", old.abstract, new.abstract),
        ("body", plain_text(old.body_html), plain_text(new.body_html)),
    ]
    diffs = []
    for name, a, b in fields:
        marked, changed = diff_words(a, b)
        diffs.append(FieldDiff(name, marked, changed))
    return diffs
