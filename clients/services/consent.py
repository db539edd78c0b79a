"""Consent per organisation, and the rare fullmakt (limited in time and content)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import save

from ..models import Client, Consent, ConsentForm, Fullmakt
from ._common import apply_edit, check_organisation

CONSENT_FIELDS = {"organisation", "person", "scope", "form", "witness", "valid_from", "valid_until"}
FULLMAKT_FIELDS = {"organisation", "covers", "valid_from", "valid_until"}
FULLMAKT_MAX_DAYS = 366


def _validate_consent(consent: Consent) -> None:
    check_organisation(consent.organisation, consent.client.verksamhet_id, "organisation")
    if not (consent.scope or "").strip():
        raise ValidationError({"scope": _("Write what may be shared and discussed.")})
    if consent.form not in ConsentForm.values:
        raise ValidationError({"form": _("Choose written or oral.")})
    if consent.valid_until is not None and consent.valid_until < consent.valid_from:
        raise ValidationError({"valid_until": _("The end date is before the start date.")})


@transaction.atomic
def consent_create(*, client: Client, by: Any, **fields: Any) -> Consent:
    unknown = set(fields) - CONSENT_FIELDS
    if unknown:
        raise TypeError(f"unknown consent fields {sorted(unknown)}")
    consent = Consent(client=client, recorded_by=by, **fields)
    _validate_consent(consent)
    save(consent, by=by)
    return consent


@transaction.atomic
def consent_update(*, consent: Consent, by: Any, version: int | None, **changes: Any) -> Consent:
    unknown = set(changes) - CONSENT_FIELDS
    if unknown:
        raise TypeError(f"unknown consent fields {sorted(unknown)}")
    if consent.withdrawn_on is not None:
        raise ValidationError(_("A withdrawn consent cannot be changed: record a new one."))
    apply_edit(consent, by=by, version=version, changes=changes)
    _validate_consent(consent)
    save(consent, by=by)
    return consent


@transaction.atomic
def consent_withdraw(
    *, consent: Consent, by: Any, on: datetime.date, version: int | None, reason: str = ""
) -> Consent:
    """The client withdraws the consent from ``on``: no contact about them after that."""
    apply_edit(consent, by=by, version=version, changes={})
    if consent.withdrawn_on is not None:
        raise ValidationError(_("The consent is already withdrawn."))
    if on < consent.valid_from:
        raise ValidationError({"on": _("The date is before the consent began.")})
    consent.withdrawn_on = on
    consent.withdrawn_reason = reason.strip()
    save(consent, by=by, reason=reason.strip())
    return consent


def _validate_fullmakt(fullmakt: Fullmakt) -> None:
    check_organisation(fullmakt.organisation, fullmakt.client.verksamhet_id, "organisation")
    if not (fullmakt.covers or "").strip():
        raise ValidationError({"covers": _("Write exactly what the fullmakt covers.")})
    if fullmakt.valid_until is None:
        raise ValidationError({"valid_until": _("A fullmakt must have an end date.")})
    if fullmakt.valid_until < fullmakt.valid_from:
        raise ValidationError({"valid_until": _("The end date is before the start date.")})
    if (fullmakt.valid_until - fullmakt.valid_from).days > FULLMAKT_MAX_DAYS:
        raise ValidationError(
            {"valid_until": _("A fullmakt must be limited in time: at most one year.")}
        )


@transaction.atomic
def fullmakt_create(*, client: Client, by: Any, **fields: Any) -> Fullmakt:
    unknown = set(fields) - FULLMAKT_FIELDS
    if unknown:
        raise TypeError(f"unknown fullmakt fields {sorted(unknown)}")
    fullmakt = Fullmakt(client=client, recorded_by=by, **fields)
    _validate_fullmakt(fullmakt)
    save(fullmakt, by=by)
    return fullmakt


@transaction.atomic
def fullmakt_update(
    *, fullmakt: Fullmakt, by: Any, version: int | None, **changes: Any
) -> Fullmakt:
    unknown = set(changes) - FULLMAKT_FIELDS
    if unknown:
        raise TypeError(f"unknown fullmakt fields {sorted(unknown)}")
    if fullmakt.withdrawn_on is not None:
        raise ValidationError(_("A withdrawn fullmakt cannot be changed: record a new one."))
    apply_edit(fullmakt, by=by, version=version, changes=changes)
    _validate_fullmakt(fullmakt)
    save(fullmakt, by=by)
    return fullmakt


@transaction.atomic
def fullmakt_withdraw(
    *, fullmakt: Fullmakt, by: Any, on: datetime.date, version: int | None, reason: str = ""
) -> Fullmakt:
    apply_edit(fullmakt, by=by, version=version, changes={})
    if fullmakt.withdrawn_on is not None:
        raise ValidationError(_("The fullmakt is already withdrawn."))
    if on < fullmakt.valid_from:
        raise ValidationError({"on": _("The date is before the fullmakt began.")})
    fullmakt.withdrawn_on = on
    fullmakt.withdrawn_reason = reason.strip()
    save(fullmakt, by=by, reason=reason.strip())
    return fullmakt
