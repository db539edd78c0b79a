"""Shared view plumbing: the access rule for client pages, form handling, the access log."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render

from core.access import has_role, requires
from core.audit import log_access
from core.concurrency import StaleEdit
from core.models import AccessLog, Role

from ..models import Client
from ..selectors import CLIENT_ROLES

ViewFunc = Callable[..., HttpResponseBase]


def client_view(view: ViewFunc) -> ViewFunc:
    """Client-record pages: ombud, lead and admin. Every other role gets 404, as if the record
    did not exist (members and grant officers never see client data)."""

    @wraps(view)
    def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not has_role(request, *CLIENT_ROLES):
            raise Http404
        return view(request, *args, **kwargs)

    wrapped = requires(*Role)(inner)
    wrapped.access_rule = {  # type: ignore[attr-defined]
        "roles": sorted(CLIENT_ROLES),
        "write": sorted(CLIENT_ROLES),
        "others": 404,
    }
    return wrapped


def log_view(request: HttpRequest, client: Client, what: str, *, pdf: bool = False) -> None:
    log_access(
        user=request.user,
        obj=client,
        verksamhet_id=client.verksamhet_id,
        action=AccessLog.Action.PDF if pdf else AccessLog.Action.VIEW,
        what=what,
        path=request.path,
    )


def add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def run_form(request: HttpRequest, form: forms.BaseForm, action: Callable[[dict], Any]) -> Any:
    """On a valid POST call ``action(cleaned_data)`` (a service). Returns its result, or None
    when the form now carries errors (service rule broken, or a concurrent edit)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except StaleEdit as exc:
        form.show_conflict(exc.current)  # type: ignore[attr-defined]
    except ValidationError as exc:
        add_errors(form, exc)
    return None


def without(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in names}


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    title: str,
    client: Client | None = None,
    cancel: str = "",
    submit: str = "",
    intro: str = "",
    warning: str = "",
    danger: bool = False,
) -> HttpResponse:
    return render(
        request,
        "clients/form.html",
        {
            "form": form,
            "title": title,
            "client": client,
            "cancel": cancel,
            "submit": submit,
            "intro": intro,
            "warning": warning,
            "danger": danger,
        },
    )
