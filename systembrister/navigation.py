"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import ANONYMOUS, Actor
from core.history import track
from core.labels import labels_of
from core.registry import DashboardSection, dashboard, nav

from .models import Answer, Status, Support, Systembrist
from .selectors import overdue_for_dashboard

nav(gettext_lazy("Systembrister"), "systembrister:list", "systembrist.view", order=30)

track(Systembrist, "verksamhet")
track(Answer, "systembrist__verksamhet")
track(Support, "systembrist__verksamhet")

TEMPLATE = "systembrister/dashboard/_list.html"
CARD_FIELDS = ("pk", "title", "status", "answer_due")


def _rows(reports: Iterable[Any]) -> list[dict[str, Any]]:
    """A card's rows ready to print: link, title, status, answer due, organisations silent.

    ``get_status_display`` per row translated every status label each time (it hashes the
    lazy labels of all the choices); the labels are looked up once here instead.
    """
    labels = labels_of(Status)
    rows = []
    for report in reports:
        r: dict[str, Any] = report if isinstance(report, dict) else vars(report)
        status, due = str(r["status"]), r["answer_due"]
        rows.append(
            {
                "url": reverse("systembrister:detail", args=[r.get("pk") or r["id"]]),
                "title": r["title"],
                "status": labels.get(status, status),
                "answer_due": due.isoformat() if due else "",
                "missing": r.get("missing") or [],
            }
        )
    return rows


@dashboard
def systembrister_sections(request: HttpRequest) -> list[DashboardSection]:
    actor: Actor = getattr(request, "actor", ANONYMOUS)
    verksamhet = actor.verksamhet
    if verksamhet is None:
        return []
    sections = []
    if actor.can("systembrist.report"):
        mine = Systembrist.objects.filter(
            verksamhet=verksamhet,
            reporter_id=actor.user.pk,
            status__in=(Status.DRAFT, Status.RETURNED),
        ).order_by("-created_at")
        sections.append(
            DashboardSection(
                _("Your systembrister to finish"),
                TEMPLATE,
                {
                    "reports": _rows(mine.values(*CARD_FIELDS)[:10]),
                    "empty": _("No drafts or reports sent back to you."),
                },
                order=40,
            )
        )
    if actor.can("systembrist.review"):
        review = Systembrist.objects.filter(
            verksamhet=verksamhet, status=Status.SUBMITTED
        ).order_by("submitted_at")
        sections.append(
            DashboardSection(
                _("Systembrister to review"),
                TEMPLATE,
                {
                    "reports": _rows(review.values(*CARD_FIELDS)[:10]),
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
                    "reports": _rows(overdue_for_dashboard(verksamhet=verksamhet)),
                    "empty": _("No answers are overdue."),
                    "query": "?status=awaiting_answer",
                },
                order=42,
            )
        )
    organisation = actor.organisation
    if actor.can("systembrist.answer") and organisation is not None:
        sections.append(
            DashboardSection(
                _("Overdue answers from %(org)s") % {"org": organisation.name},
                TEMPLATE,
                {
                    "reports": _rows(
                        overdue_for_dashboard(verksamhet=verksamhet, organisation=organisation)
                    ),
                    "empty": _("Your organisation has no overdue answers."),
                },
                order=42,
            )
        )
    return sections
