"""Routing's after-commit step: the routing rules run on stories just created.

Registered with ``wiredesk.stories.after`` by ``RoutingConfig.ready()`` at order 10, before
the search index and the purge, so those see the section and status the rules gave. Only
``Changes.created`` counts: an agency update of a known story, a desk action or enrichment
never routes a story again, so a rule never overrides a decision taken since.
"""

from __future__ import annotations

from wiredesk.routing import services
from wiredesk.stories import after


def route_new_stories(changes: after.Changes) -> None:
    """Apply the enabled routing rules to the stories this change created."""
    if changes.created:
        services.apply_rules(sorted(changes.created))


def register() -> None:
    after.register("route-new-stories", route_new_stories, order=10,
                   does="apply the routing rules (section, status, tags) to stories just created")  # fmt: skip
