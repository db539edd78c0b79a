"""Shared helpers for the systembrist services: events, the coordinator's check, the guard."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from clients.guard import Finding, guard_texts
from core.access import actor_for
from core.audit import save

from ..models import Event, Systembrist


def event(
    report: Systembrist, *, by: Any, kind: str, comment: str = "", reference: str = ""
) -> Event:
    """Append one step to the report's timeline."""
    item = Event(systembrist=report, by=by, kind=kind, comment=comment, reference=reference)
    save(item, by=by)
    return item


def require_lead(user: Any, report: Systembrist) -> None:
    """Review, agenda and closing are the coordinator's work (``systembrist.review``)."""
    if not actor_for(user, report.verksamhet_id).can("systembrist.review", report):
        raise PermissionDenied(_("Only the coordinator can do this."))


def guard(
    verksamhet: Any, texts: Mapping[str, str], *, by: Any, confirm_words: bool | None = None
) -> list[Finding]:
    """Stop the save when any free text looks identifying (message per field).

    Names are those of the clients ``by`` may see: the guard tells no one who else is a client.
    ``confirm_words``: see ``clients.guard.check_texts``; returns the words confirmed.
    """
    return guard_texts(verksamhet=verksamhet, by=by, texts=texts, confirm_words=confirm_words)


def confirmed_reason(confirmed: list[Finding]) -> str:
    """The history's note of the aliases the writer confirmed as ordinary words."""
    if not confirmed:
        return ""
    return _("Confirmed as ordinary words, not aliases: %(words)s") % {
        "words": ", ".join(sorted({f.text for f in confirmed}))
    }


def refuse(message: str, field: str | None = None) -> ValidationError:
    return ValidationError({field: message} if field else message)


def locked(report: Systembrist) -> Systembrist:
    """The report's row, locked for the rest of the transaction."""
    return Systembrist.objects.select_for_update().get(pk=report.pk)
