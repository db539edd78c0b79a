from .group import (
    Ledningsgrupp,
    MemberOrganisation,
    Representative,
    RepresentativeRole,
    SeatOffer,
    SeatOfferAnswer,
)
from .meeting import (
    ActionItem,
    ActionItemStatus,
    AgendaItem,
    AgendaItemKind,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    OtherAttendee,
)
from .protokoll import Paragraph, Protokoll, RefusedEdit, Signature

__all__ = [
    "ActionItem",
    "ActionItemStatus",
    "AgendaItem",
    "AgendaItemKind",
    "Attendance",
    "AttendanceStatus",
    "Ledningsgrupp",
    "Meeting",
    "MeetingStatus",
    "MemberOrganisation",
    "OtherAttendee",
    "Paragraph",
    "Protokoll",
    "RefusedEdit",
    "Representative",
    "RepresentativeRole",
    "SeatOffer",
    "SeatOfferAnswer",
    "Signature",
]
