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


def _category_counts(year: int) -> dict[str, Count]:
    filters = category_filters(year, "uppdrag__")
    return {cat: Count("pk", distinct=True, filter=q) for cat, q in filters.items()}


def client_counts(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Counts per category by gender, by age band, and age band × gender (served). One query."""
    rows: Any = (
        Client.objects.filter(verksamhet=verksamhet)
        .annotate(band=_age_band(year))
        .values("gender", "band")
        .annotate(**_category_counts(year))
        .order_by()
    )
    by_gender = {c: {g: 0 for g in [*GENDERS, "total"]} for c in CATEGORIES}
    by_age = {c: {b: 0 for b in [*AGE_BANDS, "total"]} for c in CATEGORIES}
    age_gender = {b: {g: 0 for g in [*GENDERS, "total"]} for b in [*AGE_BANDS, "total"]}
    for row in rows:
        for cat in CATEGORIES:
            n = row[cat]
            by_gender[cat][row["gender"]] += n
            by_gender[cat]["total"] += n
            by_age[cat][row["band"]] += n
            by_age[cat]["total"] += n
        served = row["served"]
        for band in (row["band"], "total"):
            age_gender[band][row["gender"]] += served
            age_gender[band]["total"] += served
    return {"by_gender": by_gender, "by_age_band": by_age, "age_gender": age_gender}


def clients_per_kommun(*, verksamhet: Verksamhet, year: int) -> dict[str, dict[str, int]]:
    """Category counts per client kommun code ('' = not recorded). One query."""
    rows: Any = (
        Client.objects.filter(verksamhet=verksamhet)
        .values("kommun__kod")
        .annotate(**_category_counts(year))
        .order_by()
    )
    return {(row["kommun__kod"] or ""): {c: row[c] for c in CATEGORIES} for row in rows}


def served_clients(*, verksamhet: Verksamhet, year: int):  # type: ignore[no-untyped-def]
    served = category_filters(year)["served"]
    return Client.objects.filter(
        verksamhet=verksamhet,
        pk__in=Uppdrag.objects.filter(served, client__verksamhet=verksamhet).values("client_id"),
    )


def groups_and_characteristics(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Primary group, any group (primary or other) and characteristics of served clients."""
    aggregates: dict[str, Count] = {"served": Count("pk")}
    for g in GROUPS:
        aggregates[f"primary_{g}"] = Count("pk", filter=Q(primary_group=int(g)))
        aggregates[f"any_{g}"] = Count(
            "pk", filter=Q(primary_group=int(g)) | Q(other_groups__contains=[int(g)])
        )
    aggregates["primary_none"] = Count("pk", filter=Q(primary_group__isnull=True))
    for name in CHARACTERISTICS:
        aggregates[name] = Count("pk", filter=Q(**{name: True}))
    row = served_clients(verksamhet=verksamhet, year=year).aggregate(**aggregates)
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
