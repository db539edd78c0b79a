"""A justerat protokoll is locked: edits are refused, and each refusal is kept for the record."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import save

from ..models import Protokoll, RefusedEdit

F = TypeVar("F", bound=Callable[..., Any])


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


def refuses_when_locked(func: F) -> F:
    """Wrap an atomic service: a ProtokollLocked raised inside is recorded, then re-raised.

    The record is written after the service's own transaction has rolled back, so the
    refusal survives while nothing of the attempted change does.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ProtokollLocked as exc:
            with transaction.atomic():
                record = RefusedEdit(
                    protokoll=exc.protokoll, by=kwargs.get("by"), attempted=exc.attempted[:200]
                )
                save(record, by=kwargs.get("by"))
            raise

    return wrapper  # type: ignore[return-value]
