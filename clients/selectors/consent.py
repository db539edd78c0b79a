"""Today's consent per organisation, for the forms where the ombud chooses organisations."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..models import Client, Consent
from .detail import consent_state


@dataclass(frozen=True)
class ConsentToday:
    """Whether the client consents to contact with one organisation on ``day``."""

    state: str  # valid | future | expired | withdrawn | none
    until: datetime.date | None = None  # valid: the end date (None: no end date)
    on: datetime.date | None = None  # future: starts; expired: ended; withdrawn: withdrawn on

    @property
    def consents(self) -> bool:
        return self.state == "valid"

    def text(self) -> str:
        """What the form shows after the organisation's name: in words, never colour only."""
        if self.state == "valid":
            if self.until is None:
                return _("consent, no end date")
            return _("consent until %(day)s") % {"day": _day(self.until)}
        if self.state == "future":
            return _("NO CONSENT today (from %(day)s)") % {"day": _day(self.on)}
        if self.state == "expired":
            return _("NO CONSENT today (expired %(day)s)") % {"day": _day(self.on)}
        if self.state == "withdrawn":
            return _("NO CONSENT today (withdrawn %(day)s)") % {"day": _day(self.on)}
        return _("NO CONSENT")


NO_CONSENT = ConsentToday("none")


def _day(day: datetime.date | None) -> str:
    return date_format(day, "j F Y") if day else ""


def consent_today(*, client: Client, day: datetime.date) -> dict[int, ConsentToday]:
    """Organisation id -> the consent state on ``day``, in one query. An organisation that is
    not in the result has never had a consent (``NO_CONSENT``)."""
    by_org: dict[int, list[Consent]] = defaultdict(list)
    for row in Consent.objects.filter(client=client).only(
        "organisation_id", "valid_from", "valid_until", "withdrawn_on"
    ):
        by_org[row.organisation_id].append(row)
    out = {}
    for org_id, consents in by_org.items():
        state, consent = consent_state(consents, day)
        if state == "valid" and consent is not None:
            ends = [d for d in (consent.valid_until, consent.withdrawn_on) if d is not None]
            until = min(ends) if ends else None
            if consent.withdrawn_on is not None and until == consent.withdrawn_on:
                until = consent.withdrawn_on - datetime.timedelta(days=1)
            out[org_id] = ConsentToday(state, until=until)
        elif state == "future" and consent is not None:
            out[org_id] = ConsentToday(state, on=consent.valid_from)
        elif state == "withdrawn" and consent is not None:
            out[org_id] = ConsentToday(state, on=consent.withdrawn_on)
        elif state == "expired" and consent is not None:
            out[org_id] = ConsentToday(state, on=consent.valid_until)
    return out
