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
    "Paragraph",
    "Protokoll",
    "RefusedEdit",
    "Representative",
    "RepresentativeRole",
    "SeatOffer",
    "SeatOfferAnswer",
    "Signature",
]
