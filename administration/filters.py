"""Search and the role filter of the users page (django-filter)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Role, User, Verksamhet
from core.query import SearchField

from .selectors.users import search_people, with_role


class SearchField100(SearchField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("required", None)
        super().__init__(**kwargs)


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField100


class UserFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Name or e-mail"), method="filter_q")
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=Role.choices, method="filter_role", empty_label=_("All roles")
    )
    active = django_filters.ChoiceFilter(
        label=_("Account"),
        choices=[("yes", _("Active")), ("no", pgettext_lazy("account", "Closed"))],
        method="filter_active",
        empty_label=_("All"),
    )

    class Meta:
        model = User
        fields: list[str] = []

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.verksamhet = verksamhet
        self.form.fields["q"].widget.attrs.update({"class": "form-control", "type": "search"})
        for name in ("role", "active"):
            self.form.fields[name].widget.attrs.update({"class": "form-select"})

    def filter_q(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return search_people(queryset, value) if value else queryset

    def filter_role(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return with_role(queryset, self.verksamhet, value) if value else queryset

    def filter_active(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        if not value:
            return queryset
        return queryset.filter(is_active=value == "yes")
