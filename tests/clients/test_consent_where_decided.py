"""Issue 18: consent shown where the ombud chooses organisations; confirmations asked by the
server (a plan step without consent, a handover); the task form's own clients."""

from __future__ import annotations

import datetime
import re

import pytest

from clients.models import Contact, Step, Task
from tests.clients.factories import (
    ConsentFactory,
    GoalFactory,
    PlanFactory,
    client_of,
    today,
)

D = datetime.timedelta


def _option_text(body: str, name: str) -> str:
    """The visible text of the choice that starts with ``name`` (label or <option>)."""
    text = re.sub(r"<[^>]+>", " ", body)
    text = re.sub(r"\s+", " ", text)
    start = text.index(f"{name} —")
    return text[start : start + 120]


@pytest.fixture
def consents(world, annas_client):  # type: ignore[no-untyped-def]
    """FK until a date, the kommun without end, AF expired, psykiatri withdrawn,
    primärvården from next week; RSMH never had one."""
    anna = world.ombud_anna
    o = world.orgs
    ConsentFactory(
        client=annas_client,
        organisation=o["fk"],
        recorded_by=anna,
        valid_until=D(days=40) + today(),
    )
    ConsentFactory(client=annas_client, organisation=o["kommun"], recorded_by=anna)
    ConsentFactory(
        client=annas_client,
        organisation=o["af"],
        recorded_by=anna,
        valid_from=today() - D(days=60),
        valid_until=today() - D(days=3),
    )
    ConsentFactory(
        client=annas_client,
        organisation=o["psykiatri"],
        recorded_by=anna,
        withdrawn_on=today() - D(days=1),
    )
    ConsentFactory(
        client=annas_client,
        organisation=o["primarvard"],
        recorded_by=anna,
        valid_from=today() + D(days=7),
    )


def _day(d: datetime.date) -> str:
    months = "januari februari mars april maj juni juli augusti september oktober november december"
    return f"{d.day} {months.split()[d.month - 1]} {d.year}"


def test_contact_form_names_todays_consent_for_every_organisation(
    client, world, annas_client, consents
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    body = client.get(f"/klienter/{annas_client.pk}/kontakter/ny/").content.decode()
    assert "Försäkringskassan — samtycke t.o.m. " + _day(today() + D(days=40)) in _option_text(
        body, "Försäkringskassan"
    )
    assert "samtycke, inget slutdatum" in _option_text(body, "Västerås stad, socialtjänsten")
    assert f"INGET SAMTYCKE i dag (gick ut {_day(today() - D(days=3))})" in _option_text(
        body, "Arbetsförmedlingen"
    )
    assert f"INGET SAMTYCKE i dag (återkallat {_day(today() - D(days=1))})" in _option_text(
        body, "Region Västmanland, psykiatrin"
    )
    assert f"INGET SAMTYCKE i dag (från {_day(today() + D(days=7))})" in _option_text(
        body, "Region Västmanland, primärvården"
    )
    assert "RSMH Västerås — INGET SAMTYCKE" in _option_text(body, "RSMH Västerås")


def test_the_consent_lookup_is_one_query(
    world, annas_client, consents, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from clients.selectors.consent import consent_today

    with django_assert_num_queries(1):
        states = consent_today(client=annas_client, day=today())
    assert states[world.orgs["fk"].pk].consents
    assert not states[world.orgs["af"].pk].consents
    assert world.orgs["rsmh"].pk not in states


def test_the_plan_step_form_shows_consent_and_asks_before_an_organisation_without(
    client, world, annas_client, consents
) -> None:  # type: ignore[no-untyped-def]
    goal = GoalFactory(plan=PlanFactory(client=annas_client))
    url = f"/klienter/{annas_client.pk}/plan/mal/{goal.pk}/steg/nytt/"
    client.force_login(world.ombud_anna)
    body = client.get(url).content.decode()
    assert "INGET SAMTYCKE i dag (gick ut" in _option_text(body, "Arbetsförmedlingen")
    assert 'type="checkbox" name="confirm"' not in body  # nothing to confirm yet
    data = {
        "description": "Boka möte om arbetsträning",
        "organisation": world.orgs["af"].pk,
        "status": "planned",
    }
    first = client.post(url, data)
    body = first.content.decode()
    assert first.status_code == 200 and not Step.objects.exists()
    assert "Klienten har inget giltigt samtycke till kontakt med Arbetsförmedlingen i dag" in body
    assert 'type="checkbox" name="confirm"' in body
    assert "Kryssa i rutan för att bekräfta, eller ändra ditt val." in body
    second = client.post(url, {**data, "confirm": "on"})
    assert second.status_code == 302
    assert Step.objects.get().organisation == world.orgs["af"]


def test_a_step_with_a_consenting_organisation_is_saved_at_once(
    client, world, annas_client, consents
) -> None:  # type: ignore[no-untyped-def]
    goal = GoalFactory(plan=PlanFactory(client=annas_client))
    client.force_login(world.ombud_anna)
    response = client.post(
        f"/klienter/{annas_client.pk}/plan/mal/{goal.pk}/steg/nytt/",
        {"description": "Ansök om förlängning", "organisation": world.orgs["fk"].pk,
         "status": "planned"},
    )  # fmt: skip
    assert response.status_code == 302
    step = Step.objects.get()
    # Editing the step later, the same organisation asks nothing.
    edit = client.post(
        f"/klienter/{annas_client.pk}/plan/steg/{step.pk}/andra/",
        {"description": "Ansök om förlängning i tid", "organisation": world.orgs["fk"].pk,
         "status": "in_progress", "version": step.version},
    )  # fmt: skip
    assert edit.status_code == 302


def test_handover_asks_for_confirmation_and_says_access_ends(client, world, annas_client) -> None:  # type: ignore[no-untyped-def]
    url = f"/klienter/{annas_client.pk}/overlamning/"
    client.force_login(world.ombud_anna)
    page = client.get(url).content.decode()
    assert "har inte längre åtkomst" in page or "ingen åtkomst" in page
    day = today() + D(days=3)
    data = {"to_ombud": world.ombud_omar.pk, "on": day.isoformat(), "reason": "Föräldraledig"}
    first = client.post(url, data)
    body = first.content.decode()
    assert first.status_code == 200
    assert (
        f"Jag bekräftar överlämningen: från {_day(day)} är Omar Haddad ansvarig, och Anna Lind "
        "förlorar åtkomsten till klienten från det datumet."
    ) in body
    assert 'type="checkbox" name="confirm"' in body
    assert annas_client.uppdrag.get().assignments.count() == 1  # nothing handed over yet
    done = client.post(url, {**data, "confirm": "on"})
    assert done.status_code == 302
    assert annas_client.uppdrag.get().assignments.filter(ombud=world.ombud_omar).exists()


def test_task_form_offers_only_the_users_own_current_clients(client, world) -> None:  # type: ignore[no-untyped-def]
    from clients.models import UppdragStatus

    mine = client_of(world, world.ombud_anna, alias="Annas egen")
    waiting = client_of(world, status=UppdragStatus.WAITING, alias="Väntar här")
    omars = client_of(world, world.ombud_omar, alias="Omars klient")
    client.force_login(world.ombud_anna)
    body = client.get("/klienter/uppgifter/ny/").content.decode()
    assert "Annas egen" in body
    assert "Väntar här" not in body and "Omars klient" not in body
    assert re.search(r"<label[^>]*for=\"id_client\"[^>]*>\s*Klient", body)
    assert ">Client<" not in body
    # A crafted POST with the waiting client is refused next to the field.
    refused = client.post("/klienter/uppgifter/ny/", {"title": "Ring", "client": waiting.pk})
    assert refused.status_code == 200 and not Task.objects.exists()
    saved = client.post("/klienter/uppgifter/ny/", {"title": "Ring", "client": mine.pk})
    assert saved.status_code == 302
    assert Task.objects.get().client == mine
    # The lead, who sees every client, gets their own current clients too.
    client.force_login(world.lead_lars)
    body = client.get("/klienter/uppgifter/ny/").content.decode()
    assert "Annas egen" not in body and omars.alias not in body


def test_contact_with_a_consenting_organisation_is_logged_without_questions(
    client, world, annas_client, consents
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    response = client.post(
        f"/klienter/{annas_client.pk}/kontakter/ny/",
        {"date": today().isoformat(), "type": "telefon", "organisations": [world.orgs["fk"].pk]},
    )
    assert response.status_code == 302
    assert Contact.objects.get().organisations.get() == world.orgs["fk"]
