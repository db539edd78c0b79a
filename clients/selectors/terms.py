"""Reads of client data, always scoped to the user or the verksamhet."""

from __future__ import annotations

from typing import Any

from core.models import Verksamhet

from .access import viewer_of, visible_clients


def identifying_terms(*, verksamhet: Verksamhet, user: Any) -> list[str]:
    """Aliases and names of the clients ``user`` may see, for the de-identification guard.

    Only those: a guard that knew the names of clients hidden from the writer would tell them
    who is a client (see ``systembrister.guard``). Members and grant officers see no client,
    so they get no terms. Distinct, non-empty terms of at least two characters.
    """
    actor = viewer_of(user=user, verksamhet=verksamhet)
    if actor is None:
        return []
    terms: set[str] = set()
    for alias, first, last in visible_clients(actor).values_list(
        "alias", "first_name", "last_name"
    ):
        for term in (alias, first, last, f"{first} {last}".strip()):
            term = (term or "").strip()
            if len(term) >= 2:
                terms.add(term)
    return sorted(terms, key=lambda t: (-len(t), t))
