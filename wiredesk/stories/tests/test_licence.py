"""The licence contract, through every door: CLI, desk, API, Django admin and the ingest.

An agency kill is final (docs/architecture.md, "Lifecycle rules"): nobody brings the story back but the
agency, with a newer usable version. A kill of the desk's own stays the desk's to undo.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from wiredesk.api.tests.conftest import bearer
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import nitf
from wiredesk.site.links import story_path
from wiredesk.stories import licence, services
from wiredesk.stories.models import Agency, Story, StoryEvent
from wiredesk.stories.roles import set_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency() -> Agency:
    return Agency.objects.create(slug="acme", name="Acme Wire Service")


def ingest(agency: Agency, payload: bytes) -> Story:
    outcome = Pipeline(agency=agency).ingest(payload, origin="test")
    assert not outcome.quarantined, outcome.error
    return Story.objects.select_related("agency", "current_version").get(wire_id="ACME-1")


@pytest.fixture
def killed(agency: Agency) -> Story:
    """A story the agency published, then killed (NITF management-status canceled)."""
    ingest(agency, nitf(version=1))
    story = ingest(agency, nitf(version=2, status="canceled", issued="20240122T120000Z"))
    assert story.agency_killed and story.is_killed
    return story


@pytest.fixture
def admin() -> Any:
    user = get_user_model().objects.create_superuser("ada", "ada@example.org", "x")
    set_role(user, "admin")
    return user


def reader_sees(story: Story) -> int:
    return Client().get(story_path(story)).status_code


def in_rss(story: Story) -> bool:
    return story.wire_id in Client().get("/feeds/rss/").content.decode() or (
        story_path(story) in Client().get("/feeds/rss/").content.decode()
    )


def still_killed(story: Story) -> None:
    story.refresh_from_db()
    assert story.agency_killed and reader_sees(story) == 410 and not in_rss(story)
    assert not Story.objects.public().filter(pk=story.pk).exists()


@pytest.mark.parametrize("action", [services.restore, services.publish, services.hold])
def test_services_refuse_to_bring_back_an_agency_kill(killed: Story, action: Any) -> None:
    with pytest.raises(licence.LicenceError, match="An agency kill is final"):
        action(killed, actor="edna")
    still_killed(killed)
    assert not StoryEvent.objects.filter(story=killed, actor="edna").exists()


@pytest.mark.parametrize("verb", ["restore", "publish", "hold"])
def test_cli_refuses_with_a_clear_message(killed: Story, verb: str) -> None:
    with pytest.raises(CommandError, match="Acme Wire Service killed this story .* only a newer version"):
        call_command("story", verb, "ACME-1")
    still_killed(killed)


def test_desk_refuses_and_shows_no_restore_button(killed: Story, admin: Any) -> None:
    client = Client()
    client.force_login(admin)
    page = client.get(f"/desk/story/{killed.pk}/").content.decode()
    assert "no desk action can bring it back" in page and "/restore/" not in page and "/publish/" not in page
    response = client.post(f"/desk/story/{killed.pk}/restore/", follow=True)
    assert "An agency kill is final" in response.content.decode()
    still_killed(killed)


@pytest.mark.parametrize("verb", ["restore", "publish", "hold"])
def test_api_answers_409_with_a_reason(killed: Story, admin: Any, verb: str) -> None:
    response = Client(**bearer(admin)).post(f"/api/stories/{killed.pk}/{verb}", content_type="application/json")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "licence_refused" and "An agency kill is final" in error["message"]
    still_killed(killed)


def test_admin_action_refuses_and_leaves_the_story_killed(killed: Story, admin: Any) -> None:
    client = Client()
    client.force_login(admin)
    response = client.post(
        "/admin/stories/story/", {"action": "restore", "_selected_action": [killed.pk]}, follow=True
    )
    assert "An agency kill is final" in response.content.decode()
    still_killed(killed)


def test_only_a_newer_usable_agency_version_brings_it_back(agency: Agency, killed: Story) -> None:
    stale = Pipeline(agency=agency).ingest(nitf(version=1, headline="An old copy", issued="20240122T100000Z"))
    assert not stale.quarantined
    still_killed(killed)
    story = ingest(agency, nitf(version=3, headline="Back with new facts", issued="20240122T130000Z"))
    assert not story.agency_killed and story.killed_at is None
    assert reader_sees(story) == 200 and in_rss(story)
    assert story.events.order_by("-pk").first().reason == "newer usable version from the agency: its kill is lifted"


def test_a_desk_kill_stays_the_desks_to_undo(agency: Agency) -> None:
    story = ingest(agency, nitf(version=1))
    services.kill(story, actor="edna", reason="legal")
    assert reader_sees(story) == 410
    # an agency kill and revival in between do not undo the desk's own kill
    ingest(agency, nitf(version=2, status="canceled", issued="20240122T120000Z"))
    story = ingest(agency, nitf(version=3, issued="20240122T130000Z"))
    assert not story.agency_killed and story.status == Story.Status.KILLED and reader_sees(story) == 410
    services.restore(story, actor="edna")
    assert reader_sees(story) == 200


def test_a_held_story_stays_held_when_the_agency_lifts_its_kill(agency: Agency) -> None:
    Pipeline(agency=agency, hold=True).ingest(nitf(version=1), origin="held")
    ingest(agency, nitf(version=2, status="canceled", issued="20240122T120000Z"))
    story = ingest(agency, nitf(version=3, issued="20240122T130000Z"))
    assert story.status == Story.Status.HELD and not story.agency_killed and reader_sees(story) == 404


def test_admin_edits_go_through_the_services(agency: Agency, admin: Any) -> None:
    story = ingest(agency, nitf(version=1))
    client = Client()
    client.force_login(admin)
    form = {"headline_override": "A desk headline", "section": "", "pinned": "on"}
    form.update({
        "versions-TOTAL_FORMS": "1", "versions-INITIAL_FORMS": "1", "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000", "versions-0-id": str(story.current_version_id),
        "versions-0-story": str(story.pk),
    })  # fmt: skip
    response = client.post(f"/admin/stories/story/{story.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    assert story.headline_override == "A desk headline" and story.pinned
    events = {(e.action, e.actor) for e in story.events.exclude(actor="agency")}
    assert events == {("headline", "ada"), ("pin", "ada")}
    assert client.get(f"/admin/stories/story/{story.pk}/delete/").status_code == 403


def test_provenance_templates_are_plain_text() -> None:
    agency = Agency(name="Acme", provenance_unedited="({agency} for {site}; {site.__class__} {0})")
    # unknown placeholders are shown as written, never evaluated
    assert licence.provenance(agency, headline_edited=False, site="Siasat") == (
        "(Acme for Siasat; {site.__class__} {0})"
    )
    with pytest.raises(licence.LicenceError, match=r"\{site.__class__\}"):
        licence.check_provenance_template(agency.provenance_unedited)
    assert licence.provenance(Agency(name="Acme"), headline_edited=True, site="Siasat") == (
        "(Except for the headline, the story has not been edited by Siasat staff "
        "and is published from a syndicated feed.)"
    )


def test_credit_is_the_attribution_else_the_name() -> None:
    assert licence.credit(Agency(name="Indo-Asian News Service", attribution="IANS")) == "IANS"
    assert licence.credit(Agency(name="Indo-Asian News Service")) == "Indo-Asian News Service"
