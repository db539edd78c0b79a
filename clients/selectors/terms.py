"""Reads of client data, always scoped to the user or the verksamhet."""

from __future__ import annotations

from typing import Any

from core.models import Verksamhet

from ..guard_words import is_ordinary_word
from .access import viewer_of, visible_clients


def identifying_terms(*, verksamhet: Verksamhet, user: Any) -> list[str]:
    """Aliases and names of the clients ``user`` may see, for the de-identification guard.

    Only those: a guard that knew the names of clients hidden from the writer would tell them
    who is a client (see ``clients.guard``). Members and grant officers see no client,
    so they get no terms. Distinct, non-empty terms of at least two characters.
    """
    return identifying_terms_and_words(verksamhet=verksamhet, user=user)[0]


def identifying_terms_and_words(*, verksamhet: Verksamhet, user: Any) -> tuple[list[str], set[str]]:
    """``identifying_terms``, and those of them that are aliases and ordinary words
    (``clients/guard_words.py``) and nobody's first or last name. One query."""
    actor = viewer_of(user=user, verksamhet=verksamhet)
    if actor is None:
        return [], set()
    terms: set[str] = set()
    aliases: set[str] = set()
    names: set[str] = set()
    for alias, first, last in visible_clients(actor).values_list(
        "alias", "first_name", "last_name"
    ):
        for term in (alias, first, last, f"{first} {last}".strip()):
            term = (term or "").strip()
            if len(term) >= 2:
                terms.add(term)
        aliases.add((alias or "").strip().lower())
        names.update(n.strip().lower() for n in (first, last) if n)
    words = {t for t in terms if t.lower() in aliases - names and is_ordinary_word(t)}
    return sorted(terms, key=lambda t: (-len(t), t)), words
