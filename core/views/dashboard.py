from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from core.access import requires
from core.http import Request
from core.registry import DASHBOARD


@requires("dashboard.view")
def dashboard(request: Request) -> HttpResponse:
    """One page per user: each app contributes the sections that fit the user's roles."""
    sections = []
    for provider in DASHBOARD:
        sections.extend(provider(request))
    sections.sort(key=lambda s: s.order)
    return render(request, "core/dashboard.html", {"sections": sections})
