"""Each role logs in, lands on its dashboard, and the pages pass axe (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLE_NAV = {
    "ombud_anna": [],
    "lead_lars": ["Ändringshistorik"],
    "member_fk": [],
    "grant_gunilla": [],
    "admin_agnes": ["Ändringshistorik"],
}


@pytest.mark.parametrize("user_key", list(ROLE_NAV))
def test_role_logs_in_and_sees_dashboard(world, live_server, page, login, axe_check, user_key):  # type: ignore[no-untyped-def]
    user = world.users[user_key]
    page.goto(f"{live_server.url}/konto/logga-in/")
    axe_check()
    login(user.email)
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Välkommen, {user.first_name}")
    for label in ROLE_NAV[user_key]:
        expect(page.get_by_role("link", name=label)).to_be_visible()
    axe_check()


def test_bad_login_keeps_email_and_speaks_swedish(world, live_server, page, login, axe_check):  # type: ignore[no-untyped-def]
    login("anna@example.se", "fel-losenord")
    expect(page.get_by_text("Fel e-postadress eller lösenord")).to_be_visible()
    expect(page.get_by_label("E-postadress")).to_have_value("anna@example.se")
    axe_check()


def test_lead_reads_change_history(world, live_server, page, login, axe_check):  # type: ignore[no-untyped-def]
    login("lars@example.se")
    page.get_by_role("link", name="Ändringshistorik").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ändringshistorik")
    axe_check()
    page.goto(f"{live_server.url}/tillganglighet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighetsredogörelse")
    axe_check()
