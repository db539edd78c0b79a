"""Klienter: every kind of refused row, the uppdrag walked through its services, idempotency."""

from __future__ import annotations

import datetime

import pytest

from clients.models import Assignment, Client, Uppdrag, UppdragStatus
from imports.services import import_file
from tests.imports.files import csv_bytes, xlsx

H = [
    "Alias", "Personnummer", "Födelseår", "Kommun", "Status", "På väntelistan sedan",
    "Kontaktskapande från", "Uppdraget startade", "Uppdraget avslutades", "Avslutsorsak",
    "Ansvarigt ombud",
]  # fmt: skip


def run(world, content, *, dry_run=False, by=None):  # type: ignore[no-untyped-def]
    return import_file(
        kind="klienter",
        verksamhet=world.verksamhet,
        by=by or world.lead_lars,
        content=content,
        dry_run=dry_run,
    )


def reasons(outcome):  # type: ignore[no-untyped-def]
    return {(r.row, r.column): r.reason for r in outcome.refused}


def test_clients_with_their_uppdrag_and_ombud(world, pnr):  # type: ignore[no-untyped-def]
    rows = [
        ["Kalle", pnr[0], None, "Västerås", "Aktivt", datetime.datetime(2024, 1, 10),
         "2024-02-01", "1/3/2024", None, None, "anna@example.se"],
        ["  Stina  ", None, 1970, "västerås", "väntelista", "2025-01-05", None, None, None,
         None, None],
        ["Per", None, 1960, None, "Avslutat", 45292, "2024-01-02", None, "2024-06-30",
         "Målen uppnådda", "Omar Haddad"],
    ]  # fmt: skip
    out = run(world, xlsx(H, rows))
    assert out.refused == []
    assert (out.rows, out.created, out.already) == (3, 3, 0)
    kalle = Client.objects.get(alias="Kalle")
    assert kalle.personnummer == "198503121231" and kalle.birth_year == 1985
    assert kalle.kommun.name == "Västerås"
    up = kalle.uppdrag.get()
    assert up.status == UppdragStatus.ACTIVE
    assert (up.waiting_since, up.contact_started, up.started) == (
        datetime.date(2024, 1, 10), datetime.date(2024, 2, 1), datetime.date(2024, 3, 1)
    )  # fmt: skip
    assert Assignment.objects.get(uppdrag=up).ombud == world.ombud_anna
    assert up.history.filter(history_user=world.lead_lars).exists()
    assert kalle.history.get().history_user == world.lead_lars
    assert Client.objects.get(alias="Stina").uppdrag.get().status == UppdragStatus.WAITING
    per = Uppdrag.objects.get(client__alias="Per")
    assert per.status == UppdragStatus.ENDED and per.end_reason == "goals_met"
    assert per.waiting_since == datetime.date(2024, 1, 1)  # Excel serial 45292
    assert Assignment.objects.get(uppdrag=per).ombud == world.ombud_omar


def test_every_kind_of_bad_row_is_named_with_its_column(world, pnr):  # type: ignore[no-untyped-def]
    rows = [
        ["A", "19850312-1232", None, None, None, None, None, None, None, None, None],
        ["B", None, 1980, None, "Aktivt", None, "2024-13-01", "2024-02-01", None, None,
         "anna@example.se"],
        ["C", None, 1980, None, "Kontaktskapande", None, "2024-01-01", None, None, None,
         "nobody@example.se"],
        ["D", None, 1980, "Stockholm", None, None, None, None, None, None, None],
        ["E", None, 1980, None, "Pågår", None, None, None, None, None, None],
        ["", None, 1980, None, None, None, None, None, None, None, None],
        ["F", None, 1980, None, "Aktivt", None, "2024-05-01", "2024-02-01", None, None,
         "anna@example.se"],
        ["G", None, 1980, None, "Kontaktskapande", None, "2024-01-01", None, None, None,
         "lars@example.se"],
    ]  # fmt: skip
    out = run(world, csv_bytes(H, rows))
    got = reasons(out)
    assert got[(2, "Personnummer")].startswith("Det här är inte ett giltigt personnummer")
    assert "inte ett datum" in got[(3, "Kontaktskapande från")]
    assert "nobody@example.se" in got[(4, "Ansvarigt ombud")]
    assert "kommuner" in got[(5, "Kommun")]
    assert "tillåtna värdena" in got[(6, "Status")]
    assert got[(7, "Alias")] == "Ge klienten ett alias."
    assert (8, "Uppdraget startade") in got  # before contact-building: the service's rule
    assert (9, "Ansvarigt ombud") in got  # lars is no ombud: uppdrag_advance refuses
    assert out.refused_count == 8 and out.created == 0
    assert not Client.objects.filter(verksamhet=world.verksamhet).exists()


def test_one_bad_row_imports_nothing(world, pnr):  # type: ignore[no-untyped-def]
    rows = [
        ["Kalle", pnr[0], None, None, None, None, None, None, None, None, None],
        ["Bad", "12345", None, None, None, None, None, None, None, None, None],
    ]  # fmt: skip
    out = run(world, xlsx(H, rows))
    assert out.created == 1 and out.refused_count == 1
    assert not Client.objects.exists()


def test_dry_run_saves_nothing(world, pnr):  # type: ignore[no-untyped-def]
    out = run(world, xlsx(H, [["Kalle", pnr[0]]]), dry_run=True)
    assert out.ok and out.created == 1
    assert not Client.objects.exists()


def test_re_import_adds_nothing(world, pnr):  # type: ignore[no-untyped-def]
    rows = [
        ["Kalle", pnr[0]],
        ["Stina", None, 1970, "Västerås"],
        ["Stina", None, 1971, "Västerås"],  # another Stina: another birth year
    ]
    content = xlsx(H, rows)
    assert run(world, content).created == 3
    again = run(world, content)
    assert (again.created, again.already, again.refused_count) == (0, 3, 0)
    # The same clients in another file, the personnummer written differently.
    other = run(world, csv_bytes(H, [["Karl", "8503121231"], ["stina", None, 1970, "västerås"]]))
    assert (other.created, other.already) == (0, 2)
    assert Client.objects.count() == 3


def test_duplicate_within_the_file(world, pnr):  # type: ignore[no-untyped-def]
    out = run(world, xlsx(H, [["Kalle", pnr[0]], ["Kalle igen", "198503121231"]]))
    assert reasons(out) == {(3, "Personnummer"): "Samma rad som rad 2 i den här filen."}


def test_missing_required_column(world):  # type: ignore[no-untyped-def]
    out = run(world, xlsx(["Namn", "Personnummer"], [["Kalle", None]]))
    assert reasons(out) == {(1, "Alias"): "Kolumnen ”Alias” saknas: använd mallens rubriker."}


@pytest.mark.parametrize("sep", [";", ","])
@pytest.mark.parametrize("bom", [True, False])
def test_csv_separators_and_bom(world, pnr, sep, bom):  # type: ignore[no-untyped-def]
    content = csv_bytes(
        ["alias ", " PERSONNUMMER", "Födelseår"],
        [[" Kalle ", f" {pnr[1]} ", None], [], ["", "", ""], ["Stina", "", "1970"]],
        sep=sep,
        bom=bom,
    )
    out = run(world, content)
    assert out.refused == [] and out.created == 2 and out.rows == 2
    assert Client.objects.get(alias="Kalle").personnummer == "199001012344"


def test_only_lead_and_admin_import(world, pnr):  # type: ignore[no-untyped-def]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        run(world, xlsx(H, [["Kalle"]]), by=world.ombud_anna)
    assert run(world, xlsx(H, [["Kalle"]]), by=world.admin_agnes).created == 1


def test_not_a_spreadsheet(world):  # type: ignore[no-untyped-def]
    out = run(world, b"\xff\xfe\x00garbage")
    assert out.refused[0].row == 1 and "UTF-8" in out.refused[0].reason
    broken = run(world, b"PK\x03\x04 not really a zip")
    assert "Excel" in broken.refused[0].reason


def _state(world):  # type: ignore[no-untyped-def]
    rows = []
    for c in Client.objects.filter(verksamhet=world.verksamhet).order_by("alias"):
        up = c.uppdrag.get()
        a = up.assignments.first()
        rows.append(
            (c.alias, c.personnummer, c.birth_year, c.kommun_id, c.gender, up.status,
             up.waiting_since, up.contact_started, up.started, up.ended, up.end_reason,
             a and (a.ombud_id, a.start, a.end))
        )  # fmt: skip
    return rows


def test_batch_path_writes_what_the_services_write(world, pnr, monkeypatch):  # type: ignore[no-untyped-def]
    """Every row both ways: checked here and batched, or walked through the services."""
    from django.db import transaction

    from imports.kinds.clients import ClientKind

    today = datetime.date.today()
    soon = (today + datetime.timedelta(days=2)).isoformat()
    rows = [
        ["A", pnr[0], None, "Västerås", "Aktivt", "2024-01-01", "2024-02-01", "2024-03-01",
         None, None, "anna@example.se"],
        ["B", pnr[1], 1991, None, None, None, None, None, None, None, None],  # year mismatch
        ["C", None, 2020, None, None, None, None, None, None, None, None],  # a child
        ["D", None, 1980, None, "Aktivt", None, None, "2024-03-01", None, None, "anna@example.se"],
        ["E", None, 1980, None, "Aktivt", None, None, "2024-03-01", None, None, None],  # no ombud
        ["F", None, 1980, None, "Kontaktskapande", "2024-05-01", "2024-04-01", None, None, None,
         "omar@example.se"],  # before the waiting list
        ["G", None, 1980, None, "Avslutat", "2024-01-01", None, None, "2024-02-01", None, None],  # no reason
        ["H", None, 1980, None, "Avslutat", "2024-01-01", None, None, "2024-02-01", "Annat",
         None],  # "other" needs words
        ["I", None, 1980, None, "Avslutat", "2024-01-01", "2024-01-05", "2024-01-09",
         "2024-02-01", "Flyttat", "omar@example.se"],
        ["J", None, 1980, None, "Väntelista", soon, None, None, None, None, None],  # future
        ["K", None, 1980, None, "Kontaktskapande", None, "2024-01-05", "2024-01-09", None, None,
         "omar@example.se"],
        ["L", pnr[2], 1975, "Västerås", "Avslutat", None, None, None, "2024-02-01",
         "Målen uppnådda", None],
    ]  # fmt: skip
    content = xlsx(H, rows)
    results = []
    for fast in (True, False):
        monkeypatch.setattr(ClientKind, "fast", fast)
        with transaction.atomic():
            out = run(world, content)
            results.append((sorted(reasons(out).items()), out.created, _state(world)))
            transaction.set_rollback(True)
    assert results[0] == results[1]
    assert [row for row, _col in dict(results[0][0])] == [3, 4, 6, 7, 8, 9, 11]
