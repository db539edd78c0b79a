"""One spreadsheet cell as a value of the model: dates, choices, numbers, personnummer, names.

A cell that cannot be read raises ``CellError`` naming its column, with a Swedish reason the
preview shows beside the row number.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clients import personnummer

# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in).
EXCEL_EPOCH = datetime.date(1899, 12, 30)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{4,6}(?:[.,]0+)?$")


class CellError(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def text(value: Any) -> str:
    """The cell as trimmed text (numbers without a trailing .0; inner runs of spaces kept)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).replace("\u00a0", " ").strip()


def date(value: Any, column: str) -> datetime.date | None:
    """A date cell: an Excel date, a serial number, 2025-03-01, 1/3/2025 (day first) or 20250301."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = text(value)
    if not raw:
        return None
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(raw):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _DMY.match(raw):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _COMPACT.match(raw):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif isinstance(value, int | float) or _SERIAL.match(raw):
        serial = int(float(raw.replace(",", ".")))
        if 1 <= serial <= 2958465:  # Excel's last date, 9999-12-31
            return EXCEL_EPOCH + datetime.timedelta(days=serial)
    if parts is not None:
        try:
            return datetime.date(*parts)
        except ValueError:
            pass
    raise CellError(
        column,
        _("“%(value)s” is not a date: write for example 2025-03-01 or 1/3/2025.") % {"value": raw},
    )


def integer(value: Any, column: str, *, low: int = 0, high: int = 10**6) -> int | None:
    raw = text(value).replace(" ", "")
    if not raw:
        return None
    try:
        number = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or not low <= number <= high:
        raise CellError(
            column,
            _("“%(value)s” is not a whole number from %(low)s to %(high)s.")
            % {"value": raw, "low": low, "high": high},
        )
    return int(number)


def decimal(value: Any, column: str) -> Decimal | None:
    raw = text(value).replace(" ", "").rstrip("%")
    if not raw:
        return None
    try:
        number = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        raise CellError(column, _("“%(value)s” is not a number.") % {"value": raw}) from None
    if not number.is_finite():
        raise CellError(column, _("“%(value)s” is not a number.") % {"value": raw})
    return number


def yes_no(value: Any, column: str) -> bool:
    raw = text(value).casefold()
    if raw in ("", "nej", "n", "0", "false", "falskt"):
        return False
    if raw in ("ja", "j", "1", "x", "true", "sant"):
        return True
    raise CellError(column, _("Write “Ja” or “Nej”."))


def pnr(value: Any, column: str) -> str:
    """A personnummer in any form the client form accepts, stored as 12 digits."""
    raw = text(value)
    try:
        return personnummer.normalise(raw)
    except ValidationError as exc:
        raise CellError(column, " ".join(exc.messages)) from None


_MISSING = object()
NOT_ALLOWED = gettext_lazy("“%(value)s” is not one of the allowed values (see the template).")


class Lookup:
    """Case-insensitive labels (as the UI shows them) and codes to the stored value.

    A name shared by two different values is ambiguous: asking for it is refused with
    ``ambiguous`` instead of guessing.
    """

    def __init__(self, pairs: Iterable[tuple[Any, Any]]) -> None:
        self._map: dict[str, Any] = {}
        self._ambiguous: set[str] = set()
        for label, value in pairs:
            key = " ".join(str(label).split()).casefold()
            if not key:
                continue
            if key in self._map and self._map[key] != value:
                self._ambiguous.add(key)
            else:
                self._map[key] = value

    def get(self, raw: str, column: str, *, unknown: Any, ambiguous: Any = "") -> Any:
        """The value of ``raw``; ``unknown`` and ``ambiguous`` (lazy texts with
        ``%(value)s``) are translated only when a cell is refused."""
        key = " ".join(raw.split()).casefold()
        found = self._map.get(key, _MISSING)
        if found is not _MISSING and key not in self._ambiguous:
            return found
        message = ambiguous if key in self._ambiguous and ambiguous else unknown
        raise CellError(column, str(message) % {"value": raw})


def choices(choice_class: Any) -> Lookup:
    """A TextChoices/IntegerChoices by its labels in the active language, and by its codes."""
    pairs: list[tuple[Any, Any]] = [(str(c.label), c.value) for c in choice_class]
    pairs += [(str(c.value), c.value) for c in choice_class]
    return Lookup(pairs)


def labels(choice_class: Any) -> list[str]:
    return [str(c.label) for c in choice_class]
