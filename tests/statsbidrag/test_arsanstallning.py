"""Årsanställningar are exact: splitting a period never changes the sum (hypothesis)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from statsbidrag.arsanstallning import (
    arsanstallningar,
    arsanstallningar_exact,
    days_in_year,
    days_inside,
)


@dataclass
class P:
    start: datetime.date
    end: datetime.date | None
    percent: Decimal


dates = st.dates(min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2031, 12, 31))
percents = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100"), places=2)
years = st.integers(min_value=2018, max_value=2032)


@st.composite
def periods(draw):  # type: ignore[no-untyped-def]
    start = draw(dates)
    end = draw(
        st.one_of(st.none(), st.dates(min_value=start, max_value=datetime.date(2031, 12, 31)))
    )
    return P(start, end, draw(percents))


@given(period=periods(), year=years, data=st.data())
def test_splitting_a_period_never_changes_the_sum(period: P, year: int, data) -> None:  # type: ignore[no-untyped-def]
    last = period.end or datetime.date(2031, 12, 31)
    if last == period.start:
        return
    cut = data.draw(st.dates(min_value=period.start, max_value=last - datetime.timedelta(days=1)))
    first = P(period.start, cut, period.percent)
    second = P(cut + datetime.timedelta(days=1), period.end, period.percent)
    assert arsanstallningar_exact([first, second], year) == arsanstallningar_exact([period], year)
    assert arsanstallningar([first, second], year) == arsanstallningar([period], year)


@given(year=years)
def test_full_time_over_a_whole_year_is_one(year: int) -> None:
    whole = P(datetime.date(year, 1, 1), datetime.date(year, 12, 31), Decimal("100"))
    assert arsanstallningar_exact([whole], year) == 1
    assert arsanstallningar([whole], year) == Decimal("1.0000")
    open_ended = P(datetime.date(year - 1, 6, 1), None, Decimal("100"))
    assert arsanstallningar([open_ended], year) == Decimal("1.0000")


@given(period=periods(), year=years)
def test_share_is_grad_times_days_over_days_of_the_year(period: P, year: int) -> None:
    days = days_inside(period.start, period.end, year)
    expected = Fraction(period.percent) / 100 * Fraction(days, days_in_year(year))
    assert arsanstallningar_exact([period], year) == expected
    assert 0 <= arsanstallningar_exact([period], year) <= 1


def test_half_time_for_six_months_is_a_quarter_in_the_domain_example() -> None:
    # 50 % for the first half of 2026 (181 of 365 days) = 0.2479 ≈ 0.25 as DOMAIN.md says.
    half = P(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), Decimal("50"))
    assert arsanstallningar([half], 2026) == Decimal("0.2479")
    leap = P(datetime.date(2028, 1, 1), datetime.date(2028, 12, 31), Decimal("50"))
    assert days_in_year(2028) == 366
    assert arsanstallningar([leap], 2028) == Decimal("0.5000")
