"""Query parameters of list pages, validated by small forms before a view uses them.

Read raw, odd values broke pages: a year too large for a date or the database, a NUL
character in a search (PostgreSQL refuses it), ``²`` which passes ``str.isdigit()`` but not
``int()``. A view declares its parameters as a ``QueryForm`` and reads them with ``read``:
an invalid value is left out, as if it had not been given, so the page shows the list
unfiltered by it. Filter forms that show their errors next to the fields are FilterSets
(django-filter) built from the same fields.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest

MAX_ID = 2_147_483_647  # PostgreSQL's integer, the type of every primary key here
MAX_PAGE = 1_000_000
FIRST_YEAR, LAST_YEAR = 1900, 2200


class SearchField(forms.CharField):
    """A free-text search: stripped and at most ``max_length`` characters. Django's
    CharField refuses a NUL character (it cannot reach PostgreSQL)."""

    def __init__(self, *, max_length: int = 100, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=max_length, **kwargs)


class IdField(forms.IntegerField):
    """The id of a row, as a primary key can hold it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=1, max_value=MAX_ID, **kwargs)


class YearField(forms.IntegerField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR, **kwargs)


class PageField(forms.IntegerField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=1, max_value=MAX_PAGE, **kwargs)


class QueryForm(forms.Form):
    @classmethod
    def read(cls, request: HttpRequest) -> dict[str, Any]:
        """Every declared parameter: its cleaned value, or None when missing or invalid."""
        form = cls(request.GET)
        form.is_valid()
        cleaned = getattr(form, "cleaned_data", {})
        return {name: cleaned.get(name) or None for name in form.fields}


class PageQuery(QueryForm):
    sida = PageField()
