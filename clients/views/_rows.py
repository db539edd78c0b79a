"""Rows of the client lists, the contact log and the reminders, ready to print; paging.

A list page shows 25 rows of seven columns; done in the template, each row cost two date
formats and three filters. Here a row is a dict of strings (the template still escapes
them) and labels are translated once per page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from core.labels import labels_of
from core.models import User
from core.query import PageQuery

from ..models import ContactKind, ContactType, UppdragStatus
from ..templatetags.clients_extras import STATUS_CLASS

NONE = "–"
OPEN = (UppdragStatus.CONTACT_BUILDING, UppdragStatus.ACTIVE)


def page_of(request: HttpRequest, qs: QuerySet[Any], per_page: int, *, short: bool) -> Page:
    """The requested page (``sida``) of ``qs``, as ``Paginator.get_page`` gives it.

    A ``short`` list (an ombud's own clients, the waiting list, one client's contacts: a few
    dozen to a few hundred rows whatever the national size) gets its total as a window count
    on the page's rows instead of a second query that evaluates the list's conditions again.
    A long list (all clients of a verksamhet) is counted apart: the count reads an index,
    where the window would read every row. ``qs`` must be a ``values()`` query.
    """
    number = request.GET.get("sida")
    paginator = Paginator(qs, per_page)
    if short:
        n = PageQuery.read(request)["sida"] if number else 1
        if n is not None:
            start = (n - 1) * per_page
            rows = list(qs.annotate(n_total=Window(Count("*")))[start : start + per_page])
            if rows or n == 1:
                paginator.count = rows[0]["n_total"] if rows else 0
                return Page(rows, n, paginator)
        # a page before the first or after the last: get_page gives the last page (and the
        # first for anything that is not a page number)
    return paginator.get_page(number)


def _day(value: Any) -> str:
    return value.isoformat() if value else NONE


def client_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of ``selectors.lists.list_rows`` with the columns of clients/_client_table.html."""
    labels = labels_of(UppdragStatus)
    back = _("Back on the waiting list since %(day)s")
    out = []
    for r in rows:
        status = r["uppdrag_status"]
        name = f"{r['first_name']} {r['last_name']}" if r["first_name"] or r["last_name"] else ""
        out.append(
            {
                "url": reverse("clients:detail", args=[r["pk"]]),
                "alias": r["alias"],
                "name": name,
                "status_class": STATUS_CLASS.get(status or "", "text-bg-light border"),
                "status_label": labels.get(status, status) if status else NONE,
                "birth_year": str(r["birth_year"]) if r["birth_year"] else NONE,
                "kommun": r["kommun_name"] or NONE,
                "ombud": r.get("ombud_name") or NONE,
                "since": back % {"day": r["back_since"].isoformat()}
                if r.get("back_since")
                else _day(r["uppdrag_since"]),
                "last_contact": _day(r["last_contact"]),
                # the phone's quick contact, for a client whose uppdrag is open
                "quick_url": reverse("clients:contact_quick", args=[r["pk"]])
                if status in OPEN
                else "",
            }
        )
    return out


REMINDER_LINKS = {
    "follow_ups": ("clients:plan", "client_id"),
    "steps": ("clients:plan", "client_id"),
    "consents": ("clients:consents", "client_id"),
    "fullmakter": ("clients:consents", "client_id"),
    "quiet": ("clients:detail", "pk"),
    "tasks": ("clients:detail", "client_id"),
}


def with_links(reminders: dict[str, Any]) -> dict[str, Any]:
    """``reminders_for`` with each row's link (``url``) for clients/_reminders.html."""
    for kind, (name, key) in REMINDER_LINKS.items():
        for row in reminders[kind]:
            row["url"] = reverse(name, args=[row[key]]) if row[key] is not None else ""
    return reminders


def contact_rows(
    rows: Iterable[dict[str, Any]], *, client: int, can_strike: bool
) -> list[dict[str, Any]]:
    """Rows of ``selectors.detail.contact_log`` of ``client`` (pk) for clients/contacts.html,
    with the strike link when the user may strike (the client is editable)."""
    labels = labels_of(ContactType)
    out = []
    for r in rows:
        struck = r["struck_at"] is not None
        out.append(
            {
                "day": r["date"].isoformat(),
                "type": labels.get(r["type"], r["type"]),
                "minutes": r["duration_minutes"] or NONE,
                "organisations": r["organisation_names"],
                "avidentifierad": r["kind"] == ContactKind.AVIDENTIFIERAD,
                "note": r["note"],
                "by": User.name_of(r["by_first_name"], r["by_last_name"], r["by_email"]),
                "struck": struck,
                "struck_at": r["struck_at"],
                "struck_by": User.name_of(
                    r["struck_by_first_name"], r["struck_by_last_name"], r["struck_by_email"]
                )
                if struck
                else "",
                "struck_reason": r["struck_reason"],
                "strike_url": reverse("clients:contact_strike", args=[client, r["pk"]])
                if can_strike and not struck
                else "",
            }
        )
    return out
