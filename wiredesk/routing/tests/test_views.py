"""The desk's rule pages: admins edit, order and dry-run rules; editors get 403."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from wiredesk.desk.tests.conftest import make_user
from wiredesk.routing.models import RoutingRule
from wiredesk.site.tests.factories import make_story
from wiredesk.stories.models import Agency, Section, Story, StoryEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db: None, settings: Any) -> Client:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    client.force_login(make_user("ada", "admin"))
    return client


def _form(**fields: str) -> dict[str, str]:
    return {"name": "storms", "position": "10", "enabled": "on", "words_in": "both", "status_action": "", **fields}


def test_admin_creates_and_edits_a_rule(admin_client: Client, weather: Section) -> None:
    response = admin_client.post("/desk/rules/new/", _form(words_any="storm", section=str(weather.pk)))
    assert response.status_code == 302 and response["Location"] == "/desk/rules/"
    rule = RoutingRule.objects.get()
    assert rule.section == weather and rule.words_any == "storm"
    page = admin_client.get("/desk/rules/")
    assert b"storms" in page.content and b"Weather" in page.content
    assert admin_client.get(f"/desk/rules/{rule.pk}/").status_code == 200
    admin_client.post(f"/desk/rules/{rule.pk}/", _form(words_any="gale", status_action="hold"))
    rule.refresh_from_db()
    assert rule.words_any == "gale" and rule.status_action == "hold" and rule.section is None


def test_dry_run_shows_the_changes_and_saves_nothing(admin_client: Client, agency: Agency, weather: Section) -> None:
    storm = make_story(agency, "urn:acme:1", headline="Storm closes the harbour")
    make_story(agency, "urn:acme:2", headline="Budget passes")
    rule = RoutingRule.objects.create(name="storms", position=10, words_any="gale")
    counts = (RoutingRule.objects.count(), StoryEvent.objects.count())
    data = _form(words_any="storm", section=str(weather.pk), status_action="drop", dry_run="1", days="7")
    response = admin_client.post(f"/desk/rules/{rule.pk}/", data)
    assert response.status_code == 200
    changes = response.context["changes"]
    assert [(c.story_id, c.section_after, c.status_after) for c in changes] == [(storm.pk, "weather", "killed")]
    assert b"Storm closes the harbour" in response.content and b"1 story would change" in response.content
    assert (RoutingRule.objects.count(), StoryEvent.objects.count()) == counts
    rule.refresh_from_db()
    assert rule.words_any == "gale" and rule.status_action == ""
    storm.refresh_from_db()
    assert storm.status == Story.Status.PUBLISHED and storm.section is None
    # a new rule's dry run creates no rule either
    response = admin_client.post("/desk/rules/new/", _form(name="new-one", words_any="budget", dry_run="1", days="3",
                                                           status_action="hold"))  # fmt: skip
    assert len(response.context["changes"]) == 1 and not RoutingRule.objects.filter(name="new-one").exists()


def test_dry_run_needs_a_sane_number_of_days(admin_client: Client) -> None:
    response = admin_client.post("/desk/rules/new/", _form(dry_run="1", days="0"))
    assert response.status_code == 200 and "changes" not in response.context
    assert not RoutingRule.objects.exists()


def test_move_up_and_down(admin_client: Client) -> None:
    a = RoutingRule.objects.create(name="a", position=10)
    b = RoutingRule.objects.create(name="b", position=20)
    assert admin_client.post(f"/desk/rules/{b.pk}/move/", {"direction": "up"}).status_code == 302
    assert list(RoutingRule.objects.values_list("name", flat=True)) == ["b", "a"]
    admin_client.post(f"/desk/rules/{b.pk}/move/", {"direction": "down"})
    assert list(RoutingRule.objects.values_list("name", flat=True)) == ["a", "b"]
    assert admin_client.get(f"/desk/rules/{a.pk}/move/").status_code == 405


def test_editors_cannot_touch_rules(db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client()
    client.force_login(make_user("edna", "editor"))
    rule = RoutingRule.objects.create(name="a", position=10)
    assert client.get("/desk/rules/").status_code == 403
    assert client.post("/desk/rules/new/", _form(name="x")).status_code == 403
    assert client.post(f"/desk/rules/{rule.pk}/", _form(name="renamed")).status_code == 403
    assert client.get("/admin/routing/routingrule/").status_code == 302
    assert list(RoutingRule.objects.values_list("name", flat=True)) == ["a"]


def test_django_admin_lists_rules(admin_client: Client) -> None:
    RoutingRule.objects.create(name="a", position=10)
    assert admin_client.get("/admin/routing/routingrule/").status_code == 200
    assert admin_client.get("/admin/routing/routingrule/add/").status_code == 200


def test_desk_edits_of_rules_are_in_the_history(admin_client: Client) -> None:
    admin_client.post("/desk/rules/new/", _form(words_any="storm"))
    rule = RoutingRule.objects.get()
    admin_client.post(f"/desk/rules/{rule.pk}/", _form(words_any="gale", status_action="hold"))
    RoutingRule.objects.create(name="first", position=1)
    RoutingRule.objects.create(name="second", position=2)
    admin_client.post(f"/desk/rules/{rule.pk}/move/", {"direction": "up"})
    page = admin_client.get(f"/desk/rules/{rule.pk}/")
    messages = [(e.user.get_username(), e.get_change_message()) for e in page.context["history"]]
    assert messages[0] == ("ada", "moved up; position: '10' → '20'")  # renumbered 10, 20, 30
    assert messages[1] == ("ada", "words_any: 'storm' → 'gale'; status_action: '' → 'hold'")
    assert "name: '' → 'storms'" in messages[2][1] and page.context["history"][2].is_addition()
    assert "words_any: &#x27;storm&#x27; → &#x27;gale&#x27;" in page.content.decode()
    # Django admin's history page shows the same entries
    assert b"moved up" in admin_client.get(f"/admin/routing/routingrule/{rule.pk}/history/").content
