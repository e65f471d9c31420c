"""``wiredesk story show|publish|hold|kill|restore AGENCY_ID`` and ``story headline AGENCY_ID TEXT``.

The desk's actions from the shell, through the same services as the web desk.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from wiredesk.exceptions import WiredeskError
from wiredesk.stories import services
from wiredesk.stories.models import Story

ACTIONS = {
    "publish": services.publish,
    "hold": services.hold,
    "kill": services.kill,
    "restore": services.restore,
}


class Command(BaseCommand):
    help = "Show a story, or take a desk action on it."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        for verb in ("show", *ACTIONS):
            sub = verbs.add_parser(verb, help=f"{verb.capitalize()} a story.")
            sub.add_argument("agency_id", metavar="AGENCY_ID", help="The agency's id for the story.")
            sub.add_argument("--agency", help="Agency slug, when several agencies use the same id.")
            if verb != "show":
                sub.add_argument("--reason", default="", help="Why (kept in the audit log).")
                sub.add_argument("--as", dest="actor", default="cli", help="Who acts (audit log).")
        headline = verbs.add_parser("headline", help="Override the headline readers see (or --clear it).")
        headline.add_argument("agency_id", metavar="AGENCY_ID")
        headline.add_argument("text", nargs="?", default="")
        headline.add_argument("--clear", action="store_true")
        headline.add_argument("--agency")
        headline.add_argument("--as", dest="actor", default="cli")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            story = services.find_story(options["agency_id"], agency=options.get("agency"))
            verb = options["verb"]
            if verb == "headline":
                if not options["clear"] and not options["text"].strip():
                    raise CommandError("Give the new headline, or --clear to go back to the agency's.")
                text = "" if options["clear"] else options["text"]
                services.set_headline(story, text, actor=options["actor"])
            elif verb in ACTIONS:
                ACTIONS[verb](story, actor=options["actor"], reason=options["reason"])
        except WiredeskError as exc:
            raise CommandError(str(exc)) from exc
        story.refresh_from_db()
        self.show(story)

    def show(self, story: Story) -> None:
        write = self.stdout.write
        version = story.current_version
        public = Story.objects.public().filter(pk=story.pk).exists()
        write(f"story      {story.wire_id}")
        write(f"agency     {story.agency.slug} ({story.agency.name})")
        status = f"killed by the agency (final; desk: {story.status})" if story.agency_killed else story.status
        write(f"status     {status}{'' if public else ' (not public)'}")
        if story.embargoed_until:
            state = "over" if story.embargoed_until <= timezone.now() else "in force"
            write(f"embargo    until {story.embargoed_until.isoformat()} ({state})")
        write(f"headline   {story.headline}")
        if story.headline_override and version is not None:
            write(f"agency hl  {version.headline}")
        if story.needs_review:
            write("review     the agency changed its headline after the desk override")
        write(f"section    {story.section.slug if story.section else '-'}")
        write(f"modified   {story.last_modified.isoformat()}")
        write("versions")
        for v in story.versions.order_by("received", "id"):
            mark = "*" if version is not None and v.pk == version.pk else " "
            flags = ", ".join(filter(None, [v.pubstatus, "correction" if v.is_correction else ""]))
            created = v.version_created.isoformat() if v.version_created else "no time"
            write(f" {mark} v{v.agency_version or '?':<4} {created}  {flags}  {v.headline}")
        write("decisions")
        for event in story.events.order_by("created", "id"):
            write(f"   {event.created.isoformat(timespec='seconds')}  {event.action:<10} {event.actor}: {event.reason}")
