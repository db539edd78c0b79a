"""Kontakter: one row a contact with a client (date, type, minutes, organisations).

Natural key: client + date + type + minutes. A contacts file runs to 100 000 rows, too many
for ``contact_log``'s few queries each, so rows are checked here with the rules it applies
(the type, no future date, the verksamhet's organisations, ``Consent.is_valid_on`` for every
organisation of a contact about the client, the consents read once) and written in batches
with their history rows. A row these checks do not pass, and an avidentifierad contact with
a note (the service's guard reads it), is handed to ``contact_log`` itself inside a
savepoint: the reason the user reads is the service's own, and the service stays the judge.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clients import personnummer as pnr_rules
from clients import services
from clients.models import Client, Consent, Contact, ContactType
from clients.models import ContactKind as Concern  # about the client, or avidentifierad
from clients.models.consent import period_valid_on
from core.models import Organisation, Verksamhet

from .. import bulk, values
from ..engine import Context, Kind, Outcome
from .common import cleaned, find_organisations, organisation_lookup

CLIENT = "Klient"
BORN = "Födelseår"
DATE = "Datum"
TYPE = "Typ"
MINUTES = "Minuter"
ORGS = "Organisationer"
ANON = "Avidentifierad"
NOTE = "Anteckning"

BATCH = 2000


class _Period(NamedTuple):
    valid_from: datetime.date
    valid_until: datetime.date | None
    withdrawn_on: datetime.date | None


@dataclass
class ContactRow:
    client_id: int
    client_alias: str
    date: datetime.date
    type: str
    minutes: int | None
    organisations: list[Organisation]
    anonymised: bool
    note: str


class ContactKind(Kind):
    name = "kontakter"
    sheet_title = "Kontakter"
    columns = [CLIENT, BORN, DATE, TYPE, MINUTES, ORGS, ANON, NOTE]
    required = [CLIENT, DATE, TYPE]
    field_columns = {
        "client": CLIENT,
        "date": DATE,
        "type": TYPE,
        "duration_minutes": MINUTES,
        "organisations": ORGS,
        "kind": ANON,
        "note": NOTE,
    }
    savepoint = False

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        v = ctx.verksamhet
        self.types = values.choices(ContactType)
        self.orgs = organisation_lookup(v)
        self.by_pnr: dict[str, int] = {}
        self.by_alias: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
        self.alias_of: dict[int, str] = {}
        self.restricted: set[int] = set()
        rows = Client.objects.filter(verksamhet=v).values_list(
            "pk", "alias", "birth_year", "personnummer", "restricted_at"
        )
        for pk, alias, born, pnr, restricted_at in rows:
            if pnr:
                self.by_pnr[pnr] = pk
            self.by_alias[" ".join(alias.split()).casefold()].append((pk, born))
            self.alias_of[pk] = alias
            if restricted_at is not None:
                self.restricted.add(pk)
        self.known: set[Hashable] = set(
            Contact.objects.filter(client__verksamhet=v).values_list(
                "client_id", "date", "type", "duration_minutes"
            )
        )
        # The consents' dates only, per client and organisation, asked with the model's own
        # rule (period_valid_on, which Consent.is_valid_on applies, reads nothing else).
        self.consents: dict[tuple[int, int], list[_Period]] = defaultdict(list)
        for client_id, org_id, start, until, withdrawn in Consent.objects.filter(
            client__verksamhet=v
        ).values_list("client_id", "organisation_id", "valid_from", "valid_until", "withdrawn_on"):
            self.consents[client_id, org_id].append(_Period(start, until, withdrawn))
        self.batch: list[ContactRow] = []
        self.pnr_seen: dict[str, str] = {}
        self.type_values = frozenset(ContactType.values)
        self.today = timezone.localdate()

    def _client(self, raw: Any, born_raw: Any) -> int:
        value = values.text(raw)
        if not value:
            raise values.CellError(CLIENT, _("Name the client: alias or personnummer."))
        if any(ch.isdigit() for ch in value) and not any(ch.isalpha() for ch in value):
            pnr = self.pnr_seen.get(value)
            if pnr is None:
                try:
                    pnr = pnr_rules.normalise(value)
                except ValidationError as exc:
                    raise values.CellError(CLIENT, " ".join(exc.messages)) from None
                self.pnr_seen[value] = pnr
            if pnr in self.by_pnr:
                return self.by_pnr[pnr]
            raise values.CellError(
                CLIENT,
                _("No client of this PO service has the personnummer “%(value)s”.")
                % {"value": value},
            )
        matches = self.by_alias.get(" ".join(value.split()).casefold(), [])
        born = values.integer(born_raw, BORN, low=1, high=9999)
        if born is not None:
            matches = [m for m in matches if m[1] == born]
        if not matches:
            raise values.CellError(
                CLIENT, _("No client of this PO service is called “%(value)s”.") % {"value": value}
            )
        if len(matches) > 1:
            raise values.CellError(
                CLIENT,
                _(
                    "Several clients are called “%(value)s”: give the birth year or the "
                    "personnummer."
                )
                % {"value": value},
            )
        return matches[0][0]

    def parse(self, cell: Any) -> ContactRow:
        client_id = self._client(cell(CLIENT), cell(BORN))
        day = values.date(cell(DATE), DATE)
        if day is None:
            raise values.CellError(DATE, _("Give the date of the contact."))
        raw_type = values.text(cell(TYPE))
        if not raw_type:
            raise values.CellError(TYPE, _("Choose the type of contact."))
        kind = self.types.get(
            raw_type,
            TYPE,
            unknown=values.NOT_ALLOWED,
        )
        return ContactRow(
            client_id=client_id,
            client_alias=self.alias_of[client_id],
            date=day,
            type=kind,
            minutes=values.integer(cell(MINUTES), MINUTES, low=0, high=24 * 60),
            organisations=find_organisations(self.orgs, cell(ORGS), ORGS),
            anonymised=values.yes_no(cell(ANON), ANON),
            note=cleaned(cell(NOTE), NOTE, max_length=2000),
        )

    def key(self, parsed: ContactRow) -> tuple[Hashable, str]:
        return (parsed.client_id, parsed.date, parsed.type, parsed.minutes), DATE

    def exists(self, key: Hashable) -> bool:
        return key in self.known

    def _passes(self, parsed: ContactRow) -> bool:
        """``contact_log``'s rules, on what was read once."""
        if parsed.type not in self.type_values or parsed.date > self.today:
            return False
        verksamhet_id = self.ctx.verksamhet.pk
        if any(o.verksamhet_id != verksamhet_id for o in parsed.organisations):
            return False
        if parsed.anonymised:
            # No consent needed, but its note may not identify anyone: the service's guard
            # reads every note there is.
            return not parsed.note
        return all(
            any(
                period_valid_on(p, parsed.date)
                for p in self.consents.get((parsed.client_id, o.pk), ())
            )
            for o in parsed.organisations
        )

    @staticmethod
    def _kind(parsed: ContactRow) -> str:
        return Concern.AVIDENTIFIERAD if parsed.anonymised else Concern.ABOUT_CLIENT

    def create(self, parsed: ContactRow, row: int) -> None:
        if parsed.client_id in self.restricted:
            raise ValidationError(
                {"client": _("Processing of this client's data is restricted: it is read only.")}
            )
        if not self._passes(parsed):
            # The service decides and words the refusal; nothing it wrote is kept.
            with transaction.atomic():
                services.contact_log(
                    client=Client.objects.get(pk=parsed.client_id),
                    by=self.ctx.by,
                    date=parsed.date,
                    type=parsed.type,
                    organisations=parsed.organisations,
                    duration_minutes=parsed.minutes,
                    note=parsed.note,
                    kind=self._kind(parsed),
                )
                transaction.set_rollback(True)
        self.batch.append(parsed)
        if len(self.batch) >= BATCH:
            self._write()

    def flush(self, outcome: Outcome) -> None:
        self._write()

    def _write(self) -> None:
        batch, self.batch = self.batch, []
        if not batch or self.ctx.dry_run:
            return
        by_id = self.ctx.by.pk
        rows = [
            {
                "client_id": row.client_id,
                "by_id": by_id,
                "date": row.date,
                "type": row.type,
                "duration_minutes": row.minutes,
                "note": row.note,
                "kind": self._kind(row),
            }
            for row in batch
        ]
        history_ids = bulk.copy_with_history(Contact, rows, by=self.ctx.by)
        # The organisations and the history of the links, as organisations.set() writes them.
        through = Contact.organisations.through
        pairs = [
            (row["id"], org.pk, hid)
            for row, parsed, hid in zip(rows, batch, history_ids, strict=True)
            for org in parsed.organisations
        ]
        link_ids = bulk.next_ids(through, len(pairs))
        bulk.copy(
            through,
            (
                {"id": lid, "contact_id": c, "organisation_id": o}
                for lid, (c, o, _h) in zip(link_ids, pairs, strict=True)
            ),
        )
        m2m_history = next(
            r.related_model
            for r in Contact.history.model._meta.related_objects
            if r.field.name == "history"
        )
        bulk.copy(
            m2m_history,
            (
                {"id": lid, "contact_id": c, "organisation_id": o, "history_id": h}
                for lid, (c, o, h) in zip(link_ids, pairs, strict=True)
            ),
            skip=["m2m_history_id"],
        )

    def describe_header(self) -> list[str]:
        return [CLIENT, DATE, TYPE, MINUTES, ORGS]

    def describe(self, parsed: ContactRow) -> list[str]:
        return [
            parsed.client_alias,
            parsed.date.isoformat(),
            str(ContactType(parsed.type).label),
            "" if parsed.minutes is None else str(parsed.minutes),
            "; ".join(o.name for o in parsed.organisations),
        ]

    @classmethod
    def allowed_values(cls, verksamhet: Verksamhet | None) -> list[tuple[str, str]]:
        orgs = (
            "; ".join(
                Organisation.objects.filter(verksamhet=verksamhet, active=True).values_list(
                    "name", flat=True
                )
            )
            if verksamhet
            else ""
        )
        return [
            (CLIENT, _("Required. The client's alias or personnummer.")),
            (BORN, _("Optional: tells apart clients with the same alias.")),
            (
                DATE,
                _("Required. For example 2025-03-01 or 1/3/2025 (day first), or an Excel date."),
            ),
            (TYPE, "; ".join(values.labels(ContactType))),
            (MINUTES, _("Optional. A whole number.")),
            (ORGS, orgs or _("The names in the organisation register, separated by semicolons.")),
            (
                ANON,
                _(
                    "Ja: the client was not named (no consent needed, the note may not identify "
                    "anyone). Nej if empty."
                ),
            ),
            (
                _("Already imported"),
                _("A contact with the same client, date, type and minutes is not imported again."),
            ),
        ]
