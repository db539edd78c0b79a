"""Who may do what: named capabilities, mapped from roles in one table.

Views declare the capability they need (``@requires("client.edit")``); selectors and services
ask the same API (``actor.can("meeting.manage", meeting)``). A capability names what may be
done, never who: which roles hold it is written once, in ``CAPABILITIES`` below.

Roles are held per verksamhet (``RoleAssignment``). An ``Actor`` is a user in one verksamhet
with the roles held there; the middleware puts one on every request (``request.actor``), and
services build one from ``by`` with ``actor_for``.

Some capabilities also depend on the object: a meeting's agenda can be changed only while the
meeting is planned; an ombud may take a client only from the waiting list. The app that owns
the object registers that check with ``object_rule`` (in its ``access.py``, imported by its
AppConfig.ready); the role table stays here, so one look tells who holds what.

Deny by default: an unknown capability is a programming error (KeyError), a capability
without roles is held by nobody.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone

from core.models import Organisation, Role, RoleAssignment, User, Verksamhet

if TYPE_CHECKING:
    from core.http import Request

OMBUD, LEAD, MEMBER, GRANT_OFFICER, ADMIN = (
    Role.OMBUD,
    Role.LEAD,
    Role.MEMBER,
    Role.GRANT_OFFICER,
    Role.ADMIN,
)
EVERYONE = frozenset(Role)
STAFF = frozenset({OMBUD, LEAD, ADMIN, GRANT_OFFICER})
CLIENT_WORK = frozenset({OMBUD, LEAD, ADMIN})
LEADERS = frozenset({LEAD, ADMIN})
GRANT_MANAGERS = frozenset({LEAD, GRANT_OFFICER, ADMIN})

# The one table: capability -> the roles that hold it (before any object rule).
CAPABILITIES: dict[str, frozenset[str]] = {
    "dashboard.view": EVERYONE,
    # Client work. Lead and admin see every client; an ombud sees the clients assigned to
    # them today and, read-only, the waiting list (the object rules in clients/access.py).
    "client.list": CLIENT_WORK,
    "client.view": CLIENT_WORK,
    "client.create": CLIENT_WORK,
    "client.edit": CLIENT_WORK,
    "client.take": frozenset({OMBUD}),
    "client.see_all": LEADERS,
    "task.manage": frozenset({OMBUD}),
    # Systembrister: everyone reads what concerns them (systembrister/selectors.py); the
    # reporter edits and submits their own drafts, another ombud supports, a member answers
    # for a responsible organisation (systembrister/access.py).
    "systembrist.view": EVERYONE,
    "systembrist.see_all": LEADERS,
    "systembrist.see_closed": frozenset({GRANT_OFFICER}),
    "systembrist.see_reporters": STAFF,
    "systembrist.report": frozenset({OMBUD}),
    "systembrist.edit": frozenset({OMBUD}),
    "systembrist.support": frozenset({OMBUD}),
    "systembrist.review": LEADERS,
    "systembrist.answer": frozenset({MEMBER}),
    # Ledningsgrupp: lead and admin manage; a member only as the group's secretary, the
    # agenda only while the meeting is planned, a draft protokoll is read by those who
    # manage and its signatories (ledningsgrupp/access.py).
    "ledningsgrupp.view": EVERYONE,
    "ledningsgrupp.next_meeting": frozenset({OMBUD, LEAD, ADMIN}),  # the dashboard card
    "ledningsgrupp.member_card": frozenset({MEMBER}),  # the member's own dashboard card
    "meeting.manage": frozenset({LEAD, ADMIN, MEMBER}),
    "meeting.manage_any": LEADERS,  # without being the group's secretary
    "meeting.plan": frozenset({LEAD, ADMIN, MEMBER}),
    "meeting.present_as_staff": frozenset({OMBUD, LEAD}),  # "övriga närvarande" of staff
    "protokoll.keep_minutes": frozenset({LEAD}),  # the samordnare as the protokoll's secretary
    "protokoll.read": EVERYONE,
    # The chair and the justerare sign; lead and admin are told why they cannot (the service).
    "protokoll.sign": frozenset({LEAD, ADMIN, MEMBER}),
    # Statsbidrag.
    "grant.view": EVERYONE,
    "grant.manage": GRANT_MANAGERS,
    "grant.application.read": GRANT_MANAGERS | {MEMBER},
    "grant.redovisning.read": GRANT_MANAGERS | {OMBUD, MEMBER},
    # Drafts are the staff's own; members read a document once it is submitted
    # (statsbidrag/access.py).
    "grant.draft.read": STAFF,
    # Whose employment periods make the årsanställningar.
    "grant.employment.counted": frozenset({OMBUD}),
    "figures.exact": STAFF,
    # Data protection and audit.
    "dataprotection.view": LEADERS,
    "gallring.run": LEADERS,
    "anonymisation.request": frozenset({LEAD}),
    # Never the person who asked, and only while open (dataprotection/access.py).
    "anonymisation.decide": frozenset({ADMIN}),
    "logreview.sign": frozenset({LEAD}),
    "history.view": LEADERS,
    # Spreadsheets in (imports/) and the whole verksamhet out (administration/export.py).
    "data.import": LEADERS,
    "data.export": frozenset({ADMIN}),
    "users.manage": frozenset({ADMIN}),
    "organisations.manage": LEADERS,  # the register consents, contacts and answers name
    "verksamhet.settings": frozenset({ADMIN}),
    # The scheduler's job log (jobs/): the last runs and any failure.
    "jobs.view": frozenset({ADMIN}),
    # The year's E-ARK SIP of stored documents for the kommun's e-arkiv (earkiv/).
    "earkiv.export": frozenset({ADMIN}),
}

ObjectRule = Callable[["Actor", Any], bool]
OBJECT_RULES: dict[str, ObjectRule] = {}


def object_rule(capability: str) -> Callable[[ObjectRule], ObjectRule]:
    """Register the check of ``capability`` on one object (called with the actor and it)."""
    if capability not in CAPABILITIES:
        raise KeyError(capability)

    def register(rule: ObjectRule) -> ObjectRule:
        OBJECT_RULES[capability] = rule
        return rule

    return register


@dataclass(frozen=True)
class Actor:
    """A user acting in one verksamhet, with the roles held there."""

    user: Any
    verksamhet: Verksamhet | None
    roles: frozenset[str] = frozenset()
    organisation: Organisation | None = None  # the ledningsgrupp member's organisation
    today: datetime.date = field(default_factory=timezone.localdate)

    def holds(self, capability: str) -> bool:
        """The role part of the rule alone (menus, whether to show a button at all)."""
        return bool(self.roles & CAPABILITIES[capability])

    def can(self, capability: str, obj: Any = None) -> bool:
        if self.verksamhet is None or not self.holds(capability):
            return False
        rule = OBJECT_RULES.get(capability)
        return obj is None or rule is None or rule(self, obj)

    def require(self, capability: str, obj: Any = None) -> None:
        if not self.can(capability, obj):
            raise PermissionDenied


ANONYMOUS = Actor(user=None, verksamhet=None)


def verksamhet_of(actor: Actor) -> Verksamhet:
    """The actor's verksamhet. ``requires()`` lets no actor without one reach a view, so the
    404 is a second line, not a branch a page has to handle."""
    if actor.verksamhet is None:
        raise Http404
    return actor.verksamhet


def actor_for(user: Any, verksamhet: Verksamhet | int) -> Actor:
    """The actor for a service's ``by`` in ``verksamhet`` (one query)."""
    verksamhet_id = verksamhet if isinstance(verksamhet, int) else verksamhet.pk
    assignments = list(
        RoleAssignment.objects.filter(user=user, verksamhet_id=verksamhet_id).select_related(
            "verksamhet", "organisation"
        )
    )
    if not assignments:
        return Actor(user=user, verksamhet=None)
    member = next((a for a in assignments if a.role == MEMBER), None)
    return Actor(
        user=user,
        verksamhet=assignments[0].verksamhet,
        roles=frozenset(a.role for a in assignments),
        organisation=member.organisation if member else None,
    )


def holders(capability: str, verksamhet: Verksamhet | int) -> QuerySet[User]:
    """The active users whose roles in ``verksamhet`` hold ``capability`` (one query)."""
    verksamhet_id = verksamhet if isinstance(verksamhet, int) else verksamhet.pk
    return (
        User.objects.filter(
            is_active=True,
            roles__verksamhet_id=verksamhet_id,
            roles__role__in=CAPABILITIES[capability],
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def otp_required_for(actor: Actor) -> bool:
    """True when one of the actor's roles demands a verified second factor."""
    return bool(set(getattr(settings, "OTP_REQUIRED_ROLES", [])) & actor.roles)


ViewFunc = Callable[..., HttpResponseBase]


def declare(view: ViewFunc, rule: dict[str, Any]) -> None:
    """Record the view's access rule on it, for the access-matrix test (tests/)."""
    setattr(view, "access_rule", rule)  # noqa: B010 (an attribute of our own on a function)


def second_factor_passed(request: HttpRequest) -> bool:
    """This session gave a code, or logged in through an IdP whose login counts as one."""
    oidc_ok = getattr(settings, "OIDC_SATISFIES_OTP", False) and request.session.get(
        "auth_via_oidc"
    )
    verified = getattr(request.user, "is_verified", None)  # django-otp's middleware adds it
    return bool(oidc_ok) or bool(verified and verified())


def has_device(user: Any) -> bool:
    """The user has a confirmed second factor (authenticator app or recovery codes)."""
    from django_otp import devices_for_user

    return any(True for _ in devices_for_user(user, confirmed=True))


def login_step(request: HttpRequest) -> HttpResponseBase | None:
    """Not logged in, or the second factor the roles demand still missing: where to go first."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    actor = getattr(request, "actor", ANONYMOUS)
    if otp_required_for(actor) and not second_factor_passed(request):
        return redirect("otp_verify" if has_device(request.user) else "otp_setup")
    return None


def requires(
    capability: str, *, write: str | None = None, others: int = 403
) -> Callable[[ViewFunc], ViewFunc]:
    """The view needs ``capability`` (and ``write`` to POST; defaults to ``capability``).

    ``others=404``: users without the capability are told the page does not exist (client
    records: outsiders learn nothing), instead of 403.
    """
    for name in (capability, write or capability):
        if name not in CAPABILITIES:
            raise KeyError(name)
    writing_cap = write or capability

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
            step = login_step(request)
            if step is not None:
                return step
            actor = request.actor
            denied: type[Exception] = Http404 if others == 404 else PermissionDenied
            if not actor.can(capability):
                raise denied
            if request.method not in ("GET", "HEAD", "OPTIONS") and not actor.can(writing_cap):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        declare(
            wrapped,
            {
                "capability": capability,
                "write": writing_cap,
                "roles": sorted(CAPABILITIES[capability]),
                "others": others,
            },
        )
        return wrapped

    return decorator


def login_only(view: ViewFunc) -> ViewFunc:
    """Any logged-in user, whatever their roles (the second-factor pages themselves)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    declare(wrapped, {"roles": ["authenticated"], "otp": False})
    return wrapped


def account_page(view: ViewFunc) -> ViewFunc:
    """Any logged-in user's own account (the password), with the second factor their roles
    demand: a password alone must not be enough to replace the password."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        step = login_step(request)
        if step is not None:
            return step
        return view(request, *args, **kwargs)

    declare(wrapped, {"roles": ["authenticated"], "otp": True})
    return wrapped


def public(view: ViewFunc) -> ViewFunc:
    """Explicitly open to everyone (login, password reset, accessibility statement)."""
    declare(view, {"roles": ["public"]})
    return view
