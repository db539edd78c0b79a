"""The de-identification guard: free text in a systembrist must not point at a person.

It looks for personnummer and samordningsnummer (with or without century, dash or plus),
Swedish phone numbers, e-mail addresses, and the aliases and names of the verksamhet's
clients (whole words, any case). It is a guard, not a proof: it stops the obvious slips.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# YYMMDD or YYYYMMDD, a dash/plus or nothing, then four digits. The day may be +60
# (samordningsnummer). The month and day are checked so that numbers like org numbers
# (212000-2080) and amounts do not trip it.
_PNR = re.compile(
    r"(?<![\d\w])(?:(?:19|20)\d{2}|\d{2})"
    r"(?P<month>\d{2})(?P<day>\d{2})"
    r"\s?[-+]?\s?\d{4}(?!\d)"
)
# Swedish phone numbers: +46 / 0046 / 0 followed by 7 to 10 digits in groups
# separated by spaces or dashes, optionally with "(0)".
_PHONE = re.compile(r"(?<![\w+])(?:\+46|0046|0)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){6,9}(?![\d])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


@dataclass(frozen=True)
class Finding:
    kind: str  # "personnummer", "phone", "email", "name"
    text: str
    start: int
    end: int


def _valid_date_part(month: str, day: str) -> bool:
    m, d = int(month), int(day)
    if not 1 <= m <= 12:
        return False
    return 1 <= d <= 31 or 61 <= d <= 91


def _name_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    cleaned = sorted({t.strip() for t in terms if t and len(t.strip()) >= 2}, key=len, reverse=True)
    if not cleaned:
        return None
    alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in cleaned)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def find_identifying(text: str, *, terms: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that looks identifying, in order of appearance, no overlaps."""
    if not text:
        return []
    found: list[Finding] = []

    def add(kind: str, match: re.Match[str]) -> None:
        start, end = match.span()
        if any(f.start < end and start < f.end for f in found):
            return
        found.append(Finding(kind, match.group(0).strip(), start, end))

    for match in _EMAIL.finditer(text):
        add("email", match)
    pnrs = [m for m in _PNR.finditer(text) if _valid_date_part(m.group("month"), m.group("day"))]
    # "850412-1234" and "198504121234" are clearly numbers of persons; a bare ten-digit
    # "0701234567" is more likely a mobile number, so phones are matched before those.
    for match in pnrs:
        if re.search(r"[-+]", match.group(0)) or len(re.sub(r"\D", "", match.group(0))) == 12:
            add("personnummer", match)
    for match in _PHONE.finditer(text):
        add("phone", match)
    for match in pnrs:
        add("personnummer", match)
    names = _name_pattern(terms)
    if names is not None:
        for match in names.finditer(text):
            add("name", match)
    return sorted(found, key=lambda f: f.start)


def message_for(findings: list[Finding]) -> str:
    kinds = {
        "personnummer": _("personal identity or co-ordination number"),
        "phone": _("phone number"),
        "email": _("e-mail address"),
        "name": _("name or alias of a client"),
    }
    parts = [f"”{f.text}” ({kinds[f.kind]})" for f in findings]
    return _(
        "This text may identify a person. Remove or rephrase: %(words)s. "
        "A systembrist describes a recurring failure without identities."
    ) % {"words": ", ".join(parts)}


def check_texts(texts: Mapping[str, str], *, terms: Iterable[str]) -> None:
    """Raise ValidationError keyed by field for every text that looks identifying."""
    term_list = list(terms)
    errors = {}
    for name, text in texts.items():
        findings = find_identifying(text or "", terms=term_list)
        if findings:
            errors[name] = message_for(findings)
    if errors:
        raise ValidationError(errors)


def client_terms(verksamhet: object) -> list[str]:
    """Aliases and names of the verksamhet's clients (from the clients app)."""
    from clients.selectors import identifying_terms

    return identifying_terms(verksamhet=verksamhet)  # type: ignore[arg-type]
