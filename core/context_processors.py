from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from core.access import ANONYMOUS, CAPABILITIES
from core.registry import NAV


@functools.cache
def _nav_url(url_name: str) -> str | None:
    """The menu's URLs do not change while the process runs: reversed once each."""
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def navigation(request: HttpRequest) -> dict[str, Any]:
    actor = getattr(request, "actor", ANONYMOUS)
    items = []
    path = request.path
    for item in NAV:
        if not actor.holds(item.capability):
            continue
        url = _nav_url(item.url_name)
        if url is None:
            continue
        prefix = item.match_prefix or url
        items.append(
            {"label": item.label, "url": url, "active": path.startswith(prefix) and prefix != "/"}
        )
    return {
        "nav_items": items,
        "current_verksamhet": getattr(request, "verksamhet", None),
        # What the user may do, for templates: {% if "client.see_all" in capabilities %}.
        "capabilities": frozenset(c for c in CAPABILITIES if actor.holds(c)),
    }
