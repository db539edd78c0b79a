"""Shared helpers of the ledningsgrupp views: the user's group, manager check, form errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest

from core.concurrency import StaleEdit

from ..models import Ledningsgrupp
from ..selectors import ledningsgrupp_for, manages

READ_ROLES = ("ombud", "lead", "member", "grant_officer", "admin")
MANAGE_ROLES = ("lead", "admin", "member")


def group_or_404(request: HttpRequest) -> Ledningsgrupp:
    group = ledningsgrupp_for(verksamhet=request.verksamhet)  # type: ignore[attr-defined]
    if group is None:
        raise Http404
    return group


def require_manager(request: HttpRequest, group: Ledningsgrupp | None) -> None:
    if not manages(request=request, group=group):
        raise PermissionDenied


def apply_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def run_service(form: forms.BaseForm, call: Callable[[], Any]) -> Any:
    """Call the service; on a rule or a concurrent edit, put the message on the form."""
    try:
        return call()
    except StaleEdit as exc:
        form.show_conflict(exc.current)  # type: ignore[attr-defined]
    except ValidationError as exc:
        apply_errors(form, exc)
    return None


def message_errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
