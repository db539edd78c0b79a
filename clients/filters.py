"""Filters and search for the client lists (django-filter)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Client, ClientGroup, UppdragStatus
from .selectors.access import Viewer, assigned_to
from .selectors.lists import ombud_users, search

OPEN = "open"
STATUS_CHOICES = [(OPEN, _("Not ended")), *UppdragStatus.choices]


class ClientFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Alias, name or personal identity number"),
        method="filter_q",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=_("All")
    )
    kommun = django_filters.ModelChoiceFilter(
        label=_("Municipality"), queryset=None, empty_label=_("All")
    )
    ombud = django_filters.ModelChoiceFilter(
        label=_("Ombud"), queryset=None, method="filter_ombud", empty_label=_("All")
    )
    group = django_filters.ChoiceFilter(
        label=_("Client group"),
        choices=[(str(value), label) for value, label in ClientGroup.choices],
        method="filter_group",
        empty_label=_("All"),
    )

    class Meta:
        model = Client
        fields = ["q", "status", "kommun", "ombud", "group"]

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.filters["kommun"].queryset = viewer.verksamhet.kommuner.order_by("name")
        if viewer.sees_all:
            self.filters["ombud"].queryset = ombud_users(viewer)
        else:
            del self.filters["ombud"]
        for f in self.form.fields.values():
            if not isinstance(f.widget, forms.TextInput):
                f.widget.attrs["data-autosubmit"] = ""

    def filter_q(self, qs: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        return search(qs, value)

    def filter_status(self, qs: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        if value == OPEN:
            return qs.exclude(uppdrag_status=UppdragStatus.ENDED)  # type: ignore[misc]
        return qs.filter(uppdrag_status=value)  # type: ignore[misc]

    def filter_ombud(self, qs: QuerySet[Client], name: str, value: Any) -> QuerySet[Client]:
        return qs.filter(assigned_to(value, self.viewer.today))

    def filter_group(self, qs: QuerySet[Client], name: str, value: str) -> QuerySet[Client]:
        value = int(value)  # type: ignore[assignment]
        return qs.filter(Q(primary_group=value) | Q(other_groups__contains=[value]))
