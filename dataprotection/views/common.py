"""Shared by the data-protection views."""

from __future__ import annotations

from core.http import Request
from core.models import Verksamhet


def verksamhet_of(request: Request) -> Verksamhet:
    verksamhet = request.actor.verksamhet
    assert verksamhet is not None  # requires() lets no one without one in
    return verksamhet
