"""The verksamhet's people: who holds a role there, with what, and how they log in."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import Role, RoleAssignment, User, Verksamhet

from ..models import Invitation


def people(verksamhet: Verksamhet) -> QuerySet[User]:
    """Everyone with a role in ``verksamhet`` (active or not), with their roles there and
    whether an authenticator app is set up: two queries whatever their number."""
    here = RoleAssignment.objects.filter(verksamhet=verksamhet)
    return (
        User.objects.filter(Exists(here.filter(user=OuterRef("pk"))))
        .annotate(has_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        .prefetch_related(
            Prefetch(
                "roles",
                queryset=here.select_related("organisation").order_by("role"),
                to_attr="roles_here",
            )
        )
        .order_by("-is_active", "first_name", "last_name", "email")
    )


def search_people(qs: QuerySet[User], text: str) -> QuerySet[User]:
    q = Q()
    for word in text.split():
        q &= Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
    return qs.filter(q)


def with_role(qs: QuerySet[User], verksamhet: Verksamhet, role: str) -> QuerySet[User]:
    return qs.filter(
        Exists(RoleAssignment.objects.filter(verksamhet=verksamhet, role=role, user=OuterRef("pk")))
    )


def person_in(verksamhet: Verksamhet, pk: int) -> User:
    """The user ``pk`` if they hold a role in ``verksamhet`` (404 otherwise)."""
    user = people(verksamhet).filter(pk=pk).first()
    if user is None:
        raise Http404
    return user


def role_in(verksamhet: Verksamhet, user: User, pk: int) -> RoleAssignment:
    found = RoleAssignment.objects.filter(verksamhet=verksamhet, user=user, pk=pk).first()
    if found is None:
        raise Http404
    return found


def role_history(verksamhet: Verksamhet, user: User) -> QuerySet[Any]:
    """Every change of the user's roles here: who, when, why."""
    return (
        RoleAssignment.history.filter(verksamhet_id=verksamhet.pk, user_id=user.pk)
        .select_related("history_user", "organisation")
        .order_by("-history_date")
    )


def ombud_choices(verksamhet: Verksamhet, *, leaving: User) -> list[User]:
    """Active ombud of the verksamhet who may take over clients from ``leaving``."""
    return list(
        User.objects.filter(is_active=True, roles__verksamhet=verksamhet, roles__role=Role.OMBUD)
        .exclude(pk=leaving.pk)
        .order_by("first_name", "last_name", "email")
        .distinct()
    )


def invitations_of(verksamhet: Verksamhet) -> list[Invitation]:
    """The verksamhet's invitations, those still waiting first."""
    now = timezone.now()
    rows = list(
        Invitation.objects.filter(verksamhet=verksamhet)
        .select_related("organisation", "invited_by")
        .order_by("-sent_at", "-pk")[:200]
    )
    rows.sort(key=lambda i: i.state(now) != Invitation.State.PENDING)
    return rows


def invitation_in(verksamhet: Verksamhet, pk: int) -> Invitation:
    found = Invitation.objects.filter(verksamhet=verksamhet, pk=pk).first()
    if found is None:
        raise Http404
    return found


def account_closed(user: User) -> Any:
    """The history row of the account's closing (who, when, why), if it was closed here."""
    return (
        User.history.filter(id=user.pk, is_active=False)
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )
