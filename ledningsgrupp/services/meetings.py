"""Meetings: create, edit, attendance, and the invitation e-mail with the agenda attached."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.audit import acting_as, save
from core.concurrency import lock_for_edit

from ..models import (
    Attendance,
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    OtherAttendee,
    Protokoll,
)
from ..selectors import representatives_on
from ._guard import guard
from ._lock import ensure_unlocked, refuses_when_locked
from .agenda import agenda_draft


def ensure_taken_place(meeting: Meeting, what: str) -> None:
    """Attendance, justering and the lock record what happened: not before it has."""
    if not meeting.has_taken_place():
        raise ValidationError(
            _("%(what)s can be recorded once the meeting has taken place (%(end)s).")
            % {"what": what, "end": timezone.localtime(meeting.ends_at).strftime("%Y-%m-%d %H:%M")}
        )


def _validate(date: datetime.date, start_time: Any, end_time: Any, place: str, link: str) -> None:
    if end_time is not None and end_time <= start_time:
        raise ValidationError({"end_time": _("The meeting must end after it starts.")})
    if not place.strip() and not link.strip():
        raise ValidationError({"place": _("Give a place or a link for digital participation.")})


@transaction.atomic
def meeting_create(
    *,
    group: Ledningsgrupp,
    by: Any,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time | None = None,
    place: str = "",
    link: str = "",
    draft_agenda: bool = True,
) -> Meeting:
    """Plan a meeting; its agenda is drafted at once (``draft_agenda=False``: only when importing
    meetings already held)."""
    _validate(date, start_time, end_time, place, link)
    meeting = Meeting(
        ledningsgrupp=group,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place,
        link=link,
    )
    save(meeting, by=by)
    if draft_agenda:
        agenda_draft(meeting=meeting, by=by)
    return meeting


@refuses_when_locked
@transaction.atomic
def meeting_update(
    *, meeting: Meeting, by: Any, expected_version: int | None, **fields: Any
) -> Meeting:
    lock_for_edit(meeting, expected_version)
    protokoll = Protokoll.objects.select_for_update().filter(meeting=meeting).first()
    ensure_unlocked(protokoll, _("Change of the meeting's details"))
    for name in ("date", "start_time", "end_time", "place", "link", "status"):
        if name in fields:
            setattr(meeting, name, fields[name])
    _validate(meeting.date, meeting.start_time, meeting.end_time, meeting.place, meeting.link)
    if meeting.status == MeetingStatus.HELD and not meeting.has_taken_place():
        raise ValidationError(
            {"status": _("A meeting that has not taken place yet cannot be marked as held.")}
        )
    save(meeting, by=by)
    return meeting


@refuses_when_locked
@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    by: Any,
    rows: Sequence[tuple[Any, str, str]],
    staff: Sequence[Any] | None = None,
    guests: Sequence[tuple[str, str]] | None = None,
) -> list[Attendance]:
    """Record attendance: rows of (representative, status, substitute name); empty status clears.

    ``staff`` and ``guests`` are the others present: logins of the verksamhet's staff, and
    (name, role or organisation) of invited guests; given, they replace the earlier list.
    """
    protokoll = Protokoll.objects.select_for_update().filter(meeting=meeting).first()
    ensure_unlocked(protokoll, _("Change of attendance"))
    ensure_taken_place(meeting, _("The attendance"))
    # The members read who was there in the protokoll: a client's name must not be among them.
    texts = {f"substitute_{rep.pk}": substitute for rep, _status, substitute in rows}
    texts["guests"] = "\n".join(f"{name}, {capacity}" for name, capacity in guests or [])
    guard(meeting.ledningsgrupp.verksamhet, texts, by=by)
    allowed = {r.pk for r in representatives_on(group=meeting.ledningsgrupp, on=meeting.date)}
    existing = {a.representative_id: a for a in Attendance.objects.filter(meeting=meeting)}
    saved = []
    for representative, status, substitute in rows:
        if representative.pk not in allowed:
            raise ValidationError(
                _("%(name)s is not a representative on the meeting's date.")
                % {"name": representative}
            )
        if status == AttendanceStatus.SUBSTITUTE and not substitute.strip():
            raise ValidationError(
                {f"substitute_{representative.pk}": _("Write the substitute's name.")}
            )
        row = existing.get(representative.pk)
        if not status:
            if row is not None:
                with acting_as(by):
                    row.delete()
            continue
        row = row or Attendance(meeting=meeting, representative=representative)
        row.status = status
        row.substitute_name = substitute.strip() if status == AttendanceStatus.SUBSTITUTE else ""
        save(row, by=by)
        saved.append(row)
    if staff is not None or guests is not None:
        _others_record(meeting, by=by, staff=staff or [], guests=guests or [])
    return saved


def _others_record(
    meeting: Meeting, *, by: Any, staff: Sequence[Any], guests: Sequence[tuple[str, str]]
) -> None:
    """Replace the others present: unchanged rows stay (their history is not churned)."""
    wanted_users = {u.pk: u for u in staff}
    wanted_guests = {(n.strip(), c.strip()) for n, c in guests if n.strip()}
    for other in OtherAttendee.objects.filter(meeting=meeting):
        key = (other.name, other.capacity)
        if other.user_id in wanted_users:
            wanted_users.pop(other.user_id)
        elif other.user_id is None and key in wanted_guests:
            wanted_guests.discard(key)
        else:
            with acting_as(by):
                other.delete()
    for user in wanted_users.values():
        save(OtherAttendee(meeting=meeting, user=user), by=by)
    for name, capacity in sorted(wanted_guests):
        save(OtherAttendee(meeting=meeting, name=name, capacity=capacity), by=by)


@transaction.atomic
def invitation_send(*, meeting: Meeting, by: Any) -> tuple[int, int]:
    """E-mail the invitation with the agenda PDF and a calendar file to every representative.

    Returns (sent, without e-mail): representatives without a login have no address.
    """
    from ..documents import agenda_pdf, meeting_ics

    meeting = Meeting.objects.select_for_update().select_related("ledningsgrupp").get(pk=meeting.pk)
    if meeting.has_started():
        raise ValidationError(_("The meeting has started: the invitation can no longer be sent."))
    reps = representatives_on(group=meeting.ledningsgrupp, on=meeting.date)
    recipients = sorted({r.user.email for r in reps if r.user is not None and r.user.email})
    without = len([r for r in reps if r.user is None or not r.user.email])
    if not recipients:
        raise ValidationError(_("No representative has an e-mail address."))
    with translation.override("sv"):
        subject = _("Invitation: %(group)s %(date)s") % {
            "group": meeting.ledningsgrupp.name,
            "date": f"{meeting.date:%Y-%m-%d}",
        }
        where = meeting.place or meeting.link
        body = _(
            "Welcome to the steering group's meeting on %(date)s at %(time)s, %(where)s.\n\n"
            "The agenda is attached, with a calendar file."
        ) % {
            "date": f"{meeting.date:%Y-%m-%d}",
            "time": f"{meeting.start_time:%H:%M}",
            "where": where,
        }
        pdf = agenda_pdf(meeting)
        ics = meeting_ics(meeting)
    for address in recipients:
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        message.attach(f"dagordning-{meeting.date:%Y-%m-%d}.pdf", pdf, "application/pdf")
        message.attach(f"mote-{meeting.date:%Y-%m-%d}.ics", ics, "text/calendar")
        message.send()
    meeting.invitation_sent_at = timezone.now()
    meeting.version += 1
    save(meeting, by=by)
    return len(recipients), without
