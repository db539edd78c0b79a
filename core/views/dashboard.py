from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import requires_roles
from core.models import Role
from core.registry import DASHBOARD


@requires_roles(*Role)
def dashboard(request: HttpRequest) -> HttpResponse:
    """One page per user: each app contributes the sections that fit the user's roles."""
    sections = []
    for provider in DASHBOARD:
        sections.extend(provider(request))
    sections.sort(key=lambda s: s.order)
    return render(request, "core/dashboard.html", {"sections": sections})
