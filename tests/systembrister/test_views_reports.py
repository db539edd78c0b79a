"""The report pages over HTTP: the guard keeps the user's text, actions, reminders."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from systembrister.models import EventKind, Status, Systembrist
from tests.systembrister.conftest import TODAY

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def form_data(world, **kw):  # type: ignore[no-untyped-def]
    data = {
        "title": "Inga kallelser på papper",
        "description": "Klienten 19850412-1234 missade tre besök.",
        "level": "lokal",
        "organisations": [world.orgs["psykiatri"].pk],
        "life_area": "vard_psykiatri",
        "clients_affected": "4",
        "first_observed": "2026-01-10",
        "examples": "",
        "suggested_improvement": "",
    }
    data.update(kw)
    return data


def test_guard_stops_the_save_next_to_the_field_and_keeps_the_text(world) -> None:  # type: ignore[no-untyped-def]
    c = client_for(world.ombud_anna)
    response = c.post(reverse("systembrister:create"), form_data(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ta bort eller skriv om" in html and "”19850412-1234”" in html
    assert 'id="error_1_id_description"' in html or "invalid-feedback" in html
    assert "Klienten 19850412-1234 missade tre besök." in html  # the text is kept
    assert not Systembrist.objects.exists()

    response = c.post(
        reverse("systembrister:create"),
        form_data(world, description="Kallelser skickas bara digitalt och besök missas."),
    )
    report = Systembrist.objects.get()
    assert response.status_code == 302 and report.status == Status.DRAFT


def test_member_answers_for_own_organisation(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    c = client_for(world.member_fk)
    url = reverse("systembrister:answer", args=[awaiting.pk])
    response = c.post(
        url,
        {
            "answer-text": "Vi inför en kontaktväg för ombud.",
            "answer-planned_action": "Kontaktperson utses",
            "answer-planned_by": (TODAY + datetime.timedelta(days=40)).isoformat(),
        },
    )
    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == Status.ANSWERED
    assert awaiting.answers.get().author == world.member_fk
    # On the agenda, Arbetsförmedlingen's member may read it but not answer for FK.
    assert client_for(world.member_af).post(url, {}).status_code == 403


def test_lead_actions_show_refusals_in_place(world, submitted) -> None:  # type: ignore[no-untyped-def]
    c = client_for(world.lead_lars)
    response = c.post(reverse("systembrister:return", args=[submitted.pk]), {"return-comment": ""})
    assert response.status_code == 200
    assert "Detta fält måste fyllas i" in response.content.decode()
    response = c.post(reverse("systembrister:accept", args=[submitted.pk]), {"accept-comment": ""})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED


def test_remind_command_emails_members_once_a_day(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    Systembrist.objects.filter(pk=awaiting.pk).update(answer_due=TODAY - datetime.timedelta(days=2))
    call_command("systembrister_remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [[world.member_fk.email]]
    assert awaiting.title in mail.outbox[0].body
    assert awaiting.events.filter(kind=EventKind.REMINDED).count() == 1
    call_command("systembrister_remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1


def test_dashboard_shows_overdue_answers_to_lead_and_member(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    Systembrist.objects.filter(pk=awaiting.pk).update(answer_due=TODAY - datetime.timedelta(days=2))
    for user in (world.lead_lars, world.member_fk):
        html = client_for(user).get(reverse("dashboard")).content.decode()
        assert awaiting.title in html
    assert (
        awaiting.title not in client_for(world.member_af).get(reverse("dashboard")).content.decode()
    )


def test_lead_puts_a_report_on_a_planned_meeting_from_its_page(world, accepted, meeting) -> None:  # type: ignore[no-untyped-def]
    """The report page offers the ledningsgrupp's planned meetings; choosing one puts the
    report on that meeting's agenda (an agenda item there) and the page names the meeting."""
    c = client_for(world.lead_lars)
    detail = reverse("systembrister:detail", kwargs={"pk": accepted.pk})
    assert f'value="{meeting.pk}"' in c.get(detail).content.decode()
    response = c.post(
        reverse("systembrister:agenda", kwargs={"pk": accepted.pk}),
        {"agenda-meeting": str(meeting.pk)},
    )
    assert response.status_code == 302
    accepted.refresh_from_db()
    assert accepted.status == Status.ON_AGENDA and accepted.meeting == meeting
    assert list(meeting.agenda_items.values_list("systembrist", flat=True)) == [accepted.pk]
    assert f"{meeting.date:%Y-%m-%d}" in c.get(detail).content.decode()


def test_timeline_says_what_each_date_is(world, awaiting, meeting):  # type: ignore[no-untyped-def]
    """'Satt på dagordningen … · mötet 2026-12-09', 'Skickad för svar … · svar senast …',
    not two bare dates in a row."""
    client = Client()
    client.force_login(world.lead_lars)
    page = client.get(reverse("systembrister:detail", args=[awaiting.pk])).content.decode()
    due = TODAY + datetime.timedelta(days=30)
    assert f"mötet {meeting.date:%Y-%m-%d}" in page
    assert f"svar senast {due:%Y-%m-%d}" in page
