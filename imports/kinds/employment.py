"""Anställningar: one row an employment period of an ombud (the base of årsanställningar).

Natural key: the ombud (their login, or the name of one without a login) + the start date.
Created through ``statsbidrag.services.employment_period_save`` (who counts as an ombud,
the percentage, at most 100 % together with overlapping periods).
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from core.models import Kommun, Verksamhet
from statsbidrag.models import EmploymentPeriod
from statsbidrag.services import employment_period_save

from .. import values
from ..engine import Context, Kind
from .common import cleaned, find_kommun, find_ombud, kommun_lookup, ombud_lookup

OMBUD = "Ombud"
NAME = "Namn (utan inloggning)"
START = "Från"
END = "Till"
PERCENT = "Tjänstgöringsgrad (%)"
KOMMUN = "Anställande kommun"
EMPLOYER = "Arbetsgivare (vid entreprenad)"


@dataclass
class PeriodRow:
    ombud: Any
    name: str
    start: datetime.date
    end: datetime.date | None
    percent: Decimal
    kommun: Kommun | None
    employer: str


class EmploymentKind(Kind):
    name = "anstallningar"
    sheet_title = "Anställningar"
    columns = [OMBUD, NAME, START, END, PERCENT, KOMMUN, EMPLOYER]
    required = [START, PERCENT]
    field_columns = {
        "ombud": OMBUD,
        "name": NAME,
        "start": START,
        "end": END,
        "percent": PERCENT,
        "employer_kommun": KOMMUN,
        "employer_name": EMPLOYER,
    }

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        v = ctx.verksamhet
        self.ombud = ombud_lookup(v)
        self.kommuner = kommun_lookup(v)
        self.known: set[Hashable] = set()
        for ombud_id, name, start in EmploymentPeriod.objects.filter(verksamhet=v).values_list(
            "ombud_id", "name", "start"
        ):
            self.known.add((ombud_id or " ".join(name.split()).casefold(), start))

    def parse(self, cell: Any) -> PeriodRow:
        start = values.date(cell(START), START)
        if start is None:
            raise values.CellError(START, _("Give the first day of the employment."))
        percent = values.decimal(cell(PERCENT), PERCENT)
        if percent is None:
            raise values.CellError(PERCENT, _("Give the percentage of full time."))
        return PeriodRow(
            ombud=find_ombud(self.ombud, cell(OMBUD), OMBUD),
            name=cleaned(cell(NAME), NAME, max_length=200),
            start=start,
            end=values.date(cell(END), END),
            percent=percent,
            kommun=find_kommun(self.kommuner, cell(KOMMUN), KOMMUN),
            employer=cleaned(cell(EMPLOYER), EMPLOYER, max_length=200),
        )

    def key(self, parsed: PeriodRow) -> tuple[Hashable, str]:
        who = parsed.ombud.pk if parsed.ombud else " ".join(parsed.name.split()).casefold()
        return (who, parsed.start), START

    def exists(self, key: Hashable) -> bool:
        return key in self.known

    def create(self, parsed: PeriodRow, row: int) -> None:
        employment_period_save(
            verksamhet=self.ctx.verksamhet,
            by=self.ctx.by,
            ombud=parsed.ombud,
            name="" if parsed.ombud else parsed.name,
            start=parsed.start,
            end=parsed.end,
            percent=parsed.percent,
            employer_kommun=parsed.kommun,
            employer_name=parsed.employer,
        )
        self.known.add(self.key(parsed)[0])

    def describe_header(self) -> list[str]:
        return [OMBUD, START, END, PERCENT]

    def describe(self, parsed: PeriodRow) -> list[str]:
        return [
            str(parsed.ombud or parsed.name),
            parsed.start.isoformat(),
            parsed.end.isoformat() if parsed.end else "",
            f"{parsed.percent.normalize():f}".replace(".", ","),
        ]

    @classmethod
    def allowed_values(cls, verksamhet: Verksamhet | None) -> list[tuple[str, str]]:
        kommuner = ", ".join(k.name for k in verksamhet.kommuner.all()) if verksamhet else ""
        return [
            (OMBUD, _("The ombud's e-mail address or name as the pages show it.")),
            (NAME, _("For an ombud without a login: leave Ombud empty and write the name.")),
            (
                START,
                _("Required. For example 2025-03-01 or 1/3/2025 (day first), or an Excel date."),
            ),
            (PERCENT, _("Required. More than 0 and at most 100, for example 50 or 75,5.")),
            (KOMMUN, kommuner),
            (EMPLOYER, _("When the service is contracted out: the employer's name.")),
            (
                _("Already imported"),
                _("A period with the same ombud and start date is not imported again."),
            ),
        ]
