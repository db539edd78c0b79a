"""Helpers shared by the clients services."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import actor_for
from core.audit import save
from core.concurrency import Versioned, lock_for_edit
from core.models import Organisation, Verksamhet


def today() -> datetime.date:
    return timezone.localdate()


def apply_edit(
    obj: Versioned, *, by: Any, version: int | None, changes: dict[str, Any]
) -> Versioned:
    """Lock ``obj``, check the version, set ``changes`` (only model fields)."""
    lock_for_edit(obj, version)
    for name, value in changes.items():
        setattr(obj, name, value)
    return obj


def check_organisation(org: Organisation | None, verksamhet_id: int, field: str) -> None:
    if org is not None and org.verksamhet_id != verksamhet_id:
        raise ValidationError({field: _("Choose an organisation of this PO service.")})


def check_not_future(day: datetime.date | None, field: str) -> None:
    if day is not None and day > today():
        raise ValidationError({field: _("The date cannot be in the future.")})


def check_order(pairs: Iterable[tuple[str, datetime.date | None]]) -> None:
    """Dates must not go backwards: each present date is on or after the previous present one."""
    previous: tuple[str, datetime.date] | None = None
    for field, day in pairs:
        if day is None:
            continue
        if previous is not None and day < previous[1]:
            raise ValidationError(
                {field: _("This date is before an earlier step (%(day)s).") % {"day": previous[1]}}
            )
        previous = (field, day)


def takes_clients(user: Any, verksamhet: Verksamhet | int) -> bool:
    """``user`` may take clients in ``verksamhet`` (an ombud there): take one from the waiting
    list, or be made a client's responsible ombud."""
    return actor_for(user, verksamhet).holds("client.take")


__all__ = ["apply_edit", "check_order", "save", "today"]
