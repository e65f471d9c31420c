"""The reader-facing update timeline: what each new agency version changed, in words.

``describe_change`` compares two versions word by word (``difflib``) and says what was
added, removed or corrected: "added the Islamic Revolution Guards Corps said it had fired
ballistic missiles at the bases of “terrorists” in Syria". It summarises; it is not a diff
view (the desk has that).

Pure: no Django, no database, no network.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

MAX_WORDS = 14
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


@dataclass(frozen=True, slots=True)
class VersionText:
    """What the timeline needs of one version."""

    headline: str
    text: str  # plain body text
    when: datetime
    is_correction: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    when: datetime
    summary: str


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def _gist(sentence: str) -> str:
    """The first words of a sentence, lower-cased at the start when it is an article."""
    words = sentence.rstrip(".").split()
    text = " ".join(words[:MAX_WORDS]) + ("…" if len(words) > MAX_WORDS else "")
    if words and words[0] in ("The", "A", "An"):
        text = text[0].lower() + text[1:]
    return text


def describe_change(old: VersionText, new: VersionText) -> str:
    """One line saying what ``new`` changed compared with ``old`` ("" when nothing visible)."""
    parts: list[str] = []
    before, after = _sentences(old.text), _sentences(new.text)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    added: list[str] = []
    removed: list[str] = []
    changed = 0
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "insert":
            added += after[b1:b2]
        elif op == "delete":
            removed += before[a1:a2]
        elif op == "replace":
            # A sentence rewritten a little is a change; a new one is an addition.
            for sentence in after[b1:b2]:
                best = max((difflib.SequenceMatcher(a=s, b=sentence).ratio() for s in before[a1:a2]), default=0.0)
                if best >= 0.6:
                    changed += 1
                else:
                    added.append(sentence)
    if added:
        parts.append("added " + _gist(added[0]) + (f" (and {len(added) - 1} more)" if len(added) > 1 else ""))
    if changed:
        parts.append("revised " + ("a sentence" if changed == 1 else f"{changed} sentences"))
    if removed:
        parts.append("removed " + ("a sentence" if len(removed) == 1 else f"{len(removed)} sentences"))
    if old.headline.strip() != new.headline.strip():
        parts.append(f"new headline “{new.headline.strip()}”")
    if not parts:
        return ""
    summary = "; ".join(parts)
    return ("Correction: " if new.is_correction else "") + summary[0].upper() + summary[1:]


def build_timeline(versions: list[VersionText]) -> list[Entry]:
    """An entry for each version after the first that changed something, oldest first."""
    ordered = sorted(versions, key=lambda v: v.when)
    out = []
    for old, new in zip(ordered, ordered[1:], strict=False):
        if summary := describe_change(old, new):
            out.append(Entry(new.when, summary))
    return out
