"""The COPY half of governance: ledningsgrupp and systembrist tables, and the grant years."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

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
from statsbidrag.models import CoFinancing, Decision, EmploymentPeriod, GrantYear, Payment
from systembrister.models import Answer, Event, Support, Systembrist

from .clients import at
from .copy import Loader, m2m_table
from .governance import Governance
from .texts import FIRST_NAMES, LAST_NAMES
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
            "meeting_id",
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
        history=lambda r: (r[19], r[10]),
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
            "pdf",
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


def build_grants(
    loader: Loader, rng: random.Random, tenants: list[Tenant], *, today: datetime.date, system: int
) -> None:
    """Employment periods (current ombud and earlier ones without a login) and grant years."""
    ids = loader.ids
    first = today.year - 9
    periods: list[tuple[Any, ...]] = []
    years: list[tuple[Any, ...]] = []
    part: list[tuple[int, int]] = []
    cofin: list[tuple[Any, ...]] = []
    decisions: list[tuple[Any, ...]] = []
    payments: list[tuple[Any, ...]] = []
    for t in tenants:
        fte = Decimal(0)
        for uid in t.ombud:
            start = datetime.date(first + rng.randint(0, 8), rng.choice((1, 3, 8)), 1)
            pct = Decimal(rng.choice((100, 100, 100, 75, 50)))
            fte += pct / 100
            periods.append(
                (
                    ids(EmploymentPeriod, 1)[0],
                    t.id,
                    uid,
                    "",
                    start,
                    None,
                    pct,
                    t.kommun_ids[0],
                    "",
                    1,
                )
            )
        for _ in range(max(1, len(t.ombud) // 3)):
            start = datetime.date(first, 1, 1)
            end = datetime.date(first + rng.randint(1, 7), 6, 30)
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            periods.append(
                (
                    ids(EmploymentPeriod, 1)[0],
                    t.id,
                    None,
                    name,
                    start,
                    end,
                    Decimal(100),
                    t.kommun_ids[0],
                    "",
                    1,
                )
            )
        for year in range(first, today.year + 2):
            gid = ids(GrantYear, 1)[0]
            amount = Decimal(280_000 + 2_500 * (year - first))
            years.append(
                (
                    gid,
                    t.id,
                    year,
                    amount,
                    t.kommun_ids[0],
                    fte,
                    "Samordnaren",
                    "",
                    amount * fte * Decimal("1.4"),
                    1,
                )
            )
            part.extend((gid, k) for k in t.kommun_ids)
            for k in t.kommun_ids[:8]:
                cofin.append(
                    (
                        ids(CoFinancing, 1)[0],
                        gid,
                        k,
                        Decimal(50_000),
                        Decimal(50_000) if year < today.year else None,
                    )
                )
            if year <= today.year:
                decided = datetime.date(year, 4, 15)
                decisions.append(
                    (ids(Decision, 1)[0], gid, decided, f"{year}-{t.id:04d}", amount * fte, fte, "")
                )
                payments.append(
                    (ids(Payment, 1)[0], gid, datetime.date(year, 5, 1), amount * fte, "")
                )
    since = at(datetime.date(first, 1, 1))
    copy = loader.copy
    copy(
        EmploymentPeriod,
        [
            "id",
            "verksamhet_id",
            "ombud_id",
            "name",
            "start",
            "end",
            "percent",
            "employer_kommun_id",
            "employer_name",
            "version",
        ],
        periods,
        history=lambda r: (since, system),
    )
    copy(
        GrantYear,
        [
            "id",
            "verksamhet_id",
            "year",
            "amount_per_arsanstallning",
            "applicant_kommun_id",
            "planned_arsanstallningar",
            "contact_person",
            "contact_email",
            "costs",
            "version",
        ],
        years,
        history=lambda r: (since, system),
    )
    copy(m2m_table(GrantYear, "participating_kommuner"), ["grantyear_id", "kommun_id"], part)
    copy(
        CoFinancing,
        ["id", "grant_year_id", "kommun_id", "planned", "actual"],
        cofin,
        history=lambda r: (since, system),
    )
    copy(
        Decision,
        [
            "id",
            "grant_year_id",
            "decided_on",
            "reference",
            "granted_amount",
            "arsanstallningar",
            "note",
        ],
        decisions,
        history=lambda r: (since, system),
    )
    copy(
        Payment,
        ["id", "grant_year_id", "paid_on", "amount", "note"],
        payments,
        history=lambda r: (since, system),
    )
