"""The rows of the client tables, ready to print.

A list page shows 25 rows of seven columns; done in the template, each row cost a URL
reversal, two date formats and three filters. Here a row is a dict of strings (the template
still escapes them), and the detail URL is reversed once per page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from ..models import UppdragStatus
from ..templatetags.clients_extras import STATUS_CLASS

NONE = "–"
_SENTINEL = 2147483647


def url_maker(name: str) -> Any:
    """A function pk -> the URL of ``name`` (a pattern with one ``<int:pk>``), reversed once."""
    prefix, suffix = reverse(name, args=[_SENTINEL]).rsplit(str(_SENTINEL), 1)
    return lambda pk: f"{prefix}{pk}{suffix}"


def _day(value: Any) -> str:
    return value.isoformat() if value else NONE


def client_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of ``selectors.lists.list_rows`` with the columns of clients/_client_table.html."""
    url = url_maker("clients:detail")
    labels = {str(s.value): str(s.label) for s in UppdragStatus}
    classes: dict[str, str] = {str(k): v for k, v in STATUS_CLASS.items()}
    out = []
    for r in rows:
        status = r["uppdrag_status"]
        name = f"{r['first_name']} {r['last_name']}" if r["first_name"] or r["last_name"] else ""
        out.append(
            {
                "url": url(r["pk"]),
                "alias": r["alias"],
                "name": name,
                "status_class": classes.get(status or "", "text-bg-light border"),
                "status_label": labels.get(status, status) if status else NONE,
                "birth_year": str(r["birth_year"]) if r["birth_year"] else NONE,
                "kommun": r["kommun_name"] or NONE,
                "ombud": r.get("ombud_name") or NONE,
                "since": _day(r["uppdrag_since"]),
                "last_contact": _day(r["last_contact"]),
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
    makers = {name: url_maker(name) for name in {n for n, _key in REMINDER_LINKS.values()}}
    for kind, (name, key) in REMINDER_LINKS.items():
        url = makers[name]
        for row in reminders[kind]:
            row["url"] = url(row[key]) if row[key] is not None else ""
    return reminders
