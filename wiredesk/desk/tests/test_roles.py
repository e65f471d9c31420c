from __future__ import annotations

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import CommandError, call_command

from wiredesk.desk.tests.conftest import make_user
from wiredesk.stories.roles import ADMIN, EDITOR, is_admin, is_editor, role_of, set_role

pytestmark = pytest.mark.django_db


def test_the_migration_creates_both_groups() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITOR, ADMIN}


def test_predicates() -> None:
    editor, admin, nobody = make_user("e", EDITOR), make_user("a", ADMIN), make_user("n", None)
    superuser = get_user_model().objects.create_superuser("root", password="x")
    assert (is_editor(editor), is_admin(editor), role_of(editor)) == (True, False, EDITOR)
    assert (is_editor(admin), is_admin(admin), role_of(admin)) == (True, True, ADMIN)
    assert (is_editor(nobody), is_admin(nobody), role_of(nobody)) == (False, False, "")
    assert is_admin(superuser) and is_editor(superuser)
    assert not is_editor(AnonymousUser()) and not is_admin(AnonymousUser())


def test_inactive_users_have_no_role() -> None:
    user = make_user("gone", ADMIN)
    user.is_active = False
    assert not is_editor(user) and not is_admin(user)


def test_set_role_switches_and_admin_gets_django_admin() -> None:
    user = make_user("u", ADMIN)
    assert user.is_staff and user.is_superuser
    set_role(user, EDITOR)
    user = get_user_model().objects.get(pk=user.pk)
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]
    assert not user.is_staff and not user.is_superuser
    with pytest.raises(ValueError, match="Unknown role"):
        set_role(user, "owner")


def test_user_add_command(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("user", "add", "rita", "--role", "editor", "--password", "a-long-desk-password-1")
    user = authenticate(username="rita", password="a-long-desk-password-1")
    assert user is not None and role_of(user) == EDITOR
    call_command("user", "add", "rita", "--role", "admin")  # a role change keeps the password
    user = authenticate(username="rita", password="a-long-desk-password-1")
    assert user is not None and role_of(user) == ADMIN
    call_command("user", "list")
    assert "rita" in capsys.readouterr().out


def test_user_add_generates_a_password_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("user", "add", "sam", "--role", "editor")
    out = capsys.readouterr().out
    password = out.split("password ", 1)[1].strip()
    assert authenticate(username="sam", password=password) is not None


def test_user_add_refuses_a_weak_password() -> None:
    with pytest.raises(CommandError):
        call_command("user", "add", "weak", "--role", "editor", "--password", "123")
    assert not get_user_model().objects.filter(username="weak").exists()
