"""Klienter: one row a client with the state of their uppdrag and the responsible ombud.

Natural key (what "redan importerad" means): the personnummer when the row gives one, else
alias + birth year + kommun (pseudonymous clients), compared case-insensitively. Created
through ``clients.services``: ``client_create`` puts the client on the waiting list, then
``uppdrag_advance`` and ``uppdrag_end`` walk the uppdrag to the row's status on the row's
dates, assigning the ombud when it leaves the waiting list, each step with its own rules.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from clients import services
from clients.models import Client, ClientGroup, EndReason, Gender, UppdragStatus
from core.models import Kommun, Verksamhet

from .. import values
from ..engine import Context, Kind
from .common import cleaned, find_kommun, find_ombud, kommun_lookup, ombud_lookup

# The headers are the file's format (the template writes them), Swedish as the team's
# spreadsheets are, so they are not translated with the pages.
ALIAS = "Alias"
FIRST = "Förnamn"
LAST = "Efternamn"
PNR = "Personnummer"
BORN = "Födelseår"
GENDER = "Kön"
KOMMUN = "Kommun"
PHONE = "Telefon"
EMAIL = "E-post"
GROUP = "Primär klientgrupp"
STATUS = "Status"
WAITING = "På väntelistan sedan"
CONTACT = "Kontaktskapande från"
STARTED = "Uppdraget startade"
ENDED = "Uppdraget avslutades"
END_REASON = "Avslutsorsak"
OMBUD = "Ansvarigt ombud"
REFERRED = "Hur klienten kom till oss"

S = UppdragStatus


@dataclass
class ClientRow:
    alias: str
    fields: dict[str, Any]
    status: str
    waiting_since: datetime.date | None
    contact_started: datetime.date | None
    started: datetime.date | None
    ended: datetime.date | None
    end_reason: str
    ombud: Any
    referred_by: str


def _alias_key(alias: str, birth_year: int | None, kommun_id: int | None) -> tuple[Any, ...]:
    return ("alias", " ".join(alias.split()).casefold(), birth_year, kommun_id)


class ClientKind(Kind):
    name = "klienter"
    sheet_title = "Klienter"
    columns = [
        ALIAS, FIRST, LAST, PNR, BORN, GENDER, KOMMUN, PHONE, EMAIL, GROUP,
        STATUS, WAITING, CONTACT, STARTED, ENDED, END_REASON, OMBUD, REFERRED,
    ]  # fmt: skip
    required = [ALIAS]
    field_columns = {
        "alias": ALIAS,
        "first_name": FIRST,
        "last_name": LAST,
        "personnummer": PNR,
        "birth_year": BORN,
        "gender": GENDER,
        "kommun": KOMMUN,
        "phone": PHONE,
        "email": EMAIL,
        "primary_group": GROUP,
        "waiting_since": WAITING,
        "contact_started": CONTACT,
        "started": STARTED,
        "ended": ENDED,
        "on": ENDED,
        "end_reason": END_REASON,
        "end_reason_other": END_REASON,
        "ombud": OMBUD,
        "to": STATUS,
        "take": STATUS,
        "status": STATUS,
        "referred_by": REFERRED,
    }

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        v = ctx.verksamhet
        self.ombud = ombud_lookup(v)
        self.kommuner = kommun_lookup(v)
        self.genders = values.choices(Gender)
        self.groups = values.choices(ClientGroup)
        self.statuses = values.choices(UppdragStatus)
        self.end_reasons = values.choices(EndReason)
        self.known: set[Hashable] = set()
        for pnr, alias, born, kommun_id in Client.objects.filter(verksamhet=v).values_list(
            "personnummer", "alias", "birth_year", "kommun_id"
        ):
            if pnr:
                self.known.add(("pnr", pnr))
            self.known.add(_alias_key(alias, born, kommun_id))

    def _choice(self, lookup: values.Lookup, raw: Any, column: str) -> Any:
        value = values.text(raw)
        if not value:
            return None
        return lookup.get(
            value,
            column,
            unknown=_("“%(value)s” is not one of the allowed values (see the template)."),
        )

    def parse(self, cell: Any) -> ClientRow:
        alias = cleaned(cell(ALIAS), ALIAS, max_length=100)
        if not alias:
            raise values.CellError(ALIAS, _("Give the client an alias."))
        kommun: Kommun | None = find_kommun(self.kommuner, cell(KOMMUN), KOMMUN)
        fields: dict[str, Any] = {
            "first_name": cleaned(cell(FIRST), FIRST, max_length=100),
            "last_name": cleaned(cell(LAST), LAST, max_length=100),
            "personnummer": values.pnr(cell(PNR), PNR),
            "birth_year": values.integer(cell(BORN), BORN, low=1, high=9999),
            "kommun": kommun,
            "phone": cleaned(cell(PHONE), PHONE, max_length=40),
            "email": cleaned(cell(EMAIL), EMAIL, max_length=254),
        }
        gender = self._choice(self.genders, cell(GENDER), GENDER)
        if gender:
            fields["gender"] = gender
        group = self._choice(self.groups, cell(GROUP), GROUP)
        if group is not None:
            fields["primary_group"] = int(group)
        if fields["email"]:
            from django.core.validators import validate_email

            try:
                validate_email(fields["email"])
            except ValidationError:
                raise values.CellError(EMAIL, _("Enter a valid e-mail address.")) from None
        return ClientRow(
            alias=alias,
            fields=fields,
            status=self._choice(self.statuses, cell(STATUS), STATUS) or S.WAITING,
            waiting_since=values.date(cell(WAITING), WAITING),
            contact_started=values.date(cell(CONTACT), CONTACT),
            started=values.date(cell(STARTED), STARTED),
            ended=values.date(cell(ENDED), ENDED),
            end_reason=self._choice(self.end_reasons, cell(END_REASON), END_REASON) or "",
            ombud=find_ombud(self.ombud, cell(OMBUD), OMBUD),
            referred_by=cleaned(cell(REFERRED), REFERRED, max_length=200),
        )

    def key(self, parsed: ClientRow) -> tuple[Hashable, str]:
        pnr = parsed.fields["personnummer"]
        if pnr:
            return ("pnr", pnr), PNR
        born = parsed.fields["birth_year"]
        kommun = parsed.fields["kommun"]
        return _alias_key(parsed.alias, born, kommun.pk if kommun else None), ALIAS

    def exists(self, key: Hashable) -> bool:
        return key in self.known

    def create(self, parsed: ClientRow, row: int) -> None:
        by = self.ctx.by
        steps = [d for d in (parsed.contact_started, parsed.started, parsed.ended) if d]
        waiting = parsed.waiting_since or (min(steps) if steps else None)
        if parsed.status == S.WAITING:
            if parsed.ombud is not None:
                raise ValidationError(
                    {"ombud": _("A client on the waiting list has no responsible ombud yet.")}
                )
            if steps:
                raise ValidationError(
                    {"status": _("The row has dates of later steps than its status.")}
                )
        if parsed.status == S.CONTACT_BUILDING and not parsed.contact_started:
            raise ValidationError({"contact_started": _("Give the date contact-building started.")})
        if parsed.status == S.ACTIVE and not parsed.started:
            raise ValidationError({"started": _("Give the date the uppdrag started.")})
        if parsed.status == S.ENDED and not parsed.ended:
            raise ValidationError({"ended": _("Give the date the uppdrag ended.")})
        client = services.client_create(
            verksamhet=self.ctx.verksamhet,
            by=by,
            alias=parsed.alias,
            waiting_since=waiting,
            referred_by=parsed.referred_by,
            **{k: v for k, v in parsed.fields.items() if v not in (None, "")},
        )
        uppdrag = client.uppdrag.get()
        walk = [(S.CONTACT_BUILDING, parsed.contact_started), (S.ACTIVE, parsed.started)]
        if parsed.status == S.CONTACT_BUILDING:
            walk = walk[:1]
        for to, day in walk:
            if day is None:
                continue
            uppdrag = services.uppdrag_advance(
                uppdrag=uppdrag, by=by, to=to, on=day, version=uppdrag.version, ombud=parsed.ombud
            )
        if parsed.status == S.ENDED:
            services.uppdrag_end(
                uppdrag=uppdrag,
                by=by,
                version=uppdrag.version,
                on=parsed.ended,
                end_reason=parsed.end_reason,
            )
        self.known.add(self.key(parsed)[0])

    def describe_header(self) -> list[str]:
        return [ALIAS, BORN, KOMMUN, STATUS, OMBUD]

    def describe(self, parsed: ClientRow) -> list[str]:
        born = parsed.fields["birth_year"] or (
            int(parsed.fields["personnummer"][:4]) if parsed.fields["personnummer"] else ""
        )
        kommun = parsed.fields["kommun"]
        return [
            parsed.alias,
            str(born or ""),
            str(kommun or ""),
            str(S(parsed.status).label),
            str(parsed.ombud or ""),
        ]

    @classmethod
    def allowed_values(cls, verksamhet: Verksamhet | None) -> list[tuple[str, str]]:
        kommuner = ", ".join(k.name for k in verksamhet.kommuner.all()) if verksamhet else ""
        example = date_format(datetime.date(2025, 3, 1), "Y-m-d")
        return [
            (ALIAS, _("Required. A name the client chooses.")),
            (PNR, _("Optional. 10 or 12 digits, with or without a hyphen.")),
            (BORN, _("Optional. Four digits.")),
            (GENDER, "; ".join(values.labels(Gender))),
            (KOMMUN, kommuner),
            (GROUP, "; ".join(values.labels(ClientGroup))),
            (STATUS, "; ".join(values.labels(UppdragStatus))),
            (END_REASON, "; ".join(values.labels(EndReason))),
            (OMBUD, _("The ombud's e-mail address or name as the pages show it.")),
            (
                _("Dates"),
                _("For example %(iso)s or 1/3/2025 (day first), or an Excel date.")
                % {"iso": example},
            ),
            (
                _("Already imported"),
                _(
                    "A row whose personnummer, or alias + birth year + municipality, is already "
                    "registered is not imported again."
                ),
            ),
        ]
