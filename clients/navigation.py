"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import track
from core.http import Request
from core.registry import DashboardSection, dashboard, nav

from .models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    Contact,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)

nav(
    _("Clients"),
    "clients:list",
    "client.list",
    order=10,
    match_prefix="/klienter/",
)

DASHBOARD_ROWS = 10

track(Client, "verksamhet", client="id")
track(Uppdrag, "client__verksamhet", client="client")
track(Assignment, "uppdrag__client__verksamhet", client="uppdrag__client")
track(Consent, "client__verksamhet", client="client")
track(Fullmakt, "client__verksamhet", client="client")
track(Contact, "client__verksamhet", client="client")
track(Need, "client__verksamhet", client="client")
track(ActionPlan, "client__verksamhet", client="client")
track(Goal, "plan__client__verksamhet", client="plan__client")
track(Step, "goal__plan__client__verksamhet", client="goal__plan__client")
track(Task, "client__verksamhet", client="client")


@dashboard
def client_sections(request: HttpRequest) -> list[DashboardSection]:
    from .selectors.lists import caseload_per_ombud, waiting_first
    from .selectors.reminders import count, reminders_for, shown
    from .views._base import log_list
    from .views._rows import with_links

    # The dashboard view's request (core/registry.py types its providers with HttpRequest).
    req = cast(Request, request)
    actor = req.actor
    if not actor.can("client.list"):
        return []
    sections = []
    if actor.holds("task.manage"):
        # The card shows the first rows of each kind; the tasks page lists them all (a busy
        # ombud can have a hundred overdue steps, and each row costs rendering time).
        r = with_links(reminders_for(actor=actor, limit=DASHBOARD_ROWS))
        total = count(r)
        r["hidden"] = total - shown(r)
        sections.append(
            DashboardSection(
                _("Reminders (%(n)s)") % {"n": total},
                "clients/dashboard/reminders.html",
                r,
                order=10,
            )
        )
        log_list(req, "dashboard reminders", shown(r))
    if actor.holds("client.see_all"):
        waiting = [
            {
                "url": reverse("clients:detail", args=[c["pk"]]),
                "alias": c["alias"],
                "since": c["uppdrag_since"].isoformat() if c["uppdrag_since"] else "",
            }
            for c in waiting_first(actor=actor, n=DASHBOARD_ROWS)
        ]
        log_list(req, "dashboard waiting list", len(waiting))
        sections.append(
            DashboardSection(
                _("Clients per ombud"),
                "clients/dashboard/lead.html",
                {
                    "rows": caseload_per_ombud(actor=actor),
                    "waiting": waiting,
                },
                order=12,
            )
        )
    return sections
