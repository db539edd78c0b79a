from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ombud.models import Role
from ombud.permissions import requires
from ombud.registry import DASHBOARD


@requires(*Role)
def dashboard(request: HttpRequest) -> HttpResponse:
    """One page per user: each app contributes the sections that fit the user's roles."""
    sections = []
    for provider in DASHBOARD:
        sections.extend(provider(request))
    sections.sort(key=lambda s: s.order)
    return render(request, "ombud/dashboard.html", {"sections": sections})
