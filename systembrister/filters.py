"""The register's filters (django-filter): status, level, organisation, life area, year."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.choices import LifeArea
from core.models import Organisation, Verksamhet

from .models import Level, Status, Systembrist
from .selectors import in_year, years


class RegisterFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        field_name="organisations",
        queryset=Organisation.objects.none(),
        distinct=False,
    )
    life_area = django_filters.ChoiceFilter(label=_("Life area"), choices=LifeArea.choices)
    year = django_filters.ChoiceFilter(label=_("Year"), method="filter_year", choices=[])

    class Meta:
        model = Systembrist
        fields: list[str] = []

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.filter(
            verksamhet=verksamhet
        ).order_by("name")
        self.filters["year"].extra["choices"] = [
            (str(y), str(y)) for y in years(verksamhet=verksamhet)
        ]
        for f in self.form.fields.values():
            f.widget.attrs.update({"data-autosubmit": "", "class": "form-select"})

    def filter_year(
        self, queryset: QuerySet[Systembrist], name: str, value: str
    ) -> QuerySet[Systembrist]:
        return queryset.filter(in_year(int(value))) if value else queryset
