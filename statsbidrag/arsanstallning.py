"""Årsanställningar: full-time-equivalent ombud positions over a year, computed exactly.

One period contributes grad × (days of the period inside the year) / (days of the year).
The sum is kept as an exact fraction so that splitting a period in two never changes it;
it becomes a Decimal only at the end and is rounded to two decimals only for display.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

# Precision kept in figures and snapshots; display rounds to 2 decimals.
PLACES = Decimal("0.0001")


class PeriodLike(Protocol):
    start: datetime.date
    end: datetime.date | None
    percent: Decimal


def days_in_year(year: int) -> int:
    return (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days


def days_inside(start: datetime.date, end: datetime.date | None, year: int) -> int:
    """Days of the period start..end (both inclusive, open end) that fall inside ``year``."""
    first = max(start, datetime.date(year, 1, 1))
    last = min(end or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
    return max((last - first).days + 1, 0)


def period_share(period: PeriodLike, year: int) -> Fraction:
    """The exact årsanställning one period contributes to ``year``."""
    grad = Fraction(Decimal(period.percent)) / 100
    return grad * Fraction(days_inside(period.start, period.end, year), days_in_year(year))


def arsanstallningar_exact(periods: Iterable[PeriodLike], year: int) -> Fraction:
    return sum((period_share(p, year) for p in periods), Fraction(0))


def to_decimal(value: Fraction, places: Decimal = PLACES) -> Decimal:
    """A Fraction as a Decimal rounded half-up to ``places`` (exact before the rounding)."""
    from decimal import ROUND_HALF_UP, localcontext

    with localcontext() as ctx:
        ctx.prec = 40
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            places, rounding=ROUND_HALF_UP
        )


def arsanstallningar(periods: Iterable[PeriodLike], year: int) -> Decimal:
    """Årsanställningar for ``year`` as a Decimal with four decimals (display rounds to two)."""
    return to_decimal(arsanstallningar_exact(periods, year))


def possible_repayment(
    *, periods: Iterable[PeriodLike], year: int, amount: Decimal | None, paid: Decimal
) -> Decimal | None:
    """What was paid beyond the årsanställningar worked × the amount per årsanställning,
    in whole kronor; None when nothing was overpaid (or the amount is not set)."""
    if amount is None:
        return None
    earned = to_decimal(arsanstallningar_exact(periods, year) * Fraction(amount), Decimal(1))
    over = (paid - earned).quantize(Decimal(1))
    return over if over > 0 else None
