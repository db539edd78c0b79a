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

from ..guard import guard_texts
from ..models import Client, Consent, Contact, ContactKind, ContactType
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
    kind: str = ContactKind.ABOUT_CLIENT,
    confirm_words: bool | None = None,
) -> Contact:
    """Log a contact. A contact about the client is refused for an organisation without valid
    consent that day. An avidentifierad contact (the client was not named) needs no consent,
    and its note may not identify anyone (the de-identification guard; ``confirm_words`` as
    in ``clients.guard.check_texts``: the ordinary-word aliases the writer confirmed are
    recorded in the contact's history)."""
    orgs = list(organisations)
    if type not in ContactType.values:
        raise ValidationError({"type": _("Choose the type of contact.")})
    if kind not in ContactKind.values:
        raise ValidationError({"kind": _("Choose the kind of contact.")})
    check_not_future(date, "date")
    for org in orgs:
        if org.verksamhet_id != client.verksamhet_id:
            raise ValidationError({"organisations": _("Choose organisations of this PO service.")})
    reason = ""
    if kind == ContactKind.AVIDENTIFIERAD:
        confirmed = guard_texts(
            verksamhet=client.verksamhet,
            by=by,
            texts={"note": note},
            template=_(
                "An anonymised contact may not identify anyone. Remove or rephrase: "
                "%(words)s. If the contact was about the client, choose “Contact about the "
                "client”."
            ),
            confirm_words=confirm_words,
        )
        if confirmed:
            reason = _("Confirmed as ordinary words, not aliases: %(words)s") % {
                "words": ", ".join(sorted({f.text for f in confirmed}))
            }
    else:
        missing = organisations_without_consent(client=client, organisations=orgs, day=date)
        if missing:
            names = ", ".join(o.name for o in missing)
            raise ValidationError(
                {
                    "organisations": ngettext(
                        "The client has no valid consent for %(names)s on %(day)s. Record the "
                        "consent first, or log an anonymised contact if the client was not "
                        "named.",
                        "The client has no valid consent for %(names)s on %(day)s. Record the "
                        "consents first, or log an anonymised contact if the client was not "
                        "named.",
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
        kind=kind,
    )
    save(contact, by=by, reason=reason)
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
