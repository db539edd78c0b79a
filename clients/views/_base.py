"""Shared view plumbing: the access rule for client pages, the access log, breadcrumbs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, overload

from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core import audit
from core.access import requires, verksamhet_of
from core.audit import log_access
from core.http import Request
from core.models import AccessLog

from ..models import Client

ViewFunc = Callable[..., HttpResponseBase]


@overload
def client_view(view: ViewFunc) -> ViewFunc: ...
@overload
def client_view(*, what: str = "", pdf: bool = False) -> Callable[[ViewFunc], ViewFunc]: ...
def client_view(
    view: ViewFunc | None = None, *, what: str = "", pdf: bool = False
) -> ViewFunc | Callable[[ViewFunc], ViewFunc]:
    """Client-record pages (``pk`` in the URL is the client): ``client.view`` to read,
    ``client.edit`` to post. Every other role gets 404, as if the record did not exist
    (members and grant officers never see client data).

    Every 200 response shows the client, so it writes one access-log row for client ``pk``
    after the view: a new client page cannot forget it. Redirects (a saved form) and errors
    show nothing and write none. ``what`` names the screen in the log (default: the view's
    name); ``pdf`` logs a print. ``@client_view`` or ``@client_view(what="plan pdf", pdf=True)``.
    """

    def decorate(page: ViewFunc) -> ViewFunc:
        screen = what or page.__name__.replace("_", " ")

        @wraps(page)
        def logged(request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = page(request, *args, **kwargs)
            if response.status_code == 200:
                # The view found the client through client_for (404 unless it is in the
                # actor's verksamhet and scope), so the row needs no query of its own.
                client = Client(pk=kwargs["pk"], verksamhet=verksamhet_of(request.actor))
                log_view(request, client, screen, pdf=pdf)
            return response

        # The screen's name in the log, for the registerutdrag's phrase table
        # (dataprotection/reads.py), which a test holds complete. Set as access.declare sets
        # access_rule: an attribute of our own on a function, which no type declares.
        setattr(logged, "screen", screen)  # noqa: B010
        return requires("client.view", write="client.edit", others=404)(logged)

    return decorate if view is None else decorate(view)


def log_view(request: Request, client: Client, what: str, *, pdf: bool = False) -> None:
    log_access(
        user=request.user,
        obj=client,
        verksamhet_id=client.verksamhet_id,
        action=AccessLog.Action.PDF if pdf else AccessLog.Action.VIEW,
        what=what,
        path=request.path,
    )


def log_search(request: Request, what: str, hits: int) -> None:
    """A list filtered by the user: one row with what was asked and how many clients matched."""
    if what:
        audit.log_search(
            user=request.user,
            verksamhet=verksamhet_of(request.actor),
            what=what,
            hits=hits,
            path=request.path,
        )


def log_list(request: Request, screen: str, hits: int, *, searched: str = "") -> None:
    """A page that lists clients (aliases, status): one row naming the verksamhet and how
    many clients it listed; a searched or filtered list logs what was asked instead."""
    if searched:
        log_search(request, searched, hits)
        return
    verksamhet = verksamhet_of(request.actor)
    log_access(
        user=request.user,
        obj=verksamhet,
        verksamhet_id=verksamhet.pk,
        what=screen,
        path=request.path,
        hits=hits,
    )


def without(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in names}


def crumbs(client: Client | None = None) -> list[tuple[str, str]]:
    """The breadcrumbs above a client's pages and forms: Klienter, then the client."""
    trail = [(_("Clients"), reverse("clients:list"))]
    if client is not None:
        trail.append((client.alias, reverse("clients:detail", args=[client.pk])))
    return trail


def client_page(
    request: Request, template: str, client: Client, *, tab: str, **context: Any
) -> HttpResponse:
    """One tab of the client's pages (clients/_header.html: crumbs, name, tabs)."""
    return render(request, template, {"client": client, "tab": tab, "crumbs": crumbs(), **context})
