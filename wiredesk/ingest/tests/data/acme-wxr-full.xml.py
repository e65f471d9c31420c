"""A WXR 1.2 export: a post with blocks, a shortcode, script, excerpt, categories, tags and a featured
image; a syndicated post (provenance line dropped); a draft (withheld), a scheduled post (embargoed),
an untitled post; a page and an attachment, which are not stories."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, PubStatus, StoryData, Subject

expected = ParseResult(
    format="wxr",
    stories=(
        StoryData(
            agency_id="https://herald.example/news/?p=101",
            headline="Harbour town opens floating library",
            body_html=(
                "<p>A retired car ferry opened on Wednesday as a <strong>floating "
                'library</strong>.</p>\n\n<p><img src="https://herald.example/news/ferry.jpg" '
                'alt="The ferry"> The ferry at its berth</p>\n<p>"Books should travel like '
                'people do,"<br>\nsaid the librarian.</p>'
            ),
            abstract="A ferry becomes a library.",
            slugline="floating-library",
            byline="Mira Olsen",
            language="en-GB",
            first_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            version_created=datetime(2024, 1, 18, 10, 0, tzinfo=UTC),
            subjects=(Subject(code="wp-category:culture", name="Culture"), Subject(code="wp-tag:boats", name="Boats")),
            provider="Harbour Herald",
            link="https://herald.example/news/culture/floating-library/",
            format="wxr",
        ),
        StoryData(
            agency_id="https://herald.example/news/?p=102",
            headline="Iran busts over 10 ‘terrorist cells’",
            body_html=(
                '<p>Tehran: Iran has identified and destroyed more than 10 "terrorist cells", the media reported.</p>'
            ),
            slugline="iran-cells",
            byline="Indo-Asian News Service",
            language="en-GB",
            first_created=datetime(2024, 1, 22, 5, 38, tzinfo=UTC),
            version_created=datetime(2024, 1, 22, 5, 38, tzinfo=UTC),
            subjects=(Subject(code="wp-category:middle-east", name="Middle East"),),
            provider="Indo-Asian News Service",
            link="https://herald.example/news/2024/01/22/iran-cells/",
            format="wxr",
            notes=("the old site's provenance line was left out of the body: Wiredesk shows its own",),
        ),
        StoryData(
            agency_id="https://herald.example/news/?p=103",
            headline="Ferry timetable (draft)",
            body_html="<p>Not ready.</p>",
            byline="Mira Olsen",
            language="en-GB",
            pubstatus=PubStatus.WITHHELD,
            first_created=datetime(2024, 1, 19, 12, 0, tzinfo=UTC),
            version_created=datetime(2024, 1, 19, 12, 0, tzinfo=UTC),
            provider="Harbour Herald",
            format="wxr",
            notes=(
                "post_date '2024-01-19 12:00:00' has no time zone: taken as UTC",
                "WordPress status 'draft': withheld, never shown",
            ),
        ),
        StoryData(
            agency_id="https://herald.example/news/?p=104",
            headline="Library opens its second ferry",
            body_html="<p>Coming soon.</p>",
            language="en-GB",
            first_created=datetime(2030, 5, 1, 6, 0, tzinfo=UTC),
            version_created=datetime(2030, 5, 1, 6, 0, tzinfo=UTC),
            embargoed=datetime(2030, 5, 1, 6, 0, tzinfo=UTC),
            provider="Harbour Herald",
            link="https://herald.example/news/?p=104",
            format="wxr",
        ),
        StoryData(
            agency_id="https://herald.example/news/?p=105",
            headline="Short note from the harbour master about the tides on the weekend and the…",
            body_html=("<p>Short note from the harbour master about the tides on the weekend and the ferry.</p>"),
            language="en-GB",
            first_created=datetime(2024, 1, 20, 7, 0, tzinfo=UTC),
            version_created=datetime(2024, 1, 20, 7, 0, tzinfo=UTC),
            provider="Harbour Herald",
            format="wxr",
            notes=("the post has no title: its first words stand in",),
        ),
    ),
)
