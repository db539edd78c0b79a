"""Which pages the benchmark measures, as whom, and on which objects.

Pages are named by URL name candidates: the first that reverses is measured, and a page
none of whose names exist yet is reported as "missing". Objects are picked from the largest
verksamhet (most clients): the busiest ombud, their client with the most contacts, the
latest held meeting with a protokoll, last year's grant year.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q

from bench.harness import Page

CLIENT = ("client",)

PAGES: list[Page] = [
    # The fixed cost of any page: session, user, roles, middleware and base.html around a
    # static text (the accessibility statement), as the busiest ombud.
    Page("empty_page", "ombud", [("accessibility", ())]),
    Page("dashboard_ombud", "ombud", [("dashboard", ())]),
    Page("dashboard_lead", "lead", [("dashboard", ())]),
    Page("dashboard_member", "member", [("dashboard", ())]),
    Page("dashboard_grant_officer", "grant_officer", [("dashboard", ())]),
    Page("dashboard_admin", "admin", [("dashboard", ())]),
    Page("caseload", "ombud", [("clients:list", ()), ("clients:caseload", ())]),
    Page("caseload_lead", "lead", [("clients:list", ()), ("clients:caseload", ())]),
    Page("waiting_list", "lead", [("clients:waiting", ())]),
    Page("client_detail", "ombud", [("clients:detail", CLIENT)]),
    Page("contact_list", "ombud", [("clients:contacts", CLIENT)]),
    Page("consent_page", "ombud", [("clients:consents", CLIENT)]),
    Page("uppdrag_page", "ombud", [("clients:uppdrag", CLIENT)]),
    Page("plan_page", "ombud", [("clients:plan", CLIENT)]),
    Page(
        "systembrist_register",
        "lead",
        [("systembrister:list", ()), ("systembrister:register", ()), ("systembrister:index", ())],
    ),
    Page(
        "systembrist_register_member",
        "member",
        [("systembrister:list", ()), ("systembrister:register", ()), ("systembrister:index", ())],
    ),
    Page("systembrist_detail", "lead", [("systembrister:detail", ("systembrist",))]),
    Page(
        "ledningsgrupp",
        "lead",
        [("ledningsgrupp:index", ()), ("ledningsgrupp:group", ()), ("ledningsgrupp:overview", ())],
    ),
    Page(
        "meeting_page",
        "lead",
        [("ledningsgrupp:meeting", ("meeting",)), ("ledningsgrupp:meeting_detail", ("meeting",))],
    ),
    Page(
        "redovisning_page",
        "grant_officer",
        [("statsbidrag:document", ("year", "redovisning"))],
    ),
    Page("client_plan_pdf", "ombud", [("clients:plan_pdf", CLIENT)], pdf=True),
    Page(
        "redovisning_pdf",
        "grant_officer",
        [("statsbidrag:document_pdf", ("year", "redovisning"))],
        pdf=True,
    ),
    # The protokoll PDF is rendered once, when justering locks it, and then served as a
    # stored file; the generator stores no files, so the page measured is the agenda PDF
    # (rendered on every request) and the protokoll page.
    Page("protokoll_page", "lead", [("ledningsgrupp:protokoll", ("meeting",))]),
    Page("agenda_pdf", "lead", [("ledningsgrupp:agenda_pdf", ("meeting",))], pdf=True),
]


def largest_verksamhet() -> Any:
    from core.models import Verksamhet

    return Verksamhet.objects.annotate(n=Count("clients")).order_by("-n", "pk").first()


def pick(verksamhet: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Users per role and the objects the pages are opened on."""
    from clients.models import Assignment, Client
    from core.models import RoleAssignment
    from ledningsgrupp.models import Meeting
    from statsbidrag.models import GrantYear
    from systembrister.models import Systembrist

    users: dict[str, Any] = {}
    for ra in RoleAssignment.objects.filter(verksamhet=verksamhet).select_related(
        "user", "organisation"
    ):
        if ra.role == "member" and ra.organisation and ra.organisation.type != "forsakringskassan":
            continue  # the member who answers for Försäkringskassan, as in the access matrix
        users.setdefault(ra.role, ra.user)
    busiest = (
        Assignment.objects.filter(
            uppdrag__client__verksamhet=verksamhet,
            end__isnull=True,
            uppdrag__status__in=["active", "contact_building"],
        )
        .values("ombud")
        .annotate(n=Count("id"))
        .order_by("-n", "ombud")
        .first()
    )
    objects: dict[str, Any] = {}
    if busiest:
        from core.models import User

        users["ombud"] = User.objects.get(pk=busiest["ombud"])
        client = (
            Client.objects.filter(
                uppdrag__assignments__ombud=users["ombud"],
                uppdrag__assignments__end__isnull=True,
                uppdrag__status="active",
            )
            .annotate(n=Count("contacts", distinct=True))
            .order_by("-n", "pk")
            .first()
        )
        objects["client"] = client.pk if client else None
    meeting = (
        Meeting.objects.filter(
            ledningsgrupp__verksamhet=verksamhet, status="held", protokoll__isnull=False
        )
        .order_by("-date")
        .select_related("protokoll")
        .first()
    )
    if meeting:
        objects["meeting"] = meeting.pk
        objects["protokoll"] = meeting.protokoll.pk
    year = datetime.date.today().year - 1
    grant_year = GrantYear.objects.filter(verksamhet=verksamhet, year=year).first()
    objects["year"] = year
    objects["redovisning"] = "redovisning"
    objects["grant_year"] = grant_year.pk if grant_year else None
    sb = (
        Systembrist.objects.filter(verksamhet=verksamhet)
        .annotate(n=Count("events"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    objects["systembrist"] = sb
    objects["open_systembrister"] = Systembrist.objects.filter(
        ~Q(status__in=["closed", "merged", "draft"]), verksamhet=verksamhet
    ).count()
    return users, objects
