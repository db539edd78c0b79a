"""The verksamhet's own registers and settings: its organisations, its name, form, kommuner
and reminder interval. Every change authored and versioned."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.access import actor_for
from core.audit import acting_as, save
from core.concurrency import lock_for_edit
from core.models import Kommun, Organisation, Verksamhet


def _require(by: Any, verksamhet: Verksamhet, capability: str) -> None:
    actor_for(by, verksamhet).require(capability)


def _unique_name(verksamhet: Verksamhet, name: str, *, other_than: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Write the organisation's name.")})
    taken = Organisation.objects.filter(verksamhet=verksamhet, name__iexact=name)
    if other_than is not None:
        taken = taken.exclude(pk=other_than)
    if taken.exists():
        raise ValidationError(
            {"name": _("There is already an organisation named %(name)s.") % {"name": name}}
        )
    return name


def _check_kommun(verksamhet: Verksamhet, kommun: Kommun | None) -> None:
    if kommun is not None and not verksamhet.kommuner.filter(pk=kommun.pk).exists():
        raise ValidationError({"kommun": _("Choose a municipality the PO service serves.")})


@transaction.atomic
def organisation_create(
    *, verksamhet: Verksamhet, by: Any, name: str, type: str, kommun: Kommun | None = None
) -> Organisation:
    _require(by, verksamhet, "organisations.manage")
    _check_kommun(verksamhet, kommun)
    organisation = Organisation(
        verksamhet=verksamhet, name=_unique_name(verksamhet, name), type=type, kommun=kommun
    )
    save(organisation, by=by)
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    by: Any,
    expected_version: int | None,
    name: str,
    type: str,
    kommun: Kommun | None = None,
    active: bool = True,
) -> Organisation:
    """Rename, change type or municipality, or deactivate: a deactivated organisation stays
    on every old record and is no longer offered for new ones."""
    verksamhet = organisation.verksamhet
    _require(by, verksamhet, "organisations.manage")
    lock_for_edit(organisation, expected_version)
    if kommun is not None and kommun.pk != organisation.kommun_id:
        _check_kommun(verksamhet, kommun)
    organisation.name = _unique_name(verksamhet, name, other_than=organisation.pk)
    organisation.type, organisation.kommun, organisation.active = type, kommun, active
    save(organisation, by=by)
    return organisation


@transaction.atomic
def verksamhet_update(
    *,
    verksamhet: Verksamhet,
    by: Any,
    expected_version: int | None,
    name: str,
    form: str,
    huvudman: Kommun,
    kommuner: list[Kommun],
    contractor: str = "",
    no_contact_days: int = 30,
    contact_phone: str = "",
    contact_email: str = "",
    postal_address: str = "",
) -> Verksamhet:
    """The verksamhet's settings. Kommuner may be added and removed: a client keeps the
    kommun recorded on it; only new choices are limited to those served."""
    _require(by, verksamhet, "verksamhet.settings")
    lock_for_edit(verksamhet, expected_version)
    if not name.strip():
        raise ValidationError({"name": _("Write the name of the PO service.")})
    if not kommuner:
        raise ValidationError({"kommuner": _("Choose at least one municipality served.")})
    if huvudman not in kommuner:
        raise ValidationError(
            {"huvudman": _("The responsible municipality must be one of those served.")}
        )
    if form == Verksamhet.Form.ENTREPRENAD and not contractor.strip():
        raise ValidationError({"contractor": _("Name the contractor running the service.")})
    if not 1 <= no_contact_days <= 365:
        raise ValidationError({"no_contact_days": _("Give a number of days from 1 to 365.")})
    verksamhet.name, verksamhet.form, verksamhet.huvudman = name.strip(), form, huvudman
    verksamhet.contractor = contractor.strip() if form == Verksamhet.Form.ENTREPRENAD else ""
    verksamhet.no_contact_days = no_contact_days
    verksamhet.contact_phone = contact_phone.strip()
    verksamhet.contact_email = contact_email.strip()
    verksamhet.postal_address = postal_address.strip()
    save(verksamhet, by=by)
    with acting_as(by):
        verksamhet.kommuner.set(kommuner)
    return verksamhet
