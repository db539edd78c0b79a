"""Every write to the ledningsgrupp goes through these services (keyword-only, one transaction)."""

from .actions import action_item_create, action_item_update
from .agenda import (
    agenda_draft,
    agenda_item_add,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
    agenda_systembrist_add,
)
from .meetings import attendance_record, invitation_send, meeting_create, meeting_update
from .membership import (
    ledningsgrupp_save,
    member_organisation_save,
    representative_save,
    seat_offer_save,
)
from .protokoll import (
    ProtokollLocked,
    paragraph_add,
    paragraph_update,
    protokoll_for_meeting,
    protokoll_setup,
    protokoll_sign,
)

__all__ = [
    "ProtokollLocked",
    "action_item_create",
    "action_item_update",
    "agenda_draft",
    "agenda_item_add",
    "agenda_item_delete",
    "agenda_item_move",
    "agenda_item_update",
    "agenda_systembrist_add",
    "attendance_record",
    "invitation_send",
    "ledningsgrupp_save",
    "meeting_create",
    "meeting_update",
    "member_organisation_save",
    "paragraph_add",
    "paragraph_update",
    "protokoll_for_meeting",
    "protokoll_setup",
    "protokoll_sign",
    "representative_save",
    "seat_offer_save",
]
