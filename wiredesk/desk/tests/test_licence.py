from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wiredesk.exceptions import WiredeskError
from wiredesk.site.tests.factories import make_story
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Story

pytestmark = pytest.mark.django_db


def test_defaults_are_the_usual_licence(agency: Agency) -> None:
    agency.refresh_from_db()
    assert agency.expire_after_days is None
    assert agency.provenance_edited == agency.provenance_unedited == ""
    # read-only bodies and obeyed kills are not settings: the fields are gone
    assert not hasattr(agency, "body_editable") and not hasattr(agency, "obey_kills")


def test_set_licence(agency: Agency) -> None:
    services.set_licence(
        agency, attribution="  IANS ", expire_after_days=30, provenance_unedited=" From {agency},  for {site}. "
    )
    agency.refresh_from_db()
    assert (agency.attribution, agency.expire_after_days) == ("IANS", 30)
    assert agency.provenance_unedited == "From {agency}, for {site}."
    with pytest.raises(WiredeskError):
        services.set_licence(agency, attribution="", expire_after_days=0)
    with pytest.raises(WiredeskError, match=r"\{sitename\}"):
        services.set_licence(agency, attribution="", expire_after_days=None, provenance_edited="By {sitename}")


def test_expire_stories_kills_only_old_ones(agency: Agency) -> None:
    other = Agency.objects.create(slug="forever", name="Forever Wire")
    old = make_story(agency, "urn:acme:old")
    fresh = make_story(agency, "urn:acme:fresh")
    keeper = make_story(other, "urn:forever:old")
    long_ago = timezone.now() - timedelta(days=10)
    Story.objects.filter(pk__in=[old.pk, keeper.pk]).update(first_published=long_ago, created=long_ago)
    Story.objects.filter(pk=fresh.pk).update(first_published=timezone.now() - timedelta(days=1))
    services.set_licence(agency, attribution="", expire_after_days=7)
    assert services.expire_stories() == [Story.objects.get(pk=old.pk)]
    assert Story.objects.get(pk=old.pk).status == "killed"
    assert Story.objects.get(pk=fresh.pk).status == "published"
    assert Story.objects.get(pk=keeper.pk).status == "published"
    event = Story.objects.get(pk=old.pk).events.get(action="kill")
    assert (event.actor, event.reason) == ("rule:licence-expiry", "licence: expired after 7 days")
    assert services.expire_stories() == []  # already killed: never touched again


def test_expire_command(agency: Agency, capsys: pytest.CaptureFixture[str]) -> None:
    story = make_story(agency, "urn:acme:old")
    Story.objects.filter(pk=story.pk).update(first_published=timezone.now() - timedelta(days=3))
    services.set_licence(agency, attribution="", expire_after_days=2)
    call_command("expire")
    assert "1 stories expired" in capsys.readouterr().out
    assert Client().get(f"/story/{story.pk}/harbour-reopens/").status_code == 410


def test_admin_edits_licence_at_the_desk(admin_client: Client, agency: Agency) -> None:
    assert "Acme Wire Service" in admin_client.get("/desk/agencies/").content.decode()
    page = admin_client.get("/desk/agencies/acme/").content.decode()
    assert "an agency kill is final" in page and "never edited" in page
    response = admin_client.post(
        "/desk/agencies/acme/",
        {"attribution": "ACME", "expire_after_days": "14", "provenance_edited": "(Headline by {site}.)"},
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.attribution, agency.expire_after_days) == ("ACME", 14)
    assert agency.provenance_edited == "(Headline by {site}.)"
    typo = admin_client.post("/desk/agencies/acme/", {"provenance_edited": "{stie}"})
    assert typo.status_code == 200 and "Unknown placeholder" in typo.content.decode()
    bad = admin_client.post("/desk/agencies/acme/", {"expire_after_days": "0"})
    assert bad.status_code == 200 and agency.expire_after_days == 14


def test_body_is_read_only_in_django_admin(admin_client: Client, story: Story) -> None:
    version = story.current_version
    assert version is not None
    page = admin_client.get(f"/admin/stories/storyversion/{version.pk}/change/").content.decode()
    assert 'name="body_html"' not in page
    story_page = admin_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'name="body_html"' not in story_page and 'name="headline_override"' in story_page
