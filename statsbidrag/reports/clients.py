"""Client figures for a year, aggregated in SQL (a fixed number of queries at any size).

Definitions (a client is counted once per category even with several uppdrag):
- work on an uppdrag begins at contact-building (``contact_started``) or else at ``started``;
- ongoing at start: work began before 1 January and had not ended before it;
- new: work began during the year;
- ended: an uppdrag whose work had begun ended during the year;
- waiting at year end: on the waiting list on 31 December (work not begun, not ended);
- served: ongoing at start or new (everyone the verksamhet worked with during the year).
Age is the age reached during the year (year − birth year).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import Least

from clients.models import Boende, Client, EndReason, Forsorjning, Gender, Sysselsattning, Uppdrag
from clients.models.client import ClientGroup
from ombud.models import Verksamhet

CATEGORIES = ["ongoing_at_start", "new", "ended", "waiting_at_year_end", "served"]
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+", "unknown"]
GENDERS = [g.value for g in Gender]
GROUPS = [str(g.value) for g in ClientGroup]
CHARACTERISTICS = ["missbruk", "hemloshet", "enskild_verksamhet", "risk_severe"]
OUTCOME_FIELDS = {
    "boende": [c.value for c in Boende],
    "sysselsattning": [c.value for c in Sysselsattning],
    "forsorjning": [c.value for c in Forsorjning],
}


def _q(prefix: str, **kwargs: Any) -> Q:
    return Q(**{f"{prefix}{key}": value for key, value in kwargs.items()})


def category_filters(year: int, prefix: str = "") -> dict[str, Q]:
    """Q objects on Uppdrag (``prefix`` = path from the queried model) for each category."""
    jan1, dec31 = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    p = prefix
    begun_before = _q(p, contact_started__lt=jan1) | _q(
        p, contact_started__isnull=True, started__lt=jan1
    )
    begun_in_year = _q(p, contact_started__range=(jan1, dec31)) | _q(
        p, contact_started__isnull=True, started__range=(jan1, dec31)
    )
    not_ended_before = _q(p, ended__isnull=True) | _q(p, ended__gte=jan1)
    ongoing = begun_before & not_ended_before
    not_begun_by_end = (_q(p, contact_started__isnull=True) | _q(p, contact_started__gt=dec31)) & (
        _q(p, started__isnull=True) | _q(p, started__gt=dec31)
    )
    return {
        "ongoing_at_start": ongoing,
        "new": begun_in_year,
        "ended": _q(p, ended__range=(jan1, dec31)) & (begun_before | begun_in_year),
        "waiting_at_year_end": _q(p, waiting_since__lte=dec31)
        & not_begun_by_end
        & (_q(p, ended__isnull=True) | _q(p, ended__gt=dec31)),
        "served": ongoing | begun_in_year,
    }


def _age_band(year: int) -> Case:
    return Case(
        When(birth_year__isnull=True, then=Value("unknown")),
        When(birth_year__gt=year - 25, then=Value("18-24")),
        When(birth_year__gt=year - 35, then=Value("25-34")),
        When(birth_year__gt=year - 45, then=Value("35-44")),
        When(birth_year__gt=year - 55, then=Value("45-54")),
        When(birth_year__gt=year - 65, then=Value("55-64")),
        default=Value("65+"),
        output_field=CharField(),
    )


def _zero_counts() -> dict[str, Any]:
    return {
        "by_gender": {c: {g: 0 for g in [*GENDERS, "total"]} for c in CATEGORIES},
        "by_age_band": {c: {b: 0 for b in [*AGE_BANDS, "total"]} for c in CATEGORIES},
        "age_gender": {b: {g: 0 for g in [*GENDERS, "total"]} for b in [*AGE_BANDS, "total"]},
    }


def _zero_groups() -> dict[str, Any]:
    aggregates: dict[str, int] = {"served": 0, "primary_none": 0}
    for g in GROUPS:
        aggregates[f"primary_{g}"] = aggregates[f"any_{g}"] = 0
    aggregates.update(dict.fromkeys(CHARACTERISTICS, 0))
    return aggregates


def client_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Client counts, clients per kommun and groups/characteristics of served clients, from
    ONE query: a row per client with a bit per category (set when one of its uppdrag falls in
    it; a plain grouped count, no DISTINCT, one integer column so that the 8 000 rows of a
    national-scale verksamhet convert fast), summed up here. ``counts`` is ``client_counts``' result,
    ``per_kommun`` is ``clients_per_kommun``'s and ``groups`` is
    ``groups_and_characteristics``'."""
    filters = category_filters(year, "uppdrag__")
    mask: Any = sum(
        Least(Count("uppdrag", filter=filters[cat]), Value(1)) * Value(1 << bit)
        for bit, cat in enumerate(CATEGORIES)
    )
    rows = (
        Client.objects.filter(verksamhet=verksamhet)
        .annotate(band=_age_band(year), mask=mask)
        .values_list(
            "gender",
            "band",
            "kommun__kod",
            "primary_group",
            "other_groups",
            *CHARACTERISTICS,
            "mask",
        )
        .order_by()
    )
    counts = _zero_counts()
    by_gender, by_age, age_gender = (
        counts["by_gender"],
        counts["by_age_band"],
        counts["age_gender"],
    )
    per_kommun: dict[str, dict[str, int]] = {}
    agg = _zero_groups()
    n_chars = len(CHARACTERISTICS)
    bits = [(cat, 1 << bit) for bit, cat in enumerate(CATEGORIES)]
    served_bit = 1 << CATEGORIES.index("served")
    for row in rows:
        gender, band, kod, primary, other = row[:5]
        characteristics = row[5 : 5 + n_chars]
        flags = row[-1]
        kod = kod or ""
        if kod not in per_kommun:
            per_kommun[kod] = dict.fromkeys(CATEGORIES, 0)
        kommun = per_kommun[kod]
        for cat, bit in bits:
            if flags & bit:
                by_gender[cat][gender] += 1
                by_gender[cat]["total"] += 1
                by_age[cat][band] += 1
                by_age[cat]["total"] += 1
                kommun[cat] += 1
        if flags & served_bit:
            for b in (band, "total"):
                age_gender[b][gender] += 1
                age_gender[b]["total"] += 1
            agg["served"] += 1
            key = f"primary_{primary}" if primary is not None else "primary_none"
            if key in agg:
                agg[key] += 1
            for g in {primary, *(other or ())} - {None}:
                if f"any_{g}" in agg:
                    agg[f"any_{g}"] += 1
            for name, value in zip(CHARACTERISTICS, characteristics, strict=True):
                if value:
                    agg[name] += 1
    return {"counts": counts, "per_kommun": per_kommun, "groups": _groups_result(agg)}


def _groups_result(row: dict[str, int]) -> dict[str, Any]:
    return {
        "groups": {
            "primary": {**{g: row[f"primary_{g}"] for g in GROUPS}, "none": row["primary_none"]},
            "any": {g: row[f"any_{g}"] for g in GROUPS},
            "served": row["served"],
        },
        "characteristics": {
            **{name: row[name] for name in CHARACTERISTICS},
            "served": row["served"],
        },
    }


def client_counts(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Counts per category by gender, by age band, and age band × gender (served). One query."""
    return client_figures(verksamhet=verksamhet, year=year)["counts"]


def endings_and_outcomes(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """End reasons and boende/sysselsättning/försörjning at start vs end of ended uppdrag."""
    ended = Uppdrag.objects.filter(category_filters(year)["ended"], client__verksamhet=verksamhet)
    aggregates: dict[str, Count] = {"total": Count("pk")}
    reasons = [r.value for r in EndReason]
    for r in [*reasons, ""]:
        aggregates[f"reason_{r or 'none'}"] = Count("pk", filter=Q(end_reason=r))
    for name, values in OUTCOME_FIELDS.items():
        for when in ("start", "end"):
            field = f"{name}_{when}"
            for v in values:
                aggregates[f"{field}_{v}"] = Count("pk", filter=Q(**{field: v}))
            aggregates[f"{field}_none"] = Count("pk", filter=Q(**{field: ""}))
    row = ended.aggregate(**aggregates)
    end_reasons = {r: row[f"reason_{r}"] for r in reasons}
    end_reasons["none"] = row["reason_none"]
    end_reasons["total"] = row["total"]
    outcomes = {
        name: {
            v: {"start": row[f"{name}_start_{v}"], "end": row[f"{name}_end_{v}"]}
            for v in [*values, "none"]
        }
        for name, values in OUTCOME_FIELDS.items()
    }
    return {"end_reasons": end_reasons, "outcomes": {**outcomes, "ended": row["total"]}}
