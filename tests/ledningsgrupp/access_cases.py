"""Every ledningsgrupp URL × role. member_fk is the chair (FK); member_af is an ordinary member."""

from __future__ import annotations

import datetime

from ledningsgrupp import services
from ledningsgrupp.models import MeetingStatus
from tests.access import Case, only, statuses

from .conftest import all_present, make_group
from .factories import ActionItemFactory, MeetingFactory, SeatOfferFactory


def cases(world):  # type: ignore[no-untyped-def]
    lg = make_group(world)
    lead = world.users["lead_lars"]
    group = lg.group
    planned = services.meeting_create(
        group=group,
        by=lead,
        date=datetime.date.today() + datetime.timedelta(days=30),
        start_time=datetime.time(13),
        place="Stadshuset",
    )
    item = services.agenda_item_add(meeting=planned, by=lead, title="Övriga frågor")
    # A held meeting with a justerat protokoll.
    held = MeetingFactory(ledningsgrupp=group, date=datetime.date(2025, 3, 10))
    paragraph = services.paragraph_add(meeting=held, by=lead, title="Ekonomi", decision="Noterat.")
    all_present(paragraph.protokoll.meeting, lg)
    services.protokoll_setup(
        protokoll=paragraph.protokoll,
        by=lead,
        expected_version=paragraph.protokoll.version,
        chair=lg.chair,
        secretary=lg.secretary,
        justerare=lg.justerare,
    )
    services.protokoll_sign(protokoll=paragraph.protokoll, by=world.users["member_fk"])
    services.protokoll_sign(protokoll=paragraph.protokoll, by=world.users["member_af"])
    held_item = services.agenda_item_add(meeting=planned, by=lead, title="Punkt")
    held_item.meeting = held
    held_item.save()
    # A meeting with a draft protokoll: member_fk is its chair, nobody else signs yet.
    draft_meeting = MeetingFactory(
        ledningsgrupp=group, date=datetime.date(2025, 5, 10), status=MeetingStatus.HELD
    )
    draft_paragraph = services.paragraph_add(meeting=draft_meeting, by=lead, title="Utkast")
    all_present(draft_paragraph.protokoll.meeting, lg)
    services.protokoll_setup(
        protokoll=draft_paragraph.protokoll,
        by=lead,
        expected_version=draft_paragraph.protokoll.version,
        chair=lg.chair,
        secretary=None,
        justerare=None,
    )
    offer = SeatOfferFactory(ledningsgrupp=group, organisation=world.orgs["rsmh"])
    action = ActionItemFactory(ledningsgrupp=group, owner_organisation=world.orgs["fk"])
    member = lg.reps["fk"].member_organisation

    read = statuses(200, outsider=404)
    manage = only({"lead": 200, "admin": 200}, outsider=404)
    manage_post = only({"lead": 302, "admin": 302}, outsider=404)
    manage_form_post = only({"lead": 200, "admin": 200}, outsider=404)
    draft = only({"lead": 200, "admin": 200, "member": 200}, denied=404)
    draft["anonymous"] = 302

    return [
        Case("ledningsgrupp:overview", statuses(200)),
        Case("ledningsgrupp:settings", only({"lead": 200, "admin": 200, "outsider": 200})),
        Case(
            "ledningsgrupp:settings",
            only({"lead": 200, "admin": 200, "outsider": 200}),
            method="post",
            data={},
        ),
        Case("ledningsgrupp:member_create", manage),
        Case("ledningsgrupp:member_create", manage_form_post, method="post", data={}),
        Case("ledningsgrupp:member_edit", manage, kwargs={"pk": member.pk}),
        Case("ledningsgrupp:representative_create", manage, kwargs={"member_pk": member.pk}),
        Case("ledningsgrupp:representative_edit", manage, kwargs={"pk": lg.chair.pk}),
        Case("ledningsgrupp:offer_create", manage),
        Case("ledningsgrupp:offer_edit", manage, kwargs={"pk": offer.pk}),
        Case("ledningsgrupp:archive", read),
        Case("ledningsgrupp:archive", read, query="ar=2025&q=Noterat"),
        Case("ledningsgrupp:meeting_create", manage),
        Case("ledningsgrupp:meeting_create", manage_form_post, method="post", data={}),
        Case("ledningsgrupp:meeting", read, kwargs={"pk": planned.pk}),
        Case("ledningsgrupp:meeting_edit", manage, kwargs={"pk": planned.pk}),
        Case(
            "ledningsgrupp:invitation_send", manage_post, kwargs={"pk": planned.pk}, method="post"
        ),
        Case("ledningsgrupp:agenda_pdf", read, kwargs={"pk": planned.pk}),
        Case("ledningsgrupp:meeting_ics", read, kwargs={"pk": planned.pk}),
        Case("ledningsgrupp:attendance", manage, kwargs={"pk": held.pk}),
        Case("ledningsgrupp:agenda_refresh", manage_post, kwargs={"pk": planned.pk}, method="post"),
        Case("ledningsgrupp:agenda_item_create", manage, kwargs={"pk": planned.pk}),
        Case("ledningsgrupp:agenda_item_edit", manage, kwargs={"pk": item.pk}),
        Case(
            "ledningsgrupp:agenda_item_move",
            manage_post,
            kwargs={"pk": item.pk},
            method="post",
            data={"direction": "up"},
        ),
        Case(
            "ledningsgrupp:agenda_item_delete",
            manage_post,
            kwargs={"pk": held_item.pk},
            method="post",
        ),
        Case("ledningsgrupp:protokoll", read, kwargs={"pk": held.pk}),
        Case("ledningsgrupp:protokoll", draft, kwargs={"pk": draft_meeting.pk}),
        Case("ledningsgrupp:protokoll_setup", manage, kwargs={"pk": draft_meeting.pk}),
        Case("ledningsgrupp:paragraph_create", manage, kwargs={"pk": draft_meeting.pk}),
        Case(
            "ledningsgrupp:paragraph_create",
            manage_form_post,
            kwargs={"pk": draft_meeting.pk},
            method="post",
            data={},
        ),
        Case("ledningsgrupp:paragraph_edit", manage, kwargs={"pk": draft_paragraph.pk}),
        Case(
            "ledningsgrupp:protokoll_sign",
            only({"lead": 302, "admin": 302, "member": 302}, outsider=404) | {"member_other": 404},
            kwargs={"pk": draft_meeting.pk},
            method="post",
        ),
        Case("ledningsgrupp:protokoll_pdf", read, kwargs={"pk": held.pk}),
        Case(
            "ledningsgrupp:protokoll_pdf",
            draft | {"lead": 404, "admin": 404, "member": 404},
            kwargs={"pk": draft_meeting.pk},
        ),
        Case("ledningsgrupp:actions", read),
        Case("ledningsgrupp:action_create", manage),
        Case("ledningsgrupp:action_edit", manage, kwargs={"pk": action.pk}),
    ]
