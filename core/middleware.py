"""Request-wide context: session timeouts and the current verksamhet with the user's roles."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from core.access import ANONYMOUS, Actor
from core.http import Request
from core.models import Role, RoleAssignment


class SessionTimeoutMiddleware:
    """Idle timeout (SESSION_IDLE_SECONDS) and absolute limit (SESSION_ABSOLUTE_SECONDS).

    The last activity is written to the session at most once a minute, so that most requests
    do not write the session row at all; the session's own expiry is kept a little longer
    than the idle limit so that this check, not the cookie, decides.
    """

    TOUCH_EVERY = 60

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            started = request.session.get("login_at")
            last = request.session.get("last_activity")
            idle = last is not None and now - int(last) > settings.SESSION_IDLE_SECONDS
            too_old = started is not None and now - int(started) > settings.SESSION_ABSOLUTE_SECONDS
            if idle or too_old:
                logout(request)
                return redirect_to_login(request.get_full_path())
            if started is None:
                request.session["login_at"] = now
            if last is None or now - int(last) >= self.TOUCH_EVERY:
                request.session["last_activity"] = now
        return self.get_response(request)


class CurrentVerksamhetMiddleware:
    """Puts the actor on the request: the user in their current verksamhet with the roles
    held there (``request.actor``, see core/access.py), and for templates and older code the
    same as ``request.verksamhet``, ``request.roles`` and ``request.member_organisation``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        req = cast(Request, request)
        actor = ANONYMOUS
        req.available_verksamheter = []
        if request.user.is_authenticated:
            assignments = list(
                RoleAssignment.objects.filter(user=request.user).select_related(
                    "verksamhet", "organisation"
                )
            )
            if assignments:
                by_v: dict[int, list[RoleAssignment]] = {}
                for a in assignments:
                    by_v.setdefault(a.verksamhet_id, []).append(a)
                chosen = request.session.get("verksamhet_id")
                if chosen not in by_v:
                    chosen = min(by_v)
                mine = by_v[chosen]
                member = next((a for a in mine if a.role == Role.MEMBER), None)
                actor = Actor(
                    user=request.user,
                    verksamhet=mine[0].verksamhet,
                    roles=frozenset(a.role for a in mine),
                    organisation=member.organisation if member else None,
                )
                req.available_verksamheter = sorted(
                    {a.verksamhet for a in assignments}, key=lambda v: v.name
                )
            else:
                actor = Actor(user=request.user, verksamhet=None)
        req.actor = actor
        req.verksamhet = actor.verksamhet
        req.roles = actor.roles
        req.member_organisation = actor.organisation
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages for logged-in users hold personal data: no browser or proxy may keep a copy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store, private"
        return response
