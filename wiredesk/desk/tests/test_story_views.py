from __future__ import annotations

import pytest
from django.test import Client

from wiredesk.site.tests.factories import make_story
from wiredesk.stories.models import Agency, Section, Story, StoryEvent

pytestmark = pytest.mark.django_db


def _post(client: Client, story: Story, action: str, data: dict[str, str] | None = None) -> Story:
    response = client.post(f"/desk/story/{story.pk}/{action}/", data or {})
    assert response.status_code == 302 and response["Location"] == f"/desk/story/{story.pk}/"
    return Story.objects.get(pk=story.pk)


def test_story_page_shows_versions_diff_and_decisions(editor_client: Client, agency: Agency) -> None:
    make_story(agency, "urn:acme:1", headline="Ten hurt in blast", body="<p>Ten people were hurt.</p>")
    story = make_story(agency, "urn:acme:1", headline="Twelve hurt in blast", body="<p>Twelve people were hurt.</p>",
                       version="2")  # fmt: skip
    html = editor_client.get(f"/desk/story/{story.pk}/").content.decode()
    assert "Agency versions (2)" in html
    assert "<del>Ten</del> <ins>Twelve</ins> hurt in blast" in html
    assert "<del>Ten</del> <ins>Twelve</ins> people were hurt." in html
    assert "agency" in html  # the ingest decisions are listed, by whom


def test_any_two_versions_can_be_compared(editor_client: Client, agency: Agency) -> None:
    v1 = make_story(agency, "urn:acme:1", headline="One").current_version
    make_story(agency, "urn:acme:1", headline="Two", version="2")
    story = make_story(agency, "urn:acme:1", headline="Three", version="3")
    assert v1 is not None and story.current_version is not None
    html = editor_client.get(f"/desk/story/{story.pk}/?a={v1.pk}&b={story.current_version.pk}").content.decode()
    assert "<del>One</del> <ins>Three</ins>" in html


def test_no_form_offers_the_body(editor_client: Client, story: Story) -> None:
    html = editor_client.get(f"/desk/story/{story.pk}/").content.decode()
    assert 'name="body' not in html and "<textarea" not in html
    assert "read-only" in html


def test_status_actions_go_through_the_services(editor_client: Client, story: Story) -> None:
    story = _post(editor_client, story, "hold", {"reason": "check the facts"})
    assert story.status == "held"
    story = _post(editor_client, story, "publish")
    assert story.status == "published"
    story = _post(editor_client, story, "kill", {"reason": "legal"})
    assert story.status == "killed"
    story = _post(editor_client, story, "restore")
    assert story.status == "published"
    events = list(StoryEvent.objects.filter(story=story, actor="edna").values_list("action", "reason"))
    assert events == [("hold", "check the facts"), ("publish", ""), ("kill", "legal"),
                      ("publish", "restored by the desk")]  # fmt: skip


def test_headline_override_and_clear(editor_client: Client, story: Story) -> None:
    Story.objects.filter(pk=story.pk).update(needs_review=True)
    story = _post(editor_client, story, "headline", {"headline": "  Port back   in business "})
    assert story.headline_override == "Port back in business" and not story.needs_review
    story = _post(editor_client, story, "headline", {"headline": ""})  # empty is not a clear
    assert story.headline_override == "Port back in business"
    story = _post(editor_client, story, "headline", {"clear": "on"})
    assert story.headline_override == ""
    assert list(story.events.filter(actor="edna").values_list("action", flat=True)) == ["headline", "headline-cleared"]


def test_section_and_pin(editor_client: Client, story: Story, section: Section) -> None:
    story = _post(editor_client, story, "section", {"section": "world"})
    assert story.section == section
    story = _post(editor_client, story, "section", {"section": "nowhere"})  # refused, unchanged
    assert story.section == section
    story = _post(editor_client, story, "section", {"section": ""})
    assert story.section is None
    story = _post(editor_client, story, "pin", {"pinned": "on"})
    assert story.pinned
    story = _post(editor_client, story, "pin")
    assert not story.pinned
    actions = list(story.events.filter(actor="edna").values_list("action", "after"))
    assert actions[0] == ("section", {"status": "published", "headline_override": "", "section": "world"})
    assert [a for a, _ in actions] == ["section", "section", "pin", "unpin"]


def test_unknown_action_and_get_are_refused(editor_client: Client, story: Story) -> None:
    assert editor_client.post(f"/desk/story/{story.pk}/delete/").status_code == 404
    assert editor_client.get(f"/desk/story/{story.pk}/kill/").status_code == 405
    assert editor_client.get("/desk/story/999999/").status_code == 404


def test_needs_review_is_shown(editor_client: Client, story: Story) -> None:
    Story.objects.filter(pk=story.pk).update(needs_review=True, headline_override="Desk words")
    assert "needs-review" in editor_client.get(f"/desk/story/{story.pk}/").content.decode()
    assert "REVIEW" in editor_client.get("/desk/").content.decode()


def test_log_lists_every_decision_and_filters(editor_client: Client, story: Story) -> None:
    _post(editor_client, story, "kill", {"reason": "legal"})
    html = editor_client.get("/desk/log/").content.decode()
    assert "legal" in html and "edna" in html and "agency" in html
    only = editor_client.get("/desk/log/?actor=agency").content.decode()
    assert "legal" not in only
    assert "legal" in editor_client.get("/desk/log/?action=kill").content.decode()


def test_log_pages(editor_client: Client, story: Story, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        StoryEvent.objects.create(story=story, action="note", actor="edna", reason=f"reason-{n}")
    from wiredesk.desk import queue as queue_module

    first, cursor = queue_module.log_page(action="note", size=2)
    rest, end = queue_module.log_page(action="note", cursor=cursor, size=2)
    assert [e.reason for e in first + rest] == ["reason-2", "reason-1", "reason-0"] and end is None


def test_mark_reviewed_keeps_the_desk_headline(editor_client: Client, story: Story) -> None:
    Story.objects.filter(pk=story.pk).update(needs_review=True, headline_override="Desk words")
    story = _post(editor_client, story, "reviewed")
    assert not story.needs_review and story.headline_override == "Desk words"
    assert story.events.get(action="reviewed").actor == "edna"
