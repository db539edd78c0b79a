"""Shared by the statsbidrag views: the verksamhet and the breadcrumbs above a page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from core.forms import Crumbs

from ..models import GrantYear


def crumbs(grant_year: GrantYear | None = None) -> Crumbs:
    """State grant, then the year's page when there is one to go back to."""
    found = [(_("State grant"), reverse("statsbidrag:index"))]
    if grant_year is not None:
        # The year as plain text: a localized number would read "2 026".
        found.append((str(grant_year.year), reverse("statsbidrag:year", args=[grant_year.year])))
    return found
