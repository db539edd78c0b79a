"""Attendance at a meeting and what follows from it: the lists the protokoll states, who may
sign, the pre-filled justering and the quorum. Scoped like screens.py: the meeting is already
the actor's own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    OtherAttendee,
    Protokoll,
    Representative,
    RepresentativeRole,
)
from .screens import members_on


def attendance_of(*, meeting: Meeting) -> list[Attendance]:
    return list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("representative__user", "representative__member_organisation__organisation")
        .order_by("representative__member_organisation__organisation__name")
    )


def others_present_of(*, meeting: Meeting) -> list[OtherAttendee]:
    """The samordnare, ombud and guests present, as recorded with the attendance."""
    return list(OtherAttendee.objects.filter(meeting=meeting).select_related("user"))


def representatives_present(*, meeting: Meeting) -> list[Representative]:
    """The representatives recorded as present themselves (not through an ersättare)."""
    return [
        a.representative
        for a in attendance_of(meeting=meeting)
        if a.status == AttendanceStatus.PRESENT
    ]


def signatories_present(*, meeting: Meeting) -> list[Representative]:
    """Who may be chair or justerare: representatives present who have a login."""
    return [r for r in representatives_present(meeting=meeting) if r.user_id is not None]


@dataclass
class Presence:
    """One line of the attendance as the protokoll states it."""

    name: str
    organisation: str
    replaces: str = ""  # an ersättare: the representative replaced


@dataclass
class AttendanceLists:
    present: list[Presence]
    absent: list[Presence]
    others: list[Presence]


def attendance_lists(
    *, attendance: list[Attendance], others: list[OtherAttendee]
) -> AttendanceLists:
    """Present (an ersättare as replacing the member), absent, and the others present."""
    present, absent = [], []
    for a in attendance:
        rep = a.representative
        organisation = rep.member_organisation.organisation.name
        if a.status == AttendanceStatus.PRESENT:
            present.append(Presence(rep.display_name, organisation))
        elif a.status == AttendanceStatus.SUBSTITUTE:
            present.append(Presence(a.substitute_name, organisation, replaces=rep.display_name))
        else:
            absent.append(Presence(rep.display_name, organisation))
    return AttendanceLists(
        present=present,
        absent=absent,
        others=[Presence(o.display_name, o.capacity) for o in others],
    )


def justering_defaults(
    *, meeting: Meeting, present: list[Representative], samordnare: list[Any]
) -> dict[str, Any]:
    """Pre-filled justering: the group's chair if present (with a login), the previous
    meeting's justerare if present, its secretary if present, else the only samordnare."""
    signing = [r for r in present if r.user_id is not None]
    chair = next((r for r in signing if r.role == RepresentativeRole.CHAIR), None)
    previous = (
        Protokoll.objects.filter(
            meeting__ledningsgrupp_id=meeting.ledningsgrupp_id, meeting__date__lt=meeting.date
        )
        .order_by("-meeting__date")
        .values_list("justerare_id", flat=True)
        .first()
    )
    justerare = next((r for r in signing if r.pk == previous and r != chair), None)
    secretary = next((r for r in present if r.role == RepresentativeRole.SECRETARY), None)
    minutes_by = f"r{secretary.pk}" if secretary else ""
    if not minutes_by and len(samordnare) == 1:
        minutes_by = f"u{samordnare[0].pk}"
    return {"chair": chair, "justerare": justerare, "minutes_by": minutes_by}


@dataclass
class Quorum:
    present: int
    required: int
    members: int

    @property
    def reached(self) -> bool:
        return self.present >= self.required


def quorum_for(*, meeting: Meeting, attendance: list[Attendance] | None = None) -> Quorum:
    """Organisations present (a representative or a substitute) against the quorum."""
    group = meeting.ledningsgrupp
    members = len(members_on(group=group, on=meeting.date))
    rows = attendance if attendance is not None else attendance_of(meeting=meeting)
    present = len(
        {
            a.representative.member_organisation_id
            for a in rows
            if a.status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        }
    )
    required = group.quorum or (members // 2 + 1)
    return Quorum(present=present, required=required, members=members)
