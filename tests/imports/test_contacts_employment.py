"""Kontakter (the consent rule, batches with history) and anställningar."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from clients import services as client_services
from clients.models import Contact
from imports.services import import_file
from statsbidrag.models import EmploymentPeriod
from tests.clients.factories import ClientFactory, ConsentFactory
from tests.imports.files import csv_bytes, xlsx

CH = ["Klient", "Födelseår", "Datum", "Typ", "Minuter", "Organisationer", "Avidentifierad"]
EH = ["Ombud", "Namn (utan inloggning)", "Från", "Till", "Tjänstgöringsgrad (%)",
      "Anställande kommun"]  # fmt: skip


def run(world, kind, content, **kw):  # type: ignore[no-untyped-def]
    return import_file(
        kind=kind,
        verksamhet=world.verksamhet,
        by=kw.pop("by", world.lead_lars),
        content=content,
        dry_run=kw.pop("dry_run", False),
    )


def reasons(outcome):  # type: ignore[no-untyped-def]
    return {(r.row, r.column): r.reason for r in outcome.refused}


@pytest.fixture
def kalle(world):  # type: ignore[no-untyped-def]
    client = ClientFactory(verksamhet=world.verksamhet, alias="Kalle", personnummer="198503121231")
    ConsentFactory(
        client=client,
        organisation=world.orgs["fk"],
        recorded_by=world.ombud_anna,
        valid_from=datetime.date(2024, 1, 1),
        valid_until=datetime.date(2024, 12, 31),
    )
    return client


def test_contacts_with_organisations_and_history(world, kalle):  # type: ignore[no-untyped-def]
    rows = [
        ["Kalle", None, "2024-03-01", "Hembesök", 60, "Försäkringskassan", None],
        ["198503121231", None, datetime.date(2024, 3, 2), "telefon", None, None, None],
        ["kalle", None, "2/3/2024", "Besök på kontoret", "45", None, None],
        # No consent with Arbetsförmedlingen, but the client was not named.
        ["Kalle", 1980, "2024-03-04", "Telefon", 10, "Arbetsförmedlingen", "Ja"],
    ]
    out = run(world, "kontakter", xlsx(CH, rows))
    assert out.refused == [] and out.created == 4
    visit = Contact.objects.get(type="hembesok")
    assert list(visit.organisations.all()) == [world.orgs["fk"]]
    assert visit.by == world.lead_lars and visit.duration_minutes == 60
    record = visit.history.get()
    assert record.history_user == world.lead_lars and record.history_type == "+"
    assert [m.organisation for m in record.organisations.all()] == [world.orgs["fk"]]
    assert Contact.objects.get(type="kontoret").date == datetime.date(2024, 3, 2)
    again = run(world, "kontakter", xlsx(CH, rows))
    assert (again.created, again.already) == (0, 4)
    assert Contact.objects.count() == 4


def test_consent_rule_and_bad_cells(world, kalle):  # type: ignore[no-untyped-def]
    ClientFactory(verksamhet=world.verksamhet, alias="Stina", birth_year=1970)
    ClientFactory(verksamhet=world.verksamhet, alias="Stina", birth_year=1971)
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    rows = [
        ["Kalle", None, "2025-03-01", "Hembesök", None, "Försäkringskassan", None],  # expired
        ["Kalle", None, "2024-03-01", "Hembesök", None, "Arbetsförmedlingen", None],
        ["Kalle", None, "2024-03-01", "Fika", None, None, None],
        ["Kalle", None, "2024-03-01", "Telefon", None, "Kronofogden", None],
        ["Nisse", None, "2024-03-01", "Telefon", None, None, None],
        ["Stina", None, "2024-03-01", "Telefon", None, None, None],
        ["Kalle", None, "31/2/2024", "Telefon", None, None, None],
        ["Kalle", None, future, "Telefon", None, None, None],
        ["Kalle", None, "2024-03-05", "Telefon", "en timme", None, None],
        ["Kalle", None, "2024-03-06", "Telefon", 5, None, "kanske"],
        ["Stina", 1970, "2024-03-01", "Telefon", None, None, None],  # accepted
    ]
    out = run(world, "kontakter", csv_bytes(CH, rows, sep=","))
    got = reasons(out)
    # contact_log's own words
    assert "Försäkringskassan" in got[(2, "Organisationer")]
    assert "1 mars 2025" in got[(2, "Organisationer")]
    assert "Arbetsförmedlingen" in got[(3, "Organisationer")]
    assert "tillåtna värdena" in got[(4, "Typ")]
    assert "Kronofogden" in got[(5, "Organisationer")]
    assert "Nisse" in got[(6, "Klient")]
    assert "födelseår" in got[(7, "Klient")]
    assert "inte ett datum" in got[(8, "Datum")]
    assert got[(9, "Datum")] == "Datumet kan inte ligga i framtiden."
    assert "heltal" in got[(10, "Minuter")]
    assert "Ja" in got[(11, "Avidentifierad")]
    assert out.refused_count == 10 and out.created == 1
    assert not Contact.objects.exists()


def test_fast_path_agrees_with_the_service(world, kalle):  # type: ignore[no-untyped-def]
    """The batch path accepts exactly what contact_log accepts (consent from, until, withdrawn)."""
    consent = kalle.consents.get()
    consent.withdrawn_on = datetime.date(2024, 6, 1)
    consent.save()
    days = [datetime.date(2023, 12, 31), datetime.date(2024, 1, 1), datetime.date(2024, 5, 31),
            datetime.date(2024, 6, 1), datetime.date(2025, 1, 1)]  # fmt: skip
    fk = world.orgs["fk"]
    by_service = []
    for day in days:
        try:
            client_services.contact_log(
                client=kalle, by=world.lead_lars, date=day, type="telefon", organisations=[fk]
            )
            by_service.append(day)
        except Exception:  # noqa: BLE001, S112 - refused is the answer here
            continue
    Contact.objects.all().delete()
    rows = [["Kalle", None, d.isoformat(), "Telefon", None, fk.name, None] for d in days]
    out = run(world, "kontakter", xlsx(CH, rows), dry_run=True)
    refused_days = {days[r.row - 2] for r in out.refused}
    assert sorted(set(days) - refused_days) == by_service == days[1:3]


def test_employment_periods(world):  # type: ignore[no-untyped-def]
    rows = [
        ["anna@example.se", None, "2024-01-01", "2024-12-31", "50", "Västerås"],
        ["Omar Haddad", None, 45658, None, "75,5 %", "Västerås"],  # 2025-01-01
        [None, "Greta Ek", "1/2/2023", "31/12/2023", 100, "Västerås"],
        ["lars@example.se", None, "2024-01-01", None, 50, "Västerås"],  # not an ombud
        ["anna@example.se", None, "2024-06-01", None, 60, "Västerås"],  # over 100 %
        ["anna@example.se", None, "2024-01-01", None, 20, "Västerås"],  # same key as row 2
        ["okänd@example.se", None, "2024-01-01", None, 20, "Västerås"],
        ["omar@example.se", None, "2020-01-01", None, 20, None],  # no employer
    ]
    out = run(world, "anstallningar", xlsx(EH, rows))
    got = reasons(out)
    assert "lars@example.se" in got[(5, "Ombud")]  # no ombud by that address
    assert (6, "Tjänstgöringsgrad (%)") in got
    assert got[(7, "Från")] == "Samma rad som rad 2 i den här filen."
    assert "okänd@example.se" in got[(8, "Ombud")]
    assert (9, "Arbetsgivare (vid entreprenad)") in got
    assert out.created == 3 and not EmploymentPeriod.objects.exists()
    good = run(world, "anstallningar", xlsx(EH, rows[:3]))
    assert good.ok and good.created == 3
    omar = EmploymentPeriod.objects.get(ombud=world.ombud_omar)
    assert omar.percent == Decimal("75.5") and omar.start == datetime.date(2025, 1, 1)
    assert EmploymentPeriod.objects.get(name="Greta Ek").end == datetime.date(2023, 12, 31)
    assert omar.history.get().history_user == world.lead_lars
    assert run(world, "anstallningar", xlsx(EH, rows[:3])).already == 3
