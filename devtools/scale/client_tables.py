"""The COPY half of the client data: every client table, then the contacts stream."""

from __future__ import annotations

import datetime
import random

from clients.models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    Contact,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)
from core.models import AccessLog

from .clients import CONTACT_TYPES, CONTACT_W, DAY, UTC, WITH_ORGS, ClientBuilder, Period
from .clients import at as _at
from .copy import Loader, m2m_table
from .texts import CONTACT_NOTES
from .world import Tenant, apportion


def write_clients(self: ClientBuilder) -> None:
    """COPY what the builder generated, table by table (each with its "+" history)."""
    copy, rows, system = self.loader.copy, self.rows, self.system
    copy(
        Client,
        [
            "id",
            "verksamhet_id",
            "alias",
            "first_name",
            "last_name",
            "personnummer",
            "birth_year",
            "gender",
            "kommun_id",
            "phone",
            "email",
            "address",
            "preferred_contact",
            "contact_notes",
            "primary_group",
            "other_groups",
            "missbruk",
            "hemloshet",
            "enskild_verksamhet",
            "risk_severe",
            "created_at",
            "version",
        ],
        rows.pop("client", []),
        history=lambda r: (r[20], system),
    )
    copy(
        Uppdrag,
        [
            "id",
            "client_id",
            "status",
            "waiting_since",
            "contact_started",
            "started",
            "ended",
            "end_reason",
            "end_reason_other",
            "referred_by",
            "boende_start",
            "sysselsattning_start",
            "forsorjning_start",
            "boende_end",
            "sysselsattning_end",
            "forsorjning_end",
            "version",
        ],
        rows.pop("uppdrag", []),
        history=lambda r: (_at(r[3]), system),
    )
    copy(
        Assignment,
        ["id", "uppdrag_id", "ombud_id", "start", "end", "reason"],
        rows.pop("assignment", []),
        history=lambda r: (_at(r[3]), system),
    )
    copy(
        Consent,
        [
            "id",
            "client_id",
            "organisation_id",
            "person",
            "scope",
            "form",
            "witness",
            "valid_from",
            "valid_until",
            "withdrawn_on",
            "withdrawn_reason",
            "recorded_by_id",
            "created_at",
            "version",
        ],
        rows.pop("consent", []),
        history=lambda r: (r[12], r[11]),
    )
    copy(
        Fullmakt,
        [
            "id",
            "client_id",
            "organisation_id",
            "covers",
            "valid_from",
            "valid_until",
            "withdrawn_on",
            "withdrawn_reason",
            "recorded_by_id",
            "created_at",
            "version",
        ],
        rows.pop("fullmakt", []),
        history=lambda r: (r[9], r[8]),
    )
    copy(
        Need,
        [
            "id",
            "client_id",
            "life_area",
            "description",
            "priority",
            "status",
            "created_at",
            "version",
        ],
        rows.pop("need", []),
        history=lambda r: (r[6], system),
    )
    copy(
        ActionPlan,
        [
            "id",
            "client_id",
            "follow_up",
            "sip_status",
            "sip_date",
            "sip_with",
            "agreement_text",
            "version",
        ],
        rows.pop("plan", []),
        history=lambda r: (_at(self.first_day), system),
    )
    copy(
        Goal,
        ["id", "plan_id", "description", "achieved", "order", "version"],
        rows.pop("goal", []),
        history=lambda r: (_at(self.first_day), system),
    )
    copy(m2m_table(Goal, "needs"), ["goal_id", "need_id"], rows.pop("goal_needs", []))
    copy(
        Step,
        [
            "id",
            "goal_id",
            "description",
            "organisation_id",
            "responsible_text",
            "due",
            "status",
            "outcome",
            "version",
        ],
        rows.pop("step", []),
        history=lambda r: (_at(self.first_day), system),
    )
    copy(
        Task,
        ["id", "owner_id", "client_id", "title", "due", "done_at", "version"],
        rows.pop("task", []),
        history=lambda r: (_at(self.today), r[1]),
    )


def build_clients(
    loader: Loader,
    rng: random.Random,
    tenants: list[Tenant],
    *,
    clients: int,
    today: datetime.date,
    system: int,
) -> list[Period]:
    """Generate and COPY the clients and everything hanging off them except contacts."""
    builder = ClientBuilder(loader, rng, today, system)
    counts = apportion(
        clients, [t.weight for t in tenants], minimum=min(5, clients // len(tenants))
    )
    ids = iter(loader.ids(Client, clients))
    for t, n in zip(tenants, counts, strict=True):
        for _ in range(n):
            builder.client(next(ids), t)
        loader.progress(f"  clients of verksamhet {t.index + 1}/{len(tenants)} generated")
    write_clients(builder)
    return builder.periods


def build_contacts(
    loader: Loader,
    rng: random.Random,
    periods: list[Period],
    *,
    contacts: int,
    access_per_contact: float,
) -> int:
    """Spread ``contacts`` over the uppdrag periods in proportion to their length.

    Each contact may leave an access-log row (the ombud opened the record to log it).
    Returns the number of access-log rows written.
    """
    counts = (
        apportion(contacts, [max((p.end - p.start).days, 1) for p in periods]) if periods else []
    )
    ids = iter(loader.ids(Contact, contacts))
    orgs: list[tuple[int, int]] = []
    logs: list[tuple] = []
    random_ = rng.random
    randint = rng.randint
    choice = rng.choice
    types = rng.choices(CONTACT_TYPES, CONTACT_W, k=contacts)
    ti = iter(types)

    def rows():
        for p, k in zip(periods, counts, strict=True):
            span = (p.end - p.start).days
            org_ids = p.tenant.org_ids
            days = sorted(randint(0, span) for _ in range(k))
            for d in days:
                day = p.start + DAY * d
                ctype = next(ti)
                ombud = p.ombud_on(day)
                cid = next(ids)
                when = datetime.datetime(day.year, day.month, day.day, 8 + d % 9, tzinfo=UTC)
                if random_() < WITH_ORGS.get(ctype, 0):
                    for o in {choice(org_ids) for _ in range(1 if random_() < 0.7 else 2)}:
                        orgs.append((cid, o))
                if random_() < access_per_contact:
                    logs.append(
                        (
                            when,
                            ombud,
                            p.tenant.id,
                            "view",
                            "clients.client",
                            p.client,
                            "",
                            "",
                            f"/klienter/{p.client}/",
                        )
                    )
                struck = random_() < 0.01
                yield (
                    cid,
                    p.client,
                    day,
                    choice((15, 30, 45, 60, 90, 120)) if ctype != "brev" else None,
                    ctype,
                    "avidentifierad"
                    if ctype == "myndighet_utan_klient" and random_() < 0.2
                    else "klient",
                    choice(CONTACT_NOTES),
                    ombud,
                    when,
                    when + DAY if struck else None,
                    ombud if struck else None,
                    "Registrerad på fel klient" if struck else "",
                    1,
                )

    loader.copy(
        Contact,
        [
            "id",
            "client_id",
            "date",
            "duration_minutes",
            "type",
            "kind",
            "note",
            "by_id",
            "created_at",
            "struck_at",
            "struck_by_id",
            "struck_reason",
            "version",
        ],
        rows(),
        history=lambda r: (r[8], r[7]),
    )
    loader.copy(m2m_table(Contact, "organisations"), ["contact_id", "organisation_id"], orgs)
    loader.copy(
        AccessLog,
        [
            "at",
            "user_id",
            "verksamhet_id",
            "action",
            "object_type",
            "object_id",
            "what",
            "reason",
            "path",
        ],
        logs,
    )
    return len(logs)
