"""The request as this project's middleware leaves it, for the views' annotations.

``CurrentVerksamhetMiddleware`` sets these attributes on every request; declaring them here
lets mypy check ``request.actor.can(...)`` instead of every view silencing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from core.access import Actor
    from core.models import Organisation, User, Verksamhet


class Request(HttpRequest):
    user: User  # type: ignore[assignment]  # AnonymousUser before login; views behind requires() only see users
    actor: Actor
    verksamhet: Verksamhet | None
    roles: frozenset[str]
    member_organisation: Organisation | None
    available_verksamheter: list[Verksamhet]
    htmx: HtmxDetails
