"""The ledningsgrupp's year in one journey: plan, write the protokoll, justera, carry over."""

from __future__ import annotations

import datetime

import pytest

from core.models import Role
from ledningsgrupp import services
from ledningsgrupp.models import Meeting, Protokoll, RepresentativeRole
from systembrister.models import Status as SBStatus
from tests.core.factories import user_with_role
from tests.ledningsgrupp.conftest import make_group, make_systembrist
from tests.ledningsgrupp.factories import MeetingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, login, email):  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    login(email)


def test_meeting_protokoll_justering_and_carry_over(world, page, live_server, login, axe_check):  # type: ignore[no-untyped-def]
    page.on("dialog", lambda dialog: dialog.accept())
    lg = make_group(world)
    karin = user_with_role(
        world.verksamhet,
        Role.MEMBER,
        world.orgs["kommun"],
        email="karin@example.se",
        first_name="Karin",
        last_name="Ek",
    )
    lg.secretary.user, lg.secretary.name = karin, ""
    lg.secretary.role = RepresentativeRole.SECRETARY
    lg.secretary.save()
    lead = world.users["lead_lars"]
    earlier = MeetingFactory(ledningsgrupp=lg.group, date=datetime.date(2026, 3, 1))
    p = services.paragraph_add(meeting=earlier, by=lead, title="Samverkan")
    services.action_item_create(
        group=lg.group,
        by=lead,
        title="AF utser kontaktperson",
        owner_organisation=world.orgs["af"],
        due=datetime.date(2026, 5, 1),
        paragraph=p,
    )
    make_systembrist(world, status=SBStatus.ACCEPTED, title="Bostadstillägg dröjer")
    today = datetime.date.today()

    # The lead plans a meeting: the agenda already holds the systembrist and the open action.
    login("lars@example.se")
    page.goto(f"{live_server.url}/ledningsgrupp/")
    axe_check()
    page.get_by_role("link", name="Planera ett möte").first.click()
    page.get_by_label("Datum").fill(f"{today + datetime.timedelta(days=7):%Y-%m-%d}")
    page.get_by_label("Plats").fill("Stadshuset, sal B")
    axe_check()
    page.get_by_role("button", name="Spara").click()
    agenda = page.locator("#agenda")
    assert "Bostadstillägg dröjer" in agenda.inner_text()
    assert "AF utser kontaktperson" in agenda.inner_text()
    axe_check()
    meeting_url = page.url

    # Before the meeting the protokoll waits for it: no justering yet.
    _as(page, login, "karin@example.se")
    page.goto(meeting_url + "protokoll/")
    assert "Justeringen antecknas när mötet har ägt rum." in page.locator("main").inner_text()
    # The meeting takes place (a week passes), the secretary records who was there, names
    # chair and justerare among them and writes a § with a decision.
    held_on = today - datetime.timedelta(days=1)
    Meeting.objects.filter(pk=int(meeting_url.rstrip("/").rsplit("/", 1)[1])).update(date=held_on)
    page.goto(meeting_url + "narvaro/")
    page.get_by_label("Fatima Svensson (Försäkringskassan)").select_option(label="Närvarande")
    page.get_by_label("Arvid Holm (Arbetsförmedlingen)").select_option(label="Närvarande")
    page.get_by_label("Lars Berg").check()
    axe_check()
    page.get_by_role("button", name="Spara").click()
    page.goto(meeting_url + "protokoll/")
    axe_check()
    page.get_by_role("link", name="Välj ordförande och justerare").click()
    page.get_by_label("Ordförande").select_option(label="Fatima Svensson (Försäkringskassan)")
    page.get_by_label("Justerare").select_option(label="Arvid Holm (Arbetsförmedlingen)")
    page.get_by_role("button", name="Spara").click()
    page.get_by_role("link", name="Bostadstillägg dröjer").click()
    page.get_by_label("Beslut").fill("Försäkringskassan återkommer med en åtgärdsplan.")
    axe_check()
    page.get_by_role("button", name="Spara").click()
    assert "§ 2/" in page.locator("main").inner_text()
    page.get_by_role("link", name="Lägg till åtgärd § 2").click()
    page.locator("#id_title").fill("FK tar fram åtgärdsplan")
    page.locator("#id_owner_organisation").select_option(label="Försäkringskassan")
    page.get_by_role("button", name="Spara").click()
    assert "FK tar fram åtgärdsplan" in page.locator("main").inner_text()

    # The chair and the justerare sign; the protokoll locks and its PDF can be downloaded.
    _as(page, login, "fatima@example.se")
    page.goto(meeting_url + "protokoll/")
    page.get_by_role("button", name="Signera protokollet").click()
    assert "Du har signerat." in page.locator(".messages").inner_text()
    _as(page, login, "arvid@example.se")
    page.goto(meeting_url + "protokoll/")
    page.get_by_role("button", name="Signera protokollet").click()
    assert "justerat och låst" in page.locator(".messages").inner_text()
    axe_check()
    link = page.get_by_role("link", name="Ladda ner det justerade protokollet (PDF)")
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")
    protokoll = Protokoll.objects.get(meeting__date=held_on)
    assert protokoll.locked_at is not None and protokoll.sha256 in page.content()

    # The next meeting's agenda carries the open action items over.
    _as(page, login, "lars@example.se")
    page.goto(f"{live_server.url}/ledningsgrupp/moten/nytt/")
    page.get_by_label("Datum").fill(f"{today + datetime.timedelta(days=40):%Y-%m-%d}")
    page.get_by_label("Plats").fill("Stadshuset, sal B")
    page.get_by_role("button", name="Spara").click()
    agenda_text = page.locator("#agenda").inner_text()
    assert "FK tar fram åtgärdsplan" in agenda_text
    assert "AF utser kontaktperson" in agenda_text
    assert "Föregående protokoll" in agenda_text and "justerat" in agenda_text
    # Reordering with htmx swaps the agenda in place.
    first_title = page.locator("#agenda li").nth(1).locator(".fw-semibold").inner_text()
    page.locator("#agenda li").nth(1).get_by_role("button", name="Flytta upp").click()
    page.wait_for_timeout(300)
    assert page.locator("#agenda li").first.locator(".fw-semibold").inner_text() == first_title
    axe_check()
