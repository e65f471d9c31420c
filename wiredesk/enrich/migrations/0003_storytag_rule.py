"""``StoryTag.rule``: which routing rule added a tag, as data (issue #12).

Enrichment used to tell a rule's tags from its own by ``source="routing"`` and routing put
them back after each enrichment by reading the names out of its ``tag`` events' reason
text. The rule's name now lives on the link; stored links get it from their ``evidence``
(``rule:NAME``, written by routing since the first release).
"""

from django.db import migrations, models


def name_the_rules(apps, schema_editor):
    StoryTag = apps.get_model("enrich", "StoryTag")
    for link in StoryTag.objects.filter(source="routing", evidence__startswith="rule:").only("pk", "evidence"):
        StoryTag.objects.filter(pk=link.pk).update(rule=link.evidence.removeprefix("rule:")[:100])


class Migration(migrations.Migration):
    dependencies = [("enrich", "0002_default_data")]

    operations = [
        migrations.AddField(
            model_name="storytag",
            name="rule",
            field=models.CharField(
                blank=True,
                default="",
                help_text="The routing rule that put this tag on the story; enrichment never removes such a tag.",
                max_length=100,
                verbose_name="added by rule",
            ),
        ),
        migrations.RunPython(name_the_rules, migrations.RunPython.noop),
    ]
