"""What runs after stories changed: one ordered list of named steps.

Whenever stories are stored or changed — an ingest batch committed, the desk acted through
``wiredesk.stories.services``, enrichment finished some stories, an embargo ended — the
code that changed them calls ``run(Changes(...))`` once it has written them, and every
registered step runs, in order. ``docs/architecture.md`` ("What happens after a batch is
stored") lists the steps; ``describe()`` prints the same list from the registry, and a
test keeps the two equal.

Apps register their steps in ``AppConfig.ready()`` (``register``): the stories app knows
no step's code, so ``stories`` still imports nothing of the site, routing or enrichment.
Each step has one meaning and reads only the facts in ``Changes``, never who sent them.
Steps that change stories come first (routing: order 10), then what is derived from them
(the search index: 20), then the caches that show them (the purge: 30).

A step that raises is logged and the next one runs: the stories are stored by now, and
nothing here undoes them or reports them failed. Does not open transactions: callers run
it after theirs (inside an outer one, steps see and join it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

log = logging.getLogger("wiredesk.stories.after")


@dataclass(frozen=True, slots=True)
class Changes:
    """Stories whose stored state just changed, and the facts about the change steps act on.

    ``stories``: every story changed (ids; a step may find one deleted meanwhile).
    ``created``: those among them that did not exist before this change (routing rules run
    on these; no cache can hold their own pages yet). ``text``: their searchable text (a
    version, the desk's headline) may have changed. ``desk``: a person or a rule changed
    them, not the agency's wire (pages listing them near the top are purged eagerly too).
    ``left_sections``: sections the stories just left.
    """

    stories: tuple[int, ...]
    created: frozenset[int] = frozenset()
    text: bool = True
    desk: bool = False
    left_sections: tuple[int, ...] = ()

    @classmethod
    def of(cls, story_ids: Iterable[int], *, created: Collection[int] = (), text: bool = True) -> Changes:
        """``Changes`` of ``story_ids`` (any iterable, sorted and made unique here)."""
        return cls(stories=tuple(sorted(set(story_ids))), created=frozenset(created), text=text)


@dataclass(frozen=True, slots=True)
class Step:
    """One named thing done after stories changed; ``does`` says what, in a line."""

    order: int
    name: str
    does: str
    run: Callable[[Changes], object]


_steps: dict[str, Step] = {}


def register(name: str, run: Callable[[Changes], object], *, order: int, does: str) -> None:
    """Add the step ``name`` (or replace the one of that name): ``run(changes)`` at ``order``.

    Lower orders run first; two steps may not share an order, so the list never depends on
    the order apps were loaded in (``ValueError``).
    """
    taken = next((s.name for s in _steps.values() if s.order == order and s.name != name), None)
    if taken is not None:
        raise ValueError(f"After-commit step {taken!r} already runs at order {order}.")
    _steps[name] = Step(order=order, name=name, does=does, run=run)


def steps() -> list[Step]:
    """The registered steps, in the order they run."""
    return sorted(_steps.values(), key=lambda step: step.order)


def describe() -> list[str]:
    """One line per step, in order: ``ORDER NAME: what it does``."""
    return [f"{step.order} {step.name}: {step.does}" for step in steps()]


def run(changes: Changes) -> None:
    """Run every step on ``changes``, in order; a step's failure is logged and the next one runs."""
    if not changes.stories:
        return
    for step in steps():
        try:
            step.run(changes)
        except Exception:  # noqa: BLE001 - the stories are stored: one step's trouble is its own
            log.exception("after-commit step %s failed for stories %s", step.name, list(changes.stories[:20]))
