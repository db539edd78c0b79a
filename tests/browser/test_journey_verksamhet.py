"""The verksamhet runs itself: agnes invites a new ombud, who sets a password and enrols the
second factor; agnes sees her role and closes the account of an ombud who leaves, handing
four clients to the new ombud and two to the waiting list. axe on every page.

ADMIN_SHOTS=/tmp/shots/admin also saves each page at 1280 and 390 px.
"""

from __future__ import annotations

import base64
import os
import re

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from clients.models import Assignment, UppdragStatus
from core.models import User
from tests.clients.factories import client_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ett-langt-losenord-77"
SHOTS = os.environ.get("ADMIN_SHOTS", "")


@pytest.fixture
def shoot(page):  # type: ignore[no-untyped-def]
    def _shoot(name: str) -> None:
        if not SHOTS:
            return
        os.makedirs(SHOTS, exist_ok=True)
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})

    return _shoot


def test_agnes_invites_an_ombud_and_closes_an_account(
    world, live_server, page, login, axe_check, settings, shoot
):  # type: ignore[no-untyped-def]
    settings.SITE_URL = live_server.url
    settings.OTP_REQUIRED_ROLES = ["ombud"]
    anna = world.ombud_anna
    clients = [client_of(world, anna, alias=f"Klient A{n}") for n in range(1, 7)]

    def check(name: str) -> None:
        axe_check()
        shoot(name)

    # Agnes invites Nina as an ombud.
    login("agnes@example.se")
    axe_check()  # the dashboard
    page.get_by_role("link", name="Användare").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Användare")
    check("users")
    page.get_by_role("link", name="Bjud in en användare").click()
    check("invitation-new")
    page.get_by_label("E-postadress").fill("nina@example.se")
    page.get_by_label("Förnamn").fill("Nina")
    page.get_by_label("Efternamn").fill("Ek")
    page.locator("#id_role").select_option(label="Personligt ombud")
    page.get_by_role("button", name="Skicka inbjudan").click()
    expect(page.get_by_text("Inbjudan är skickad till nina@example.se.")).to_be_visible()
    check("invitations")
    link = re.search(r"https?://\S+/administration/inbjudan/\S+/", mail.outbox[-1].body).group(0)

    # Nina follows the link, sets a password and enrols the authenticator app.
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ta emot inbjudan")
    check("accept")
    page.locator("#id_new_password1").fill(PASSWORD)
    page.get_by_label("Lösenord igen").fill(PASSWORD)
    page.get_by_role("button", name="Skapa mitt konto").click()
    expect(page.get_by_text("Ditt konto är klart. Aktivera nu tvåstegsinloggning.")).to_be_visible()
    axe_check()
    secret = page.locator("code").first.inner_text().strip()
    code = totp(base64.b32decode(secret))
    page.get_by_label("Kod från din autentiseringsapp").fill(f"{code:06d}")
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tvåstegsinloggning är på")
    axe_check()

    # Agnes sees Nina with the ombud role and two-step login set up.
    page.context.clear_cookies()
    login("agnes@example.se")
    page.goto(f"{live_server.url}/administration/anvandare/?role=ombud")
    expect(page.get_by_role("link", name="Nina Ek")).to_be_visible()
    page.get_by_role("link", name="Nina Ek").click()
    expect(page.locator("ul.list-group")).to_contain_text("Personligt ombud")
    expect(page.locator("dl")).to_contain_text("Aktiverad")
    check("user-detail")
    page.get_by_role("link", name="Lägg till roll").click()
    check("role-add")
    page.go_back()
    page.get_by_role("link", name="Återställ tvåstegsinloggning").click()
    check("second-factor-reset")

    # Agnes closes Anna's account: four clients to Nina, two back on the waiting list.
    page.goto(f"{live_server.url}/administration/anvandare/")
    page.get_by_role("link", name="Anna Lind").click()
    page.get_by_role("link", name="Avsluta konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Avsluta kontot för Anna Lind")
    check("offboarding")
    for c in clients[:4]:
        page.get_by_label(c.alias).select_option(label="Nina Ek")
    for c in clients[4:]:
        page.get_by_label(c.alias).select_option(label="Tillbaka till väntelistan")
    page.get_by_label("Varför kontot avslutas").fill("Slutar sin anställning")
    page.get_by_role("button", name="Lämna över och avsluta kontot").click()
    expect(page.get_by_text("kontot är avslutat")).to_be_visible()
    expect(page.locator("dl")).to_contain_text("Avslutat")
    check("user-closed")

    nina = User.objects.get(email="nina@example.se")
    for c in clients[:4]:
        assert Assignment.objects.get(uppdrag__client=c, end__isnull=True).ombud == nina
    for c in clients[4:]:
        assert c.uppdrag.order_by("-pk").first().status == UppdragStatus.WAITING
    page.goto(f"{live_server.url}/klienter/vantelista/")
    expect(page.get_by_role("main")).to_contain_text("Klient A5")
    expect(page.get_by_role("main")).to_contain_text("Klient A6")
    axe_check()
    page.goto(f"{live_server.url}/klienter/{clients[0].pk}/uppdrag/")
    expect(page.get_by_role("main")).to_contain_text("Nina Ek")
    expect(page.get_by_role("main")).to_contain_text("Anna Lind")
    axe_check()

    # Anna can no longer log in.
    page.context.clear_cookies()
    login("anna@example.se")
    expect(page.get_by_text("Fel e-postadress eller lösenord")).to_be_visible()
    axe_check()
