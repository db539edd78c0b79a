"""Widgets, field helpers and consent labels shared by the client forms."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from core.models import Organisation, Verksamhet

from ..models import (
    Client,
)
from ..selectors.consent import NO_CONSENT, ConsentToday, consent_today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(
    label: Any, *, required: bool = True, initial_today: bool = False
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=timezone.localdate if initial_today else None,
    )


def blank_choice(choices: Any) -> list[tuple[str, Any]]:
    return [("", "---------"), *choices]


def organisations(verksamhet: Verksamhet) -> QuerySet[Organisation]:
    return Organisation.objects.filter(verksamhet=verksamhet, active=True).order_by("name")


class LabelledChoiceField(forms.ModelChoiceField):
    """A model choice whose labels a form may set (``labels``), as Django names choices: by
    overriding ``label_from_instance``."""

    labels: Callable[[Any], str] | None = None

    def label_from_instance(self, obj: Any) -> str:
        return self.labels(obj) if self.labels is not None else super().label_from_instance(obj)


class LabelledMultipleChoiceField(LabelledChoiceField, forms.ModelMultipleChoiceField):
    pass


def choose_from(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer ``queryset`` in the model choice field ``name`` (the verksamhet's own rows)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset


def show_consent(
    form: forms.BaseForm, name: str, *, client: Client, day: datetime.date
) -> dict[int, ConsentToday]:
    """Name each organisation in the field ``name`` with whether the client consents to
    contact with it on ``day`` ("Försäkringskassan — samtycke t.o.m. 1 mars 2027",
    "Arbetsförmedlingen — INGET SAMTYCKE"): in words, so that no one needs the colour.
    One query; returns the states for the form's own checks."""
    states = consent_today(client=client, day=day)
    field = form.fields[name]
    if not isinstance(field, LabelledChoiceField):
        raise TypeError(f"{name} is not a labelled model choice field")

    def label(org: Organisation) -> str:
        return f"{org.name} — {states.get(org.pk, NO_CONSENT).text()}"

    field.labels = label
    return states
