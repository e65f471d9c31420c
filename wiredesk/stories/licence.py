"""The agency's licence: the rules every part of Wiredesk obeys with syndicated copy.

One place for what the contract with an agency allows, so the CLI, the desk, the API, the
admin and the public site cannot disagree:

- **An agency kill is final.** When the agency's last word on a story is a kill
  (``pubStatus`` canceled or withheld, NITF ``management-status="canceled"``), no desk,
  CLI, API or admin action brings the story back; only a newer usable version from the
  agency does (``wiredesk.ingest.decide``). The desk may still kill it itself.
- **The body is never edited.** Nothing in Wiredesk changes a ``StoryVersion``; the desk
  may override the headline only. That is not a setting.
- **Provenance.** Under every story the page says it comes from a syndicated feed, in the
  reference page's words unless the agency's profile gives its own wording.
- **Credit.** The agency's attribution text (``Agency.attribution``), else its name.

Does not write anything: ``wiredesk.stories.lifecycle`` asks ``agency_kill_is_final`` for
every status change the desk makes (``wiredesk.stories.services`` raises what it raises),
and ``services`` checks the provenance wording before it stores it.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Final

from wiredesk.exceptions import WiredeskError

if TYPE_CHECKING:
    from wiredesk.stories.models import Agency

# The reference page's exact words (../shared/reference/seed-article-page.txt), with the
# site's name for {site}. Agencies may ask for other wording: Agency.provenance_*.
DEFAULT_PROVENANCE_EDITED: Final = (
    "(Except for the headline, the story has not been edited by {site} staff "
    "and is published from a syndicated feed.)"
)
DEFAULT_PROVENANCE_UNEDITED: Final = (
    "(The story has not been edited by {site} staff and is published from a syndicated feed.)"
)
PLACEHOLDERS: Final = frozenset({"site", "agency"})
_PLACEHOLDER: Final = re.compile(r"\{([^{}]*)\}")


class LicenceError(WiredeskError):
    """The action would break the agency's licence (e.g. bring back a story the agency killed)."""


def agency_kill_is_final(status: str, *, agency_killed: bool, killed_at: datetime | None, agency: str) -> None:
    """Refuse to give a story any status but killed while its agency's kill stands.

    ``agency_killed`` and ``killed_at`` are the story's; ``agency`` is the agency's name,
    for the message. Raises ``LicenceError`` with a message for the person who asked;
    returns ``None`` when the change is allowed. Pure: ``wiredesk.stories.lifecycle`` asks
    it for every desk status change.
    """
    if agency_killed and status != "killed":
        when = f" on {killed_at:%Y-%m-%d %H:%M} UTC" if killed_at else ""
        raise LicenceError(
            f"{agency} killed this story{when}. An agency kill is final: "
            "only a newer version from the agency can bring it back."
        )


def check_provenance_template(text: str) -> str:
    """``text`` with its spaces tidied, if every ``{…}`` in it is ``{site}`` or ``{agency}``.

    Raises ``LicenceError`` naming the unknown placeholder otherwise, so a typo is caught
    when the wording is saved rather than shown to readers.
    """
    text = " ".join(text.split())
    for name in _PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS:
            raise LicenceError(f"Unknown placeholder {{{name}}}: use {{site}} or {{agency}}.")
    return text


def provenance(agency: Agency, *, headline_edited: bool, site: str) -> str:
    """The provenance line under a story of ``agency`` on the site named ``site``.

    Placeholders are replaced as plain text (never ``str.format``, which would let a
    template reach attributes of its arguments). Empty for the site's own newsroom
    (``Agency.own``): its stories are not syndicated copy.
    """
    if agency.own:
        return ""
    if headline_edited:
        template = agency.provenance_edited or DEFAULT_PROVENANCE_EDITED
    else:
        template = agency.provenance_unedited or DEFAULT_PROVENANCE_UNEDITED
    values = {"site": site, "agency": agency.name}
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def credit(agency: Agency) -> str:
    """The credit the licence asks for: the agency's attribution text, else its name."""
    return agency.attribution or agency.name
