"""The COPY half of governance: the ledningsgrupp and systembrist tables."""

from __future__ import annotations

import datetime
import random

from ledningsgrupp.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Ledningsgrupp,
    Meeting,
    MemberOrganisation,
    Paragraph,
    Protokoll,
    Representative,
    SeatOffer,
    Signature,
)
from systembrister.models import Answer, Event, Support, Systembrist

from .clients import at
from .copy import Loader, m2m_table
from .governance import Governance
from .world import Tenant, apportion


def write_governance(self: Governance) -> None:
    """COPY the ledningsgrupp and systembrist tables (each with its "+" history)."""
    copy, rows, system = self.loader.copy, self.rows, self.system
    since = at(self.first_day)

    def sys(_r):
        return (since, system)

    copy(
        Ledningsgrupp,
        ["id", "verksamhet_id", "name", "convened_by_id", "quorum", "version"],
        rows.pop("lg", []),
        history=sys,
    )
    copy(
        MemberOrganisation,
        ["id", "ledningsgrupp_id", "organisation_id", "start", "end"],
        rows.pop("member_org", []),
        history=sys,
    )
    copy(
        Representative,
        ["id", "member_organisation_id", "user_id", "name", "title", "role", "start", "end"],
        rows.pop("rep", []),
        history=sys,
    )
    copy(
        SeatOffer,
        [
            "id",
            "ledningsgrupp_id",
            "organisation_id",
            "offered_on",
            "answer",
            "answered_on",
            "note",
        ],
        rows.pop("seat_offer", []),
        history=sys,
    )
    copy(
        Meeting,
        [
            "id",
            "ledningsgrupp_id",
            "date",
            "start_time",
            "end_time",
            "place",
            "link",
            "status",
            "invitation_sent_at",
            "version",
        ],
        rows.pop("meeting", []),
        history=lambda r: (r[8], system),
    )
    copy(
        Systembrist,
        [
            "id",
            "verksamhet_id",
            "title",
            "description",
            "level",
            "life_area",
            "clients_affected",
            "first_observed",
            "examples",
            "suggested_improvement",
            "reporter_id",
            "status",
            "answer_due",
            "outcome",
            "conclusion",
            "forwarded_to",
            "forwarded_on",
            "merged_into_id",
            "created_at",
            "submitted_at",
            "closed_at",
            "version",
        ],
        rows.pop("sb", []),
        history=lambda r: (r[18], r[10]),
    )
    copy(
        m2m_table(Systembrist, "organisations"),
        ["systembrist_id", "organisation_id"],
        rows.pop("sb_orgs", []),
    )
    copy(
        Event,
        ["id", "systembrist_id", "at", "by_id", "kind", "comment", "reference"],
        rows.pop("event", []),
        history=lambda r: (r[2], r[3]),
    )
    copy(
        Answer,
        [
            "id",
            "systembrist_id",
            "organisation_id",
            "author_id",
            "text",
            "planned_action",
            "planned_by",
            "answered_at",
            "version",
        ],
        rows.pop("answer", []),
        history=lambda r: (r[7], r[3]),
    )
    copy(
        Support,
        ["id", "systembrist_id", "ombud_id", "clients_affected", "note", "created_at"],
        rows.pop("support", []),
        history=lambda r: (r[5], r[2]),
    )
    copy(
        Protokoll,
        [
            "id",
            "meeting_id",
            "chair_id",
            "secretary_id",
            "justerare_id",
            "locked_at",
            "document_id",
            "sha256",
            "version",
        ],
        rows.pop("protokoll", []),
        history=sys,
    )
    copy(
        Paragraph,
        [
            "id",
            "protokoll_id",
            "ledningsgrupp_id",
            "year",
            "number",
            "title",
            "discussion",
            "decision",
            "version",
        ],
        rows.pop("paragraph", []),
        history=sys,
    )
    copy(
        m2m_table(Paragraph, "systembrister"),
        ["paragraph_id", "systembrist_id"],
        rows.pop("par_sb", []),
    )
    copy(
        ActionItem,
        [
            "id",
            "ledningsgrupp_id",
            "paragraph_id",
            "title",
            "description",
            "owner_organisation_id",
            "owner_representative_id",
            "due",
            "status",
            "done_on",
            "created_at",
            "version",
        ],
        rows.pop("action", []),
        history=lambda r: (r[10], system),
    )
    copy(
        AgendaItem,
        [
            "id",
            "meeting_id",
            "order",
            "kind",
            "title",
            "description",
            "systembrist_id",
            "action_item_id",
        ],
        rows.pop("agenda", []),
        history=sys,
    )
    copy(
        Attendance,
        ["id", "meeting_id", "representative_id", "status", "substitute_name"],
        rows.pop("attendance", []),
        history=sys,
    )
    copy(
        Signature,
        ["id", "protokoll_id", "user_id", "kind", "signed_at"],
        rows.pop("signature", []),
        history=lambda r: (r[4], r[2]),
    )


def build_governance(
    loader: Loader,
    rng: random.Random,
    tenants: list[Tenant],
    *,
    systembrister: int,
    today: datetime.date,
    system: int,
) -> None:
    g = Governance(loader, rng, today, system)
    counts = apportion(systembrister, [t.weight for t in tenants])
    for t, n in zip(tenants, counts, strict=True):
        g.ledningsgrupp(t)
        g.systembrister(t, n)
        g.meetings_content(t)
    write_governance(g)
