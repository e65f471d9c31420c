"""Full-text search (issue 3): FTS5 on SQLite, tsvector on PostgreSQL, snippets, Load more."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from wiredesk.site.links import story_path
from wiredesk.site.models import SearchDocument
from wiredesk.site.search import Term, fts5_query, parse_terms, search_stories, tsquery
from wiredesk.site.tests.factories import make_stories, make_story
from wiredesk.site.tests.html import fragment_links, fragment_more, parse
from wiredesk.stories import services
from wiredesk.stories.models import Agency, Story

pytestmark = pytest.mark.django_db

FERRY_BODY = "<p>Boats run again between Osthaven and the islands after the storm.</p><p>Fares stay the same.</p>"


def links(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [str(h) for h in parse(response.content).xpath("//main//li/a/@href")]


@pytest.fixture
def ferry(ians: Agency) -> Story:
    make_story(ians, "urn:g", headline="Grain prices climb", body="<p>Wheat and rice cost more.</p>")
    return make_story(ians, "urn:f", headline="Ferry service resumes", body=FERRY_BODY)


def test_parse_terms_keeps_only_words_and_phrases() -> None:
    assert parse_terms('boats "the islands" osth') == [
        Term(("boats",)), Term(("the", "islands")), Term(("osth",), prefix=True)
    ]
    assert parse_terms('AND NEAR( * "unmatched') == [Term(("and",)), Term(("near",)), Term(("unmatched",), prefix=True)]
    assert parse_terms("*** ( ) - ^ :") == []
    assert fts5_query(parse_terms('a "b c" d')) == '"a" "b c" "d"*'
    assert tsquery(parse_terms('a "b c" d')) == "a & (b <-> c) & d:*"


def test_matches_a_body_word(client: Client, ferry: Story) -> None:
    assert links(client, "/search/?q=islands") == [story_path(ferry)]
    assert links(client, "/search/?q=wheat") != [story_path(ferry)]


def test_matches_a_prefix_and_a_stem(client: Client, ferry: Story) -> None:
    assert links(client, "/search/?q=osthav") == [story_path(ferry)]
    assert links(client, "/search/?q=boat") == [story_path(ferry)]


def test_quoted_phrase_needs_the_words_in_order(client: Client, ferry: Story) -> None:
    assert links(client, '/search/?q="boats run"') == [story_path(ferry)]
    assert links(client, '/search/?q="run boats"') == []


@pytest.mark.parametrize(
    "q",
    ['"', '"""', "AND", "OR NOT", "NEAR(a b)", "*", "ferry*", "a AND", "^boats", "-", "(((", "col:ferry",
     "ferry OR", "'", "\\", "!!!", "&|<->", ":*", "\x02\x03", "ferry \x00", "…", "🙂",
     "_", '"_" __', "ferry _", "x_y", "ٱلسلام", "a" * 300],
)  # fmt: skip
def test_odd_input_never_fails(client: Client, ferry: Story, q: str) -> None:
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    list(search_stories(q))


def test_snippet_highlights_the_match_and_escapes_the_rest(client: Client, ians: Agency) -> None:
    body = "<p>The note read &lt;script&gt;alert(1)&lt;/script&gt; and 5 &lt; 6 &amp; 7 beside the harbour gate.</p>"
    make_story(ians, "urn:x", headline="Odd note", body=body)
    response = client.get("/search/", {"q": "harbour"})
    assert "<script>alert(1)" not in response.content.decode()
    (snippet,) = parse(response.content).xpath("//main//p[@class='snippet']")
    assert [child.tag for child in snippet] == ["mark"]  # the only element: no injected markup
    assert snippet[0].text == "harbour"
    assert "5 < 6 & 7" in snippet.text_content()


def test_killed_story_disappears_at_once(client: Client, ferry: Story) -> None:
    assert links(client, "/search/?q=islands")
    services.kill(ferry, actor="editor")
    assert links(client, "/search/?q=islands") == []
    services.restore(ferry, actor="editor")
    assert links(client, "/search/?q=islands") == [story_path(ferry)]


def test_held_story_is_not_found(client: Client, ians: Agency) -> None:
    make_story(ians, "urn:h", headline="Quiet lagoon", hold=True)
    assert links(client, "/search/?q=lagoon") == []


def test_headline_override_is_searchable(client: Client, ferry: Story) -> None:
    services.set_headline(ferry, "Lighthouse keeper retires", actor="editor")
    assert links(client, "/search/?q=lighthouse") == [story_path(ferry)]
    assert links(client, "/search/?q=resumes") == []  # what readers see is what they can find


def test_new_agency_version_is_reindexed(client: Client, ians: Agency, ferry: Story) -> None:
    make_story(ians, "urn:f", headline="Ferry service resumes", version="2", body="<p>Crews strike again.</p>")
    assert links(client, "/search/?q=crews") == [story_path(ferry)]
    assert links(client, "/search/?q=islands") == []


def test_load_more_pages_without_duplicates(client: Client, ians: Agency) -> None:
    stories = make_stories(ians, 45)
    seen: list[str] = links(client, "/search/?q=story")
    assert len(seen) == 20
    more = str(parse(client.get("/search/?q=story").content).xpath("//a[@data-more]/@href")[0])
    while more:
        response = client.get(more + "&fragment=1")
        seen += fragment_links(response.content)
        more = fragment_more(response.content) or ""
    assert len(seen) == len(set(seen)) == 45
    assert seen == [story_path(s) for s in reversed(stories)]


def test_reindex_command_rebuilds_the_index(client: Client, ferry: Story) -> None:
    SearchDocument.objects.all().delete()
    assert links(client, "/search/?q=islands") == []
    call_command("reindex")
    assert links(client, "/search/?q=islands") == [story_path(ferry)]


def test_deleting_a_story_drops_its_document(ferry: Story) -> None:
    ferry.delete()
    assert not SearchDocument.objects.filter(story_id=ferry.pk).exists()
    assert list(search_stories("islands")) == []


@pytest.mark.django_db(transaction=True)
def test_migration_indexes_the_stories_already_there(client: Client, ferry: Story) -> None:
    call_command("migrate", "site", "0001", verbosity=0)
    call_command("migrate", "site", verbosity=0)
    assert links(client, "/search/?q=islands") == [story_path(ferry)]
