"""The contact log, with the consent check. Entries are struck with a reason, never deleted."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audit import save
from core.models import Organisation

from ..models import Client, Consent, Contact, ContactType
from ._common import check_not_future


def organisations_without_consent(
    *, client: Client, organisations: Iterable[Organisation], day: datetime.date
) -> list[Organisation]:
    """The organisations the client has no valid consent for on ``day``."""
    orgs = list(organisations)
    valid = set(
        Consent.objects.filter(client=client, organisation__in=orgs, valid_from__lte=day)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day))
        .values_list("organisation_id", flat=True)
    )
    return [o for o in orgs if o.pk not in valid]


@transaction.atomic
def contact_log(
    *,
    client: Client,
    by: Any,
    date: datetime.date,
    type: str,  # noqa: A002 - the model's field name
    organisations: Iterable[Organisation] = (),
    duration_minutes: int | None = None,
    note: str = "",
    no_personal_data: bool = False,
) -> Contact:
    """Log a contact. Refused for an organisation without valid consent that day, unless the
    contact does not concern the client's personal data."""
    orgs = list(organisations)
    if type not in ContactType.values:
        raise ValidationError({"type": _("Choose the type of contact.")})
    check_not_future(date, "date")
    for org in orgs:
        if org.verksamhet_id != client.verksamhet_id:
            raise ValidationError({"organisations": _("Choose organisations of this PO service.")})
    if not no_personal_data:
        missing = organisations_without_consent(client=client, organisations=orgs, day=date)
        if missing:
            names = ", ".join(o.name for o in missing)
            raise ValidationError(
                {
                    "organisations": ngettext(
                        "The client has no valid consent for %(names)s on %(day)s. Record the "
                        "consent first, or tick that the contact does not concern the client's "
                        "personal data.",
                        "The client has no valid consent for %(names)s on %(day)s. Record the "
                        "consents first, or tick that the contact does not concern the client's "
                        "personal data.",
                        len(missing),
                    )
                    % {"names": names, "day": date_format(date, "j F Y")}
                }
            )
    contact = Contact(
        client=client,
        by=by,
        date=date,
        type=type,
        duration_minutes=duration_minutes,
        note=note.strip(),
        no_personal_data=no_personal_data,
    )
    save(contact, by=by)
    if orgs:
        contact.organisations.set(orgs)
    return contact


@transaction.atomic
def contact_strike(*, contact: Contact, by: Any, reason: str) -> Contact:
    """Mark an entry as wrong; it stays in the log, struck through, with who and why."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.struck_at is not None:
        raise ValidationError(_("The entry is already struck."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for striking the entry.")})
    contact.struck_at = timezone.now()
    contact.struck_by = by
    contact.struck_reason = reason.strip()
    contact.version += 1
    save(contact, by=by, reason=reason.strip())
    return contact
