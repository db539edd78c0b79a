"""Every write to a systembrist goes through here, with the acting user and a timeline event."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ombud.audit import save

from .models import Event, EventKind, Status, Systembrist


def _event(
    report: Systembrist, *, by: Any, kind: str, comment: str = "", reference: str = ""
) -> Event:
    event = Event(systembrist=report, by=by, kind=kind, comment=comment, reference=reference)
    save(event, by=by)
    return event


@transaction.atomic
def systembrist_put_on_agenda(*, report: Systembrist, meeting: Any, by: Any) -> Systembrist:
    """Called by the ledningsgrupp when the report is placed on a meeting's agenda.

    An accepted report moves to ON_AGENDA; a report already further along (awaiting or with
    an answer) keeps its status but is linked to the meeting, and the timeline records it.
    """
    report = Systembrist.objects.select_for_update().get(pk=report.pk)
    allowed = {Status.ACCEPTED, Status.ON_AGENDA, Status.AWAITING_ANSWER, Status.ANSWERED}
    if report.status not in allowed:
        raise ValidationError(_("Only accepted reports can be put on the agenda."))
    if meeting.ledningsgrupp.verksamhet_id != report.verksamhet_id:
        raise ValidationError(_("The meeting belongs to another PO service."))
    report.meeting = meeting
    if report.status == Status.ACCEPTED:
        report.status = Status.ON_AGENDA
    report.version += 1
    save(report, by=by)
    _event(report, by=by, kind=EventKind.ON_AGENDA, reference=f"{meeting.date:%Y-%m-%d}")
    return report


@transaction.atomic
def systembrist_record_decision(
    *, report: Systembrist, by: Any, decision: str, reference: str
) -> Event:
    """Called by the ledningsgrupp when a protokoll paragraph decides on the report."""
    return _event(report, by=by, kind=EventKind.DECISION, comment=decision, reference=reference)
