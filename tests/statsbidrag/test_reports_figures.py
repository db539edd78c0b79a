"""Every figure of the 2025 redovisning, checked against the hand-computed dataset (conftest)."""

from __future__ import annotations

import datetime
import json

from core.models import OrganisationType
from ledningsgrupp.models import SeatOfferAnswer
from statsbidrag.reports.figures import redovisning_figures
from systembrister.models import Level, Outcome, Status

Z = {"kvinna": 0, "man": 0, "annat": 0, "ej_uppgett": 0}


def g(**kw: int) -> dict[str, int]:
    """A gender row with its total."""
    row = {**Z, **kw}
    return {**row, "total": sum(row.values())}


BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown"]


def bands(**kw: int) -> dict[str, int]:
    row = {b: 0 for b in BANDS}
    row.update({k.replace("_", "-").replace("plus", "+"): v for k, v in kw.items()})
    return {**row, "total": sum(row.values())}


def label(t: str) -> str:
    return str(OrganisationType(t).label)


# Every figure computed by hand from the dataset in conftest.py (year 2025, 365 days).
EXPECTED = {
    "version": 1,
    "year": 2025,
    "verksamhet": {"name": "PO Västmanland", "slug": "po-vastmanland"},
    "staff": {
        # Anna 1.00 × 365/365; Omar 0.75 × (184 + 122)/365 = 229.5/365;
        # Kerstin 0.50 × 181/365 = 90.5/365. Sum 685/365 = 1.876712… → 1.8767.
        "arsanstallningar": "1.8767",
        "ombud_count": 3,  # Anna, Omar (two periods), Kerstin; Lisa left in 2024
        "periods": [
            {
                "name": "Kerstin Ek",
                "start": "2024-01-01",
                "end": "2025-06-30",
                "percent": "50.00",
                "employer": "Ombudsbolaget AB",
                "arsanstallningar": "0.2479",
            },
            {
                "name": "Anna Lind",
                "start": "2025-01-01",
                "end": None,
                "percent": "100.00",
                "employer": "Västerås",
                "arsanstallningar": "1.0000",
            },
            # 0.75 × 184/365 = 0.378082…; 0.75 × 122/365 = 0.250684…
            {
                "name": "Omar Haddad",
                "start": "2025-03-01",
                "end": "2025-08-31",
                "percent": "75.00",
                "employer": "Västerås",
                "arsanstallningar": "0.3781",
            },
            {
                "name": "Omar Haddad",
                "start": "2025-09-01",
                "end": None,
                "percent": "75.00",
                "employer": "Västerås",
                "arsanstallningar": "0.2507",
            },
        ],
        # Västerås: (365 + 229.5)/365 = 1.628767…
        "by_employer": {"Ombudsbolaget AB": "0.2479", "Västerås": "1.6288"},
        "by_kommun_kod": {"1980": "1.6288"},
    },
    "clients": {
        "by_gender": {
            "ongoing_at_start": g(kvinna=2, man=1),  # C1, C3, C7
            "new": g(man=2),  # C2, C5
            "ended": g(kvinna=1, man=2),  # C3, C2, C7
            "waiting_at_year_end": g(kvinna=1, annat=1),  # C8, C4
            "served": g(kvinna=2, man=3),  # C1, C3 | C2, C5, C7
        },
        "by_age_band": {
            "ongoing_at_start": bands(**{"35-44": 1, "65+": 1, "55-64": 1}),
            "new": bands(**{"18-24": 1, "45-54": 1}),
            "ended": bands(**{"18-24": 1, "65+": 1, "55-64": 1}),
            "waiting_at_year_end": bands(**{"35-44": 1, "unknown": 1}),
            "served": bands(**{"18-24": 1, "35-44": 1, "45-54": 1, "55-64": 1, "65+": 1}),
        },
        "age_gender": {
            "18-24": g(man=1),  # C2
            "25-34": g(),
            "35-44": g(kvinna=1),  # C1
            "45-54": g(man=1),  # C5
            "55-64": g(man=1),  # C7
            "65+": g(kvinna=1),  # C3
            "unknown": g(),
            "total": g(kvinna=2, man=3),
        },
    },
    "groups": {
        # primary: C2→1; C1, C7→2; C5→3; C3→4
        "primary": {"1": 1, "2": 2, "3": 1, "4": 1, "5": 0, "6": 0, "none": 0},
        # any: 1: C2; 2: C1, C7, C3(other); 3: C5, C3(other); 4: C3, C1(other)
        "any": {"1": 1, "2": 3, "3": 2, "4": 2, "5": 0, "6": 0},
        "served": 5,
    },
    "characteristics": {
        "missbruk": 1,  # C1
        "hemloshet": 1,  # C2
        "enskild_verksamhet": 1,  # C3
        "risk_severe": 1,  # C5
        "served": 5,
    },
    "end_reasons": {
        # C2 goals met, C3 client ended, C7 deceased (C6 never started, C5's ended in 2024)
        "goals_met": 1,
        "client_ended": 1,
        "moved": 0,
        "lost_contact": 0,
        "deceased": 1,
        "other": 0,
        "none": 0,
        "total": 3,
    },
    "outcomes": {},  # filled below
    "contacts": {
        # struck contact, 2024 contact and the other verksamhet's contact do not count
        "by_type": {
            "hembesok": 1,
            "kontoret": 0,
            "telefon": 1,
            "digitalt": 0,
            "foljer_med": 1,
            "myndighet_utan_klient": 0,
            "brev": 0,
            "annat": 0,
        },
        "total": 3,
        "clients_with_contact": 2,  # C1, C2
        "avidentifierad": 0,
    },
    "systembrister": {
        "reported": 2,  # S1, S2 (draft, 2024, merged and Gotland's do not count)
        "by_status": {
            "submitted": 0,
            "returned": 0,
            "accepted": 0,
            "on_agenda": 1,
            "awaiting_answer": 0,
            "answered": 0,
            "closed": 1,
        },
        "by_level": {"handlaggare": 0, "lokal": 1, "central": 1},
        # outcomes of closed reports; S2 not yet decided
        "by_outcome": {"resolved": 1, "partly": 0, "not_resolved": 0, "no_action": 0, "none": 1},
        "clients_affected": 9,  # 4 + 3 + 2 (Omar's support of S1)
        "forwarded": 0,
        # closed first, then most clients affected; labels as shown (S1: 4 + 2 = 6)
        "examples": [
            {
                "title": "Bostad saknas efter utskrivning",
                "level": str(Level.LOKAL.label),
                "organisations": [],
                "status": str(Status.CLOSED.label),
                "outcome": str(Outcome.RESOLVED.label),
                "conclusion": "Rutin ändrad",
                "clients_affected": 6,
            },
            {
                "title": "Långa väntetider",
                "level": str(Level.CENTRAL.label),
                "organisations": [],
                "status": str(Status.ON_AGENDA.label),
                "outcome": "",
                "conclusion": "",
                "clients_affected": 3,
            },
        ],
    },
    "ledningsgrupp": {
        "meetings_held": 2,
        "meeting_dates": ["2025-03-10", "2025-09-15"],
        "attendance": {"Försäkringskassan": 1},
        "members": [
            {
                "organisation": "Försäkringskassan",
                "type": "forsakringskassan",
                "type_label": label("forsakringskassan"),
                "start": "2024-01-01",
                "end": None,
            },
            {
                "organisation": "Region Västmanland, psykiatrin",
                "type": "region_psykiatri",
                "type_label": label("region_psykiatri"),
                "start": "2025-06-01",
                "end": None,
            },
            {
                "organisation": "Västerås stad, socialtjänsten",
                "type": "kommun",
                "type_label": label("kommun"),
                "start": "2024-01-01",
                "end": None,
            },
        ],
        "seat_offers": [
            {
                "organisation": "RSMH Västerås",
                "type": "brukarorganisation",
                "offered_on": "2025-02-01",
                "answer": "accepted",
                "answer_label": str(SeatOfferAnswer.ACCEPTED.label),
                "answered_on": "2025-02-20",
            },
        ],
        "check": {
            "on": "2025-12-31",
            "complete": False,
            "missing": [label("region_primarvard"), label("arbetsformedlingen")],
            "brukar_offered": True,
        },
    },
    "per_kommun": [
        # Arboga: only C6, who never started
        {
            "kod": "1984",
            "kommun": "Arboga",
            "ongoing_at_start": 0,
            "new": 0,
            "ended": 0,
            "waiting_at_year_end": 0,
            "served": 0,
            "arsanstallningar": "0.0000",
            "co_financing_planned": None,
            "co_financing_actual": None,
        },
        # Köping: C3 (ongoing, ended), C5 (new)
        {
            "kod": "1983",
            "kommun": "Köping",
            "ongoing_at_start": 1,
            "new": 1,
            "ended": 1,
            "waiting_at_year_end": 0,
            "served": 2,
            "arsanstallningar": "0.0000",
            "co_financing_planned": "50000.00",
            "co_financing_actual": None,
        },
        # Västerås: C1 (ongoing), C2 (new, ended), C7 (ongoing, ended), C8 (waiting)
        {
            "kod": "1980",
            "kommun": "Västerås",
            "ongoing_at_start": 2,
            "new": 1,
            "ended": 2,
            "waiting_at_year_end": 1,
            "served": 3,
            "arsanstallningar": "1.6288",
            "co_financing_planned": "200000.00",
            "co_financing_actual": "210000.00",
        },
        # no kommun recorded: C4 (waiting)
        {
            "kod": "",
            "kommun": "",
            "ongoing_at_start": 0,
            "new": 0,
            "ended": 0,
            "waiting_at_year_end": 1,
            "served": 0,
            "arsanstallningar": "0.0000",
            "co_financing_planned": None,
            "co_financing_actual": None,
        },
    ],
    "funds": {
        "amount_per_arsanstallning": "318000.00",
        "statsbidrag_calculated": "596794.52",  # 318 000 × 685/365 = 596 794.520…
        "granted": "600000.00",
        "granted_arsanstallningar": "2.00",
        "decided_on": "2025-03-20",
        "paid": "600000.00",  # 300 000 + 300 000
        "repayment_demanded": "40000.00",
        "co_financing_planned": "250000.00",  # 200 000 + 50 000
        "co_financing_actual": "210000.00",  # Köping has not reported its actual yet
        "co_financing": {
            "1983": {"kommun": "Köping", "planned": "50000.00", "actual": None},
            "1980": {"kommun": "Västerås", "planned": "200000.00", "actual": "210000.00"},
        },
        "costs": "1200000.00",
        "applicant_kommun": "Västerås",
        "participating_kommuner": ["Arboga", "Köping", "Västerås"],
    },
}


def outcome(values: list[str], start: dict[str, int], end: dict[str, int]) -> dict:
    return {v: {"start": start.get(v, 0), "end": end.get(v, 0)} for v in [*values, "none"]}


BOENDE = ["egen", "andrahand", "stod", "institution", "hemlos", "annat", "okant"]
SYSS = ["arbete", "studier", "arbetsmarknad", "daglig", "ingen", "okand"]
FORS = [
    "lon",
    "sjukersattning",
    "sjukpenning",
    "a_kassa",
    "bistand",
    "pension",
    "studiemedel",
    "ingen",
    "okand",
]
# Ended uppdrag C2, C3, C7 (C7 recorded only boende at start).
EXPECTED["outcomes"] = {
    "boende": outcome(
        BOENDE, {"hemlos": 1, "egen": 1, "stod": 1}, {"andrahand": 1, "egen": 1, "none": 1}
    ),
    "sysselsattning": outcome(SYSS, {"ingen": 2, "none": 1}, {"daglig": 1, "ingen": 1, "none": 1}),
    "forsorjning": outcome(
        FORS,
        {"bistand": 1, "pension": 1, "none": 1},
        {"sjukersattning": 1, "pension": 1, "none": 1},
    ),
    "ended": 3,
}


def test_every_figure_matches_the_hand_computed_fixture(dataset, world) -> None:  # type: ignore[no-untyped-def]
    figures = redovisning_figures(verksamhet=world.verksamhet, year=2025)
    for key in EXPECTED:
        assert figures[key] == EXPECTED[key], key
    assert figures == EXPECTED


def test_figures_are_json_serialisable(dataset, world) -> None:  # type: ignore[no-untyped-def]
    figures = redovisning_figures(verksamhet=world.verksamhet, year=2025)
    assert json.loads(json.dumps(figures)) == figures


def test_other_verksamhet_sees_none_of_it(dataset, world) -> None:  # type: ignore[no-untyped-def]
    figures = redovisning_figures(verksamhet=world.other_verksamhet, year=2025)
    assert figures["clients"]["by_gender"]["served"]["total"] == 1  # C9 only
    assert figures["contacts"]["total"] == 1
    assert figures["systembrister"]["reported"] == 1
    assert figures["staff"]["ombud_count"] == 1


def test_fixed_number_of_queries(dataset, world) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import make_client, make_contact, make_uppdrag

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            redovisning_figures(verksamhet=world.verksamhet, year=2025)
        return len(ctx.captured_queries)

    small = count()
    for i in range(30):
        client = make_client(world.verksamhet, f"X{i}", birth_year=1950 + i, primary_group=1)
        make_uppdrag(client, started=datetime.date(2025, 1, 1 + i % 28))
        make_contact(client, world.ombud_anna, datetime.date(2025, 6, 1), "telefon")
    assert count() == small <= 7  # one each in the systembrister and ledningsgrupp selectors
