"""Database constraints whose message is Swedish and belongs next to a field.

A ModelForm validates a model's constraints before the database does; Django puts the error
of a check or a multi-column unique constraint above the form ("Begränsningen ... överträds").
These two say which field the rule concerns (``field=``) and carry their own message, so the
form shows it next to that field, in the words of the rule. tests/test_constraint_messages.py
walks every model and fails on a constraint without one.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, models


class _OnField(models.BaseConstraint):
    field: str

    def __init__(self, *args: Any, field: str, **kwargs: Any) -> None:
        self.field = field
        super().__init__(*args, **kwargs)

    def validate(
        self, model: Any, instance: Any, exclude: Any = None, using: str = DEFAULT_DB_ALIAS
    ) -> None:
        try:
            super().validate(model, instance, exclude=exclude, using=using)
        except ValidationError as error:
            raise ValidationError({self.field: error.error_list}) from error

    def deconstruct(self) -> Any:
        path, args, kwargs = super().deconstruct()
        kwargs["field"] = self.field
        return path, args, kwargs

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and self.field == getattr(other, "field", None)


class CheckOnField(_OnField, models.CheckConstraint):
    """``CheckConstraint`` with ``field=`` (where its message shows) and its own message."""


class UniqueOnField(_OnField, models.UniqueConstraint):
    """``UniqueConstraint`` with ``field=`` (where its message shows) and its own message."""
