"""Through HTTP: employment periods, grant year, money, answers, dashboard and the command."""

from __future__ import annotations

import datetime
import subprocess
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from clients.models import Client
from statsbidrag.models import Decision, EmploymentPeriod, GrantYear
from statsbidrag.selectors import deadlines
from tests.core.factories import kommun

from .factories import EmploymentPeriodFactory, GrantYearFactory


def test_grant_officer_records_periods_and_sees_arsanstallningar(world, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.grant_gunilla)
    url = reverse("statsbidrag:employment_new")
    response = client.post(
        url,
        {
            "ombud": world.ombud_omar.pk,
            "start": "2025-03-01",
            "percent": "75",
            "employer_kommun": kommun("1980").pk,
        },
    )
    assert response.status_code == 302
    period = EmploymentPeriod.objects.get(ombud=world.ombud_omar)
    assert period.history.first().history_user == world.grant_gunilla
    page = client.get(reverse("statsbidrag:employment") + "?ar=2025").content.decode()
    assert "Årsanställningar 2025: 0,63" in page  # 0.75 × 306/365 = 0.6288
    # Over 100 % together with the first period: refused next to the field.
    response = client.post(
        url,
        {
            "ombud": world.ombud_omar.pk,
            "start": "2025-06-01",
            "percent": "50",
            "employer_kommun": kommun("1980").pk,
        },
    )
    assert response.status_code == 200
    assert "mer än 100 %" in response.content.decode()
    assert EmploymentPeriod.objects.count() == 1


def test_stale_edit_of_a_period_keeps_the_input(world, client) -> None:  # type: ignore[no-untyped-def]
    period = EmploymentPeriodFactory(verksamhet=world.verksamhet, ombud=world.ombud_anna, name="")
    client.force_login(world.lead_lars)
    data = {
        "ombud": world.ombud_anna.pk,
        "start": "2025-01-01",
        "percent": "80",
        "employer_kommun": kommun("1980").pk,
        "version": period.version,
    }
    EmploymentPeriod.objects.filter(pk=period.pk).update(version=period.version + 1)
    response = client.post(reverse("statsbidrag:employment_edit", kwargs={"pk": period.pk}), data)
    assert response.status_code == 200
    assert "Någon annan" in response.content.decode()
    period.refresh_from_db()
    assert period.percent == Decimal("100")


def test_year_money_and_answers(world, client) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.grant_gunilla)
    response = client.post(
        reverse("statsbidrag:year_new"),
        {
            "year": "2027",
            "amount_per_arsanstallning": "330000",
            "applicant_kommun": kommun("1980").pk,
            "participating_kommuner": [kommun("1980").pk, kommun("1983").pk],
        },
    )
    assert response.status_code == 302
    gy = GrantYear.objects.get(year=2027)
    assert sorted(k.kod for k in gy.participating_kommuner.all()) == ["1980", "1983"]
    response = client.post(
        reverse("statsbidrag:decision_new", kwargs={"year": 2027}),
        {"decided_on": "2027-03-15", "granted_amount": "660000", "arsanstallningar": "2"},
    )
    assert response.status_code == 302 and Decision.objects.get().granted_amount == 660000
    response = client.post(
        reverse("statsbidrag:payment_new", kwargs={"year": 2027}),
        {"paid_on": "2027-04-01", "amount": "-5"},
    )
    assert response.status_code == 200  # negative amount refused
    edit = reverse("statsbidrag:document_edit", kwargs={"year": 2027, "kind": "ansokan"})
    response = client.post(edit, {"target_group": "Vuxna i hela länet", "version": "1"})
    assert response.status_code == 302
    page = client.get(reverse("statsbidrag:document", kwargs={"year": 2027, "kind": "ansokan"}))
    assert "Vuxna i hela länet" in page.content.decode()
    assert "Ansökan om statsbidrag för personligt ombud 2027" in page.content.decode()


def test_deadlines() -> None:
    d = deadlines(today=datetime.date(2026, 2, 10))
    assert (d.application_year, d.application_due) == (2026, datetime.date(2026, 3, 1))
    assert (d.redovisning_year, d.redovisning_due) == (2026, datetime.date(2027, 1, 15))
    d = deadlines(today=datetime.date(2026, 1, 5))
    assert (d.redovisning_year, d.redovisning_due) == (2025, datetime.date(2026, 1, 15))
    d = deadlines(today=datetime.date(2026, 3, 2))
    assert d.application_due == datetime.date(2027, 3, 1)


def test_dashboard_shows_deadlines_to_the_grant_officer_only(world, client) -> None:  # type: ignore[no-untyped-def]
    GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    client.force_login(world.grant_gunilla)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Statsbidrag: sista dagar" in page
    assert "1 mars" in page and "15 januari" in page
    assert "Redovisning för 2025" in page  # not submitted: overdue
    client.force_login(world.ombud_anna)
    assert "Statsbidrag: sista dagar" not in client.get(reverse("dashboard")).content.decode()


def test_outsider_gets_404_on_every_year(world, client) -> None:  # type: ignore[no-untyped-def]
    GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    client.force_login(world.outsider_olle)
    for kind in ("ansokan", "redovisning"):
        url = reverse("statsbidrag:document", kwargs={"year": 2025, "kind": kind})
        assert client.get(url).status_code == 404
    assert client.get(reverse("statsbidrag:year", kwargs={"year": 2025})).status_code == 404


@pytest.mark.parametrize("kind", ["redovisning", "ansokan"])
def test_command_writes_the_pdf(dataset, world, tmp_path, kind) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "doc.pdf"
    call_command(
        "statsbidrag_pdf", verksamhet="po-vastmanland", year=2025, kind=kind, output=str(out)
    )
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout
    title = "Redovisning av verksamhet" if kind == "redovisning" else "Ansökan om statsbidrag"
    assert title in text.decode()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True).stdout.decode()
    assert "A4" in info and title in info


def test_redovisning_page_queries_do_not_grow_with_clients(dataset, world, client) -> None:  # type: ignore[no-untyped-def]
    """The page computes the figures afresh and asks as many queries with more data."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import make_client, make_contact, make_uppdrag

    client.force_login(world.grant_gunilla)
    url = reverse("statsbidrag:document", kwargs={"year": 2025, "kind": "redovisning"})

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    count()  # the session's first write is not part of the page
    make_contact(
        Client.objects.filter(verksamhet=world.verksamhet).first(),
        world.ombud_anna,
        datetime.date(2025, 3, 3),
        "brev",
    )
    small = count()
    for i in range(30):
        c = make_client(world.verksamhet, f"Y{i}", birth_year=1950 + i, primary_group=2)
        make_uppdrag(c, started=datetime.date(2025, 2, 1 + i % 27))
        make_contact(c, world.ombud_anna, datetime.date(2025, 7, 1), "telefon")
    assert count() == small
    assert small <= 15


def test_form_pages_have_the_crumbs_and_cancel_of_before(world, client) -> None:  # type: ignore[no-untyped-def]
    """State grant, then the year as plain text (never '2 025'); cancel to where it was."""
    GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    client.force_login(world.grant_gunilla)
    index = reverse("statsbidrag:index")
    year = reverse("statsbidrag:year", kwargs={"year": 2025})
    document = reverse("statsbidrag:document", kwargs={"year": 2025, "kind": "redovisning"})
    pages = [
        ("statsbidrag:year_edit", {"year": 2025}, year),
        ("statsbidrag:payment_new", {"year": 2025}, year),
        ("statsbidrag:document_edit", {"year": 2025, "kind": "redovisning"}, document),
        ("statsbidrag:year_new", {}, index),
        ("statsbidrag:employment_new", {}, index),
    ]
    for name, kwargs, cancel in pages:
        page = client.get(reverse(name, kwargs=kwargs)).content.decode()
        assert f'<a href="{index}">Statsbidrag</a>' in page, name
        assert f'href="{cancel}">Avbryt</a>' in page, name
        if "year" in kwargs:
            assert f'<a href="{year}">2025</a>' in page, name
        assert "2 025" not in page and "2\xa0025" not in page, name


def test_the_start_page_links_only_the_documents_the_user_may_open(world, client) -> None:  # type: ignore[no-untyped-def]
    from statsbidrag import services

    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2026)
    application = services.document_for(kind="ansokan", grant_year=gy, by=world.grant_gunilla)
    services.document_submit(
        kind="ansokan",
        document=application,
        by=world.grant_gunilla,
        expected_version=application.version,
    )
    index = reverse("statsbidrag:index")
    application_url = reverse("statsbidrag:document", kwargs={"year": 2026, "kind": "ansokan"})
    redovisning_url = reverse("statsbidrag:document", kwargs={"year": 2026, "kind": "redovisning"})
    # An ombud reads the redovisning (a draft too), never the application.
    client.force_login(world.ombud_anna)
    page = client.get(index).content.decode()
    assert redovisning_url in page and application_url not in page
    assert client.get(application_url).status_code == 403
    # A member reads submitted documents only.
    client.force_login(world.member_fk)
    page = client.get(index).content.decode()
    assert application_url in page and redovisning_url not in page
    assert client.get(redovisning_url).status_code == 404


def test_form_page_tab_title_does_not_repeat_the_year(world, client) -> None:  # type: ignore[no-untyped-def]
    GrantYearFactory(verksamhet=world.verksamhet, year=2026)
    client.force_login(world.grant_gunilla)
    page = client.get(reverse("statsbidrag:co_financing", kwargs={"year": 2026})).content.decode()
    tab = page[page.index("<title>") + len("<title>") : page.index("</title>")]
    assert " ".join(tab.split()) == "Medfinansiering 2026 – Statsbidrag – Ombud"
