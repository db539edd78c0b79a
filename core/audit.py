"""Audit helpers: who did it (history) and who read it (access log)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import SimpleNamespace
from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords

from core.models import AccessLog


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Record ``user`` as the author of every history row written inside the block.

    Web requests get this from simple_history's middleware; services and management
    commands use it so that no history row is left without an author.
    """
    previous = getattr(HistoricalRecords.context, "request", None)
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if previous is None:
            with suppress(AttributeError):
                del HistoricalRecords.context.request
        else:
            HistoricalRecords.context.request = previous


def save(obj: models.Model, *, by: Any, reason: str = "", **kwargs: Any) -> models.Model:
    """Save a domain object with ``by`` as the history author (the only save path for services)."""
    # simple_history reads these two attributes of the instance being saved.
    setattr(obj, "_history_user", by)  # noqa: B010
    if reason:
        setattr(obj, "_change_reason", reason)  # noqa: B010
    obj.save(**kwargs)
    return obj


def log_access(
    *,
    user: Any,
    obj: models.Model,
    verksamhet_id: int,
    action: str = AccessLog.Action.VIEW,
    what: str = "",
    reason: str = "",
    path: str = "",
    hits: int | None = None,
) -> AccessLog:
    """Write one append-only access-log row for personal data that was shown or printed."""
    return AccessLog.objects.create(
        user=user,
        verksamhet_id=verksamhet_id,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        what=_text(what, 200),
        reason=_text(reason, 300),
        path=_text(path, 300),
        hits=hits,
    )


def log_search(
    *, user: Any, verksamhet: models.Model, what: str, hits: int, path: str
) -> AccessLog:
    """One row for a search of the verksamhet's clients: what was searched and how many it
    found. The row names the verksamhet (no single client was read); the search text is
    kept as typed, for the staff-only audit."""
    return log_access(
        user=user,
        obj=verksamhet,
        verksamhet_id=verksamhet.pk,
        action=AccessLog.Action.SEARCH,
        what=what,
        path=path,
        hits=hits,
    )


def _text(value: str, length: int) -> str:
    # PostgreSQL refuses NUL in text; whatever else a user typed is kept.
    return str(value).replace("\x00", "")[:length]
