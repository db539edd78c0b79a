"""Every figure of the redovisning and of the application, computed from live data.

``redovisning_figures`` is a contract used elsewhere (gallring must leave it unchanged): a
JSON-serialisable dict, computed with a fixed number of aggregate queries whatever the
number of clients. Counts are ints, money and årsanställningar are decimal strings.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from core.models import Verksamhet

from .clients import (
    CATEGORIES,
    client_counts,
    client_figures,
    endings_and_outcomes,
)
from .other import contact_figures, funds_figures, money, systembrist_figures
from .staff import staff_figures

# The shape of the figures dict; frozen snapshots carry it as "version".
FIGURES_VERSION = 1


def jsonable(value: Any) -> Any:
    """Dates and decimals as ISO strings, tuples as lists, keys as strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def check_day(year: int) -> datetime.date:
    """The day the ledningsgrupp's composition is checked on: the end of the year, or today
    while the year lasts."""
    return min(datetime.date(year, 12, 31), timezone.localdate())


def ledningsgrupp_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    from ledningsgrupp.selectors import yearly_figures

    figures = yearly_figures(verksamhet=verksamhet, year=year, check_on=check_day(year))
    check = figures["check"]
    return jsonable(
        {
            "meetings_held": figures["meetings_held"],
            "meeting_dates": figures["meeting_dates"],
            "attendance": figures["attendance"],
            "members": figures["composition"]["members"],
            "seat_offers": figures["composition"]["seat_offers"],
            "check": {
                "on": check.on,
                "complete": check.complete,
                "missing": check.missing_labels(),
                "brukar_offered": check.brukar_offered,
            },
        }
    )


def per_kommun_figures(
    *,
    clients: dict[str, Any],
    staff: dict[str, Any],
    funds: dict[str, Any],
    staff_kommuner: dict[str, str],
) -> list[dict[str, Any]]:
    """Figures per kommun for samverkan: served kommuner, client kommuner, co-financing.
    ``clients`` is ``client_figures``' result (category counts per client kommun code, and
    the names of those kommuner and of the ones served); ``staff_kommuner`` the names of
    the employer kommuner."""
    names = {
        **{kod: co["kommun"] for kod, co in funds["co_financing"].items()},
        **staff_kommuner,
        **clients["kommuner"],
    }
    counts = clients["per_kommun"]
    kods = set(counts) | set(funds["co_financing"]) | set(staff["by_kommun_kod"]) | set(names)
    zero = dict.fromkeys(CATEGORIES, 0)
    rows = []
    for kod in sorted(kods, key=lambda k: (k == "", names.get(k, ""))):
        co = funds["co_financing"].get(kod, {})
        rows.append(
            {
                "kod": kod,
                "kommun": names.get(kod, ""),
                **counts.get(kod, zero),
                "arsanstallningar": staff["by_kommun_kod"].get(kod, "0.0000"),
                "co_financing_planned": co.get("planned"),
                "co_financing_actual": co.get("actual"),
            }
        )
    return rows


def redovisning_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    staff = staff_figures(verksamhet=verksamhet, year=year)
    staff_kommuner = staff.pop("kommun_names")
    funds = funds_figures(verksamhet=verksamhet, year=year, arsanstallningar=staff.pop("exact"))
    cf = client_figures(verksamhet=verksamhet, year=year)
    gc = cf["groups"]
    eo = endings_and_outcomes(verksamhet=verksamhet, year=year)
    return jsonable(
        {
            "version": FIGURES_VERSION,
            "year": year,
            "verksamhet": {"name": verksamhet.name, "slug": verksamhet.slug},
            "staff": staff,
            "clients": cf["counts"],
            "groups": gc["groups"],
            "characteristics": gc["characteristics"],
            "end_reasons": eo["end_reasons"],
            "outcomes": eo["outcomes"],
            "contacts": contact_figures(verksamhet=verksamhet, year=year),
            "systembrister": systembrist_figures(verksamhet=verksamhet, year=year),
            "ledningsgrupp": ledningsgrupp_figures(verksamhet=verksamhet, year=year),
            "per_kommun": per_kommun_figures(
                clients=cf, staff=staff, funds=funds, staff_kommuner=staff_kommuner
            ),
            "funds": funds,
        }
    )


def application_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """The application's figures: planned positions and money, kommuner, ledningsgrupp."""
    from ledningsgrupp.selectors import composition_check
    from statsbidrag.models import GrantYear

    grant_year = GrantYear.objects.filter(verksamhet=verksamhet, year=year).first()
    staff = staff_figures(verksamhet=verksamhet, year=year)
    staff.pop("kommun_names")
    funds = funds_figures(verksamhet=verksamhet, year=year, arsanstallningar=staff.pop("exact"))
    planned = (
        grant_year.planned_arsanstallningar
        if grant_year and grant_year.planned_arsanstallningar is not None
        else Decimal(staff["arsanstallningar"])
    ).quantize(Decimal("0.01"))
    amount = grant_year.amount_per_arsanstallning if grant_year else None
    check = composition_check(verksamhet=verksamhet)  # as the ledningsgrupp looks today
    previous = client_counts(verksamhet=verksamhet, year=year - 1)["by_gender"]
    return jsonable(
        {
            "version": FIGURES_VERSION,
            "year": year,
            "verksamhet": {
                "name": verksamhet.name,
                "slug": verksamhet.slug,
                "form": verksamhet.form,
            },
            "applicant_kommun": funds["applicant_kommun"],
            "participating_kommuner": funds["participating_kommuner"],
            "planned_arsanstallningar": str(planned),
            "staff": staff,
            "amount_per_arsanstallning": money(amount),
            "requested_amount": money(amount * planned) if amount else None,
            "co_financing": funds["co_financing"],
            "co_financing_planned": funds["co_financing_planned"],
            "contact_person": grant_year.contact_person if grant_year else "",
            "contact_email": grant_year.contact_email if grant_year else "",
            "ledningsgrupp": {
                "on": check.on,
                "present": check.present,
                "missing": check.missing_labels(),
                "brukar_offered": check.brukar_offered,
                "complete": check.complete,
            },
            "previous_year": {
                "year": year - 1,
                "served": previous["served"]["total"],
                "new": previous["new"]["total"],
                "waiting_at_year_end": previous["waiting_at_year_end"]["total"],
            },
        }
    )
