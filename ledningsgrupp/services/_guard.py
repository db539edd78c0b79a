"""The de-identification guard on what the ledningsgrupp's outside members read.

Agenda items, protokoll paragraphs and action items are read by the members' organisations,
so they get the same check as a systembrist (``clients.guard``): numbers and e-mail
addresses for everyone, and the names of the clients the writer may see.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from clients.guard import guard_texts


def guard(verksamhet: Any, texts: Mapping[str, str], *, by: Any) -> None:
    """Raise ValidationError keyed by field when a text looks identifying."""
    guard_texts(
        verksamhet=verksamhet,
        by=by,
        texts=texts,
        template=_(
            "This text may identify a person. Remove or rephrase: %(words)s. "
            "The steering group's members read it: write about the support system, not "
            "about people."
        ),
    )
