"""Filters and search for the client lists.

A plain form built once per request: the filter set of django-filter it replaces built a form
class, deep-copied its filters and ran a count and a list query for each model select on
every page view. The behaviour is the same: an invalid value shows its error next to the
field and only that filter is left out; the municipality and ombud selects accept what a
model choice accepts (any integer spelling of a listed id) and say what it says.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import ClientGroup, UppdragStatus
from .selectors.access import Viewer, assigned_to
from .selectors.lists import ombud_users, search, user_name

OPEN = "open"
ALL = ("", _("All"))
STATUS_CHOICES = [(OPEN, _("Not ended")), *UppdragStatus.choices]


class IdChoiceField(forms.ChoiceField):
    """One of the listed ids (int), validated like a ``ModelChoiceField`` without its query."""

    default_error_messages = {
        "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
    }

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None

    def validate(self, value: Any) -> None:
        forms.Field.validate(self, value)
        if value is not None and not any(value == v for v, _label in self.choices if v != ""):  # type: ignore[union-attr,misc]
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class ClientFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Alias, name or personal identity number"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=[ALL, *STATUS_CHOICES], required=False)
    kommun = IdChoiceField(label=_("Municipality"), required=False)
    ombud = IdChoiceField(label=_("Ombud"), required=False)
    group = forms.ChoiceField(
        label=_("Client group"),
        choices=[ALL, *((str(value), label) for value, label in ClientGroup.choices)],
        required=False,
    )

    def __init__(self, data: Any = None, *, viewer: Viewer) -> None:
        super().__init__(data)
        self.viewer = viewer
        kommuner = viewer.verksamhet.kommuner.order_by("name").values_list("pk", "name")
        self.fields["kommun"].choices = [ALL, *kommuner]  # type: ignore[attr-defined]
        if viewer.sees_all:
            users = ombud_users(viewer).values_list("pk", "first_name", "last_name", "email")
            choices = [ALL, *((pk, user_name(*u)) for pk, *u in users)]
            self.fields["ombud"].choices = choices  # type: ignore[attr-defined]
        else:
            del self.fields["ombud"]

    def filter(self, qs: QuerySet[Any]) -> QuerySet[Any]:
        """``qs`` narrowed by every valid filter (all of them for an unbound form: none)."""
        if not self.is_bound:
            return qs
        self.is_valid()
        data = self.cleaned_data
        if data.get("q"):
            qs = search(qs, data["q"])
        status = data.get("status")
        if status == OPEN:
            qs = qs.exclude(uppdrag_status=UppdragStatus.ENDED)
        elif status:
            qs = qs.filter(uppdrag_status=status)
        if data.get("kommun") is not None:
            qs = qs.filter(kommun=data["kommun"])
        if data.get("ombud") is not None:
            qs = qs.filter(assigned_to(data["ombud"], self.viewer.today))
        if data.get("group"):
            group = int(data["group"])
            qs = qs.filter(Q(primary_group=group) | Q(other_groups__contains=[group]))
        return qs

    def selects(self) -> list[tuple[forms.BoundField, list[tuple[Any, Any, bool]]]]:
        """The select fields with their options as (value, label, selected)."""
        out = []
        for name in ("status", "kommun", "ombud", "group"):
            if name in self.fields:
                field = self[name]
                choices = field.field.choices  # type: ignore[attr-defined]
                out.append((field, _options(choices, field.value())))
        return out


def _options(choices: Iterable[tuple[Any, Any]], current: Any) -> list[tuple[Any, Any, bool]]:
    current = "" if current is None else str(current)
    return [(value, label, str(value) == current) for value, label in choices]
