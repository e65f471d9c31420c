"""``wiredesk source add URL_OR_FOLDER --agency SLUG [--every SECONDS]`` and ``wiredesk source list``.

The address is an http(s) feed URL or a local folder; any other URL scheme (``file:``,
``ftp:`` …) is refused with exit status 1. URLs and folders go through the same check as
the desk's form (``sources.services.clean_address``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from wiredesk.sources.models import Source, mask
from wiredesk.sources.services import SourceConfigError, clean_address, kind_of_address
from wiredesk.stories.models import Agency, Section


class Command(BaseCommand):
    help = "Add or list sources (HTTP feeds, drop folders, push endpoints)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Add a source: a feed URL, a drop folder, or (with --push) a push endpoint.")
        add.add_argument("address", nargs="?", default="", metavar="URL_OR_FOLDER")
        add.add_argument("--agency", required=True, help="The agency's slug.")
        add.add_argument("--every", type=int, default=300, help="Poll interval in seconds (default 300).")
        add.add_argument("--section", default="", help="Default section slug for new stories.")
        add.add_argument("--hold", action="store_true", help="Hold new stories for the desk.")
        add.add_argument("--push", action="store_true", help="A push endpoint; prints its token once.")
        add.add_argument("--websub", action="store_true", help="Subscribe through the hub the feed announces.")
        add.add_argument("--basic-auth", default="", metavar="USER:PASSWORD")
        add.add_argument("--header-token", default="", metavar="'Header: value'")
        sub.add_parser("list", help="List sources.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for s in Source.objects.select_related("agency"):
                state = s.last_error if s.failures else (f"ok {s.last_success_at:%Y-%m-%d %H:%M}" if s.last_success_at
                                                         else "not polled yet")  # fmt: skip
                self.stdout.write(f"{s.pk}\t{s.agency.slug}\t{s.kind}\t{s.address or '-'}\t{s.interval}s\t{state}")
            return
        self._add(options)

    def _add(self, options: dict[str, Any]) -> None:
        address: str = options["address"].strip()
        kind: str
        try:  # what the address is, before anything is looked up: file:, ftp: … are refused here
            if options["push"]:
                kind = Source.Kind.PUSH
            elif address:
                kind = kind_of_address(address)
            else:
                raise CommandError("Give a feed URL or a drop folder, or --push.")
        except SourceConfigError as exc:
            raise CommandError(str(exc)) from exc
        if kind == Source.Kind.HTTP and options["websub"]:
            kind = Source.Kind.WEBSUB
        try:
            agency = Agency.objects.get(slug=options["agency"])
        except Agency.DoesNotExist:
            raise CommandError(f"No agency {options['agency']!r}; add it with `wiredesk agency add`.") from None
        section = None
        if options["section"]:
            section = Section.objects.filter(slug=options["section"]).first()
            if section is None:
                raise CommandError(f"No section {options['section']!r}.")
        if kind != Source.Kind.PUSH:
            try:
                address = clean_address(kind, address)  # the desk's form runs the same check
            except SourceConfigError as exc:
                raise CommandError(str(exc)) from exc
        if options["every"] < 1:
            raise CommandError("--every must be at least 1 second.")
        source = Source(agency=agency, kind=kind, address=address, interval=options["every"], section=section,
                        hold=options["hold"])  # fmt: skip
        if options["basic_auth"]:
            source.auth = Source.Auth.BASIC
            source.username, _, source.secret = options["basic_auth"].partition(":")
        elif options["header_token"]:
            name, _, value = options["header_token"].partition(":")
            source.auth, source.header_name, source.secret = Source.Auth.HEADER, name.strip(), value.strip()
        token = source.new_push_token() if kind == Source.Kind.PUSH else ""
        source.save()
        self.stdout.write(f"source {source.pk} added: {agency.slug} {source.get_kind_display()} {address}".rstrip())
        if source.secret:
            self.stdout.write(f"credential {mask(source.secret)}")
        if token:
            self.stdout.write(f"push to {reverse('sources:push', args=[source.pk])} with "
                              f"'Authorization: Bearer {token}' (shown once)")  # fmt: skip
