"""Shared view helpers: who manages, who sees unsuppressed figures."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core.access import has_role, is_staff
from core.models import Role

MANAGE = (Role.LEAD, Role.GRANT_OFFICER, Role.ADMIN)


def can_manage(request: HttpRequest) -> bool:
    return has_role(request, *MANAGE)


def sees_small_counts(request: HttpRequest) -> bool:
    """The verksamhet's own staff see real counts; members see suppressed ones."""
    return is_staff(request)


def show_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's errors next to their fields (unknown fields: at the top of the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
