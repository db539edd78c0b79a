"""Field work on a phone (#18): an ombud at 390 px logs a hembesök and a contact with an
organisation she has consent for from the quick-contact form, sees the refusal for one she has
not; the overdue rows of the action list keep their contrast."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from clients.models import Contact
from tests.browser.test_axe_every_page import too_wide
from tests.clients.factories import full_client, today
from tests.ledningsgrupp.conftest import make_group
from tests.ledningsgrupp.factories import ActionItemFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_ombud_logs_contacts_on_a_phone(page, live_server, login, axe_check, world) -> None:  # type: ignore[no-untyped-def]
    f = full_client(world, world.ombud_anna)  # written consent for Försäkringskassan
    alias = f["client"].alias
    page.set_viewport_size(PHONE)
    login("anna@example.se")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/klienter/")
    assert not too_wide(page)

    # From the list: a hembesök, saved in one tap
    page.set_viewport_size(PHONE)
    page.get_by_role("link", name=f"Snabbkontakt {alias}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Snabbkontakt")
    expect(page.locator("#id_date")).to_have_value(today().isoformat())
    page.get_by_label("Hembesök").check()
    page.get_by_label("Längd (minuter)").fill("60")
    axe_check()
    assert not too_wide(page)
    page.set_viewport_size(PHONE)
    save = page.get_by_role("button", name="Spara kontakten")
    assert save.bounding_box()["height"] >= 44
    save.click()
    expect(page.get_by_role("status")).to_contain_text(f"Kontakten med {alias} är registrerad")
    assert page.url == f"{live_server.url}/klienter/"

    # From the client page: a phone call with Försäkringskassan (consent today)
    page.get_by_role("link", name=alias, exact=True).click()
    page.get_by_role("link", name="Snabbkontakt").click()
    page.get_by_label("Telefon", exact=True).check()
    page.get_by_label("Försäkringskassan —").check()
    page.get_by_role("button", name="Spara kontakten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(alias)
    contact = Contact.objects.filter(client=f["client"]).latest("pk")
    assert contact.type == "telefon" and [o.name for o in contact.organisations.all()] == [
        "Försäkringskassan"
    ]

    # Arbetsförmedlingen: no consent, refused next to the field, nothing saved
    before = Contact.objects.count()
    page.get_by_role("link", name="Snabbkontakt").click()
    page.get_by_label("Telefon", exact=True).check()
    page.get_by_label("Arbetsförmedlingen —").check()
    page.get_by_role("button", name="Spara kontakten").click()
    expect(page.locator(".invalid-feedback").first).to_contain_text("Arbetsförmedlingen")
    assert Contact.objects.count() == before
    axe_check()
    assert not too_wide(page)


def test_overdue_action_rows_keep_their_contrast(
    page, live_server, login, axe_check, world
) -> None:  # type: ignore[no-untyped-def]
    group = make_group(world)
    ActionItemFactory(
        ledningsgrupp=group.group,
        title="Kartlägg väntetiderna",
        due=today() - datetime.timedelta(days=3),
        owner_organisation=world.orgs["fk"],
    )
    login("lars@example.se")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ledningsgrupp/atgarder/")
    row = page.get_by_role("row", name="Kartlägg väntetiderna")
    expect(row).to_contain_text("försenad")
    expect(row.get_by_role("link", name="Kartlägg väntetiderna")).to_be_visible()
    axe_check()
    assert not too_wide(page)
