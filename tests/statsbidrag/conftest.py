"""A small dataset for 2025 whose every figure is computed by hand in test_reports_figures.py."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from clients.models import ContactType, EndReason, Gender
from ledningsgrupp.models import (
    Attendance,
    Ledningsgrupp,
    Meeting,
    MemberOrganisation,
    Representative,
    SeatOffer,
)
from systembrister.models import Level, Outcome, Status, Support, Systembrist
from tests.core.factories import kommun

from .factories import (
    CoFinancingFactory,
    DecisionFactory,
    EmploymentPeriodFactory,
    GrantYearFactory,
    PaymentFactory,
    RepaymentFactory,
    make_client,
    make_contact,
    make_uppdrag,
)

D = datetime.date
TZ = ZoneInfo("Europe/Stockholm")


def noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 12, tzinfo=TZ)


@pytest.fixture
def dataset(world) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    v = world.verksamhet
    vasteras, koping, arboga = kommun("1980"), kommun("1983"), kommun("1984")
    anna = world.ombud_anna
    c: dict[str, Any] = {}
    # C1 kvinna 35 år, Västerås: ongoing since 2024.
    c["c1"] = make_client(
        v,
        "C1",
        gender=Gender.KVINNA,
        birth_year=1990,
        kommun=vasteras,
        primary_group=2,
        other_groups=[4],
        missbruk=True,
    )
    make_uppdrag(
        c["c1"],
        status="active",
        waiting_since=D(2024, 1, 10),
        contact_started=D(2024, 2, 1),
        started=D(2024, 3, 1),
    )
    # C2 man 22 år, Västerås: new in 2025, ended in 2025 (goals met).
    c["c2"] = make_client(
        v,
        "C2",
        gender=Gender.MAN,
        birth_year=2003,
        kommun=vasteras,
        primary_group=1,
        hemloshet=True,
    )
    make_uppdrag(
        c["c2"],
        status="ended",
        waiting_since=D(2024, 11, 1),
        started=D(2025, 2, 1),
        ended=D(2025, 10, 31),
        end_reason=EndReason.GOALS_MET,
        boende_start="hemlos",
        boende_end="andrahand",
        sysselsattning_start="ingen",
        sysselsattning_end="daglig",
        forsorjning_start="bistand",
        forsorjning_end="sjukersattning",
    )
    # C3 kvinna 65 år, Köping: ongoing since 2023, ended 2025 (client ended).
    c["c3"] = make_client(
        v,
        "C3",
        gender=Gender.KVINNA,
        birth_year=1960,
        kommun=koping,
        primary_group=4,
        other_groups=[2, 3],
        enskild_verksamhet=True,
    )
    make_uppdrag(
        c["c3"],
        status="ended",
        contact_started=D(2023, 5, 1),
        started=D(2023, 6, 1),
        ended=D(2025, 3, 15),
        end_reason=EndReason.CLIENT_ENDED,
        boende_start="egen",
        boende_end="egen",
        sysselsattning_start="ingen",
        sysselsattning_end="ingen",
        forsorjning_start="pension",
        forsorjning_end="pension",
    )
    # C4 annat, birth year unknown, no kommun: on the waiting list since 2025-09-01.
    c["c4"] = make_client(v, "C4", gender=Gender.ANNAT)
    make_uppdrag(c["c4"], status="waiting", waiting_since=D(2025, 9, 1))
    # C5 man 45 år, Köping: an uppdrag that ended in 2024 (not counted) and a new one in
    # 2025 still building contact.
    c["c5"] = make_client(
        v,
        "C5",
        gender=Gender.MAN,
        birth_year=1980,
        kommun=koping,
        primary_group=3,
        risk_severe=True,
    )
    make_uppdrag(
        c["c5"],
        status="ended",
        started=D(2022, 1, 1),
        ended=D(2024, 6, 30),
        end_reason=EndReason.MOVED,
    )
    make_uppdrag(
        c["c5"],
        status="contact_building",
        waiting_since=D(2025, 1, 5),
        contact_started=D(2025, 1, 20),
    )
    # C6 kvinna 25 år, Arboga: left the waiting list in 2025 without starting (not counted).
    c["c6"] = make_client(v, "C6", gender=Gender.KVINNA, birth_year=2000, kommun=arboga)
    make_uppdrag(
        c["c6"],
        status="ended",
        waiting_since=D(2025, 11, 1),
        ended=D(2025, 12, 1),
        end_reason=EndReason.OTHER,
    )
    # C7 man 55 år, Västerås: started 2024-12-31, ended 2025-01-01 (deceased), end data blank.
    c["c7"] = make_client(
        v, "C7", gender=Gender.MAN, birth_year=1970, kommun=vasteras, primary_group=2
    )
    make_uppdrag(
        c["c7"],
        status="ended",
        started=D(2024, 12, 31),
        ended=D(2025, 1, 1),
        end_reason=EndReason.DECEASED,
        boende_start="stod",
    )
    # C8 kvinna 40 år, Västerås: waiting since 2025-12-31, starts 2026 → waiting at year end.
    c["c8"] = make_client(v, "C8", gender=Gender.KVINNA, birth_year=1985, kommun=vasteras)
    make_uppdrag(c["c8"], status="active", waiting_since=D(2025, 12, 31), started=D(2026, 1, 10))
    # C9 belongs to another verksamhet: never counted.
    c["c9"] = make_client(world.other_verksamhet, "C9", gender=Gender.MAN, birth_year=1990)
    make_uppdrag(c["c9"], status="active", started=D(2025, 1, 1))

    # Contacts: 3 count in 2025 (C1 hembesök, C1 telefon, C2 följer med).
    make_contact(c["c1"], anna, D(2025, 3, 1), ContactType.HEMBESOK)
    make_contact(c["c1"], anna, D(2025, 4, 1), ContactType.TELEFON)
    make_contact(
        c["c1"],
        anna,
        D(2025, 4, 2),
        ContactType.TELEFON,
        struck_at=noon(D(2025, 4, 3)),
        struck_by=anna,
        struck_reason="fel klient",
    )
    make_contact(c["c2"], anna, D(2025, 5, 5), ContactType.FOLJER_MED)
    make_contact(c["c1"], anna, D(2024, 12, 31), ContactType.HEMBESOK)
    make_contact(c["c9"], world.outsider_olle, D(2025, 2, 2), ContactType.TELEFON)

    # Employment: Anna 100 % all year; Omar 75 % from 1 March in two periods; Kerstin
    # (no login, employed by a contractor) 50 % until 30 June; Lisa only in 2024.
    EmploymentPeriodFactory(verksamhet=v, ombud=anna, name="", start=D(2025, 1, 1))
    EmploymentPeriodFactory(
        verksamhet=v,
        ombud=world.ombud_omar,
        name="",
        start=D(2025, 3, 1),
        end=D(2025, 8, 31),
        percent=Decimal("75"),
    )
    EmploymentPeriodFactory(
        verksamhet=v, ombud=world.ombud_omar, name="", start=D(2025, 9, 1), percent=Decimal("75")
    )
    EmploymentPeriodFactory(
        verksamhet=v,
        name="Kerstin Ek",
        start=D(2024, 1, 1),
        end=D(2025, 6, 30),
        percent=Decimal("50"),
        employer_kommun=None,
        employer_name="Ombudsbolaget AB",
    )
    EmploymentPeriodFactory(
        verksamhet=v, name="Lisa Dahl", start=D(2024, 1, 1), end=D(2024, 12, 31)
    )
    EmploymentPeriodFactory(verksamhet=world.other_verksamhet, name="Gotlands ombud")

    # Money for 2025.
    gy = GrantYearFactory(
        verksamhet=v,
        year=2025,
        costs=Decimal("1200000"),
        participating_kommuner=[vasteras, koping, arboga],
    )
    CoFinancingFactory(
        grant_year=gy, kommun=vasteras, planned=Decimal("200000"), actual=Decimal("210000")
    )
    CoFinancingFactory(grant_year=gy, kommun=koping, planned=Decimal("50000"))
    DecisionFactory(grant_year=gy)
    PaymentFactory(grant_year=gy, paid_on=D(2025, 4, 1))
    PaymentFactory(grant_year=gy, paid_on=D(2025, 10, 1))
    RepaymentFactory(grant_year=gy)

    # Systembrister: S1 closed/resolved (4 + 2 supporting), S2 on the agenda (3);
    # a draft, one from 2024 and a merged duplicate do not count.
    def sb(title: str, **kw: Any) -> Systembrist:
        return Systembrist.objects.create(
            verksamhet=kw.pop("verksamhet", v),
            title=title,
            description="…",
            life_area="boende",
            first_observed=D(2025, 1, 1),
            reporter=anna,
            **kw,
        )

    s1 = sb(
        "Bostad saknas efter utskrivning",
        level=Level.LOKAL,
        clients_affected=4,
        status=Status.CLOSED,
        outcome=Outcome.RESOLVED,
        conclusion="Rutin ändrad",
        submitted_at=noon(D(2025, 4, 1)),
    )
    Support.objects.create(systembrist=s1, ombud=world.ombud_omar, clients_affected=2)
    sb(
        "Långa väntetider",
        level=Level.CENTRAL,
        clients_affected=3,
        status=Status.ON_AGENDA,
        submitted_at=noon(D(2025, 6, 1)),
    )
    sb("Utkast", level=Level.LOKAL, clients_affected=9)
    sb(
        "Från 2024",
        level=Level.LOKAL,
        clients_affected=9,
        status=Status.CLOSED,
        submitted_at=noon(D(2024, 11, 1)),
    )
    sb(
        "Dubblett",
        level=Level.LOKAL,
        clients_affected=9,
        status=Status.MERGED,
        submitted_at=noon(D(2025, 5, 1)),
    )
    sb(
        "Gotland",
        level=Level.LOKAL,
        verksamhet=world.other_verksamhet,
        status=Status.SUBMITTED,
        submitted_at=noon(D(2025, 5, 1)),
    )

    # Ledningsgrupp: FK and kommun since 2024, psykiatri from June 2025; two meetings held
    # in 2025 (FK present at one), one planned, one held in 2024; seat offered to RSMH.
    lg = Ledningsgrupp.objects.create(verksamhet=v, name="Ledningsgruppen", convened_by=vasteras)
    fk = MemberOrganisation.objects.create(
        ledningsgrupp=lg, organisation=world.orgs["fk"], start=D(2024, 1, 1)
    )
    MemberOrganisation.objects.create(
        ledningsgrupp=lg, organisation=world.orgs["kommun"], start=D(2024, 1, 1)
    )
    MemberOrganisation.objects.create(
        ledningsgrupp=lg, organisation=world.orgs["psykiatri"], start=D(2025, 6, 1)
    )
    rep = Representative.objects.create(
        member_organisation=fk, user=world.member_fk, start=D(2024, 1, 1)
    )
    t = datetime.time(9)
    m1 = Meeting.objects.create(ledningsgrupp=lg, date=D(2025, 3, 10), start_time=t, status="held")
    m2 = Meeting.objects.create(ledningsgrupp=lg, date=D(2025, 9, 15), start_time=t, status="held")
    Meeting.objects.create(ledningsgrupp=lg, date=D(2025, 12, 15), start_time=t)
    Meeting.objects.create(ledningsgrupp=lg, date=D(2024, 11, 11), start_time=t, status="held")
    Attendance.objects.create(meeting=m1, representative=rep, status="present")
    Attendance.objects.create(meeting=m2, representative=rep, status="absent")
    SeatOffer.objects.create(
        ledningsgrupp=lg,
        organisation=world.orgs["rsmh"],
        offered_on=D(2025, 2, 1),
        answer="accepted",
        answered_on=D(2025, 2, 20),
    )
    return {"clients": c, "grant_year": gy, "s1": s1}
