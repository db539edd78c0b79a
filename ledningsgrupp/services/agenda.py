"""The agenda: drafted from standing items, systembrister and open action items; then edited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, OuterRef, Q, Subquery
from django.utils import translation
from django.utils.translation import gettext as _

from core.audit import acting_as, save
from systembrister.models import Status as SystembristStatus
from systembrister.models import Systembrist
from systembrister.services import systembrist_put_on_agenda

from ..models import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AgendaItemKind,
    Meeting,
    MeetingStatus,
    Protokoll,
)
from ._guard import guard

# Reports the ledningsgrupp should hear about at its next meeting.
AGENDA_STATUSES = [
    SystembristStatus.ACCEPTED,
    SystembristStatus.AWAITING_ANSWER,
    SystembristStatus.ANSWERED,
]


def _next_order(meeting: Meeting) -> int:
    top = AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("order"))["m"]
    return (top or 0) + 1


def _add(meeting: Meeting, *, by: Any, **fields: Any) -> AgendaItem:
    item = AgendaItem(meeting=meeting, order=_next_order(meeting), **fields)
    save(item, by=by)
    return item


def _previous_protokoll_text(meeting: Meeting) -> str:
    previous = (
        Protokoll.objects.filter(
            meeting__ledningsgrupp=meeting.ledningsgrupp, meeting__date__lt=meeting.date
        )
        .select_related("meeting")
        .order_by("-meeting__date")
        .first()
    )
    if previous is None:
        return ""
    numbers = list(previous.paragraphs.values_list("number", "year"))
    text = _("Protokoll of %(date)s") % {"date": f"{previous.meeting.date:%Y-%m-%d}"}
    if numbers:
        text += f", § {numbers[0][0]}–{numbers[-1][0]}/{numbers[0][1]}"
    if previous.locked_at:
        text += ", " + _("justerat")
    return text


def _standing_items(meeting: Meeting, by: Any) -> None:
    with translation.override("sv"):
        _add(
            meeting,
            by=by,
            kind=AgendaItemKind.STANDING,
            title=_("Opening of the meeting and election of a justerare"),
        )
        _add(
            meeting,
            by=by,
            kind=AgendaItemKind.STANDING,
            title=_("Previous protokoll"),
            description=_previous_protokoll_text(meeting),
        )
        _add(
            meeting,
            by=by,
            kind=AgendaItemKind.STANDING,
            title=_("Report from the personal representatives (ombud)"),
        )


def _put_on(meeting: Meeting, report: Systembrist, by: Any) -> Systembrist:
    report = systembrist_put_on_agenda(report=report, meeting=meeting, by=by)
    if not AgendaItem.objects.filter(meeting=meeting, systembrist=report).exists():
        _add(
            meeting,
            by=by,
            kind=AgendaItemKind.SYSTEMBRIST,
            title=report.title,
            systembrist=report,
            description=report.get_status_display(),
        )
    return report


def _carry_systembrister(meeting: Meeting, by: Any) -> int:
    group = meeting.ledningsgrupp
    present = AgendaItem.objects.filter(meeting=meeting, systembrist__isnull=False).values(
        "systembrist_id"
    )
    # The meeting a report is on: the latest one whose agenda holds it.
    last_meeting_date = (
        AgendaItem.objects.filter(systembrist=OuterRef("pk"))
        .order_by("-meeting__date", "-pk")
        .values("meeting__date")[:1]
    )
    earlier_agenda = Q(status=SystembristStatus.ON_AGENDA) & (
        Q(last_meeting_date__isnull=True) | Q(last_meeting_date__lt=meeting.date)
    )
    reports = (
        Systembrist.objects.filter(verksamhet_id=group.verksamhet_id)
        .annotate(last_meeting_date=Subquery(last_meeting_date))
        .filter(Q(status__in=AGENDA_STATUSES) | earlier_agenda)
        .exclude(pk__in=present)
        .order_by("first_observed", "pk")
    )
    added = 0
    for report in reports:
        _put_on(meeting, report, by)
        added += 1
    return added


def _carry_action_items(meeting: Meeting, by: Any) -> int:
    present = AgendaItem.objects.filter(meeting=meeting, action_item__isnull=False).values(
        "action_item_id"
    )
    items = (
        ActionItem.objects.filter(ledningsgrupp=meeting.ledningsgrupp, status=ActionItemStatus.OPEN)
        .exclude(paragraph__protokoll__meeting=meeting)
        .exclude(paragraph__protokoll__meeting__date__gt=meeting.date)
        .exclude(pk__in=present)
        .select_related("owner_organisation", "owner_representative")
        .order_by("due", "pk")
    )
    added = 0
    for action in items:
        owner = action.owner_organisation or action.owner_representative
        description = _("Owner: %(owner)s") % {"owner": owner} if owner else ""
        if action.due:
            description += (", " if description else "") + _("due %(date)s") % {
                "date": f"{action.due:%Y-%m-%d}"
            }
        _add(
            meeting,
            by=by,
            kind=AgendaItemKind.ACTION_ITEM,
            title=action.title,
            action_item=action,
            description=description,
        )
        added += 1
    return added


@transaction.atomic
def agenda_draft(*, meeting: Meeting, by: Any) -> int:
    """Draft (or bring up to date) the agenda of a planned meeting. Returns items added.

    Standing items come first (once); then accepted systembrister (put on this agenda through
    the systembrister service), those awaiting or having an answer, and those still on an
    earlier meeting's agenda; then open action items from earlier meetings. Nothing already
    there is repeated.
    """
    meeting = Meeting.objects.select_for_update().select_related("ledningsgrupp").get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only the agenda of a planned meeting can be drafted."))
    added = 0
    if not AgendaItem.objects.filter(meeting=meeting, kind=AgendaItemKind.STANDING).exists():
        _standing_items(meeting, by)
        added += 3
    with translation.override("sv"):
        added += _carry_systembrister(meeting, by)
        added += _carry_action_items(meeting, by)
    return added


@transaction.atomic
def agenda_systembrist_add(*, meeting: Meeting, report: Systembrist, by: Any) -> Systembrist:
    """Put a systembrist on a planned meeting's agenda (from the report's page): an agenda item
    for it, and the report ON_AGENDA through the systembrister service."""
    meeting = Meeting.objects.select_for_update().select_related("ledningsgrupp").get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only the agenda of a planned meeting can be drafted."))
    with translation.override("sv"):
        return _put_on(meeting, report, by)


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, by: Any, title: str, description: str = "") -> AgendaItem:
    if not title.strip():
        raise ValidationError({"title": _("Write a title.")})
    guard(meeting.ledningsgrupp.verksamhet, {"title": title, "description": description}, by=by)
    return _add(meeting, by=by, kind=AgendaItemKind.FREE, title=title, description=description)


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, by: Any, title: str, description: str = ""
) -> AgendaItem:
    if not title.strip():
        raise ValidationError({"title": _("Write a title.")})
    guard(
        item.meeting.ledningsgrupp.verksamhet,
        {"title": title, "description": description},
        by=by,
    )
    item.title, item.description = title, description
    save(item, by=by)
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by: Any, direction: str) -> None:
    """Swap the item with its neighbour above ("up") or below ("down")."""
    items = list(
        AgendaItem.objects.select_for_update()
        .filter(meeting_id=item.meeting_id)
        .order_by("order", "pk")
    )
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return
    items[index], items[other] = items[other], items[index]
    for position, it in enumerate(items, start=1):
        if it.order != position:
            it.order = position
            save(it, by=by)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, by: Any) -> None:
    with acting_as(by):
        item.delete()
