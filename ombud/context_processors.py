from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from ombud.registry import NAV


def navigation(request: HttpRequest) -> dict[str, Any]:
    roles = set(getattr(request, "roles", set()))
    items = []
    path = request.path
    for item in NAV:
        if not (item.roles & roles):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        prefix = item.match_prefix or url
        items.append(
            {"label": item.label, "url": url, "active": path.startswith(prefix) and prefix != "/"}
        )
    return {
        "nav_items": items,
        "current_verksamhet": getattr(request, "verksamhet", None),
        "current_roles": roles,
    }
