"""An ombud reports a systembrist; the lead takes it to the ledningsgrupp; FK answers; closed."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from ledningsgrupp.models import Ledningsgrupp, Meeting
from systembrister.models import Status, Systembrist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_to_answer_to_close(world, page, live_server, login, axe_check) -> None:  # type: ignore[no-untyped-def]
    v = world.verksamhet
    group = Ledningsgrupp.objects.create(
        verksamhet=v, name="Ledningsgruppen för PO", convened_by=v.huvudman
    )
    meeting = Meeting.objects.create(
        ledningsgrupp=group,
        date=datetime.date.today() + datetime.timedelta(days=10),
        start_time=datetime.time(13, 0),
        place="Stadshuset",
    )

    def as_user(email: str) -> None:
        page.context.clear_cookies()
        login(email)

    # The ombud drafts and is stopped by the guard.
    as_user(world.ombud_anna.email)
    page.goto(f"{live_server.url}/systembrister/ny/")
    axe_check()
    page.get_by_label("Rubrik").fill("Långa väntetider på beslut om bostadstillägg")
    page.get_by_label("Beskrivning").fill(
        "Klienten 19850412-1234 har väntat i fem månader på beslut."
    )
    page.get_by_label("Nivå").select_option("central")
    page.get_by_label("Försäkringskassan").check()
    page.get_by_label("Livsområde").select_option("ekonomi")
    page.get_by_label("Antal berörda klienter").fill("4")
    page.get_by_label("Först observerad").fill("2026-01-10")
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_text("”19850412-1234”", exact=False)).to_be_visible()
    expect(page.get_by_label("Beskrivning")).to_have_value(
        "Klienten 19850412-1234 har väntat i fem månader på beslut."
    )
    axe_check()
    page.get_by_label("Beskrivning").fill(
        "Beslut om bostadstillägg dröjer ofta mer än fyra månader, vilket ger hyresskulder."
    )
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bostadstillägg")
    page.get_by_role("button", name="Skicka in till samordnaren").click()
    expect(page.get_by_text("Rapporten är inskickad")).to_be_visible()
    axe_check()
    report = Systembrist.objects.get()
    detail = f"{live_server.url}/systembrister/{report.pk}/"

    # The lead accepts, puts it on the agenda and asks FK for an answer.
    as_user(world.lead_lars.email)
    page.goto(detail)
    axe_check()
    page.get_by_role("button", name="Godkänn", exact=True).click()
    expect(page.get_by_text("Rapporten är godkänd")).to_be_visible()
    page.get_by_role("button", name="Sätt på dagordningen").click()
    expect(page.get_by_text("Rapporten är på mötets dagordning")).to_be_visible()
    due = datetime.date.today() + datetime.timedelta(days=30)
    page.get_by_label("Svar senast").fill(due.isoformat())
    page.get_by_role("button", name="Begär svar", exact=True).click()
    expect(page.get_by_text("Rapporten är skickad")).to_be_visible()
    axe_check()
    report.refresh_from_db()
    assert (report.status, report.meeting) == (Status.AWAITING_ANSWER, meeting)

    # Försäkringskassan's member sees it and answers.
    as_user(world.member_fk.email)
    page.goto(f"{live_server.url}/systembrister/")
    page.get_by_role("link", name="Långa väntetider på beslut om bostadstillägg").click()
    axe_check()
    page.locator("#id_answer-text").fill("Ärenden med hyresskuld prioriteras från och med nu.")
    page.locator("#id_answer-planned_action").fill("Prioriteringsrutin")
    page.get_by_role("button", name="Spara svaret").click()
    expect(page.get_by_text("Din organisations svar är sparat")).to_be_visible()
    axe_check()

    # The lead closes it with the ledningsgrupp's conclusion.
    as_user(world.lead_lars.email)
    page.goto(detail)
    page.get_by_label("Delvis åtgärdad").check()
    page.locator("#id_close-conclusion").fill("Rutinen följs upp vid nästa möte.")
    page.get_by_role("button", name="Avsluta", exact=True).click()
    expect(page.get_by_text("Rapporten är avslutad")).to_be_visible()
    axe_check()
    report.refresh_from_db()
    assert (report.status, report.outcome) == (Status.CLOSED, "partly")

    # Arbetsförmedlingen's member cannot see it.
    as_user(world.member_af.email)
    response = page.goto(detail)
    assert response is not None and response.status == 404
