"""Reads behind the ledningsgrupp screens, scoped to the actor's verksamhet: an object of
another verksamhet is a 404. Who may do what with them is in ledningsgrupp/access.py."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from core.access import Actor
from core.models import Verksamhet
from systembrister.models import Status as SystembristStatus
from systembrister.models import Systembrist

from ..models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    MemberOrganisation,
    Paragraph,
    Protokoll,
    Representative,
    SeatOffer,
    Signature,
)

# Systembrister a member sees on the dashboard: accepted and not yet closed.
OPEN_FOR_MEMBERS = [
    SystembristStatus.ACCEPTED,
    SystembristStatus.ON_AGENDA,
    SystembristStatus.AWAITING_ANSWER,
    SystembristStatus.ANSWERED,
]


def ledningsgrupp_for(*, actor: Actor) -> Ledningsgrupp | None:
    """The ledningsgrupp of the actor's verksamhet (None before it is set up)."""
    if actor.verksamhet is None:
        return None
    return (
        Ledningsgrupp.objects.filter(verksamhet=actor.verksamhet)
        .select_related("verksamhet", "convened_by")
        .first()
    )


def _active(qs: Any, on: datetime.date) -> Any:
    return qs.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))


def members_on(*, group: Ledningsgrupp, on: datetime.date) -> list[MemberOrganisation]:
    return list(
        _active(MemberOrganisation.objects.filter(ledningsgrupp=group), on).select_related(
            "organisation"
        )
    )


def representatives_on(*, group: Ledningsgrupp, on: datetime.date) -> list[Representative]:
    """Representatives whose own period and whose organisation's membership cover ``on``."""
    reps = _active(
        Representative.objects.filter(member_organisation__ledningsgrupp=group), on
    ).filter(member_organisation__start__lte=on)
    reps = reps.filter(
        Q(member_organisation__end__isnull=True) | Q(member_organisation__end__gte=on)
    )
    return list(reps.select_related("user", "member_organisation__organisation"))


def membership_overview(*, group: Ledningsgrupp) -> dict[str, Any]:
    """Member organisations (all periods) with their representatives, and the seat offers."""
    members = list(
        MemberOrganisation.objects.filter(ledningsgrupp=group)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "representatives",
                queryset=Representative.objects.select_related("user").order_by("role", "start"),
            )
        )
        .order_by("organisation__name", "-start")
    )
    offers = list(SeatOffer.objects.filter(ledningsgrupp=group).select_related("organisation"))
    return {"members": members, "offers": offers}


def meeting_for(*, actor: Actor, pk: int) -> Meeting:
    """A meeting of the actor's own ledningsgrupp, else 404."""
    meeting = (
        Meeting.objects.filter(pk=pk, ledningsgrupp__verksamhet=actor.verksamhet)
        .select_related("ledningsgrupp__verksamhet", "ledningsgrupp__convened_by")
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def agenda_item_for(*, actor: Actor, pk: int) -> AgendaItem:
    """An agenda item of a meeting of the actor's own ledningsgrupp, else 404."""
    item = (
        AgendaItem.objects.filter(pk=pk, meeting__ledningsgrupp__verksamhet=actor.verksamhet)
        .select_related("meeting__ledningsgrupp")
        .first()
    )
    if item is None:
        raise Http404
    return item


def paragraph_for(*, actor: Actor, pk: int) -> Paragraph:
    """A § of the actor's own ledningsgrupp, else 404."""
    paragraph = (
        Paragraph.objects.filter(pk=pk, ledningsgrupp__verksamhet=actor.verksamhet)
        .select_related("protokoll__meeting__ledningsgrupp__verksamhet")
        .first()
    )
    if paragraph is None:
        raise Http404
    return paragraph


def agenda_of(*, meeting: Meeting) -> list[AgendaItem]:
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related(
            "systembrist",
            "action_item__owner_organisation",
            "action_item__owner_representative__user",
        )
        .order_by("order", "pk")
    )


def upcoming_meetings(*, verksamhet: Verksamhet) -> list[Meeting]:
    """Planned meetings of the verksamhet's ledningsgrupp from today on (the meetings a
    systembrist can be put on, from its page)."""
    return list(
        Meeting.objects.filter(
            ledningsgrupp__verksamhet=verksamhet,
            status=MeetingStatus.PLANNED,
            date__gte=timezone.localdate(),
        )
        .select_related("ledningsgrupp")
        .order_by("date", "start_time")
    )


def protokoll_of(*, meeting: Meeting) -> Protokoll | None:
    protokoll = (
        Protokoll.objects.filter(meeting=meeting)
        .select_related(
            "chair__user",
            "chair__member_organisation__organisation",
            "secretary__user",
            "secretary__member_organisation__organisation",
            "justerare__user",
            "justerare__member_organisation__organisation",
        )
        .first()
    )
    if protokoll is not None:
        protokoll.meeting = meeting  # the access rules ask for its ledningsgrupp
    return protokoll


def signatures_of(*, protokoll: Protokoll) -> dict[str, Signature]:
    """The signatures by kind, prefetched on the protokoll (the ``protokoll.sign`` rule reads
    them there)."""
    prefetch_related_objects(
        [protokoll], Prefetch("signatures", queryset=Signature.objects.select_related("user"))
    )
    return {s.kind: s for s in protokoll.signatures.all()}


def paragraphs_of(*, protokoll: Protokoll) -> list[Paragraph]:
    return list(
        Paragraph.objects.filter(protokoll=protokoll)
        .prefetch_related("systembrister", "action_items__owner_organisation")
        .prefetch_related("action_items__owner_representative__user")
        .order_by("number")
    )


def meetings_archive(
    *, group: Ledningsgrupp, year: int | None = None, q: str = ""
) -> dict[str, Any]:
    """Meetings of one year (with their protokoll), the years available, and decision search."""
    years = sorted(
        {
            d.year
            for d in Meeting.objects.filter(ledningsgrupp=group).values_list("date", flat=True)
        },
        reverse=True,
    )
    meetings = Meeting.objects.filter(ledningsgrupp=group).select_related("protokoll")
    if year:
        meetings = meetings.filter(date__year=year)
    hits: list[Paragraph] = []
    if q.strip():
        hits = list(
            Paragraph.objects.filter(ledningsgrupp=group, protokoll__locked_at__isnull=False)
            .filter(Q(decision__icontains=q) | Q(title__icontains=q) | Q(discussion__icontains=q))
            .select_related("protokoll__meeting")
            .order_by("-year", "-number")[:100]
        )
    return {"years": years, "meetings": list(meetings.order_by("-date")), "hits": hits}


def action_items_of(*, group: Ledningsgrupp, status: str = "") -> list[ActionItem]:
    qs = ActionItem.objects.filter(ledningsgrupp=group).select_related(
        "owner_organisation",
        "owner_representative__user",
        "owner_representative__member_organisation__organisation",
        "paragraph__protokoll__meeting",
    )
    if status:
        qs = qs.filter(status=status)
    return list(qs.order_by("status", "due", "pk"))


def next_meeting(*, group: Ledningsgrupp) -> Meeting | None:
    return (
        Meeting.objects.filter(
            ledningsgrupp=group, status=MeetingStatus.PLANNED, date__gte=timezone.localdate()
        )
        .order_by("date", "start_time")
        .first()
    )


def next_meeting_of(*, actor: Actor) -> Meeting | None:
    """``next_meeting`` of the actor's ledningsgrupp without fetching the group first."""
    return (
        Meeting.objects.filter(
            ledningsgrupp__verksamhet=actor.verksamhet,
            status=MeetingStatus.PLANNED,
            date__gte=timezone.localdate(),
        )
        .order_by("date", "start_time")
        .first()
    )


def latest_justerat(*, group: Ledningsgrupp) -> Protokoll | None:
    return (
        Protokoll.objects.filter(meeting__ledningsgrupp=group, locked_at__isnull=False)
        .select_related("meeting")
        .order_by("-meeting__date")
        .first()
    )


def member_dashboard(*, actor: Actor, group: Ledningsgrupp) -> dict[str, Any]:
    """What a member needs: next meeting, documents, own organisation's systembrister and actions."""
    user, organisation, today = actor.user, actor.organisation, actor.today
    reports = list(
        Systembrist.objects.filter(
            verksamhet_id=group.verksamhet_id,
            organisations=organisation,
            status__in=OPEN_FOR_MEMBERS,
        )
        .distinct()
        .order_by("answer_due", "pk")
    )
    actions = list(
        ActionItem.objects.filter(ledningsgrupp=group, status=ActionItemStatus.OPEN)
        .filter(
            Q(owner_organisation=organisation)
            | Q(owner_representative__user=user)
            | Q(owner_representative__member_organisation__organisation=organisation)
        )
        .select_related("owner_organisation", "owner_representative__user")
        .distinct()
        .order_by("due", "pk")
    )
    unsigned = list(
        Protokoll.objects.filter(meeting__ledningsgrupp=group, locked_at__isnull=True)
        .filter(Q(chair__user=user) | Q(justerare__user=user))
        .exclude(signatures__user=user)
        .select_related("meeting")
    )
    return {
        "next_meeting": next_meeting(group=group),
        "latest_protokoll": latest_justerat(group=group),
        "systembrister": reports,
        "actions": actions,
        "to_sign": unsigned,
        "today": today,
    }
