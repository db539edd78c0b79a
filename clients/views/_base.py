"""Shared view plumbing: the access rule for client pages, form handling, the access log."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render

from core import audit
from core.access import has_role, requires_roles
from core.audit import log_access
from core.concurrency import StaleEdit
from core.models import AccessLog, Role

from ..models import Client
from ..selectors import CLIENT_ROLES

ViewFunc = Callable[..., HttpResponseBase]


def client_view(view: ViewFunc | None = None, *, what: str = "", pdf: bool = False) -> Any:
    """Client-record pages (``pk`` in the URL is the client): ombud, lead and admin. Every
    other role gets 404, as if the record did not exist (members and grant officers never
    see client data).

    Every 200 response shows the client, so it writes one access-log row for client ``pk``
    after the view: a new client page cannot forget it. Redirects (a saved form) and errors
    show nothing and write none. ``what`` names the screen in the log (default: the view's
    name); ``pdf`` logs a print. ``@client_view`` or ``@client_view(what="plan pdf", pdf=True)``.
    """
    if view is None:
        return lambda v: client_view(v, what=what, pdf=pdf)
    screen = what or view.__name__.replace("_", " ")

    @wraps(view)
    def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not has_role(request, *CLIENT_ROLES):
            raise Http404
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            # The view found the client through client_for (404 unless it is in the user's
            # verksamhet and scope), so the row needs no query of its own.
            client = Client(pk=kwargs["pk"], verksamhet_id=request.verksamhet.pk)  # type: ignore[attr-defined]
            log_view(request, client, screen, pdf=pdf)
        return response

    wrapped = requires_roles(*Role)(inner)
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


def log_search(request: HttpRequest, what: str, hits: int) -> None:
    """A list filtered by the user: one row with what was asked and how many clients matched."""
    if what:
        audit.log_search(
            user=request.user,
            verksamhet=request.verksamhet,  # type: ignore[attr-defined]
            what=what,
            hits=hits,
            path=request.path,
        )


def log_list(request: HttpRequest, screen: str, hits: int, *, searched: str = "") -> None:
    """A page that lists clients (aliases, status): one row naming the verksamhet and how
    many clients it listed; a searched or filtered list logs what was asked instead."""
    if searched:
        log_search(request, searched, hits)
        return
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    log_access(
        user=request.user,
        obj=verksamhet,
        verksamhet_id=verksamhet.pk,
        what=screen,
        path=request.path,
        hits=hits,
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
