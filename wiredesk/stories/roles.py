"""Who may do what: the two roles of Wiredesk, as Django auth groups.

- ``editor``: the desk's story actions (publish, hold, kill, restore, headline override,
  section, pin).
- ``admin``: everything an editor may, plus agencies and their licence rules, sources,
  routing rules and users. Superusers are admins.

The groups are created by a data migration of the desk app (``desk/migrations/0001_roles``);
``wiredesk user add NAME --role editor|admin`` puts people in them. The desk and the API
both ask these predicates; neither keeps its own idea of a role.

Does not decide what readers see: anonymous users only ever get the public site.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group

EDITOR = "editor"
ADMIN = "admin"
ROLES = (EDITOR, ADMIN)


def _groups(user: Any) -> set[str]:
    """The user's group names, looked up once per user object (a request asks several times)."""
    cached: set[str] | None = getattr(user, "_wiredesk_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._wiredesk_groups = cached
    return cached


def is_admin(user: Any) -> bool:
    """Whether ``user`` is an active admin (member of ``admin``, or a superuser)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser) or ADMIN in _groups(user)


def is_editor(user: Any) -> bool:
    """Whether ``user`` may take the desk's story actions: editors and admins."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return is_admin(user) or EDITOR in _groups(user)


def role_of(user: Any) -> str:
    """``admin``, ``editor`` or ``""`` (no desk role)."""
    return ADMIN if is_admin(user) else EDITOR if is_editor(user) else ""


def set_role(user: Any, role: str) -> None:
    """Give ``user`` exactly the role ``role`` (one of ``ROLES``).

    Admins also get Django admin (``is_staff``, ``is_superuser``): sources, routing rules and
    users are managed there, and an admin may do everything. Editors lose both flags, so an
    editor never reaches Django admin.
    """
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    user.is_staff = user.is_superuser = role == ADMIN
    user.save(update_fields=["is_staff", "is_superuser"])
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLES)}
    missing = [name for name in ROLES if name not in groups]
    for name in missing:  # the data migration makes them; a flushed test database may not have them
        groups[name] = Group.objects.create(name=name)
    user.groups.remove(*groups.values())
    user.groups.add(groups[role])
    user.__dict__.pop("_wiredesk_groups", None)
