"""Filters and search for the client lists (django-filter)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.access import Actor, verksamhet_of
from core.models import User

from .models import ClientGroup, UppdragStatus
from .selectors.access import assigned_to
from .selectors.lists import ombud_users, search

OPEN = "open"
ALL = ("", _("All"))
STATUS_CHOICES = [(OPEN, _("Not ended")), *UppdragStatus.choices]


def choices_of(field: forms.ChoiceField) -> Iterable[tuple[Any, Any]]:
    """The field's (value, label) pairs. Django normalises choices to pairs when they are set;
    django-stubs types the getter with all that the setter accepts (mappings, enums, callables)."""
    return cast("Iterable[tuple[Any, Any]]", field.choices)


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
        listed = {v for v, _label in choices_of(self)} - {""}
        if value is not None and value not in listed:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class IdChoiceFilter(django_filters.Filter):
    """A select of ids listed by the filter set (no model query to validate or render)."""

    field_class = IdChoiceField


class ClientFilterForm(forms.Form):
    """The filter set's form, with its selects ready for the list's template."""

    def selects(self) -> list[tuple[forms.BoundField, list[tuple[Any, Any, bool]]]]:
        """The select fields with their options as (value, label, selected)."""
        out = []
        for name in ("status", "kommun", "ombud", "group"):
            field = self.fields.get(name)
            if isinstance(field, forms.ChoiceField):
                bound = self[name]
                out.append((bound, _options(choices_of(field), bound.value())))
        return out


class ClientFilter(django_filters.FilterSet):
    """Search and filters of the client lists. An invalid value shows its error next to the
    field and only that filter is left out (django-filter filters on ``cleaned_data``).

    The municipality and ombud selects list ids fetched as value rows: a model choice filter
    would count and fetch the model objects again to render and to validate them.
    """

    q = django_filters.CharFilter(
        label=_("Alias, name or personal identity number"),
        method="filter_q",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=ALL[1]
    )
    kommun = IdChoiceFilter(label=_("Municipality"), field_name="kommun_id")
    ombud = IdChoiceFilter(label=_("Ombud"), method="filter_ombud")
    group = django_filters.ChoiceFilter(
        label=_("Client group"),
        choices=[(str(value), label) for value, label in ClientGroup.choices],
        method="filter_group",
        empty_label=ALL[1],
    )

    class Meta:
        form = ClientFilterForm
        fields = ["q", "status", "kommun", "ombud", "group"]

    def __init__(self, data: Any = None, queryset: Any = None, *, actor: Actor) -> None:
        super().__init__(data, queryset=queryset)
        self.actor = actor
        verksamhet = verksamhet_of(actor)
        kommuner = verksamhet.kommuner.order_by("name").values_list("pk", "name")
        self.filters["kommun"].extra["choices"] = [ALL, *kommuner]
        if actor.holds("client.see_all"):
            users = ombud_users(verksamhet).values_list("pk", "first_name", "last_name", "email")
            choices = [ALL, *((pk, User.name_of(*u)) for pk, *u in users)]
            self.filters["ombud"].extra["choices"] = choices
        else:
            del self.filters["ombud"]

    def filter_q(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return search(qs, value) if value else qs

    def filter_status(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == OPEN:
            return qs.exclude(uppdrag_status=UppdragStatus.ENDED)
        return qs.filter(uppdrag_status=value) if value else qs

    def filter_ombud(self, qs: QuerySet[Any], name: str, value: int | None) -> QuerySet[Any]:
        return qs if value is None else qs.filter(assigned_to(value, self.actor.today))

    def filter_group(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if not value:
            return qs
        group = int(value)
        return qs.filter(Q(primary_group=group) | Q(other_groups__contains=[group]))


def _options(choices: Iterable[tuple[Any, Any]], current: Any) -> list[tuple[Any, Any, bool]]:
    # Values as text: an int in a template gets the Swedish thousands separator ("1 236"),
    # which would then not validate.
    current = "" if current is None else str(current)
    return [(str(value), label, str(value) == current) for value, label in choices]
