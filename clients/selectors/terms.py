"""Reads of client data, always scoped to the user or the verksamhet."""

from __future__ import annotations

from core.models import Verksamhet

from ..models import Client


def identifying_terms(*, verksamhet: Verksamhet) -> list[str]:
    """Aliases and names of the verksamhet's clients, for the systembrist de-identification guard.

    Used by systembrister; returns distinct, non-empty terms of at least two characters.
    """
    terms: set[str] = set()
    for alias, first, last in Client.objects.filter(verksamhet=verksamhet).values_list(
        "alias", "first_name", "last_name"
    ):
        for term in (alias, first, last, f"{first} {last}".strip()):
            term = (term or "").strip()
            if len(term) >= 2:
                terms.add(term)
    return sorted(terms, key=lambda t: (-len(t), t))
