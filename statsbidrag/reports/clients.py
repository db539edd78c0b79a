"""Client figures for a year, aggregated in SQL (a fixed number of queries at any size).

Definitions (a client is counted once per category even with several uppdrag):
- work on an uppdrag begins at contact-building (``contact_started``) or else at ``started``;
- ongoing at start: work began before 1 January and had not ended before it;
- new: work began during the year;
- ended: an uppdrag whose work had begun ended during the year;
- waiting at year end: on the waiting list on 31 December (work not begun, not ended), or
  back on it then (``waiting_again_since``: the ombud stopped and nobody had taken the client
  again by then); such an uppdrag did not end and is ongoing as well, never new a second time;
- served: ongoing at start or new (everyone the verksamhet worked with during the year).
Age is the age reached during the year (year − birth year).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.postgres.aggregates import BitOr
from django.db import connection
from django.db.models import Case, CharField, Count, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from clients.models import Boende, Client, EndReason, Forsorjning, Gender, Sysselsattning, Uppdrag
from clients.models.client import ClientGroup
from core.models import Verksamhet

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
        "waiting_at_year_end": (
            (_q(p, waiting_since__lte=dec31) & not_begun_by_end)
            | (
                _q(p, waiting_again_since__lte=dec31)
                & (_q(p, taken_again__isnull=True) | _q(p, taken_again__gt=dec31))
            )
        )
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


def _uppdrag_mask(year: int) -> Coalesce:
    """Per client (``OuterRef("pk")``): bit ``i`` set when one of its uppdrag falls in
    ``CATEGORIES[i]``. A correlated subquery: one index probe per client."""
    filters = category_filters(year)
    bits: Any = sum(
        Case(When(filters[cat], then=Value(1 << bit)), default=Value(0))
        for bit, cat in enumerate(CATEGORIES)
    )
    per_client = (
        Uppdrag.objects.filter(client=OuterRef("pk"))
        .order_by()
        .values("client")
        .annotate(mask=BitOr(bits))
        .values("mask")
    )
    return Coalesce(Subquery(per_client), Value(0))


# The kinds of row client_figures reads: GROUPING() of (gender, band, kod) has a bit set for
# each column grouped away; the other two are constants chosen outside that range.
BY_GENDER_BAND, BY_KOMMUN, SERVED_ROWS, GROUP_ROW = 1, 6, 8, 9


def _group_aggregates() -> list[tuple[str, str]]:
    """(name, SQL condition on a client row) of the groups and characteristics counted."""
    conditions = [(f"primary_{g}", f"primary_group = {int(g)}") for g in GROUPS]
    conditions.append(("primary_none", "primary_group IS NULL"))
    conditions += [
        (f"any_{g}", f"(primary_group = {int(g)} OR {int(g)} = ANY(other_groups))") for g in GROUPS
    ]
    conditions += [(name, name) for name in CHARACTERISTICS]
    return conditions


def client_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """Client counts, clients per kommun and groups/characteristics of served clients, from
    ONE query that returns a few hundred rows whatever the number of clients.

    Inside, a row per client with a bit per category (set when one of its uppdrag falls in
    it); outside, counts of those rows by (gender, age band, bits) and by (kommun, bits) as
    GROUPING SETS, a row per kommun served, and one row with the groups and
    characteristics of the served clients.
    The counts per category are summed up here. ``counts`` is ``client_counts``' result,
    ``per_kommun`` the category counts per client kommun code, ``kommuner`` the names of
    those kommuner and of the ones the verksamhet serves (kod → name), and ``groups`` the
    groups and characteristics of the clients served."""
    per_client = (
        Client.objects.filter(verksamhet=verksamhet)
        .annotate(
            band=_age_band(year),
            kod=F("kommun__kod"),
            kommun_name=F("kommun__name"),
            mask=_uppdrag_mask(year),
        )
        .order_by()
        .values(
            "gender",
            "band",
            "kod",
            "kommun_name",
            "mask",
            "primary_group",
            "other_groups",
            *CHARACTERISTICS,
        )
    )
    served = (
        Verksamhet.kommuner.through.objects.filter(verksamhet=verksamhet)
        .order_by()
        .values("kommun__kod", "kommun__name")
    )
    served_sql, served_params = served.query.sql_with_params()
    inner, params = per_client.query.sql_with_params()
    aggregates = _group_aggregates()
    served_bit = 1 << CATEGORIES.index("served")
    # The groups and characteristics are counted over the served clients only (a second
    # SELECT on the same rows: FILTERs in the GROUPING SETS would run for every row thrice).
    nulls = ", NULL::bigint" * len(aggregates)
    sql = (
        f"WITH per_client AS MATERIALIZED ({inner})"  # noqa: S608 (no user input)
        " SELECT GROUPING(gender, band, kod), gender, band, kod, kommun_name, mask, COUNT(*)"
        f"{nulls} FROM per_client"
        " GROUP BY GROUPING SETS ((gender, band, mask), (kod, kommun_name, mask))"
        f" UNION ALL SELECT {SERVED_ROWS}, NULL, NULL, served.*, 0, 0{nulls}"
        f" FROM ({served_sql}) AS served"
        f" UNION ALL SELECT {GROUP_ROW}, NULL, NULL, NULL, NULL, {served_bit}, COUNT(*)"
        + "".join(f", COUNT(*) FILTER (WHERE {cond})" for _name, cond in aggregates)
        + f" FROM per_client WHERE mask & {served_bit} <> 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, *served_params))
        rows = cursor.fetchall()
    counts = _zero_counts()
    by_gender, by_age, age_gender = (
        counts["by_gender"],
        counts["by_age_band"],
        counts["age_gender"],
    )
    per_kommun: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    agg = _zero_groups()
    bits = [(cat, 1 << bit) for bit, cat in enumerate(CATEGORIES)]
    for grouping, gender, band, kod, name, flags, n, *group_counts in rows:
        if grouping == BY_KOMMUN:
            kommun = per_kommun.setdefault(kod or "", dict.fromkeys(CATEGORIES, 0))
            for cat, bit in bits:
                if flags & bit:
                    kommun[cat] += n
            if kod:
                names[kod] = name
        elif grouping == SERVED_ROWS:
            names[kod] = name
        elif grouping == BY_GENDER_BAND:
            for cat, bit in bits:
                if flags & bit:
                    by_gender[cat][gender] += n
                    by_gender[cat]["total"] += n
                    by_age[cat][band] += n
                    by_age[cat]["total"] += n
            if flags & served_bit:
                for b in (band, "total"):
                    age_gender[b][gender] += n
                    age_gender[b]["total"] += n
        else:  # the served clients' groups and characteristics
            agg["served"] += n
            for (key, _cond), value in zip(aggregates, group_counts, strict=True):
                agg[key] += value
    return {
        "counts": counts,
        "per_kommun": per_kommun,
        "kommuner": names,
        "groups": _groups_result(agg),
    }


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
