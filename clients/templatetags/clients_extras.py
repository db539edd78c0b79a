"""Small display helpers for the client pages."""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext_lazy

from .. import personnummer
from ..models import UppdragStatus

register = template.Library()

STATUS_CLASS: dict[str, str] = {
    UppdragStatus.WAITING: "text-bg-warning",
    UppdragStatus.CONTACT_BUILDING: "text-bg-info",
    UppdragStatus.ACTIVE: "text-bg-success",
    UppdragStatus.ENDED: "text-bg-secondary",
}
CONSENT_CLASS = {
    "valid": "text-bg-success",
    "future": "text-bg-info",
    "expired": "text-bg-secondary",
    "withdrawn": "text-bg-danger",
    "none": "text-bg-light border",
}


@register.filter
def status_class(status: str | None) -> str:
    return STATUS_CLASS.get(status or "", "text-bg-light border")


@register.filter
def status_label(status: str | None) -> str:
    if not status:
        return "–"
    return str(UppdragStatus(status).label)


@register.filter
def consent_class(state: str) -> str:
    return CONSENT_CLASS.get(state, "text-bg-light border")


CONSENT_LABEL = {
    "valid": gettext_lazy("May be contacted"),
    "future": gettext_lazy("Not yet valid"),
    "expired": gettext_lazy("Expired"),
    "withdrawn": gettext_lazy("Withdrawn"),
    "none": gettext_lazy("No consent"),
}


@register.filter
def consent_label(state: str) -> str:
    """The state's label (only the one label translated, not all five per row)."""
    label = CONSENT_LABEL.get(state)
    return state if label is None else str(label)


@register.filter
def ymd(value: Any) -> str:
    """``value|date:"Y-m-d"`` without the formatting machinery for a plain date."""
    if type(value) is datetime.date:
        return value.isoformat()
    return date_filter(value, "Y-m-d")


@register.filter
def pnr(value: str) -> str:
    return personnummer.formatted(value or "")


@register.filter
def group_labels(values: Any) -> str:
    from ..models import ClientGroup

    return "; ".join(str(ClientGroup(v).label) for v in values or [])


@register.simple_tag
def page_url(querystring: str, number: int) -> str:
    return f"?{querystring}&sida={number}" if querystring else f"?sida={number}"
