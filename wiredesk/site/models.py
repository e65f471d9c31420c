"""The site's own table: the search document of every story.

``SearchDocument`` holds the plain text readers can search for one story: the headline they
see (the desk's override or the agency's), the current version's abstract and its body as
text. It is derived data, rebuilt by ``wiredesk reindex``; ``search_index`` keeps it in step
with the stories. Whether a story may be found is decided at query time by
``Story.objects.public()``, never here, so a kill or hold takes effect at once.

The full-text index beside it depends on the database (migration ``0002_fulltext``):
SQLite keeps an FTS5 external-content table ``site_storysearch`` filled by triggers;
PostgreSQL keeps a generated, GIN-indexed ``search_vector`` column on this table.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wiredesk.stories.models import Story


class SearchDocument(models.Model):
    """The searchable text of one story (derived; never edited by hand)."""

    story = models.OneToOneField(
        Story, models.CASCADE, primary_key=True, related_name="+", verbose_name=_("story")
    )
    headline = models.TextField(_("headline"), blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    body = models.TextField(_("body (plain text)"), blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.headline
