"""The data-protection menu link, the registerutdrag link on the client page, dashboard
sections and tracked history."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.access import ANONYMOUS, Actor
from core.history import track
from core.registry import DashboardSection, dashboard, nav, record_link
from dataprotection.models import AnonymisationRequest, GallringRule, GallringRun, LogReview

nav(_("Data protection"), "dataprotection:index", "dataprotection.view", order=85)
record_link(
    "client",
    _("Registerutdrag (PDF)"),
    "dataprotection:registerutdrag",
    "dataprotection.view",  # who may open it (views/overview.py)
)

track(GallringRule, "verksamhet")
track(GallringRun, "verksamhet")
track(AnonymisationRequest, "verksamhet", client="client")  # its reason is about the client
track(LogReview, "verksamhet")


@dashboard
def data_protection_sections(request: HttpRequest) -> list[DashboardSection]:
    from dataprotection.selectors.loggkontroll import unsigned_months
    from dataprotection.selectors.screens import requests_for

    actor: Actor = getattr(request, "actor", ANONYMOUS)
    verksamhet = actor.verksamhet
    if verksamhet is None:
        return []
    sections = []
    if actor.holds("logreview.sign"):
        months = sorted(unsigned_months(verksamhet))  # most overdue first
        sections.append(
            DashboardSection(
                _("Loggkontroll"),
                "dataprotection/_dashboard_loggkontroll.html",
                {"months": months},
                order=70,
            )
        )
    if actor.holds("anonymisation.decide"):
        pending = list(requests_for(verksamhet, open_only=True)[:10])
        sections.append(
            DashboardSection(
                _("Requests for erasure or restriction"),
                "dataprotection/_dashboard_requests.html",
                {"pending": pending, "user_id": request.user.pk},
                order=71,
            )
        )
    return sections
