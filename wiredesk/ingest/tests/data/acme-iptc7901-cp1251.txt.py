"""Russian text in Windows-1251, with no declaration: read as cp1251 and said so in the notes."""

from datetime import UTC, datetime

from wiredesk.ingest.types import ParseResult, StoryData, Subject

expected = ParseResult(
    format="iptc7901",
    stories=(
        StoryData(
            agency_id="ACME:acr005:20240117",
            headline="Паром стал плавучей библиотекой",
            body_html=(
                "<p>Москва (Acme) - Списанный паром открылся в среду как плавучая библиотека, "
                "сообщили в городском совете.</p>"
            ),
            slugline="Россия-культура",
            dateline="Москва (Acme)",
            located="Москва",
            urgency=4,
            version_created=datetime(2024, 1, 17, 8, 15, tzinfo=UTC),
            subjects=(Subject(code="iptc7901-category:pl", name=""),),
            provider="ACME",
            format="iptc7901",
            notes=("read as cp1251",),
        ),
    ),
)
