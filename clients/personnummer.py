"""Swedish personal identity numbers: validate (checksum, plausible date) and store as 12 digits.

Samordningsnummer (day + 60) are accepted. Input may be 10 or 12 digits, with or without the
separator (``-`` or ``+`` for people aged 100 or more) and spaces.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from personnummer import personnummer as pnr_lib

OLDEST_AGE = 120
_ALLOWED = re.compile(r"^[0-9+\- ]+$")


def normalise(value: str, *, today: datetime.date | None = None) -> str:
    """Return the number as 12 digits (YYYYMMDDNNNN) or raise ``ValidationError``."""
    raw = (value or "").strip()
    if not raw:
        return ""
    if not _ALLOWED.match(raw):
        raise ValidationError(_("Use digits only, for example 19850312-1234."), code="format")
    compact = raw.replace(" ", "")
    digits = re.sub(r"\D", "", compact)
    if len(digits) not in (10, 12):
        raise ValidationError(
            _("A personal identity number has 10 or 12 digits, for example 19850312-1234."),
            code="length",
        )
    try:
        parsed = pnr_lib.parse(compact)
    except pnr_lib.PersonnummerException:
        raise ValidationError(
            _("This is not a valid personal identity number: check the digits."), code="invalid"
        ) from None
    born = parsed.get_date()
    today = today or datetime.date.today()
    if born > today:
        raise ValidationError(_("The date of birth is in the future."), code="future")
    if today.year - born.year > OLDEST_AGE:
        raise ValidationError(_("The date of birth is implausibly long ago."), code="too_old")
    return str(parsed.format(long_format=True))


def birth_date(twelve_digits: str) -> datetime.date:
    """The date of birth in a stored (valid, 12-digit) number; samordningsnummer handled."""
    year, month, day = int(twelve_digits[:4]), int(twelve_digits[4:6]), int(twelve_digits[6:8])
    if day > 60:
        day -= 60
    return datetime.date(year, month, day)


def formatted(twelve_digits: str) -> str:
    """YYYYMMDD-NNNN for display."""
    if len(twelve_digits) != 12:
        return twelve_digits
    return f"{twelve_digits[:8]}-{twelve_digits[8:]}"
