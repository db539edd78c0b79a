"""Shared by the data-protection management commands: who is acting."""

from __future__ import annotations

from django.core.management.base import CommandError

from core.audit import save
from core.models import User

SYSTEM_EMAIL = "system@ombud.invalid"


def acting_user(email: str | None) -> User:
    """The user named by --by, else the inactive system user (history always has an author)."""
    if email:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with e-mail {email}")
        return user
    user = User.objects.filter(email=SYSTEM_EMAIL).first()
    if user is None:
        user = User(email=SYSTEM_EMAIL, first_name="Systemet", is_active=False)
        save(user, by=user)  # its history names itself
    return user
