"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombud.history import track
from ombud.models import Role
from ombud.permissions import has_role
from ombud.registry import DashboardSection, dashboard, nav

from .models import Answer, Status, Support, Systembrist
from .selectors import overdue_for_dashboard

nav(gettext_lazy("Systembrister"), "systembrister:list", *Role, order=30)

track(Systembrist, "verksamhet")
track(Answer, "systembrist__verksamhet")
track(Support, "systembrist__verksamhet")

TEMPLATE = "systembrister/dashboard/_list.html"


@dashboard
def systembrister_sections(request: HttpRequest) -> list[DashboardSection]:
    verksamhet = getattr(request, "verksamhet", None)
    if verksamhet is None:
        return []
    sections = []
    if has_role(request, Role.OMBUD):
        mine = Systembrist.objects.filter(
            verksamhet=verksamhet,
            reporter_id=request.user.pk,
            status__in=(Status.DRAFT, Status.RETURNED),
        ).order_by("-created_at")[:10]
        sections.append(
            DashboardSection(
                _("Your systembrister to finish"),
                TEMPLATE,
                {"reports": list(mine), "empty": _("No drafts or reports sent back to you.")},
                order=40,
            )
        )
    if has_role(request, Role.LEAD, Role.ADMIN):
        review = Systembrist.objects.filter(
            verksamhet=verksamhet, status=Status.SUBMITTED
        ).order_by("submitted_at")[:10]
        sections.append(
            DashboardSection(
                _("Systembrister to review"),
                TEMPLATE,
                {
                    "reports": list(review),
                    "empty": _("Nothing waiting for review."),
                    "query": "?status=submitted",
                },
                order=41,
            )
        )
        sections.append(
            DashboardSection(
                _("Overdue answers on systembrister"),
                TEMPLATE,
                {
                    "reports": overdue_for_dashboard(verksamhet=verksamhet),
                    "empty": _("No answers are overdue."),
                    "query": "?status=awaiting_answer",
                },
                order=42,
            )
        )
    organisation = getattr(request, "member_organisation", None)
    if has_role(request, Role.MEMBER) and organisation is not None:
        sections.append(
            DashboardSection(
                _("Overdue answers from %(org)s") % {"org": organisation.name},
                TEMPLATE,
                {
                    "reports": overdue_for_dashboard(
                        verksamhet=verksamhet, organisation=organisation
                    ),
                    "empty": _("Your organisation has no overdue answers."),
                },
                order=42,
            )
        )
    return sections
