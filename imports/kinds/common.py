"""Lookups the kinds share: the verksamhet's ombud, organisations and kommuner by name."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import Kommun, Organisation, Role, RoleAssignment, User, Verksamhet

from ..values import CellError, Lookup, text

UNKNOWN_OMBUD = gettext_lazy(
    "No ombud of this PO service is called or has the e-mail address “%(value)s”."
)
AMBIGUOUS_OMBUD = gettext_lazy(
    "Several ombud are called “%(value)s”: write the e-mail address instead."
)
UNKNOWN_KOMMUN = gettext_lazy("“%(value)s” is not one of the municipalities the service covers.")
UNKNOWN_ORGANISATION = gettext_lazy(
    "“%(value)s” is not an organisation of this PO service. Write the name as the "
    "organisation register shows it; separate several with a semicolon."
)


def ombud_lookup(verksamhet: Verksamhet) -> Lookup:
    """The verksamhet's ombud by e-mail address or by their name as the pages show it."""
    users = User.objects.filter(
        pk__in=RoleAssignment.objects.filter(verksamhet=verksamhet, role=Role.OMBUD).values(
            "user_id"
        )
    )
    pairs: list[tuple[str, Any]] = []
    for user in users:
        pairs.append((user.email, user))
        pairs.append((str(user), user))
    return Lookup(pairs)


def find_ombud(lookup: Lookup, raw: Any, column: str) -> Any:
    value = text(raw)
    if not value:
        return None
    return lookup.get(
        value,
        column,
        unknown=UNKNOWN_OMBUD,
        ambiguous=AMBIGUOUS_OMBUD,
    )


def kommun_lookup(verksamhet: Verksamhet) -> Lookup:
    kommuner = list(verksamhet.kommuner.all())
    return Lookup([(k.name, k) for k in kommuner] + [(k.kod, k) for k in kommuner])


def find_kommun(lookup: Lookup, raw: Any, column: str) -> Kommun | None:
    value = text(raw)
    if not value:
        return None
    found: Kommun = lookup.get(
        value,
        column,
        unknown=UNKNOWN_KOMMUN,
    )
    return found


def organisation_lookup(verksamhet: Verksamhet) -> Lookup:
    return Lookup(
        (o.name, o) for o in Organisation.objects.filter(verksamhet=verksamhet, active=True)
    )


def find_organisations(lookup: Lookup, raw: Any, column: str) -> list[Organisation]:
    """Names separated by semicolons or new lines (a name itself may hold a comma)."""
    value = text(raw)
    if not value:
        return []
    whole = " ".join(value.split())
    try:
        return [lookup.get(whole, column, unknown="%(value)s")]
    except CellError:
        pass
    names = [n.strip() for n in value.replace("\n", ";").split(";") if n.strip()]
    found: list[Organisation] = []
    for name in names:
        org = lookup.get(
            name,
            column,
            unknown=UNKNOWN_ORGANISATION,
        )
        if org not in found:
            found.append(org)
    return found


def cleaned(raw: Any, column: str, *, max_length: int) -> str:
    value = text(raw)
    if len(value) > max_length:
        raise CellError(
            column,
            _("At most %(n)s characters (this cell has %(m)s).")
            % {"n": max_length, "m": len(value)},
        )
    return value
