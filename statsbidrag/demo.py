"""Demo data: employment periods, grant years 2025 and 2026 with money, a submitted 2026
application and the 2025 redovisning as a draft. Runs after the other apps (it counts them)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from core.audit import acting_as
from core.models import Kommun

from . import services
from .models import EmploymentPeriod, GrantYear
from .reports.documents import APPLICATION, REDOVISNING

D = datetime.date

APPLICATION_ANSWERS = {
    "target_group": (
        "Vuxna med psykisk funktionsnedsättning och omfattande, sammansatta behov i Västerås, "
        "Köping och Arboga. Ledningsgruppen prioriterar personer som saknar kontakt med "
        "myndigheterna eller har dragit sig undan, personer med samtidigt missbruk och "
        "personer i hemlöshet."
    ),
    "ledningsgrupp_text": (
        "Ledningsgruppen sammanträder fyra gånger per år, tar upp systembrister som ombuden "
        "rapporterar och följer upp att de åtgärdas. Brukar- och anhörigorganisationer har "
        "erbjudits plats."
    ),
    "other": "Verksamheten bedrivs i samverkan mellan tre kommuner med Västerås som huvudman.",
}
REDOVISNING_ANSWERS = {
    "verksamhet": (
        "Under året har ombuden arbetat med klienter i alla tre kommunerna. Väntetiden har "
        "minskat sedan en tredje tjänst tillsattes under våren. Arbetet sker oftast i "
        "klientens hem eller på platser klienten väljer."
    ),
    "systembrister_text": (
        "Flera klienter skrevs ut från slutenvården utan bostad. Efter att frågan togs upp i "
        "ledningsgruppen har socialtjänsten och psykiatrin infört en gemensam rutin."
    ),
}


def _kommuner() -> dict[str, Kommun]:
    return {k.kod: k for k in Kommun.objects.filter(kod__in=["1980", "1983", "1984"])}


@transaction.atomic
def seed(world: Any) -> None:
    v = world.verksamhet
    if (
        GrantYear.objects.filter(verksamhet=v).exists()
        or EmploymentPeriod.objects.filter(verksamhet=v).exists()
    ):
        return
    gunilla = world.users["grant_gunilla"]
    k = _kommuner()
    with acting_as(gunilla):
        period = services.employment_period_save
        period(
            verksamhet=v,
            by=gunilla,
            ombud=world.users["ombud_anna"],
            start=D(2025, 1, 1),
            percent=Decimal("100"),
            employer_kommun=k["1980"],
        )
        period(
            verksamhet=v,
            by=gunilla,
            ombud=world.users["ombud_omar"],
            start=D(2025, 3, 1),
            percent=Decimal("75"),
            employer_kommun=k["1980"],
        )
        period(
            verksamhet=v,
            by=gunilla,
            name="Kerstin Ek",
            start=D(2023, 9, 1),
            end=D(2025, 6, 30),
            percent=Decimal("50"),
            employer_kommun=k["1983"],
        )

        y2025 = services.grant_year_save(
            verksamhet=v,
            by=gunilla,
            year=2025,
            amount_per_arsanstallning=Decimal("318000"),
            applicant_kommun=k["1980"],
            planned_arsanstallningar=Decimal("2.00"),
            contact_person="Gunilla Ström",
            contact_email="gunilla.bidrag@example.se",
            costs=Decimal("1650000"),
            participating_kommuner=list(k.values()),
        )
        for kod, planned, actual in (
            ("1980", 450000, 455000),
            ("1983", 120000, 120000),
            ("1984", 60000, 58000),
        ):
            services.co_financing_set(
                grant_year=y2025,
                by=gunilla,
                kommun=k[kod],
                planned=Decimal(planned),
                actual=Decimal(actual),
            )
        services.decision_add(
            grant_year=y2025,
            by=gunilla,
            decided_on=D(2025, 3, 28),
            reference="Lst 851-1234-2025",
            granted_amount=Decimal("636000"),
            arsanstallningar=Decimal("2.00"),
        )
        services.payment_add(
            grant_year=y2025,
            by=gunilla,
            paid_on=D(2025, 4, 15),
            amount=Decimal("318000"),
            note="Första utbetalningen",
        )
        services.payment_add(
            grant_year=y2025,
            by=gunilla,
            paid_on=D(2025, 10, 15),
            amount=Decimal("318000"),
            note="Andra utbetalningen",
        )

        y2026 = services.grant_year_save(
            verksamhet=v,
            by=gunilla,
            year=2026,
            amount_per_arsanstallning=Decimal("325000"),
            applicant_kommun=k["1980"],
            planned_arsanstallningar=Decimal("1.75"),
            contact_person="Gunilla Ström",
            contact_email="gunilla.bidrag@example.se",
            participating_kommuner=list(k.values()),
        )
        for kod, planned in (("1980", 470000), ("1983", 125000), ("1984", 62000)):
            services.co_financing_set(
                grant_year=y2026, by=gunilla, kommun=k[kod], planned=Decimal(planned), actual=None
            )

        application = services.document_for(kind=APPLICATION, grant_year=y2026, by=gunilla)
        application = services.document_save_answers(
            kind=APPLICATION,
            document=application,
            by=gunilla,
            answers=APPLICATION_ANSWERS,
            expected_version=application.version,
        )
        services.document_submit(
            kind=APPLICATION,
            document=application,
            by=gunilla,
            expected_version=application.version,
        )

        redovisning = services.document_for(kind=REDOVISNING, grant_year=y2025, by=gunilla)
        services.document_save_answers(
            kind=REDOVISNING,
            document=redovisning,
            by=gunilla,
            answers=REDOVISNING_ANSWERS,
            expected_version=redovisning.version,
        )
