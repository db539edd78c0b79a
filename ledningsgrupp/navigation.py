"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.access import ANONYMOUS, Actor
from core.history import track
from core.history_render import Summary
from core.labels import labels_of
from core.registry import DashboardSection, dashboard, nav

from .models import (
    ActionItem,
    Ledningsgrupp,
    Meeting,
    MemberOrganisation,
    Paragraph,
    Protokoll,
    RefusedEdit,
    Representative,
    SeatOffer,
)

nav(
    _("Steering group"),
    "ledningsgrupp:overview",
    "ledningsgrupp.view",
    order=40,
    match_prefix="/ledningsgrupp/",
)

track(Ledningsgrupp, "verksamhet")
track(MemberOrganisation, "ledningsgrupp__verksamhet")
track(Representative, "member_organisation__ledningsgrupp__verksamhet")
track(SeatOffer, "ledningsgrupp__verksamhet")
track(Meeting, "ledningsgrupp__verksamhet")


def _justerat(record: Any, previous: Any) -> Summary | None:
    """The justerat protokoll is a frozen document: its entry links the PDF."""
    if record.locked_at is None or (previous is not None and previous.locked_at is not None):
        return None
    meeting = record.meeting
    return Summary(
        _("The minutes of %(date)s were approved (justerat)") % {"date": meeting.date.isoformat()},
        url=reverse("ledningsgrupp:protokoll_pdf", args=[meeting.pk]),
        link_label="PDF",
    )


track(Protokoll, "meeting__ledningsgrupp__verksamhet", summary=_justerat)
track(Paragraph, "ledningsgrupp__verksamhet")
track(ActionItem, "ledningsgrupp__verksamhet")
track(RefusedEdit, "protokoll__meeting__ledningsgrupp__verksamhet")


def _report_rows(reports: list[Any]) -> list[dict[str, Any]]:
    """The member card's systembrister ready to print: ``get_status_display`` per row
    translated every status label each time; the labels are looked up once here."""
    from systembrister.models import Status

    labels = labels_of(Status)
    return [
        {
            "title": r.title,
            "status": labels.get(r.status, r.status),
            "answer_due": r.answer_due.isoformat() if r.answer_due else "",
        }
        for r in reports
    ]


@dashboard
def ledningsgrupp_sections(request: HttpRequest) -> list[DashboardSection]:
    from .selectors import ledningsgrupp_for, member_dashboard, next_meeting_of

    actor: Actor = getattr(request, "actor", ANONYMOUS)
    # A member sees their own card: what their organisation has to do, and what to sign.
    member = actor.can("ledningsgrupp.member_card") and actor.organisation is not None
    if actor.can("ledningsgrupp.next_meeting") and not member:
        # One query when a meeting is planned (the usual case), two when none is.
        meeting = next_meeting_of(actor=actor)
        if meeting is None and ledningsgrupp_for(actor=actor) is None:
            return []
        return [
            DashboardSection(
                _("Next steering group meeting"),
                "ledningsgrupp/_dashboard_next.html",
                {"next_meeting": meeting},
                order=60,
            )
        ]
    group = ledningsgrupp_for(actor=actor) if member else None
    if group is None:
        return []
    data = member_dashboard(actor=actor, group=group)
    data["systembrister"] = _report_rows(data["systembrister"])
    return [
        DashboardSection(
            _("Steering group"), "ledningsgrupp/_dashboard_member.html", data, order=10
        )
    ]
