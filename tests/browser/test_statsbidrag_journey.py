"""Grant officer: employment period, year, redovisning draft and submit; member reads it. axe on every page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from core.models import Role
from statsbidrag.models import DocumentStatus, Redovisning
from tests.core.factories import OrganisationFactory, VerksamhetFactory, kommun, user_with_role
from tests.statsbidrag.factories import GrantYearFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_grant_officer_submits_the_redovisning(page, live_server, login, axe_check) -> None:  # type: ignore[no-untyped-def]
    v = VerksamhetFactory(kommuner=[kommun("1980"), kommun("1983")])
    fk = OrganisationFactory(verksamhet=v, name="Försäkringskassan", type="forsakringskassan")
    user_with_role(v, Role.GRANT_OFFICER, email="gunilla@example.se", first_name="Gunilla")
    user_with_role(v, Role.MEMBER, fk, email="fatima@example.se", first_name="Fatima")
    ombud = user_with_role(v, Role.OMBUD, email="anna@example.se", first_name="Anna")
    GrantYearFactory(verksamhet=v, year=2025, amount_per_arsanstallning=Decimal("318000"))

    login("gunilla@example.se")
    page.get_by_role("link", name="Statsbidrag", exact=True).first.click()
    axe_check()
    page.get_by_role("link", name="Anställningsperioder och årsanställningar").click()
    page.get_by_role("link", name="Ny anställningsperiod").click()
    axe_check()
    page.get_by_label("Ombud", exact=True).select_option(str(ombud.pk))
    page.get_by_label("Från").fill("2025-01-01")
    page.get_by_label("Tjänstgöringsgrad (procent)").fill("50")
    page.get_by_label("Anställande kommun").select_option(label="Västerås")
    page.get_by_role("button", name="Spara").click()
    page.goto(f"{live_server.url}/statsbidrag/anstallningar/?ar=2025")
    assert "Årsanställningar 2025: 0,50" in page.content()
    axe_check()

    page.goto(f"{live_server.url}/statsbidrag/ar/2025/")
    axe_check()
    page.get_by_role("link", name="Redovisning").first.click()
    page.wait_for_url("**/redovisning/")
    page.locator("svg.sb-chart").first.wait_for()
    assert page.locator("svg.sb-chart").count() >= 2
    axe_check()
    page.get_by_role("link", name="Redigera svaren").click()
    page.get_by_label("Beskriv verksamheten under året").fill("Ett bra år.")
    axe_check()
    page.get_by_role("button", name="Spara").click()
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Inskickad").first).to_be_visible()
    axe_check()
    red = Redovisning.objects.get()
    assert red.status == DocumentStatus.SUBMITTED and red.pdf_sha256

    page.context.clear_cookies()
    login("fatima@example.se")
    page.goto(f"{live_server.url}/statsbidrag/ar/2025/redovisning/")
    assert "Ett bra år." in page.content()
    axe_check()
