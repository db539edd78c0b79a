"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ombud.history import track
from ombud.models import Role
from ombud.registry import DashboardSection, dashboard, nav

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

nav(_("Steering group"), "ledningsgrupp:overview", *Role, order=40, match_prefix="/ledningsgrupp/")

track(Ledningsgrupp, "verksamhet")
track(MemberOrganisation, "ledningsgrupp__verksamhet")
track(Representative, "member_organisation__ledningsgrupp__verksamhet")
track(SeatOffer, "ledningsgrupp__verksamhet")
track(Meeting, "ledningsgrupp__verksamhet")
track(Protokoll, "meeting__ledningsgrupp__verksamhet")
track(Paragraph, "ledningsgrupp__verksamhet")
track(ActionItem, "ledningsgrupp__verksamhet")
track(RefusedEdit, "protokoll__meeting__ledningsgrupp__verksamhet")


@dashboard
def ledningsgrupp_sections(request: HttpRequest) -> list[DashboardSection]:
    from .selectors import ledningsgrupp_for, member_dashboard, next_meeting

    roles = set(getattr(request, "roles", set()))
    group = ledningsgrupp_for(verksamhet=getattr(request, "verksamhet", None))
    if group is None:
        return []
    if Role.MEMBER in roles and request.member_organisation is not None:  # type: ignore[attr-defined]
        data = member_dashboard(
            group=group,
            user=request.user,
            organisation=request.member_organisation,  # type: ignore[attr-defined]
        )
        return [
            DashboardSection(
                _("Steering group"), "ledningsgrupp/_dashboard_member.html", data, order=10
            )
        ]
    if roles & {Role.LEAD, Role.OMBUD, Role.ADMIN}:
        return [
            DashboardSection(
                _("Next steering group meeting"),
                "ledningsgrupp/_dashboard_next.html",
                {"next_meeting": next_meeting(group=group)},
                order=60,
            )
        ]
    return []
