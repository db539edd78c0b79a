"""The agenda is drafted from standing items, systembrister and carried-over action items."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from ledningsgrupp import services
from ledningsgrupp.models import ActionItemStatus, AgendaItemKind
from ledningsgrupp.selectors import agenda_of, composition_check
from systembrister.models import Event, EventKind
from systembrister.models import Status as SBStatus

from .conftest import make_systembrist
from .factories import SeatOfferFactory


def _plan(lg, by, date):
    return services.meeting_create(
        group=lg.group, by=by, date=date, start_time=datetime.time(13), place="Stadshuset"
    )


def test_new_meeting_agenda_has_standing_items_and_open_systembrister(world, lg, lead_lars):
    accepted = make_systembrist(world, status=SBStatus.ACCEPTED, title="Bostadstillägg dröjer")
    awaiting = make_systembrist(world, status=SBStatus.AWAITING_ANSWER, title="Ingen SIP")
    answered = make_systembrist(world, status=SBStatus.ANSWERED, title="Remisser")
    make_systembrist(world, status=SBStatus.SUBMITTED, title="Ej granskad")
    make_systembrist(world, status=SBStatus.CLOSED, title="Stängd")
    make_systembrist(world, status=SBStatus.DRAFT, title="Utkast")

    meeting = _plan(lg, lead_lars, datetime.date(2026, 9, 1))

    items = agenda_of(meeting=meeting)
    assert [i.kind for i in items[:3]] == [AgendaItemKind.STANDING] * 3
    assert items[0].title == "Mötets öppnande och val av justerare"
    assert {i.systembrist for i in items if i.systembrist} == {accepted, awaiting, answered}
    accepted.refresh_from_db()
    assert accepted.status == SBStatus.ON_AGENDA and accepted.meeting == meeting
    assert Event.objects.filter(systembrist=accepted, kind=EventKind.ON_AGENDA).exists()
    # Drafting again repeats nothing.
    assert services.agenda_draft(meeting=meeting, by=lead_lars) == 0


def test_open_action_items_carry_over_to_the_next_agenda(world, lg, lead_lars):
    first = _plan(lg, lead_lars, datetime.date(2025, 3, 1))
    p = services.paragraph_add(meeting=first, by=lead_lars, title="Samverkan")
    open_item = services.action_item_create(
        group=lg.group,
        by=lead_lars,
        title="FK tar fram rutin",
        owner_organisation=world.orgs["fk"],
        due=datetime.date(2025, 4, 1),
        paragraph=p,
    )
    done = services.action_item_create(
        group=lg.group,
        by=lead_lars,
        title="Klar sak",
        owner_representative=lg.justerare,
        paragraph=p,
    )
    services.action_item_update(
        item=done,
        by=lead_lars,
        expected_version=done.version,
        title=done.title,
        owner_representative=lg.justerare,
        status=ActionItemStatus.DONE,
    )
    # An open item of the first meeting is not on the first meeting's own agenda.
    assert not [i for i in agenda_of(meeting=first) if i.action_item]

    second = _plan(lg, lead_lars, datetime.date(2025, 6, 1))
    carried = [i for i in agenda_of(meeting=second) if i.kind == AgendaItemKind.ACTION_ITEM]
    assert [i.action_item for i in carried] == [open_item]
    assert "Försäkringskassan" in carried[0].description and "2025-04-01" in carried[0].description


def test_action_item_created_later_joins_the_planned_next_meeting(world, lg, lead_lars):
    first = _plan(lg, lead_lars, datetime.date(2025, 3, 1))
    second = _plan(lg, lead_lars, datetime.date(2025, 6, 1))
    p = services.paragraph_add(meeting=first, by=lead_lars, title="Samverkan")
    item = services.action_item_create(
        group=lg.group,
        by=lead_lars,
        title="Rutin",
        owner_organisation=world.orgs["af"],
        paragraph=p,
    )
    assert item in [i.action_item for i in agenda_of(meeting=second)]


def test_agenda_reorder(world, lg, lead_lars):
    meeting = _plan(lg, lead_lars, datetime.date(2025, 6, 1))
    extra = services.agenda_item_add(meeting=meeting, by=lead_lars, title="Övriga frågor")
    services.agenda_item_move(item=extra, by=lead_lars, direction="up")
    titles = [i.title for i in agenda_of(meeting=meeting)]
    assert titles[-2:] == ["Övriga frågor", "Rapport från personliga ombud"]
    services.agenda_item_move(item=agenda_of(meeting=meeting)[0], by=lead_lars, direction="up")
    assert [i.title for i in agenda_of(meeting=meeting)] == titles


def test_meeting_needs_place_or_link(world, lg, lead_lars):
    with pytest.raises(ValidationError) as exc:
        services.meeting_create(
            group=lg.group,
            by=lead_lars,
            date=datetime.date(2025, 6, 1),
            start_time=datetime.time(13),
        )
    assert "place" in exc.value.error_dict


def test_composition_check(world, lg):
    check = composition_check(verksamhet=world.verksamhet, on=datetime.date(2025, 1, 1))
    assert check.missing == [] and not check.brukar_offered and not check.complete
    assert check.missing_labels() == ["Plats erbjuden till en brukar- eller anhörigorganisation"]
    SeatOfferFactory(
        ledningsgrupp=lg.group,
        organisation=world.orgs["rsmh"],
        offered_on=datetime.date(2024, 5, 1),
    )
    assert composition_check(verksamhet=world.verksamhet, on=datetime.date(2025, 1, 1)).complete
    # Before the offer, and after AF left, the check reports what is missing.
    lg.reps["af"].member_organisation.end = datetime.date(2025, 6, 30)
    lg.reps["af"].member_organisation.save()
    later = composition_check(verksamhet=world.verksamhet, on=datetime.date(2025, 7, 1))
    assert later.missing == ["arbetsformedlingen"] and not later.complete
    early = composition_check(verksamhet=world.verksamhet, on=datetime.date(2024, 4, 1))
    assert not early.brukar_offered
