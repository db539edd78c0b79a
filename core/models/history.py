"""History that records changes, not saves: for models that are saved when nothing happened."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from simple_history.models import HistoricalRecords


class ChangeHistory(HistoricalRecords):
    """``HistoricalRecords`` that writes no row for a save touching only ``quiet_fields``.

    Each login saves the user's ``last_login`` and each code saves its device's counters;
    a history row for those would bury the real changes (a name, a role, a new device). A
    save given a reason (``core.audit.save(..., reason=...)``) is an event and always kept.
    """

    def __init__(self, *args: Any, quiet_fields: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.quiet_fields = frozenset(quiet_fields)

    def finalize(self, sender: Any, **kwargs: Any) -> None:
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            models.signals.pre_save.connect(self._note_quiet_save, sender=sender, weak=False)

    def _note_quiet_save(
        self, sender: Any, instance: Any, raw: bool = False, update_fields: Any = None, **_: Any
    ) -> None:
        instance._history_quiet_save = not raw and self._only_quiet_fields_change(
            sender, instance, update_fields
        )

    def _only_quiet_fields_change(self, model: Any, instance: Any, update_fields: Any) -> bool:
        if instance._state.adding or getattr(instance, "_change_reason", ""):
            return False
        if update_fields is not None and set(update_fields) <= self.quiet_fields:
            return True
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in self.quiet_fields
            and (update_fields is None or f.name in update_fields)
        ]
        stored = model._base_manager.filter(pk=instance.pk).values(*names).first()
        return stored is not None and all(stored[n] == getattr(instance, n) for n in names)

    def post_save(self, instance: Any, created: bool, using: Any = None, **kwargs: Any) -> None:
        if instance.__dict__.pop("_history_quiet_save", False):
            return
        super().post_save(instance, created, using=using, **kwargs)
