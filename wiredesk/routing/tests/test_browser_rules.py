"""The rule pages in a real browser: an admin drafts a rule, dry-runs it, then saves it."""

from __future__ import annotations

from typing import Any

import pytest

from wiredesk.desk.tests.conftest import PASSWORD, make_user
from wiredesk.desk.tests.test_browser_desk import in_thread, sync_api
from wiredesk.desk.tests.test_browser_desk import page as page  # the fixture
from wiredesk.ingest.pipeline import Pipeline
from wiredesk.ingest.tests.factories import ninjs
from wiredesk.routing.models import RoutingRule
from wiredesk.stories.models import Agency, Section, Story

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def newsroom(transactional_db: None) -> None:
    """Made before the browser starts, in the test's thread."""
    make_user("ada", "admin")
    agency = Agency.objects.create(slug="acme", name="Acme Wire Service")
    Section.objects.create(slug="weather", name="Weather")
    for n, headline in enumerate(["Storm closes the harbour", "Budget passes"]):
        assert not Pipeline(agency=agency).ingest(ninjs(f"urn:acme:{n}", headline=headline), origin=f"{n}").quarantined


def test_admin_dry_runs_then_saves_a_rule(newsroom: None, page: Any, live_server: Any) -> None:
    expect = sync_api.expect
    base = live_server.url
    page.goto(f"{base}/desk/rules/")
    page.fill("#id_username", "ada")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Routing rules")
    page.get_by_role("link", name="New rule").click()
    page.fill("#id_name", "storms")
    page.fill("#id_words_any", "storm, gale")
    page.select_option("#id_section", label="Weather")
    page.select_option("#id_status_action", "hold")
    page.fill("#id_days", "3")
    page.get_by_role("button", name="Dry run").click()
    table = page.locator(".dry-run")
    expect(table).to_contain_text("1 story would change")
    expect(table).to_contain_text("Storm closes the harbour")
    expect(table).to_contain_text("published → held")
    expect(table).not_to_contain_text("Budget passes")
    assert in_thread(lambda: RoutingRule.objects.count()) == 0
    assert page.input_value("#id_words_any") == "storm, gale"  # the draft is still in the form
    page.get_by_role("button", name="Save").click()
    expect(page.locator("table")).to_contain_text("storms")

    def ingest() -> Story:
        agency = Agency.objects.get(slug="acme")
        Pipeline(agency=agency).ingest(ninjs("urn:acme:new", headline="Gale warning"), origin="new")
        return Story.objects.select_related("section").get(wire_id="urn:acme:new")

    story = in_thread(ingest)
    assert story.status == "held" and story.section is not None and story.section.slug == "weather"
