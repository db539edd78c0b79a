"""Meetings follow time: the protokoll from the start, attendance and justering once held;
the kallelse until the start; justering among those present; the others present."""

from __future__ import annotations

import datetime
import subprocess

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import Role, RoleAssignment, User
from ledningsgrupp import services
from ledningsgrupp.documents import protokoll_pdf
from ledningsgrupp.forms import ProtokollSetupForm
from ledningsgrupp.models import AttendanceStatus, MeetingStatus, OtherAttendee
from ledningsgrupp.selectors import justering_defaults, signatories_present

from .conftest import all_present, make_systembrist
from .factories import MeetingFactory
from .test_access import as_user


def _meeting(lg, *, days: int, start: int = 13, end: int | None = 15):  # type: ignore[no-untyped-def]
    """A meeting ``days`` from today (negative: in the past)."""
    return MeetingFactory(
        ledningsgrupp=lg.group,
        date=timezone.localdate() + datetime.timedelta(days=days),
        start_time=datetime.time(start),
        end_time=datetime.time(end) if end is not None else None,
    )


def _present(meeting, lg, *keys, by):  # type: ignore[no-untyped-def]
    rows = [
        (rep, AttendanceStatus.PRESENT if key in keys else AttendanceStatus.ABSENT, "")
        for key, rep in lg.reps.items()
    ]
    services.attendance_record(meeting=meeting, by=by, rows=rows)


def test_protokoll_of_a_future_meeting_is_refused(world, lg, lead_lars) -> None:  # type: ignore[no-untyped-def]
    future = _meeting(lg, days=7)
    with pytest.raises(ValidationError, match="från mötets början"):
        services.paragraph_add(meeting=future, by=lead_lars, title="Ekonomi")
    page = as_user(lead_lars).get(reverse("ledningsgrupp:protokoll", args=[future.pk]))
    assert "Protokollet kan skrivas från mötets början" in page.content.decode()
    # From the start it can be written.
    started = _meeting(lg, days=-1)
    assert services.paragraph_add(meeting=started, by=lead_lars, title="Ekonomi").number == 1


def test_attendance_and_justering_wait_until_the_meeting_has_taken_place(
    world, lg, lead_lars
) -> None:  # type: ignore[no-untyped-def]
    future = _meeting(lg, days=3)
    with pytest.raises(ValidationError, match="Närvaron kan antecknas först när mötet har ägt rum"):
        _present(future, lg, "fk", by=lead_lars)
    protokoll = services.protokoll_for_meeting(meeting=future, by=lead_lars)
    with pytest.raises(ValidationError, match="Justeringen kan antecknas först"):
        services.protokoll_setup(
            protokoll=protokoll,
            by=lead_lars,
            expected_version=protokoll.version,
            chair=lg.chair,
            secretary=None,
            justerare=None,
        )
    page = as_user(lead_lars).get(reverse("ledningsgrupp:meeting", args=[future.pk])).content
    assert "Närvaron antecknas när mötet har ägt rum." in page.decode()
    assert reverse("ledningsgrupp:attendance", args=[future.pk]) not in page.decode()


def test_a_planned_future_meeting_cannot_become_held(world, lg, lead_lars) -> None:  # type: ignore[no-untyped-def]
    future = _meeting(lg, days=10)
    response = as_user(lead_lars).post(
        reverse("ledningsgrupp:meeting_edit", args=[future.pk]),
        {
            "date": f"{future.date:%Y-%m-%d}",
            "start_time": "13:00",
            "end_time": "15:00",
            "place": future.place,
            "link": "",
            "status": MeetingStatus.HELD,
            "version": future.version,
        },
    )
    assert response.status_code == 200
    assert "Ett möte som inte har ägt rum än kan inte markeras som genomfört." in (
        response.content.decode()
    )
    future.refresh_from_db()
    assert future.status == MeetingStatus.PLANNED


def test_the_kallelse_is_sent_until_the_start_and_a_meeting_without_one_says_so(
    world, lg, lead_lars
) -> None:  # type: ignore[no-untyped-def]
    past = _meeting(lg, days=-2)
    with pytest.raises(ValidationError, match="Mötet har börjat"):
        services.invitation_send(meeting=past, by=lead_lars)
    assert mail.outbox == []
    page = as_user(lead_lars).get(reverse("ledningsgrupp:meeting", args=[past.pk])).content
    assert "Ingen kallelse skickades innan mötet började." in page.decode()
    assert reverse("ledningsgrupp:invitation_send", args=[past.pk]) not in page.decode()
    past.status = MeetingStatus.HELD
    past.save()
    page = as_user(lead_lars).get(reverse("ledningsgrupp:meeting", args=[past.pk])).content
    assert "Mötet hölls utan att någon kallelse skickats." in page.decode()
    # A coming meeting offers the kallelse.
    future = _meeting(lg, days=5)
    page = as_user(lead_lars).get(reverse("ledningsgrupp:meeting", args=[future.pk])).content
    assert reverse("ledningsgrupp:invitation_send", args=[future.pk]) in page.decode()


def test_justering_offers_only_representatives_present_with_a_login(
    world, lg, lead_lars, member_fk, member_af
) -> None:  # type: ignore[no-untyped-def]
    meeting = _meeting(lg, days=-1)
    # FK (chair, login) and kommun (secretary, no login) present; AF (login) absent.
    _present(meeting, lg, "fk", "kommun", "psykiatri", by=lead_lars)
    assert [r.pk for r in signatories_present(meeting=meeting)] == [lg.reps["fk"].pk]
    protokoll = services.protokoll_for_meeting(meeting=meeting, by=lead_lars)
    with pytest.raises(ValidationError, match="närvarande vid mötet"):
        services.protokoll_setup(
            protokoll=protokoll,
            by=lead_lars,
            expected_version=protokoll.version,
            chair=lg.chair,
            secretary=None,
            justerare=lg.reps["af"],  # absent
        )
    page = as_user(lead_lars).get(reverse("ledningsgrupp:protokoll_setup", args=[meeting.pk]))
    html = page.content.decode()
    chair_select = html.split('name="chair"')[1].split("</select>")[0]
    assert str(member_fk) in chair_select
    assert str(member_af) not in chair_select  # absent
    assert "Representant kommun" not in chair_select  # present, but no login
    # The chair is pre-filled from the group's roles; the samordnare can keep the minutes.
    assert f'value="{lg.reps["fk"].pk}" selected' in chair_select
    minutes = html.split('name="minutes_by"')[1].split("</select>")[0]
    assert "Representant kommun" in minutes and str(lead_lars) in minutes
    assert str(member_af) not in minutes


def test_the_samordnare_can_be_the_secretary_and_nobody_else_of_staff(
    world, lg, lead_lars, ombud_anna
) -> None:  # type: ignore[no-untyped-def]
    meeting = _meeting(lg, days=-1)
    _present(meeting, lg, "fk", "af", by=lead_lars)
    protokoll = services.protokoll_for_meeting(meeting=meeting, by=lead_lars)
    with pytest.raises(ValidationError, match="samordnaren"):
        services.protokoll_setup(
            protokoll=protokoll,
            by=lead_lars,
            expected_version=protokoll.version,
            chair=lg.chair,
            secretary=None,
            secretary_user=ombud_anna,
            justerare=lg.justerare,
        )
    protokoll.refresh_from_db()
    response = as_user(lead_lars).post(
        reverse("ledningsgrupp:protokoll_setup", args=[meeting.pk]),
        {
            "chair": lg.chair.pk,
            "justerare": lg.justerare.pk,
            "minutes_by": f"u{lead_lars.pk}",
            "version": protokoll.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    protokoll.refresh_from_db()
    assert protokoll.secretary_user == lead_lars and protokoll.secretary is None
    assert protokoll.secretary_name == str(lead_lars)


def test_defaults_take_the_previous_justerare_when_present(world, lg, lead_lars) -> None:  # type: ignore[no-untyped-def]
    earlier = _meeting(lg, days=-40)
    all_present(earlier, lg)
    earlier_protokoll = services.protokoll_for_meeting(meeting=earlier, by=lead_lars)
    services.protokoll_setup(
        protokoll=earlier_protokoll,
        by=lead_lars,
        expected_version=earlier_protokoll.version,
        chair=lg.chair,
        secretary=lg.secretary,
        justerare=lg.justerare,
    )
    meeting = _meeting(lg, days=-1)
    _present(meeting, lg, "fk", "af", "kommun", by=lead_lars)
    present = [a.representative for a in meeting.attendance.filter(status="present")]
    defaults = justering_defaults(meeting=meeting, present=present, samordnare=[lead_lars])
    assert defaults == {
        "chair": lg.chair,
        "justerare": lg.justerare,
        "minutes_by": f"r{lg.secretary.pk}",
    }
    form = ProtokollSetupForm(
        instance=services.protokoll_for_meeting(meeting=meeting, by=lead_lars),
        signatories=signatories_present(meeting=meeting),
        present=present,
        samordnare=[lead_lars],
        defaults=defaults,
    )
    assert form["justerare"].initial == lg.justerare.pk


def test_protokoll_pdf_lists_present_absent_substitutes_and_others(
    world, lg, lead_lars, ombud_anna, member_fk, member_af
) -> None:  # type: ignore[no-untyped-def]
    meeting = _meeting(lg, days=-1)
    rows = [
        (lg.reps["fk"], AttendanceStatus.PRESENT, ""),
        (lg.reps["af"], AttendanceStatus.PRESENT, ""),
        (lg.reps["kommun"], AttendanceStatus.PRESENT, ""),
        (lg.reps["psykiatri"], AttendanceStatus.SUBSTITUTE, "Omid Karimi"),
        (lg.reps["primarvard"], AttendanceStatus.ABSENT, ""),
    ]
    response = as_user(lead_lars).post(
        reverse("ledningsgrupp:attendance", args=[meeting.pk]),
        {
            **{f"status_{rep.pk}": status for rep, status, _ in rows},
            "substitute_" + str(lg.reps["psykiatri"].pk): "Omid Karimi",
            "staff": [ombud_anna.pk, lead_lars.pk],
            "guests": "Eva Berg, Brukarrådet\nPer Ek",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    others = {o.display_name: o.capacity for o in OtherAttendee.objects.filter(meeting=meeting)}
    assert others == {
        str(ombud_anna): "",
        str(lead_lars): "",
        "Eva Berg": "Brukarrådet",
        "Per Ek": "",
    }
    paragraph = services.paragraph_add(
        meeting=meeting, by=lead_lars, title="Ekonomi", decision="Ok"
    )
    protokoll = paragraph.protokoll
    services.protokoll_setup(
        protokoll=protokoll,
        by=lead_lars,
        expected_version=protokoll.version,
        chair=lg.chair,
        secretary=None,
        secretary_user=lead_lars,
        justerare=lg.justerare,
    )
    protokoll.refresh_from_db()
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=protokoll_pdf(protokoll),
        capture_output=True,
        check=True,
    ).stdout.decode()
    present, rest = text.split("Frånvarande", 1)
    absent, others_part = rest.split("Övriga närvarande", 1)
    assert "Omid Karimi, ersättare för Representant psykiatri" in " ".join(present.split())
    assert "Representant primarvard" in absent and "Representant primarvard" not in present
    assert "Eva Berg (Brukarrådet)" in others_part and str(ombud_anna) in others_part
    assert f"Sekreterare: {lead_lars}" in " ".join(text.split())
    # Recording again with the same people churns nothing.
    before = OtherAttendee.history.count()
    services.attendance_record(
        meeting=meeting,
        by=lead_lars,
        rows=rows,
        staff=[ombud_anna, lead_lars],
        guests=[("Eva Berg", "Brukarrådet"), ("Per Ek", "")],
    )
    assert OtherAttendee.history.count() == before


def test_staff_present_are_only_the_verksamhets_samordnare_and_ombud(
    world, lg, lead_lars, member_fk
) -> None:  # type: ignore[no-untyped-def]
    meeting = _meeting(lg, days=-1)
    html = as_user(lead_lars).get(reverse("ledningsgrupp:attendance", args=[meeting.pk])).content
    staff = html.decode().split("Närvarande personal")[1].split("</fieldset>")[0]
    assert str(world.users["ombud_anna"]) in staff and str(lead_lars) in staff
    assert str(member_fk) not in staff and str(world.users["grant_gunilla"]) not in staff
    inactive = User.objects.create_user(
        email="slutat@example.se", first_name="Slutat", is_active=False
    )
    RoleAssignment.objects.create(user=inactive, verksamhet=world.verksamhet, role=Role.OMBUD)
    html = as_user(lead_lars).get(reverse("ledningsgrupp:attendance", args=[meeting.pk])).content
    assert "Slutat" not in html.decode()


def test_a_report_on_a_coming_agenda_names_its_meeting_and_offers_no_second_form(
    world, lg, lead_lars
) -> None:  # type: ignore[no-untyped-def]
    meeting = services.meeting_create(
        group=lg.group,
        by=lead_lars,
        date=timezone.localdate() + datetime.timedelta(days=14),
        start_time=datetime.time(13),
        place="Stadshuset",
    )
    report = make_systembrist(world, status="accepted", title="Väntetider hos psykiatrin")
    client = as_user(lead_lars)
    detail = reverse("systembrister:detail", kwargs={"pk": report.pk})
    assert 'name="agenda-meeting"' in client.get(detail).content.decode()
    client.post(
        reverse("systembrister:agenda", kwargs={"pk": report.pk}), {"agenda-meeting": meeting.pk}
    )
    html = client.get(detail).content.decode()
    assert 'name="agenda-meeting"' not in html
    assert reverse("ledningsgrupp:meeting", args=[meeting.pk]) in html
    assert "på dess dagordning" in html
    page = client.get(reverse("ledningsgrupp:meeting", args=[meeting.pk])).content.decode()
    assert "Väntetider hos psykiatrin" in page


def test_agenda_refresh_says_one_new_item_in_the_singular(world, lg, lead_lars) -> None:  # type: ignore[no-untyped-def]
    meeting = services.meeting_create(
        group=lg.group,
        by=lead_lars,
        date=timezone.localdate() + datetime.timedelta(days=14),
        start_time=datetime.time(13),
        place="Stadshuset",
    )
    make_systembrist(world, status="accepted", title="Ny brist")
    response = as_user(lead_lars).post(
        reverse("ledningsgrupp:agenda_refresh", args=[meeting.pk]), follow=True
    )
    assert "Dagordningen är uppdaterad: 1 ny punkt." in response.content.decode()


def test_a_client_named_among_the_guests_is_refused_next_to_the_field(world, lg, lead_lars) -> None:  # type: ignore[no-untyped-def]
    from tests.clients.factories import ClientFactory

    ClientFactory(verksamhet=world.verksamhet, alias="Vilma Sten")
    meeting = _meeting(lg, days=-1)
    response = as_user(lead_lars).post(
        reverse("ledningsgrupp:attendance", args=[meeting.pk]),
        {"guests": "Vilma Sten, gäst"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Texten kan identifiera en person" in html and "Vilma Sten" in html  # kept
    assert not OtherAttendee.objects.filter(meeting=meeting).exists()
