"""Client records: create and edit. Nothing identifying is required."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import save
from core.models import Verksamhet

from .. import personnummer
from ..models import Client, Uppdrag, UppdragStatus
from ._common import apply_edit, check_not_future, takes_clients, today
from .uppdrag import uppdrag_advance

CLIENT_FIELDS = {
    "alias",
    "first_name",
    "last_name",
    "personnummer",
    "birth_year",
    "gender",
    "kommun",
    "phone",
    "email",
    "address",
    "preferred_contact",
    "contact_notes",
    "primary_group",
    "other_groups",
    "missbruk",
    "hemloshet",
    "enskild_verksamhet",
    "risk_severe",
}
OLDEST_YEAR = 1900
ADULT_YEARS = 17  # birth year only: someone born 17 years ago may already be 18


def _validate(client: Client) -> None:
    client.alias = (client.alias or "").strip()
    if not client.alias:
        raise ValidationError({"alias": _("Give the client an alias.")})
    try:
        client.personnummer = personnummer.normalise(client.personnummer)
    except ValidationError as exc:
        raise ValidationError({"personnummer": exc.messages}) from None
    this_year = today().year
    if client.personnummer:
        born = personnummer.birth_date(client.personnummer).year
        if client.birth_year is None:
            client.birth_year = born
        elif client.birth_year != born:
            raise ValidationError(
                {"birth_year": _("The birth year does not match the personal identity number.")}
            )
        duplicate = (
            Client.objects.filter(
                verksamhet_id=client.verksamhet_id, personnummer=client.personnummer
            )
            .exclude(pk=client.pk)
            .exists()
        )
        if duplicate:
            raise ValidationError(
                {
                    "personnummer": _(
                        "A client with this personal identity number is already registered. "
                        "Ask the coordinator."
                    )
                }
            )
    if client.birth_year is not None and not (
        OLDEST_YEAR <= client.birth_year <= this_year - ADULT_YEARS
    ):
        raise ValidationError(
            {"birth_year": _("Give a plausible birth year: the client is an adult.")}
        )
    if (
        client.kommun_id is not None
        and not client.verksamhet.kommuner.filter(pk=client.kommun_id).exists()
    ):
        raise ValidationError({"kommun": _("Choose one of the municipalities the service covers.")})
    others = sorted({int(g) for g in (client.other_groups or [])} - {client.primary_group})
    if others and client.primary_group is None:
        raise ValidationError({"primary_group": _("Choose the primary group first.")})
    client.other_groups = others


@transaction.atomic
def client_create(
    *,
    verksamhet: Verksamhet,
    by: Any,
    alias: str,
    waiting_since: Any = None,
    referred_by: str = "",
    take: bool = False,
    **fields: Any,
) -> Client:
    """A new client on the waiting list; ``take``: the ombud starts contact-building at once."""
    unknown = set(fields) - CLIENT_FIELDS
    if unknown:
        raise TypeError(f"unknown client fields {sorted(unknown)}")
    client = Client(verksamhet=verksamhet, alias=alias, **fields)
    _validate(client)
    day = waiting_since or today()
    check_not_future(day, "waiting_since")
    save(client, by=by)
    uppdrag = Uppdrag(
        client=client, status=UppdragStatus.WAITING, waiting_since=day, referred_by=referred_by
    )
    save(uppdrag, by=by)
    if take:
        if not takes_clients(by, verksamhet):
            raise ValidationError({"take": _("Only an ombud can take a client.")})
        uppdrag_advance(
            uppdrag=uppdrag,
            by=by,
            to=UppdragStatus.CONTACT_BUILDING,
            on=today(),
            version=uppdrag.version,
            ombud=by,
        )
    return client


@transaction.atomic
def client_restrict(*, client: Client, by: Any) -> Client:
    """Restrict processing of the client (GDPR art. 18), as decided on the data-protection
    screens: kept, read only for lead and admin, no longer shown to ombud. Idempotent."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    if client.restricted_at is None:
        client.restricted_at = timezone.now()
        client.version += 1  # an edit form loaded before this is stale
        save(client, by=by)
    return client


@transaction.atomic
def client_update(*, client: Client, by: Any, version: int | None, **changes: Any) -> Client:
    unknown = set(changes) - CLIENT_FIELDS
    if unknown:
        raise TypeError(f"unknown client fields {sorted(unknown)}")
    apply_edit(client, by=by, version=version, changes=changes)
    _validate(client)
    save(client, by=by)
    return client
