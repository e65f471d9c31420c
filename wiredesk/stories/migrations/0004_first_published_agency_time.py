"""Stories stored before #11 list by their ingest time: give them the agency's time.

The same rule as ``wiredesk.stories.pubtime.agency_publication_time`` (restated here, as a
migration must not import code that may change): the first version's ``first_created``,
else its ``version_created``, else its receipt; never later than receipt, never before the
story's embargo. Stories never published (held) keep ``None``.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery

BATCH = 2000


def agency_times(apps, schema_editor):
    Story = apps.get_model("stories", "Story")
    StoryVersion = apps.get_model("stories", "StoryVersion")
    first = StoryVersion.objects.filter(story=OuterRef("pk")).order_by("received", "pk")
    rows = (
        Story.objects.filter(first_published__isnull=False)
        .annotate(
            fc=Subquery(first.values("first_created")[:1]),
            vc=Subquery(first.values("version_created")[:1]),
            rc=Subquery(first.values("received")[:1]),
        )
        .values_list("pk", "first_published", "embargoed_until", "fc", "vc", "rc")
        .order_by("pk")
    )
    changed = []
    for pk, published, embargo, first_created, version_created, received in rows.iterator(chunk_size=BATCH):
        if received is None:
            continue
        when = min(first_created or version_created or received, received)
        if embargo is not None and embargo > when:
            when = embargo
        if when != published:
            changed.append(Story(pk=pk, first_published=when))
        if len(changed) >= BATCH:
            Story.objects.bulk_update(changed, ["first_published"])
            changed = []
    if changed:
        Story.objects.bulk_update(changed, ["first_published"])


class Migration(migrations.Migration):
    dependencies = [("stories", "0003_licence_contract")]

    operations = [migrations.RunPython(agency_times, migrations.RunPython.noop)]
