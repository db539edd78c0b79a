"""Who is offered which step on a report (the object rules of systembrister/access.py), and
the ombud's form page: Swedish labels, breadcrumbs, a save that meets another's save."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from core.access import actor_for
from systembrister import services
from systembrister.models import Status

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def page(user, report) -> str:  # type: ignore[no-untyped-def]
    response = client_for(user).get(reverse("systembrister:detail", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


SUPPORT = 'name="support-clients_affected"'
ANSWER = 'name="answer-text"'


def test_another_ombud_supports_once_and_the_reporter_never(world, submitted) -> None:  # type: ignore[no-untyped-def]
    assert SUPPORT not in page(world.ombud_anna, submitted)  # she reported it
    assert SUPPORT in page(world.ombud_omar, submitted)
    response = client_for(world.ombud_omar).post(
        reverse("systembrister:support", args=[submitted.pk]),
        {"support-clients_affected": "2", "support-note": ""},
    )
    assert response.status_code == 302
    assert SUPPORT not in page(world.ombud_omar, submitted)  # already supporting
    assert not actor_for(world.ombud_omar, world.verksamhet).can("systembrist.support", submitted)


def test_support_refused_in_place_for_the_reporter(world, submitted) -> None:  # type: ignore[no-untyped-def]
    response = client_for(world.ombud_anna).post(
        reverse("systembrister:support", args=[submitted.pk]),
        {"support-clients_affected": "2", "support-note": ""},
    )
    assert response.status_code == 200
    assert "Du har själv rapporterat detta" in response.content.decode()
    assert not submitted.supports.exists()


def test_only_a_member_of_a_responsible_organisation_is_offered_the_answer(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    assert ANSWER in page(world.member_fk, awaiting)
    assert ANSWER not in page(world.member_af, awaiting)  # reads it on the agenda, not FK
    assert ANSWER not in page(world.lead_lars, awaiting)


def test_the_reporter_edits_own_draft_until_it_is_submitted(world, draft) -> None:  # type: ignore[no-untyped-def]
    edit = reverse("systembrister:edit", args=[draft.pk])
    assert edit in page(world.ombud_anna, draft)
    assert client_for(world.ombud_omar).get(edit).status_code == 404  # another's draft
    services.systembrist_submit(report=draft, by=world.ombud_anna)
    assert edit not in page(world.ombud_anna, draft)
    assert client_for(world.ombud_anna).get(edit).status_code == 403


def test_edit_page_is_the_form_page_in_swedish(world, draft) -> None:  # type: ignore[no-untyped-def]
    response = client_for(world.ombud_anna).get(reverse("systembrister:edit", args=[draft.pk]))
    html = response.content.decode()
    assert "<h1" in html and "Ändra systembrist</h1>" in html
    assert "Beskriv bristen i stödsystemet, aldrig en person." in html
    assert "Spara utkast" in html
    # Breadcrumbs: the register, then the report; Cancel goes back to the report.
    detail = reverse("systembrister:detail", args=[draft.pk])
    assert f'href="{reverse("systembrister:list")}">Systembrister</a>' in html
    assert f'href="{detail}">{draft.title}</a>' in html
    assert f'href="{detail}">Avbryt</a>' in html


def test_create_page_crumbs_to_the_register(world) -> None:  # type: ignore[no-untyped-def]
    html = client_for(world.ombud_anna).get(reverse("systembrister:create")).content.decode()
    assert "Rapportera en systembrist</h1>" in html and "Spara utkast" in html
    assert f'href="{reverse("systembrister:list")}">Avbryt</a>' in html


def test_a_save_after_anothers_save_keeps_the_input_and_explains(world, draft) -> None:  # type: ignore[no-untyped-def]
    loaded = draft.version
    services.systembrist_update(
        report=draft,
        by=world.ombud_anna,
        expected_version=loaded,
        title="Ändrad i en annan flik",
        description=draft.description,
        level=draft.level,
        organisations=[world.orgs["fk"]],
        life_area=draft.life_area,
        clients_affected=draft.clients_affected,
        first_observed=draft.first_observed,
    )
    response = client_for(world.ombud_anna).post(
        reverse("systembrister:edit", args=[draft.pk]),
        {
            "title": "Min rubrik",
            "description": draft.description,
            "level": draft.level,
            "organisations": [world.orgs["fk"].pk],
            "life_area": draft.life_area,
            "clients_affected": "3",
            "first_observed": f"{draft.first_observed:%Y-%m-%d}",
            "version": str(loaded),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ändrat av någon annan till: Ändrad i en annan flik" in html
    assert 'value="Min rubrik"' in html


def test_report_page_shows_swedish_labels(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    html = page(world.lead_lars, awaiting)
    assert awaiting.status == Status.AWAITING_ANSWER
    assert "Väntar på svar" in html  # status
    assert "Central nivå (regionala eller nationella regler)" in html  # level
    assert "Ekonomi" in html  # life area
    assert f'aria-current="page">{awaiting.title}</li>' in html
    assert f">#{awaiting.pk}<" not in html


def test_a_long_title_is_cut_after_a_word_in_the_breadcrumb(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    awaiting.title = (
        "Försäkringskassan begär läkarintyg som regionens psykiatri inte utfärdar i tid"
    )
    awaiting.save()
    html = page(world.lead_lars, awaiting)
    assert 'aria-current="page">Försäkringskassan begär läkarintyg som regionens…</li>' in html


def test_statistics_page_crumbs(world) -> None:  # type: ignore[no-untyped-def]
    html = client_for(world.member_fk).get(reverse("systembrister:statistics")).content.decode()
    assert f'href="{reverse("systembrister:list")}">Systembrister</a>' in html
    assert 'aria-current="page">Statistik</li>' in html


def test_register_and_its_export_show_swedish_labels(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    c = client_for(world.lead_lars)
    html = c.get(reverse("systembrister:list")).content.decode()
    assert "Väntar på svar" in html and "Central nivå (regionala eller nationella regler)" in html
    text = c.get(reverse("systembrister:register_csv")).content.decode("utf-8-sig")
    assert ";Väntar på svar;Central nivå (regionala eller nationella regler);Ekonomi;" in text
