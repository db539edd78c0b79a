"""List pages use a fixed number of queries; members see only justerade protokoll."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from ledningsgrupp import services
from ledningsgrupp.models import MeetingStatus

from .conftest import all_present
from .factories import ActionItemFactory, AttendanceFactory, MeetingFactory


def _grow(lg, lead, n):
    for i in range(n):
        meeting = MeetingFactory(
            ledningsgrupp=lg.group,
            date=datetime.date(2025, 1 + i % 12, 1 + i),
            status=MeetingStatus.HELD,
        )
        for rep in lg.reps.values():
            AttendanceFactory(meeting=meeting, representative=rep)
        p = services.paragraph_add(
            meeting=meeting, by=lead, title=f"Punkt {i}", decision="Beslut om rutin"
        )
        ActionItemFactory(
            ledningsgrupp=lg.group,
            owner_organisation=lg.chair.member_organisation.organisation,
            paragraph=p,
        )
        ActionItemFactory(ledningsgrupp=lg.group, owner_representative=lg.justerare)
    return meeting


@pytest.mark.parametrize(
    "url_name, query",
    [
        ("ledningsgrupp:archive", "?q=rutin"),
        ("ledningsgrupp:actions", "?status=all"),
        ("ledningsgrupp:overview", ""),
        ("dashboard", ""),
    ],
)
def test_list_pages_have_a_fixed_query_count(
    world, lg, lead_lars, member_fk, django_assert_max_num_queries, url_name, query
):
    client = Client()
    client.force_login(member_fk)
    url = reverse(url_name) + query
    _grow(lg, lead_lars, 2)
    with django_assert_max_num_queries(25) as small:
        assert client.get(url).status_code == 200
    _grow(lg, lead_lars, 10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_meeting_and_protokoll_pages_have_a_fixed_query_count(
    world, lg, lead_lars, django_assert_max_num_queries
):
    client = Client()
    client.force_login(lead_lars)
    meeting = _grow(lg, lead_lars, 1)
    urls = [
        reverse("ledningsgrupp:meeting", args=[meeting.pk]),
        reverse("ledningsgrupp:protokoll", args=[meeting.pk]),
    ]
    counts = []
    for url in urls:
        with django_assert_max_num_queries(40) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    for i in range(5):
        services.paragraph_add(meeting=meeting, by=lead_lars, title=f"Extra {i}")
        services.agenda_item_add(meeting=meeting, by=lead_lars, title=f"Extra {i}")
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200


def test_member_sees_justerat_protokoll_but_not_a_draft(world, lg, lead_lars, member_fk, member_af):
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    p = services.paragraph_add(
        meeting=meeting, by=lead_lars, title="Hemlig punkt", decision="Utkast"
    )
    client = Client()
    client.force_login(member_af)
    url = reverse("ledningsgrupp:protokoll", args=[meeting.pk])
    assert client.get(url).status_code == 404
    all_present(p.protokoll.meeting, lg)
    services.protokoll_setup(
        protokoll=p.protokoll,
        by=lead_lars,
        expected_version=p.protokoll.version,
        chair=lg.chair,
        secretary=None,
        justerare=lg.justerare,
    )
    # Elected justerare: may read the draft in order to sign it.
    assert "Hemlig punkt" in client.get(url).content.decode()
    services.protokoll_sign(protokoll=p.protokoll, by=member_fk)
    client.post(reverse("ledningsgrupp:protokoll_sign", args=[meeting.pk]))
    page = client.get(url).content.decode()
    assert "Protokollet är låst" in page
    pdf = client.get(reverse("ledningsgrupp:protokoll_pdf", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_edit_of_a_justerat_paragraph_is_refused_and_shown(
    world, lg, lead_lars, member_fk, member_af
):
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    p = services.paragraph_add(meeting=meeting, by=lead_lars, title="Punkt", decision="Klart")
    all_present(p.protokoll.meeting, lg)
    services.protokoll_setup(
        protokoll=p.protokoll,
        by=lead_lars,
        expected_version=p.protokoll.version,
        chair=lg.chair,
        secretary=None,
        justerare=lg.justerare,
    )
    services.protokoll_sign(protokoll=p.protokoll, by=member_fk)
    services.protokoll_sign(protokoll=p.protokoll, by=member_af)
    client = Client()
    client.force_login(lead_lars)
    p.refresh_from_db()
    response = client.post(
        reverse("ledningsgrupp:paragraph_edit", args=[p.pk]),
        {"title": "Ändrad", "discussion": "", "decision": "Nytt", "version": p.version},
    )
    assert response.status_code == 200
    assert "Protokollet är justerat och låst" in response.content.decode()
    page = client.get(reverse("ledningsgrupp:protokoll", args=[meeting.pk])).content.decode()
    assert "Nekade ändringar efter justering" in page and "Ändring av § 1/2025" in page
    history = client.get(
        reverse("history_recent") + "?typ=ledningsgrupp.refusededit"
    ).content.decode()
    assert "Lars Berg" in history


def test_invitation_mails_representatives_with_pdf_and_ics(world, lg, lead_lars, mailoutbox):
    meeting = services.meeting_create(
        group=lg.group,
        by=lead_lars,
        date=datetime.date(2036, 12, 1),  # the kallelse goes out before the meeting starts
        start_time=datetime.time(13),
        place="Sal B",
    )
    client = Client()
    client.force_login(lead_lars)
    client.post(reverse("ledningsgrupp:invitation_send", args=[meeting.pk]))
    assert sorted(m.to[0] for m in mailoutbox) == ["arvid@example.se", "fatima@example.se"]
    names = [a[0] for a in mailoutbox[0].attachments]
    assert names == ["dagordning-2036-12-01.pdf", "mote-2036-12-01.ics"]
    ics = mailoutbox[0].attachments[1][1]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "DTSTART;TZID=Europe/Stockholm:20361201T130000" in ics and "Sal B" in ics
    meeting.refresh_from_db()
    assert meeting.invitation_sent_at is not None


def test_odd_query_strings_on_the_archive_show_the_unfiltered_page(world, lg, lead_lars):
    """Finding 11: ?ar=99999999999999999999 (OverflowError) and ?q=%00 (NUL) gave 500s."""
    MeetingFactory(ledningsgrupp=lg.group, date=datetime.date(2025, 3, 10), place="Stadshuset")
    client = Client()
    client.force_login(lead_lars)
    url = reverse("ledningsgrupp:archive")
    for query in ("?ar=99999999999999999999", "?ar=²", "?q=%00", "?q=a%00b", "?ar=-1&q=%00"):
        response = client.get(url + query)
        assert response.status_code == 200, query
        assert "Stadshuset" in response.content.decode(), query
    assert "Stadshuset" not in client.get(url + "?ar=2024").content.decode()
