"""Loading an IPTC vocabulary file (Media Topics JSON) into the ``Topic`` table."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from wiredesk.enrich.models import Topic
from wiredesk.enrich.services import clear_caches
from wiredesk.enrich.topics import parse_vocabulary
from wiredesk.exceptions import WiredeskError


@transaction.atomic
def load_vocabulary(path: Path) -> tuple[int, int]:
    """Add or update every concept of the IPTC NewsCodes JSON at ``path``: (created, updated)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise WiredeskError(f"Cannot read {path}: {error}") from error
    if not isinstance(document, dict) or not document.get("conceptSet"):
        raise WiredeskError(f"{path} is not an IPTC vocabulary (no conceptSet).")
    existing = {t.qcode: t for t in Topic.objects.all()}
    created, updated = [], []
    for c in parse_vocabulary(document):
        values = {"label": c.label, "broader": c.broader, "subject_codes": list(c.subject_codes), "retired": c.retired}
        row = existing.get(c.qcode)
        if row is None:
            created.append(Topic(qcode=c.qcode, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            updated.append(row)
    Topic.objects.bulk_create(created, batch_size=500)
    Topic.objects.bulk_update(updated, ["label", "broader", "subject_codes", "retired"], batch_size=500)
    transaction.on_commit(clear_caches)
    return len(created), len(updated)
