"""Reads for the data-protection screens, scoped to the user's verksamhet."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404

from clients.models import Client, Uppdrag
from core.models import Verksamhet
from dataprotection.models import AnonymisationRequest, RequestStatus


def client_in(verksamhet: Verksamhet, pk: int) -> Any:
    """One client of the verksamhet, else 404 (outsiders learn nothing)."""
    client = (
        Client.objects.filter(verksamhet=verksamhet, pk=pk)
        .select_related("verksamhet", "kommun")
        .first()
    )
    if client is None:
        raise Http404
    return client


def clients_for(verksamhet: Verksamhet, *, search: str = "") -> models.QuerySet:
    """The verksamhet's clients with their latest uppdrag status and data-protection state."""
    latest = Uppdrag.objects.filter(client=OuterRef("pk")).order_by("-pk")
    pending = AnonymisationRequest.objects.filter(
        client=OuterRef("pk"), status=RequestStatus.REQUESTED
    )
    qs = (
        Client.objects.filter(verksamhet=verksamhet)
        .select_related("kommun", "erasure")
        .annotate(
            uppdrag_status=Subquery(latest.values("status")[:1]),
            pending_request=Exists(pending),
        )
        .order_by("alias", "pk")
    )
    search = search.strip()
    if search:
        query = Q(alias__icontains=search)
        if search.isdecimal():  # what int() reads ("²" is a digit, not a decimal)
            query |= Q(pk=int(search)) | Q(personnummer__startswith=search)
        qs = qs.filter(query)
    return qs


def requests_for(verksamhet: Verksamhet, *, open_only: bool = False) -> models.QuerySet:
    qs = AnonymisationRequest.objects.filter(verksamhet=verksamhet).select_related(
        "client", "requested_by", "decided_by"
    )
    if open_only:
        qs = qs.filter(status=RequestStatus.REQUESTED)
    return qs


def request_in(verksamhet: Verksamhet, pk: int) -> AnonymisationRequest:
    found = requests_for(verksamhet).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def restricted_client_ids(verksamhet: Verksamhet) -> set[int]:
    """Clients whose processing is restricted (GDPR art. 18)."""
    return set(
        Client.objects.filter(verksamhet=verksamhet, restricted_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
