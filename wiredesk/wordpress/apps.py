from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    """WordPress archive import (``wiredesk import wordpress``) and the old-permalink redirects."""

    name = "wiredesk.wordpress"
    label = "wordpress"
    verbose_name = _("WordPress import")
    default_auto_field = "django.db.models.BigAutoField"
