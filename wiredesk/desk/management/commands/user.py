"""``wiredesk user add USERNAME --role editor|admin [--password …]`` and ``wiredesk user list``.

Newsrooms create desk accounts from the shell. Without ``--password`` the command asks for
one on a terminal, and otherwise makes a random one and prints it once.
"""

from __future__ import annotations

import getpass
import secrets
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth import password_validation as pv
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wiredesk.stories.roles import ROLES, role_of, set_role


def _validators() -> list[Any]:
    """The configured password validators, or Django's usual four when none are configured."""
    return pv.get_default_password_validators() or [
        pv.UserAttributeSimilarityValidator(),
        pv.MinimumLengthValidator(10),
        pv.CommonPasswordValidator(),
        pv.NumericPasswordValidator(),
    ]


class Command(BaseCommand):
    help = "Add a desk user with a role, or list the users and their roles."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        add = verbs.add_parser("add", help="Create a user (or change an existing user's role).")
        add.add_argument("username", metavar="USERNAME")
        add.add_argument("--role", choices=ROLES, required=True)
        add.add_argument("--password", help="The password (asked for, or generated, when left out).")
        add.add_argument("--email", default="")
        verbs.add_parser("list", help="List users and their roles.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "list":
            for user in get_user_model().objects.order_by("username"):
                state = "" if user.is_active else " (inactive)"
                self.stdout.write(f"{user.get_username():<30} {role_of(user) or '-'}{state}")
            return
        self.add(options["username"], options["role"], options["password"], options["email"])

    def add(self, username: str, role: str, password: str | None, email: str) -> None:
        users = get_user_model()
        user = users.objects.filter(username=username).first()
        created = user is None
        generated = False
        if created and password is None:
            password, generated = self._ask_password()
        if password is not None:
            candidate = user or users(username=username, email=email)
            try:
                pv.validate_password(password, candidate, password_validators=_validators())
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
        if user is None:
            user = users.objects.create_user(username=username, email=email, password=password)
        elif password is not None:
            user.set_password(password)
            user.save(update_fields=["password"])
        set_role(user, role)
        self.stdout.write(f"{'added' if created else 'updated'} {username} ({role})")
        if generated:
            self.stdout.write(f"password {password}")

    def _ask_password(self) -> tuple[str, bool]:
        if not sys.stdin.isatty():
            return secrets.token_urlsafe(12), True
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        return first, False
