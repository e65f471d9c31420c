"""RFC 822 dates with day and month names in Portuguese, Spanish, French, German, Italian, Dutch.

Each is read as written ("Qua"/"Terça-feira" Wednesday/Tuesday, "Fev"/"Fevereiro",
"de febrero de", "févr.", "Mär" with "MEZ" = UTC+1, "giu", "mrt"). Never guessed:
"02-03-2014 00:56:28" (day-month or month-day?) gives no date and a note, so the pipeline
uses the receipt time; "IST" (India, Ireland or Israel?) gives no publication date, and
the item's dc:date stands in for it, with a note.
"""

from datetime import UTC, datetime, timedelta, timezone

from wiredesk.ingest.types import ParseResult, StoryData


def _tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


def _item(agency_id: str, headline: str, moment: datetime | None, notes: tuple[str, ...] = ()) -> StoryData:
    return StoryData(
        agency_id=agency_id,
        headline=headline,
        body_html="<p>x</p>",
        first_created=moment,
        version_created=moment,
        provider="Acme International",
        format="rss",
        notes=notes,
    )


expected = ParseResult(
    format="rss",
    stories=(
        _item("d-pt", "pt", datetime(2014, 2, 5, 10, 0, tzinfo=_tz(-2))),
        _item("d-pt-long", "pt long", datetime(2014, 2, 4, 10, 0, tzinfo=_tz(-3))),
        _item("d-es", "es", datetime(2014, 2, 5, 10, 0, tzinfo=_tz(1))),
        _item("d-fr", "fr", datetime(2014, 2, 5, 10, 0, tzinfo=_tz(1))),
        _item("d-de", "de", datetime(2014, 3, 5, 10, 0, tzinfo=_tz(1))),
        _item("d-it", "it", datetime(2014, 6, 5, 10, 0, tzinfo=_tz(2))),
        _item("d-nl", "nl", datetime(2014, 3, 5, 10, 0, tzinfo=_tz(1))),
        _item(
            "d-ambiguous", "ambiguous", None,
            notes=("published date unreadable: '02-03-2014 00:56:28'; receipt time used",),
        ),  # fmt: skip
        StoryData(
            agency_id="d-zone",
            headline="unknown zone",
            body_html="<p>x</p>",
            version_created=datetime(2014, 2, 5, 4, 30, tzinfo=UTC),
            provider="Acme International",
            format="rss",
            notes=("published date unreadable: 'Wed, 05 Feb 2014 10:00:00 IST'; updated date used",),
        ),
    ),
)
