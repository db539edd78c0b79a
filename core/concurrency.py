"""Optimistic locking: every editable domain model carries a version number.

The edit form sends the version it was loaded with; the service locks the row, compares,
and raises ``StaleEdit`` when somebody saved in between. The view then shows what the
other person changed and keeps everything the user typed (see ``VersionedFormMixin``).
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


M = TypeVar("M", bound=Versioned)


MISSING_VERSION = gettext_lazy(
    "This form was sent without its version number, so nothing was saved. "
    "Check the values below and save again."
)


class StaleEdit(Exception):
    def __init__(self, current: models.Model) -> None:
        super().__init__("stale edit")
        self.current = current


class MissingVersion(StaleEdit):
    """An edit that does not say which version it was made on: refused like a conflict."""


def lock_for_edit(instance: M, expected_version: int | None) -> M:
    """Lock the row and check the version; bump it. Call inside transaction.atomic().

    No version, no save: a POST without the hidden field (or a form loaded before the row
    existed) must not skip the check, or the lost update comes back by leaving a field out.
    """
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if expected_version is None:
        raise MissingVersion(current)
    if current.version != expected_version:
        raise StaleEdit(current)
    instance.version = current.version + 1
    return instance


class VersionedFormMixin(forms.Form):
    """Adds the hidden version field and the conflict message."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["version"] = instance.version

    def clean_version(self) -> int | None:
        """An edit of an existing object must carry the version it was loaded with."""
        version: int | None = self.cleaned_data.get("version")
        instance = getattr(self, "instance", None)
        edited = instance.version if instance is not None and instance.pk else None
        edited = edited if edited is not None else self.initial.get("version")
        if version is None and edited is not None:
            self.add_error(None, MISSING_VERSION)
            self._set_version(edited)
        return version

    def show_conflict(self, current: models.Model) -> None:
        """Explain the conflict field by field and let the next submit overwrite knowingly.

        What the other person changed is found by comparing the history row of the version
        this user loaded with the row as it is now; the user's own input stays in the form.
        """
        loaded = self._loaded_version()
        history = getattr(current, "history", None)
        base = None
        if history is not None and loaded is not None:
            base = history.filter(version=loaded).order_by("-history_date").first()
        # Without a loaded version there is nothing to compare field by field.
        compared = self.fields.items() if loaded is not None else []
        for name, field in compared:
            if name == "version" or isinstance(field, forms.ModelMultipleChoiceField):
                continue
            try:
                model_field = current._meta.get_field(name)
            except FieldDoesNotExist:  # a form-only field: nothing stored to compare
                continue
            attname = getattr(model_field, "attname", name)
            theirs = getattr(current, attname, None)
            before = getattr(base, attname, None) if base is not None else self.initial.get(name)
            if hasattr(before, "pk"):
                before = getattr(before, "pk")  # noqa: B009 (a related object: compare ids)
            if before == theirs:
                continue
            shown = getattr(current, name, theirs)
            display = getattr(current, f"get_{name}_display", None)
            if callable(display):
                shown = display()
            shown = shown if shown not in (None, "") else "–"
            self.add_error(name, _("Changed by someone else to: %(value)s") % {"value": shown})
        who = ""
        if history is not None:
            last = history.order_by("-history_date").first()
            if last is not None and last.history_user is not None:
                who = str(last.history_user)
        msg = _(
            "Someone else (%(who)s) saved this while you were editing. Your text is kept below; "
            "check their changes and save again to keep yours."
        ) % {"who": who or _("another user")}
        self.add_error(None, msg)
        self._set_version(getattr(current, "version"))  # noqa: B009 (any Versioned model)

    def _set_version(self, version: int) -> None:
        """Show the form again with ``version``, so that the next submit saves knowingly."""
        data = cast(QueryDict, self.data).copy()  # a bound form's data is the POST
        data[self.add_prefix("version")] = str(version)
        self.data = data

    def _loaded_version(self) -> int | None:
        try:
            return int(self.data.get(self.add_prefix("version")) or 0) or None
        except (TypeError, ValueError):
            return None
