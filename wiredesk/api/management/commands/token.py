"""``wiredesk token add USERNAME --name NAME [--agency SLUG]``, ``token list [USERNAME]``, ``token revoke ID``.

The key is printed once, by ``add``; only its hash is kept.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk.api.models import ApiToken
from wiredesk.api.tokens import create_token, revoke_token, tokens_of
from wiredesk.stories.models import Agency
from wiredesk.stories.roles import is_editor


class Command(BaseCommand):
    help = "Make, list and revoke API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        add = verbs.add_parser("add", help="Make a token for USERNAME and print its key (once).")
        add.add_argument("username", metavar="USERNAME")
        add.add_argument("--name", required=True, help="What the token is for.")
        add.add_argument("--agency", help="Make a source token: it may only push payloads, for this agency (slug).")
        listing = verbs.add_parser("list", help="List tokens (of USERNAME).")
        listing.add_argument("username", metavar="USERNAME", nargs="?")
        revoke = verbs.add_parser("revoke", help="Revoke the token ID for good.")
        revoke.add_argument("id", metavar="ID", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"do_{options['verb']}")(options)

    def do_add(self, options: dict[str, Any]) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r} (wiredesk createsuperuser, or the admin).")
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(slug=options["agency"]).first()
            if agency is None:
                raise CommandError(f"No agency {options['agency']!r}.")
        token, key = create_token(user, options["name"], agency=agency)
        self.stdout.write(key)
        self.stderr.write(f"token {token.pk} for {user.get_username()}: keep the key above, it is not shown again.")
        if not is_editor(user):
            self.stderr.write("note: the user is in neither the editor nor the admin group: this token cannot write.")

    def do_list(self, options: dict[str, Any]) -> None:
        for token in tokens_of(options["username"]):
            state = f"revoked {token.revoked:%Y-%m-%d}" if token.revoked else "live"
            used = f"{token.last_used:%Y-%m-%d %H:%M}" if token.last_used else "never"
            scope = f" agency={token.agency.slug}" if token.agency else ""
            self.stdout.write(
                f"{token.pk:>4} {token.prefix}… {token.user.get_username():<15} {state:<18} used {used:<16} "
                f"{token.name}{scope}"
            )

    def do_revoke(self, options: dict[str, Any]) -> None:
        token = ApiToken.objects.filter(pk=options["id"]).first()
        if token is None:
            raise CommandError(f"No token {options['id']}.")
        revoke_token(token)
        self.stdout.write(f"revoked token {token.pk} ({token.name}) of {token.user.get_username()}")
