"""Request-wide context: session timeouts and the current verksamhet with the user's roles."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from core.models import RoleAssignment


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
    """Sets request.verksamhet, request.roles and request.member_organisation."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.verksamhet = None  # type: ignore[attr-defined]
        request.roles = set()  # type: ignore[attr-defined]
        request.member_organisation = None  # type: ignore[attr-defined]
        request.available_verksamheter = []  # type: ignore[attr-defined]
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
                request.verksamhet = mine[0].verksamhet  # type: ignore[attr-defined]
                request.roles = {a.role for a in mine}  # type: ignore[attr-defined]
                member = next((a for a in mine if a.role == "member"), None)
                request.member_organisation = member.organisation if member else None  # type: ignore[attr-defined]
                request.available_verksamheter = sorted(  # type: ignore[attr-defined]
                    {a.verksamhet for a in assignments}, key=lambda v: v.name
                )
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
