"""Default data: the region → section map and the upper levels of IPTC Media Topics."""

import json
from pathlib import Path

from django.db import migrations

from wiredesk.enrich.regions import DEFAULT_SECTIONS
from wiredesk.enrich.topics import parse_vocabulary

UPPER = Path(__file__).resolve().parent.parent / "data" / "mediatopics-upper.json"


def load_defaults(apps, schema_editor):
    RegionSection = apps.get_model("enrich", "RegionSection")
    Topic = apps.get_model("enrich", "Topic")
    for key, slug in DEFAULT_SECTIONS.items():
        RegionSection.objects.get_or_create(key=key, defaults={"section_slug": slug})
    concepts = parse_vocabulary(json.loads(UPPER.read_text(encoding="utf-8")))
    for c in concepts:
        Topic.objects.update_or_create(
            qcode=c.qcode,
            defaults={
                "label": c.label,
                "broader": c.broader,
                "subject_codes": list(c.subject_codes),
                "retired": c.retired,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("enrich", "0001_initial")]
    operations = [migrations.RunPython(load_defaults, migrations.RunPython.noop)]
