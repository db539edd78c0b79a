"""A justerat protokoll is locked: edits are refused, and each refusal is kept for the record."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import save

from ..models import Protokoll, RefusedEdit

P = ParamSpec("P")
T = TypeVar("T")


class ProtokollLocked(ValidationError):
    """Raised inside a service when the protokoll it would change is justerat."""

    def __init__(self, protokoll: Protokoll, attempted: str) -> None:
        super().__init__(
            _("The protokoll is justerat and locked; it cannot be changed."), code="locked"
        )
        self.protokoll = protokoll
        self.attempted = attempted


def ensure_unlocked(protokoll: Protokoll | None, attempted: str) -> None:
    """Call with the protokoll row locked (select_for_update) before changing it."""
    if protokoll is not None and protokoll.locked_at is not None:
        raise ProtokollLocked(protokoll, attempted)


def refuses_when_locked(func: Callable[P, T]) -> Callable[P, T]:
    """Wrap an atomic service: a ProtokollLocked raised inside is recorded, then re-raised.

    The record is written after the service's own transaction has rolled back, so the
    refusal survives while nothing of the attempted change does.
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return func(*args, **kwargs)
        except ProtokollLocked as exc:
            by: Any = kwargs.get("by")  # every service is keyword-only
            with transaction.atomic():
                record = RefusedEdit(protokoll=exc.protokoll, by=by, attempted=exc.attempted[:200])
                save(record, by=by)
            raise

    return wrapper
