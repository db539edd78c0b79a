"""The per-object part of the data-protection capabilities (the roles are in core/access.py)."""

from __future__ import annotations

from core.access import Actor, object_rule
from dataprotection.models import AnonymisationRequest, RequestStatus


@object_rule("anonymisation.decide")
def decide_request(actor: Actor, request: AnonymisationRequest) -> bool:
    """Two people: whoever asked for the erasure or restriction never decides on it."""
    return (
        actor.verksamhet is not None
        and request.verksamhet_id == actor.verksamhet.pk
        and request.requested_by_id != actor.user.pk
        and request.status == RequestStatus.REQUESTED
    )
