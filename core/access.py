"""Access rules: deny by default, one declared rule per view.

Every view is wrapped in ``requires(...)`` (or ``public`` for the few open pages). The
wrapper records the rule on the view function so that the access-matrix test can check
that no URL is left without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect

from core.models import Role

STAFF_ROLES = frozenset({Role.OMBUD, Role.LEAD, Role.ADMIN, Role.GRANT_OFFICER})
ALL_ROLES = frozenset(Role)

ViewFunc = Callable[..., HttpResponseBase]


def otp_required_for(request: HttpRequest) -> bool:
    """True when one of the user's roles demands a verified second factor."""
    required = set(getattr(settings, "OTP_REQUIRED_ROLES", []))
    return bool(required & set(getattr(request, "roles", set())))


def second_factor_passed(request: HttpRequest) -> bool:
    """This session gave a code, or logged in through an IdP whose login counts as one."""
    oidc_ok = getattr(settings, "OIDC_SATISFIES_OTP", False) and request.session.get(
        "auth_via_oidc"
    )
    return bool(oidc_ok) or request.user.is_verified()  # type: ignore[union-attr]


def _check(request: HttpRequest, roles: frozenset[str]) -> HttpResponseBase | None:
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if otp_required_for(request) and not second_factor_passed(request):
        return redirect("otp_verify" if has_device(user) else "otp_setup")
    if roles and not (set(getattr(request, "roles", set())) & roles):
        raise PermissionDenied
    return None


def has_device(user: Any) -> bool:
    """The user has a confirmed second factor (authenticator app or recovery codes)."""
    from django_otp import devices_for_user

    return any(True for _ in devices_for_user(user, confirmed=True))


def requires(*roles: str, write: Iterable[str] | None = None) -> Callable[[ViewFunc], ViewFunc]:
    """Allow users holding any of ``roles`` in the current verksamhet.

    ``write``: roles allowed to POST (defaults to ``roles``). Others get 403 on POST.
    With no roles, any logged-in user passes (their own account pages).
    """
    read_roles = frozenset(roles)
    write_roles = frozenset(write) if write is not None else read_roles

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            denied = _check(request, read_roles)
            if denied is not None:
                return denied
            writing = request.method not in ("GET", "HEAD", "OPTIONS")
            if writing and not (set(getattr(request, "roles", set())) & write_roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        rule = {"roles": sorted(read_roles) or ["authenticated"], "write": sorted(write_roles)}
        setattr(wrapped, "access_rule", rule)  # noqa: B010
        return wrapped

    return decorator


def login_only(view: ViewFunc) -> ViewFunc:
    """Any logged-in user, whatever their roles (own account, second factor set-up)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    setattr(wrapped, "access_rule", {"roles": ["authenticated"], "otp": False})  # noqa: B010
    return wrapped


def account_page(view: ViewFunc) -> ViewFunc:
    """Any logged-in user's own account (the password), with the second factor their roles
    demand: a password alone must not be enough to replace the password."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        denied = _check(request, frozenset())
        if denied is not None:
            return denied
        return view(request, *args, **kwargs)

    setattr(wrapped, "access_rule", {"roles": ["authenticated"], "otp": True})  # noqa: B010
    return wrapped


def public(view: ViewFunc) -> ViewFunc:
    """Explicitly open to everyone (login, password reset, accessibility statement)."""
    setattr(view, "access_rule", {"roles": ["public"]})  # noqa: B010
    return view


def has_role(request: HttpRequest, *roles: str) -> bool:
    return bool(set(getattr(request, "roles", set())) & set(roles))


def is_staff(request: HttpRequest) -> bool:
    """The verksamhet's own staff (sees unsuppressed figures)."""
    return has_role(request, *STAFF_ROLES)
