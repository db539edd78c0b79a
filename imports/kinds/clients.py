"""Klienter: one row a client with the state of their uppdrag and the responsible ombud.

Natural key (what "redan importerad" means): the personnummer when the row gives one, else
alias + birth year + kommun (pseudonymous clients), compared case-insensitively.

The rules are ``clients.services``': ``client_create`` (alias, personnummer and birth year,
an adult, the verksamhet's kommun) puts the client on the waiting list, ``uppdrag_advance``
walks it to contact-building and active on the row's dates (in order, none in the future)
and assigns the ombud (one who takes clients here) when it leaves the waiting list, and
``uppdrag_end`` ends it with a reason. Those services ask some twenty queries a client, too
many for a 5 000-row file, so a row is checked here against the same rules (the
services' own date checks, the verksamhet's ombud and kommuner read once) and written in
batches, the client, its uppdrag and assignment each with one history row by the importing
user. A row these checks do not pass goes through the services themselves inside a
savepoint that is rolled back: the reason the user reads is theirs, and they stay the judge
(a test runs files both ways and compares).
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from clients import services
from clients.models import (
    Assignment,
    Client,
    ClientGroup,
    EndReason,
    Gender,
    Uppdrag,
    UppdragStatus,
)
from clients.personnummer import birth_date
from clients.services._common import check_not_future, check_order
from clients.services.records import ADULT_YEARS, OLDEST_YEAR
from core.models import Kommun, Verksamhet

from .. import bulk, values
from ..engine import Context, Kind, Outcome
from .client_columns import (
    ALIAS,
    BATCH,
    BORN,
    CONTACT,
    EMAIL,
    END_REASON,
    ENDED,
    FIRST,
    GENDER,
    GROUP,
    KOMMUN,
    LAST,
    OMBUD,
    PHONE,
    PNR,
    REFERRED,
    STARTED,
    STATUS,
    WAITING,
    ClientRow,
    S,
    _alias_key,
)
from .common import cleaned, find_kommun, find_ombud, kommun_lookup, ombud_lookup


class ClientKind(Kind):
    name = "klienter"
    sheet_title = "Klienter"
    columns = [
        ALIAS, FIRST, LAST, PNR, BORN, GENDER, KOMMUN, PHONE, EMAIL, GROUP,
        STATUS, WAITING, CONTACT, STARTED, ENDED, END_REASON, OMBUD, REFERRED,
    ]  # fmt: skip
    required = [ALIAS]
    savepoint = False  # create() holds its own savepoint where the services write
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
        self.batch: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]] = []
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
            unknown=values.NOT_ALLOWED,
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

    # Set False to send every row through the services (the test comparing both ways).
    fast = True

    def _waiting_since(self, parsed: ClientRow) -> datetime.date | None:
        steps = [d for d in (parsed.contact_started, parsed.started, parsed.ended) if d]
        return parsed.waiting_since or (min(steps) if steps else None)

    def _row_rules(self, parsed: ClientRow) -> None:
        """What a row must say about its own status (the services are told, not asked)."""
        steps = [d for d in (parsed.contact_started, parsed.started, parsed.ended) if d]
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

    def _passes(self, parsed: ClientRow) -> bool:
        """The services' rules on this row, without asking the database."""
        f = parsed.fields
        born = f["birth_year"]
        if f["personnummer"]:
            pnr_year = birth_date(f["personnummer"]).year
            if born is not None and born != pnr_year:
                return False
            born = pnr_year
        this_year = timezone.localdate().year
        if born is not None and not OLDEST_YEAR <= born <= this_year - ADULT_YEARS:
            return False
        if parsed.status == S.ENDED and parsed.end_reason in ("", EndReason.OTHER):
            return False  # "other" needs the words the file has no column for
        steps = parsed.contact_started or parsed.started
        leaves = parsed.status in (S.CONTACT_BUILDING, S.ACTIVE) or (
            parsed.status == S.ENDED and steps
        )
        if leaves and parsed.ombud is None:
            return False
        dates = [
            ("waiting_since", self._waiting_since(parsed)),
            ("contact_started", parsed.contact_started),
            ("started", parsed.started if parsed.status != S.CONTACT_BUILDING else None),
            ("ended", parsed.ended if parsed.status == S.ENDED else None),
        ]
        try:
            check_order(dates)
            for field, day in dates:
                check_not_future(day, field)
        except ValidationError:
            return False
        return True

    def create(self, parsed: ClientRow, row: int) -> None:
        self._row_rules(parsed)
        if not self.fast:
            with transaction.atomic():
                self._walk(parsed)
        elif self._passes(parsed):
            self._collect(parsed)
        else:
            # The services word the refusal; should they accept the row after all, it is
            # written in the batch as they would have left it.
            with transaction.atomic():
                self._walk(parsed)
                transaction.set_rollback(True)
            self._collect(parsed)
        self.known.add(self.key(parsed)[0])

    def _walk(self, parsed: ClientRow) -> None:
        by = self.ctx.by
        client = services.client_create(
            verksamhet=self.ctx.verksamhet,
            by=by,
            alias=parsed.alias,
            waiting_since=self._waiting_since(parsed),
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
        if parsed.status == S.ENDED and parsed.ended is not None:  # _row_rules asked for it
            services.uppdrag_end(
                uppdrag=uppdrag,
                by=by,
                version=uppdrag.version,
                on=parsed.ended,
                end_reason=parsed.end_reason,
            )

    def _collect(self, parsed: ClientRow) -> None:
        """The row as the services would leave it: the client, its uppdrag, the ombud."""
        f = {k: v for k, v in parsed.fields.items() if v not in (None, "")}
        if f.get("personnummer") and not f.get("birth_year"):
            f["birth_year"] = birth_date(f["personnummer"]).year
        kommun = f.pop("kommun", None)
        client = {
            "verksamhet_id": self.ctx.verksamhet.pk,
            "alias": parsed.alias,
            "kommun_id": kommun.pk if kommun else None,
            **f,
        }
        status = parsed.status
        uppdrag = {
            "status": status,
            "waiting_since": self._waiting_since(parsed) or timezone.localdate(),
            "contact_started": parsed.contact_started,
            "started": parsed.started if status != S.CONTACT_BUILDING else None,
            "ended": parsed.ended if status == S.ENDED else None,
            "end_reason": parsed.end_reason if status == S.ENDED else "",
            "referred_by": parsed.referred_by,
        }
        start = parsed.contact_started or (parsed.started if status != S.CONTACT_BUILDING else None)
        assignment = (
            {"ombud_id": parsed.ombud.pk, "start": start} if start and parsed.ombud else None
        )
        self.batch.append((client, uppdrag, assignment))
        if len(self.batch) >= BATCH:
            self._write()

    def flush(self, outcome: Outcome) -> None:
        self._write()

    def _write(self) -> None:
        batch, self.batch = self.batch, []
        if not batch or self.ctx.dry_run:
            return
        by = self.ctx.by
        bulk.copy_with_history(Client, [c for c, _u, _a in batch], by=by)
        for client, uppdrag, _a in batch:
            uppdrag["client_id"] = client["id"]
        bulk.copy_with_history(Uppdrag, [u for _c, u, _a in batch], by=by)
        assignments = []
        for _c, u, a in batch:
            if a is not None:
                a["uppdrag_id"] = u["id"]
                assignments.append(a)
        bulk.copy_with_history(Assignment, assignments, by=by)

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
