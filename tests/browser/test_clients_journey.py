"""An ombud's day with a new client: waiting list → consent → hembesök → needs and plan → PDF →
a refused contact without consent → end of the uppdrag. axe on every page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from clients.models import Client, Contact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ombud_journey(page, live_server, login, axe_check, world) -> None:  # type: ignore[no-untyped-def]
    login("anna@example.se")
    page.goto(f"{live_server.url}/klienter/vantelista/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Väntelista")
    axe_check()

    page.get_by_role("link", name="Ny klient").click()
    axe_check()
    page.locator("#id_alias").fill("Solstrålen")
    page.locator("#id_birth_year").fill("1979")
    page.locator("#id_take").check()
    page.get_by_role("button", name="Registrera klient").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solstrålen")
    axe_check()
    client = Client.objects.get(alias="Solstrålen")
    assert client.personnummer == ""

    # Consent for Försäkringskassan
    page.get_by_role("link", name="Samtycke och fullmakt").first.click()
    axe_check()
    page.get_by_role("link", name="Registrera samtycke", exact=True).click()
    page.locator("#id_organisation").select_option(label="Försäkringskassan")
    page.locator("#id_scope").fill("Sjukpenning och arbetsförmåga")
    page.get_by_label("Skriftligt").check()
    axe_check()
    page.get_by_role("button", name="Spara").click()
    row = page.get_by_role("row", name=re.compile("Försäkringskassan"))
    expect(row.first).to_contain_text("Får kontaktas")

    # A hembesök
    page.get_by_role("link", name="Kontakter", exact=True).click()
    page.get_by_role("link", name="Registrera kontakt").click()
    page.locator("#id_type").select_option(label="Hembesök")
    page.locator("#id_duration_minutes").fill("60")
    page.locator("#id_note").fill("Fika hemma, lärde känna varandra.")
    axe_check()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("cell", name="Hembesök", exact=True)).to_be_visible()
    axe_check()

    # Two needs, a goal and a step for FK
    page.get_by_role("link", name="Behov och plan").click()
    for area, text in (("Ekonomi", "Pengarna räcker inte."), ("Boende", "Jag vill bo kvar.")):
        page.get_by_role("link", name="Nytt behov").click()
        page.locator("#id_life_area").select_option(label=area)
        page.locator("#id_description").fill(text)
        page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Nytt mål").click()
    page.locator("#id_description").fill("Få ekonomin att gå ihop")
    page.get_by_label("Ekonomi").check()
    page.get_by_label("Boende").check()
    axe_check()
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name=re.compile("^Nytt steg")).click()
    page.locator("#id_description").fill("Ansöka om sjukpenning")
    # The step's organisations say today's consent: Försäkringskassan's was given above.
    option = page.locator("#id_organisation option", has_text="Försäkringskassan — samtycke")
    page.locator("#id_organisation").select_option(value=option.get_attribute("value"))
    page.locator("#id_due").fill("2030-01-15")
    axe_check()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("cell", name="Ansöka om sjukpenning", exact=True)).to_be_visible()
    axe_check()

    # The plan as PDF
    href = page.get_by_role("link", name="Skriv ut planen (PDF)").get_attribute("href")
    pdf = page.request.get(f"{live_server.url}{href}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # Arbetsförmedlingen without consent: refused, with the reason next to the field
    page.get_by_role("link", name="Kontakter", exact=True).click()
    page.get_by_role("link", name="Registrera kontakt").click()
    page.locator("#id_type").select_option(label="Telefon")
    page.get_by_label("Arbetsförmedlingen").check()
    page.get_by_role("button", name="Spara").click()
    expect(
        page.get_by_text("Klienten har inget giltigt samtycke för Arbetsförmedlingen")
    ).to_be_visible()
    axe_check()
    assert Contact.objects.filter(client=client).count() == 1

    # End the uppdrag
    page.get_by_role("link", name="Avbryt").click()
    page.get_by_role("link", name="Uppdrag", exact=True).click()
    axe_check()
    page.get_by_role("link", name="Avsluta uppdraget").click()
    page.locator("#id_end_reason").select_option(label="Målen uppnådda")
    axe_check()
    page.get_by_role("button", name="Avsluta uppdraget").click()
    expect(page.get_by_text("Uppdraget är avslutat.")).to_be_visible()
    axe_check()
    assert client.uppdrag.get().end_reason == "goals_met"
