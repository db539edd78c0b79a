"""Field work on a phone (#18): overdue reminders said in words, the tasks page, quick contact."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from tests.clients.factories import StepFactory, TaskFactory, full_client, today


def items(body: str, text: str) -> list[str]:
    """The text of every list item that mentions ``text``."""
    soup = BeautifulSoup(body, "html.parser")
    return [" ".join(li.get_text().split()) for li in soup.find_all("li") if text in li.get_text()]


def test_overdue_steps_follow_ups_and_tasks_are_marked_in_words(client, world) -> None:  # type: ignore[no-untyped-def]
    f = full_client(world, world.ombud_anna)
    yesterday = today() - datetime.timedelta(days=1)
    f["plan"].follow_up = yesterday
    f["plan"].save()
    f["step"].due = yesterday
    f["step"].save()
    StepFactory(goal=f["goal"], description="Boka möte med hyresvärden")  # due in 3 days
    TaskFactory(owner=world.ombud_anna, title="Skicka intyget", due=yesterday)
    TaskFactory(owner=world.ombud_anna, title="Ringa tandläkaren", due=today())
    client.force_login(world.ombud_anna)
    for url in ("/", "/klienter/uppgifter/"):
        body = client.get(url).content.decode()
        assert all("Försenad" in li for li in items(body, "Utreda rätt")), url
        assert not any("Försenad" in li for li in items(body, "Boka möte")), url
        assert any("Försenad" in li for li in items(body, yesterday.isoformat())), url
        assert all("Försenad" in li for li in items(body, "Skicka intyget")), url
        assert not any("Försenad" in li for li in items(body, "Ringa tandläkaren")), url


def test_tasks_page_lists_the_tasks_under_one_heading(client, world) -> None:  # type: ignore[no-untyped-def]
    full_client(world, world.ombud_anna)
    client.force_login(world.ombud_anna)
    soup = BeautifulSoup(client.get("/klienter/uppgifter/").content.decode(), "html.parser")
    headings = [h.get_text(strip=True) for h in soup.find_all(["h1", "h2", "h3"])]
    assert headings.count("Mina uppgifter") == 1, headings
    assert len(items(str(soup), "Ring handläggaren")) == 1


def test_quick_contact_from_the_list_saves_in_one_tap_and_returns_there(client, world) -> None:  # type: ignore[no-untyped-def]
    from clients.models import Contact

    f = full_client(world, world.ombud_anna)  # consent for Försäkringskassan
    pk = f["client"].pk
    client.force_login(world.ombud_anna)
    listing = client.get("/klienter/").content.decode()
    assert f'href="/klienter/{pk}/kontakter/snabb/?fran=lista"' in listing
    assert (
        f'href="/klienter/{pk}/kontakter/snabb/"' in client.get(f"/klienter/{pk}/").content.decode()
    )
    page = client.get(f"/klienter/{pk}/kontakter/snabb/?fran=lista")
    soup = BeautifulSoup(page.content.decode(), "html.parser")
    assert soup.h1.get_text(strip=True) == "Snabbkontakt"
    assert soup.find("input", {"name": "date"})["value"] == today().isoformat()
    labels = {" ".join(label.get_text().split()) for label in soup.find_all("label")}
    assert any(t.startswith("Försäkringskassan — samtycke") for t in labels), labels
    assert "Arbetsförmedlingen — INGET SAMTYCKE" in labels
    assert {"note", "kind"}.isdisjoint(
        el.get("name") for el in soup.find_all(["input", "textarea"])
    )
    response = client.post(
        f"/klienter/{pk}/kontakter/snabb/?fran=lista",
        {
            "type": "hembesok",
            "date": today().isoformat(),
            "duration_minutes": "45",
            "organisations": [world.orgs["fk"].pk],
        },
    )
    assert response.status_code == 302 and response["Location"] == "/klienter/"
    contact = Contact.objects.filter(client=f["client"]).latest("pk")
    assert (contact.type, contact.duration_minutes, contact.by) == (
        "hembesok",
        45,
        world.ombud_anna,
    )
    assert list(contact.organisations.all()) == [world.orgs["fk"]]
    followed = client.get("/klienter/").content.decode()
    assert f"Kontakten med {f['client'].alias} är registrerad." in followed


def test_quick_contact_refuses_an_organisation_without_consent(client, world) -> None:  # type: ignore[no-untyped-def]
    from clients.models import Contact

    f = full_client(world, world.ombud_anna)
    pk = f["client"].pk
    before = Contact.objects.count()
    client.force_login(world.ombud_anna)
    response = client.post(
        f"/klienter/{pk}/kontakter/snabb/",
        {"type": "telefon", "date": today().isoformat(), "organisations": [world.orgs["af"].pk]},
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    errors = " ".join(e.get_text() for e in soup.select(".invalid-feedback"))
    assert "samtycke för Arbetsförmedlingen" in errors, errors
    assert Contact.objects.count() == before
    # to the client page when opened from there
    ok = client.post(f"/klienter/{pk}/kontakter/snabb/", {"type": "telefon", "date": today()})
    assert ok.status_code == 302 and ok["Location"] == f"/klienter/{pk}/"


def test_quick_contact_is_for_those_who_may_edit_the_client(client, world) -> None:  # type: ignore[no-untyped-def]
    f = full_client(world, world.ombud_anna)
    client.force_login(world.ombud_omar)
    assert client.get(f"/klienter/{f['client'].pk}/kontakter/snabb/").status_code == 404


def test_plan_page_marks_the_overdue_step_and_follow_up(client, world) -> None:  # type: ignore[no-untyped-def]
    f = full_client(world, world.ombud_anna)
    yesterday = today() - datetime.timedelta(days=1)
    f["plan"].follow_up = yesterday
    f["plan"].save()
    f["step"].due = yesterday
    f["step"].save()
    StepFactory(goal=f["goal"], description="Boka möte med hyresvärden")  # due in 3 days
    StepFactory(goal=f["goal"], description="Klart förra veckan", due=yesterday, status="done")
    client.force_login(world.ombud_anna)
    soup = BeautifulSoup(client.get(f"/klienter/{f['client'].pk}/plan/").content, "html.parser")
    rows = {" ".join(tr.td.get_text().split()): tr.get_text() for tr in soup.select("tbody tr")}
    assert "Försenad" in rows["Utreda rätt till sjukersättning"]
    assert "Försenad" not in rows["Boka möte med hyresvärden"]
    assert "Försenad" not in rows["Klart förra veckan"]
    follow_up = soup.find("dt", string="Uppföljning").find_next("dd").get_text()
    assert "Försenad" in follow_up
