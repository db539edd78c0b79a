"""Anonymisation on the client's request: the lead asks, an administrator decides.

Erasure reduces the record to its statistical skeleton at once (as gallring would later);
restriction keeps everything but marks the record as restricted (GDPR art. 18, the clients
app's ``Client.restricted_at``) where the law requires the data to be kept. The person who asked can never be the one who decides.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clients.services import client_restrict
from core.access import actor_for
from core.audit import save
from core.concurrency import lock_for_edit
from core.db_roles import owner_path
from dataprotection.models import (
    AnonymisationRequest,
    ErasedClient,
    ErasureKind,
    RequestKind,
    RequestStatus,
)
from dataprotection.services.erase import strip_clients


@transaction.atomic
def anonymisation_request(*, client: Any, kind: str, reason: str, by: Any) -> AnonymisationRequest:
    reason = (reason or "").strip()
    errors = {}
    if kind not in RequestKind.values:
        errors["kind"] = _("Choose erasure or restriction.")
    if not reason:
        errors["reason"] = _("Write the reason and the legal assessment.")
    if ErasedClient.objects.filter(client=client).exists():
        errors["kind"] = _("This record is already anonymised.")
    elif AnonymisationRequest.objects.filter(
        client=client, kind=kind, status=RequestStatus.REQUESTED
    ).exists():
        errors["kind"] = _("A request of this kind is already awaiting approval.")
    if errors:
        raise ValidationError(errors)
    request = AnonymisationRequest(
        verksamhet_id=client.verksamhet_id,
        client=client,
        kind=kind,
        reason=reason,
        requested_by=by,
    )
    save(request, by=by)
    return request


# As the owner role, in one transaction: erasure deletes history rows, which the app's
# role may not (core/db_roles.py).
@owner_path()
def anonymisation_decide(
    *,
    request: AnonymisationRequest,
    by: Any,
    approve: bool,
    expected_version: int | None,
    comment: str = "",
) -> AnonymisationRequest:
    """Approve (and carry out) or reject. Only an administrator other than the requester."""
    lock_for_edit(request, expected_version)
    comment = (comment or "").strip()
    if request.status != RequestStatus.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    if request.requested_by_id == by.pk:
        raise ValidationError(_("The person who made the request cannot decide on it."))
    if not actor_for(by, request.verksamhet_id).can("anonymisation.decide", request):
        raise ValidationError(_("Only an administrator can decide on this request."))
    if not approve and not comment:
        raise ValidationError({"decision_comment": _("Explain why the request is rejected.")})
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_comment = comment
    if approve:
        if request.kind == RequestKind.ERASURE:
            strip_clients(client_ids=[request.client_id])
            save(
                ErasedClient(client_id=request.client_id, kind=ErasureKind.ANONYMISATION),
                by=by,
            )
        else:
            client_restrict(client=request.client, by=by)
        request.status = RequestStatus.CARRIED_OUT
    else:
        request.status = RequestStatus.REJECTED
    save(request, by=by)
    return request
