"""Template tags for the shared plumbing in core.registry."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from core.access import ANONYMOUS
from core.registry import RECORD_LINKS

register = template.Library()


@register.simple_tag(takes_context=True)
def record_links(context: template.Context, slot: str, pk: int) -> list[dict[str, Any]]:
    """The links other apps put in ``slot`` for the record ``pk`` that the user may follow."""
    request = context.get("request")
    actor = getattr(request, "actor", ANONYMOUS)
    return [
        {"label": link.label, "url": reverse(link.url_name, args=[pk])}
        for link in RECORD_LINKS.get(slot, [])
        if actor.holds(link.capability)
    ]
