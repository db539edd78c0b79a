"""Lars (lead) imports the team's client spreadsheet: 5 bad rows, their reasons, the fixed file
imported, and the same file again adds nothing. axe on every page; screenshots at 1280 and
390 px in /tmp/shots/import/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from clients.models import Client
from core.models import Role
from imports.models import ImportRun
from tests.core.factories import VerksamhetFactory, kommun, user_with_role
from tests.imports.files import xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("IMPORT_SHOTS", "/tmp/shots/import"))
HEADER = ["Alias", "Personnummer", "Födelseår", "Kommun", "Status", "Kontaktskapande från",
          "Uppdraget startade", "Ansvarigt ombud"]  # fmt: skip
GOOD = [
    ["Kalle", "19850312-1231", None, "Västerås", "Aktivt", "2024-01-10", "2024-03-01",
     "anna@example.se"],
    ["Stina", None, 1970, "Västerås", "Väntelista", None, None, None],
    ["Per", "7506153456", None, "Sala", "Kontaktskapande", "5/2/2024", None, "Anna Lind"],
]  # fmt: skip
BAD = [
    ["Olle", "19850312-1232", None, None, None, None, None, None],  # checksum
    ["Maja", None, 1980, "Stockholm", None, None, None, None],  # not a kommun served
    ["Ture", None, 1980, None, "Aktivt", None, "2024-13-01", "anna@example.se"],  # bad date
    ["Greta", None, 1980, None, "Kontaktskapande", "2024-01-01", None, "nobody@example.se"],
    ["", None, 1980, None, None, None, None, None],  # no alias
]
FIXED = [
    ["Olle", "8808084563", None, None, None, None, None, None],
    ["Maja", None, 1980, "Sala", None, None, None, None],
    ["Ture", None, 1980, None, "Aktivt", None, "2024-12-01", "anna@example.se"],
    ["Greta", None, 1980, None, "Kontaktskapande", "2024-01-01", None, "anna@example.se"],
    ["Bo", None, 1980, None, None, None, None, None],
]


def _shots(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _upload(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_label("Vad filen innehåller").select_option("klienter")
    page.locator("#id_file").set_input_files(str(path))
    page.get_by_role("button", name="Granska filen").click()
    page.wait_for_url("**/import/*/")


def test_lars_imports_a_client_spreadsheet(page, live_server, login, axe_check, tmp_path) -> None:  # type: ignore[no-untyped-def]
    v = VerksamhetFactory(kommuner=[kommun("1980"), kommun("1981")])
    user_with_role(v, Role.LEAD, email="lars@example.se", first_name="Lars", last_name="Berg")
    user_with_role(v, Role.OMBUD, email="anna@example.se", first_name="Anna", last_name="Lind")
    bad_file = tmp_path / "klienter.xlsx"
    bad_file.write_bytes(xlsx(HEADER, GOOD + BAD))

    login("lars@example.se")
    page.get_by_role("link", name="Import", exact=True).first.click()
    expect(page.get_by_role("heading", name="Import från kalkylblad")).to_be_visible()
    axe_check()
    _shots(page, "1-index")
    _upload(page, bad_file)
    refused = page.locator("#refused tbody tr")
    expect(refused).to_have_count(5)
    text = page.locator("#refused").inner_text()
    for expected in (
        "inte ett giltigt personnummer",
        "inte en av kommunerna",
        "inte ett datum",
        "nobody@example.se",
        "Ge klienten ett alias",
    ):
        assert expected in text
    assert [refused.nth(i).locator("th").inner_text() for i in range(5)] == [
        "5", "6", "7", "8", "9"
    ]  # fmt: skip
    expect(page.get_by_role("button", name="Importera")).to_have_count(0)
    axe_check()
    _shots(page, "2-refused")
    assert not Client.objects.exists()

    fixed_file = tmp_path / "klienter-rattad.xlsx"
    fixed_file.write_bytes(xlsx(HEADER, GOOD + FIXED))
    page.get_by_role("link", name="Ladda upp en annan fil").click()
    _upload(page, fixed_file)
    expect(page.locator("#refused")).to_have_count(0)
    axe_check()
    _shots(page, "3-preview")
    page.get_by_role("button", name="Importera 8 rader").click()
    expect(page.get_by_text("Importerat: 8 skapade, 0 redan importerade.")).to_be_visible()
    axe_check()
    _shots(page, "4-imported")
    assert Client.objects.filter(verksamhet=v).count() == 8
    kalle = Client.objects.get(alias="Kalle")
    assert kalle.uppdrag.get().assignments.get().ombud.email == "anna@example.se"

    page.get_by_role("link", name="Tillbaka till importerna").click()
    _upload(page, fixed_file)
    expect(page.get_by_role("button", name="Importera 0 rader")).to_be_visible()
    page.get_by_role("button", name="Importera 0 rader").click()
    expect(page.get_by_text("Importerat: 0 skapade, 8 redan importerade.")).to_be_visible()
    assert Client.objects.filter(verksamhet=v).count() == 8
    page.get_by_role("link", name="Tillbaka till importerna").click()
    expect(page.locator("table").last.locator("tbody tr")).to_have_count(3)
    axe_check()
    _shots(page, "5-list")
    assert ImportRun.objects.filter(status="imported").count() == 2


def test_agnes_finds_the_export(page, live_server, login, axe_check) -> None:  # type: ignore[no-untyped-def]
    v = VerksamhetFactory(kommuner=[kommun("1980")])
    user_with_role(v, Role.ADMIN, email="agnes@example.se", first_name="Agnes", last_name="Nord")
    login("agnes@example.se")
    page.get_by_role("link", name="Export", exact=True).first.click()
    expect(page.get_by_role("heading", name="Exportera verksamhetens data")).to_be_visible()
    axe_check()
    _shots(page, "6-export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exportera verksamhetens data").click()
    assert download.value.suggested_filename.endswith(".zip")
