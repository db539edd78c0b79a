"""The coordinator's review (send back, merge, accept) and the ledningsgrupp's agenda."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clients.guard import client_terms, findings_in, message_for
from core.audit import acting_as, save

from ..models import Event, EventKind, Status, Support, Systembrist
from ._common import event, guard, locked, refuse, require_lead
from .reports import TEXT_FIELDS

MERGEABLE = (Status.SUBMITTED, Status.ACCEPTED)
MERGE_TARGETS = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.ON_AGENDA,
    Status.AWAITING_ANSWER,
    Status.ANSWERED,
)


def _check_with_every_name(report: Systembrist, names: tuple[str, ...], *, by: Any) -> None:
    """The coordinator's gate before the ledningsgrupp reads the report.

    The reporter's texts were checked against the names of the reporter's own clients only (the
    guard may not tell an ombud who else is a client). The coordinator sees every client, so
    here the texts meet every name, and a report naming a colleague's client stops. An alias
    that is also an ordinary word ("Solen") stops it too, unless it is one of the reporter's
    own clients' aliases: the reporter was asked about those and confirmed the word.
    """
    found = findings_in(
        {name: getattr(report, name) for name in names},
        terms=client_terms(report.verksamhet, by=by),
    )
    asked: set[str] = set()
    if any(f.kind == "word" for findings in found.values() for f in findings):
        asked = {w.lower() for w in client_terms(report.verksamhet, by=report.reporter).words}
    hard = [
        f
        for findings in found.values()
        for f in findings
        if f.kind != "word" or f.text.lower() not in asked
    ]
    if hard:
        raise refuse(
            message_for(
                hard,
                _(
                    "The report may identify a person: %(words)s. "
                    "Send it back to the reporter with what to change."
                ),
            )
        )


@transaction.atomic
def systembrist_return(*, report: Systembrist, by: Any, comment: str) -> Systembrist:
    """Send a submitted report back to its reporter with what to change."""
    require_lead(by, report)
    report = locked(report)
    if report.status != Status.SUBMITTED:
        raise refuse(_("Only submitted reports can be sent back."))
    if not (comment or "").strip():
        raise refuse(_("Tell the reporter what to change."), "comment")
    guard(report.verksamhet, {"comment": comment}, by=by)
    report.status = Status.RETURNED
    report.version += 1
    save(report, by=by)
    event(report, by=by, kind=EventKind.RETURNED, comment=comment.strip())
    return report


@transaction.atomic
def systembrist_accept(*, report: Systembrist, by: Any, comment: str = "") -> Systembrist:
    """The coordinator accepts the report for the ledningsgrupp."""
    require_lead(by, report)
    report = locked(report)
    if report.status != Status.SUBMITTED:
        raise refuse(_("Only submitted reports can be accepted."))
    guard(report.verksamhet, {"comment": comment}, by=by)
    _check_with_every_name(report, TEXT_FIELDS, by=by)
    report.status = Status.ACCEPTED
    report.version += 1
    save(report, by=by)
    event(report, by=by, kind=EventKind.ACCEPTED, comment=(comment or "").strip())
    return report


def _add_support(target: Systembrist, *, ombud_id: int, count: int, note: str, by: Any) -> None:
    """Add ``count`` clients from ombud ``ombud_id`` to ``target``: one support per ombud."""
    if ombud_id == target.reporter_id:
        target.clients_affected += count
        return
    existing = target.supports.filter(ombud_id=ombud_id).first()
    if existing is not None:
        existing.clients_affected += count
        if note:
            existing.note = f"{existing.note}\n{note}".strip()
        save(existing, by=by)
        return
    save(Support(systembrist=target, ombud_id=ombud_id, clients_affected=count, note=note), by=by)


@transaction.atomic
def systembrist_merge(
    *, report: Systembrist, into: Systembrist, by: Any, comment: str = ""
) -> Systembrist:
    """Merge a duplicate into ``into``: its reporter and supporters become supporters there.

    The counts add up (one support per ombud), the responsible organisations are joined,
    and the duplicate is closed as MERGED with a pointer to the target.
    """
    require_lead(by, report)
    source = locked(report)
    target = locked(into)
    if source.pk == target.pk:
        raise refuse(_("A report cannot be merged into itself."), "into")
    if target.verksamhet_id != source.verksamhet_id:
        raise refuse(_("Choose a report of this PO service."), "into")
    if source.status not in MERGEABLE:
        raise refuse(_("Only submitted or accepted reports can be merged."))
    if target.status not in MERGE_TARGETS:
        raise refuse(_("The chosen report cannot take a duplicate in its status."), "into")
    guard(source.verksamhet, {"comment": comment}, by=by)
    _check_with_every_name(source, ("title",), by=by)  # the title goes to the target's timeline

    _add_support(target, ombud_id=source.reporter_id, count=source.clients_affected, note="", by=by)
    for support in list(source.supports.all()):
        _add_support(
            target,
            ombud_id=support.ombud_id,
            count=support.clients_affected,
            note=support.note,
            by=by,
        )
        with acting_as(by):
            support.delete()
    target.organisations.add(*source.organisations.all())
    target.version += 1
    save(target, by=by)

    source.status = Status.MERGED
    source.merged_into = target
    source.version += 1
    save(source, by=by)
    note = (comment or "").strip()
    event(source, by=by, kind=EventKind.MERGED, comment=note, reference=f"#{target.pk}")
    event(
        target,
        by=by,
        kind=EventKind.MERGED,
        comment=_("Merged in: %(title)s") % {"title": source.title},
        reference=f"#{source.pk}",
    )
    return target


@transaction.atomic
def systembrist_put_on_agenda(*, report: Systembrist, meeting: Any, by: Any) -> Systembrist:
    """Called by the ledningsgrupp when it places the report on a meeting's agenda (its agenda
    item says which meeting).

    An accepted report moves to ON_AGENDA; a report already further along (awaiting or with
    an answer) keeps its status, and the timeline records the meeting.
    """
    report = Systembrist.objects.select_for_update().get(pk=report.pk)
    allowed = {Status.ACCEPTED, Status.ON_AGENDA, Status.AWAITING_ANSWER, Status.ANSWERED}
    if report.status not in allowed:
        raise ValidationError(_("Only accepted reports can be put on the agenda."))
    if meeting.ledningsgrupp.verksamhet_id != report.verksamhet_id:
        raise ValidationError(_("The meeting belongs to another PO service."))
    if report.status == Status.ACCEPTED:
        report.status = Status.ON_AGENDA
    report.version += 1
    save(report, by=by)
    event(report, by=by, kind=EventKind.ON_AGENDA, reference=f"{meeting.date:%Y-%m-%d}")
    return report


@transaction.atomic
def systembrist_record_decision(
    *, report: Systembrist, by: Any, decision: str, reference: str
) -> Event:
    """Called by the ledningsgrupp when a protokoll paragraph decides on the report."""
    return event(report, by=by, kind=EventKind.DECISION, comment=decision, reference=reference)
