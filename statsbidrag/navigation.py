"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import ANONYMOUS, Actor
from core.history import track
from core.history_render import Summary, plain
from core.registry import DashboardSection, dashboard, nav

from .models import (
    Application,
    CoFinancing,
    Decision,
    DocumentStatus,
    EmploymentPeriod,
    GrantYear,
    Payment,
    Redovisning,
    Repayment,
)

nav(gettext_lazy("State grant"), "statsbidrag:index", "grant.view", order=60)

track(EmploymentPeriod, "verksamhet")
track(GrantYear, "verksamhet")


def _amount(first: str, amount: str) -> Any:
    """An entry's name for a sum of money: "2025-04-15, 318 000 kr", not "318000.00"."""
    return lambda record: f"{plain(getattr(record, first))}, {plain(getattr(record, amount))} kr"


track(CoFinancing, "grant_year__verksamhet", name=_amount("kommun", "planned"))
track(Decision, "grant_year__verksamhet", name=_amount("decided_on", "granted_amount"))
track(Payment, "grant_year__verksamhet", name=_amount("paid_on", "amount"))
track(Repayment, "grant_year__verksamhet", name=_amount("demanded_on", "amount"))


def _submitted(kind: str, name: Any) -> Any:
    """A submitted document's history entry: "Ansökan 2026 skickades in (PDF)", not its
    frozen content."""

    def summary(record: Any, previous: Any) -> Summary | None:
        if record.status != DocumentStatus.SUBMITTED:
            return None
        if previous is not None and previous.status == DocumentStatus.SUBMITTED:
            return None  # a later save of the frozen document changes none of its content
        year = record.grant_year.year
        return Summary(
            name % {"year": year},
            url=reverse("statsbidrag:document_pdf", args=[year, kind]),
            link_label="PDF",
        )

    return summary


track(
    Application,
    "grant_year__verksamhet",
    summary=_submitted("ansokan", gettext_lazy("Application %(year)s was submitted")),
)
track(
    Redovisning,
    "grant_year__verksamhet",
    summary=_submitted("redovisning", gettext_lazy("Redovisning %(year)s was submitted")),
)


@dashboard
def statsbidrag_sections(request: HttpRequest) -> list[DashboardSection]:
    """Deadlines for the grant officer and the lead: application 1 March, redovisning 15 January."""
    actor: Actor = getattr(request, "actor", ANONYMOUS)
    verksamhet = actor.verksamhet
    if verksamhet is None or not actor.holds("grant.manage"):
        return []
    from .selectors import deadlines

    d = deadlines()
    today = timezone.localdate()
    years = {
        gy.year: gy
        for gy in GrantYear.objects.filter(verksamhet=verksamhet).select_related(
            "application", "redovisning"
        )
    }

    def status(year: int, attr: str) -> str:
        gy = years.get(year)
        doc = getattr(gy, attr, None) if gy else None
        if doc is None:
            return "missing"
        return "submitted" if doc.status == DocumentStatus.SUBMITTED else "draft"

    items: list[dict[str, Any]] = [
        {
            "label": _("Application for %(year)s") % {"year": d.application_year},
            "due": d.application_due,
            "days": (d.application_due - today).days,
            "status": status(d.application_year, "application"),
            "year": d.application_year,
            "kind": "ansokan",
            "exists": d.application_year in years,
        },
        {
            "label": _("Redovisning for %(year)s") % {"year": d.redovisning_year},
            "due": d.redovisning_due,
            "days": (d.redovisning_due - today).days,
            "status": status(d.redovisning_year, "redovisning"),
            "year": d.redovisning_year,
            "kind": "redovisning",
            "exists": d.redovisning_year in years,
        },
    ]
    # Earlier redovisningar still not submitted are overdue.
    for year in sorted(years):
        if year < d.redovisning_year and status(year, "redovisning") != "submitted":
            items.append(
                {
                    "label": _("Redovisning for %(year)s") % {"year": year},
                    "due": datetime.date(year + 1, 1, 15),
                    "days": (datetime.date(year + 1, 1, 15) - today).days,
                    "status": status(year, "redovisning"),
                    "year": year,
                    "kind": "redovisning",
                    "exists": True,
                }
            )
    # Links and dates ready to print: a list of overdue years cost a URL reversal and a
    # date format per row in the template.
    for item in items:
        item["url"] = reverse("statsbidrag:document", args=[item["year"], item["kind"]])
        item["due_text"] = date_format(item["due"], "j F Y")
    return [
        DashboardSection(
            _("State grant deadlines"),
            "statsbidrag/dashboard/_deadlines.html",
            {"items": items, "new_url": reverse("statsbidrag:year_new")},
            order=20,
        )
    ]
