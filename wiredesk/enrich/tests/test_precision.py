"""Precision and recall of the pure layers on the hand-annotated stories in ``corpus.py``.

``measure`` is also what docs/enrich.md reports (``python -m wiredesk.enrich.tests.test_precision``).
The floors below are for the stories the rules were tuned on; the held-out set is
measured and printed, and only has to stay useful.
"""

from __future__ import annotations

from wiredesk.enrich import entities, places
from wiredesk.enrich.tests.corpus import CORPUS, HELD_OUT, Annotated


def _found(story: Annotated) -> dict[str, set[str]]:
    full = f"{story.headline}. {story.body}"
    where = places.dateline_text("", "", story.body)
    dateline = places.resolve_dateline(where) if where else None
    named = places.find_places(full)
    found = {f"{p.name}|{p.country}" for p in named} | ({f"{dateline.name}|{dateline.country}"} if dateline else set())
    people = entities.find_entities(full)
    return {
        "places": found,
        "people": {e.name for e in people if e.kind == entities.PERSON},
        "organisations": {e.name for e in people if e.kind == entities.ORG},
        "country": {places.primary_country(dateline, named) or ""},
    }


def measure(stories: tuple[Annotated, ...]) -> dict[str, tuple[float, float]]:
    """(precision, recall) per kind of tag over ``stories``."""
    out = {}
    for kind in ("places", "people", "organisations", "country"):
        tp = fp = fn = 0
        for story in stories:
            found = _found(story)[kind]
            if kind == "places":
                truth = {f"{n}|{c}" for n, c in story.places}
            elif kind == "country":
                truth = {story.country}
            else:
                truth = set(getattr(story, kind))
            tp, fp, fn = tp + len(found & truth), fp + len(found - truth), fn + len(truth - found)
        out[kind] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
    return out


def test_precision_on_the_tuned_stories() -> None:
    for kind, (precision, recall) in measure(CORPUS).items():
        assert precision >= 0.95, kind
        assert recall >= 0.9, kind


def test_precision_on_held_out_stories() -> None:
    for kind, (precision, _) in measure(HELD_OUT).items():
        assert precision >= 0.75, kind


if __name__ == "__main__":
    for name, stories in (("tuned", CORPUS), ("held out", HELD_OUT)):
        for kind, (p, r) in measure(stories).items():
            print(f"{name:9} {kind:14} precision {p:.2f} recall {r:.2f}")  # noqa: T201
