"""After the agenda: ask the responsible organisations, record their answers, close, forward."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import actor_for
from core.audit import save
from core.concurrency import lock_for_edit
from core.models import Organisation

from ..models import Answer, EventKind, Outcome, Status, Systembrist
from ._common import event, guard, locked, refuse, require_lead

ANSWERABLE = (Status.ON_AGENDA, Status.AWAITING_ANSWER, Status.ANSWERED)
CLOSABLE = (Status.ON_AGENDA, Status.AWAITING_ANSWER, Status.ANSWERED)


class ForwardTo(models.TextChoices):
    LANSSTYRELSEN = "lansstyrelsen", gettext_lazy("The county administrative board")
    REGIONAL = "regional", gettext_lazy("Regional level")


@transaction.atomic
def systembrist_send_for_answer(
    *, report: Systembrist, by: Any, answer_due: datetime.date | None, comment: str = ""
) -> Systembrist:
    """The ledningsgrupp asks the responsible organisations to answer by a date."""
    require_lead(by, report)
    report = locked(report)
    if report.status != Status.ON_AGENDA:
        raise refuse(_("Only reports on the agenda can be sent for an answer."))
    if answer_due is None:
        raise refuse(_("Give a date for the answer."), "answer_due")
    if answer_due <= timezone.localdate():
        raise refuse(_("The answer date must be after today."), "answer_due")
    guard(report.verksamhet, {"comment": comment}, by=by)
    report.status = Status.AWAITING_ANSWER
    report.answer_due = answer_due
    report.version += 1
    save(report, by=by)
    names = ", ".join(o.name for o in report.organisations.order_by("name"))
    text = (comment or "").strip()
    event(
        report,
        by=by,
        kind=EventKind.SENT_FOR_ANSWER,
        comment=f"{names}. {text}".strip() if text else names,
        reference=f"{answer_due:%Y-%m-%d}",
    )
    return report


def _answers_for(user: Any, organisation: Organisation) -> bool:
    """``user`` is a member from ``organisation`` (a member has one organisation per
    verksamhet)."""
    actor = actor_for(user, organisation.verksamhet_id)
    own = actor.organisation
    return actor.can("systembrist.answer") and own is not None and own.pk == organisation.pk


@transaction.atomic
def systembrist_answer(
    *,
    report: Systembrist,
    by: Any,
    organisation: Organisation,
    text: str,
    planned_action: str = "",
    planned_by: datetime.date | None = None,
    expected_version: int | None = None,
) -> Answer:
    """A ledningsgrupp member writes (or revises) their organisation's answer.

    When every responsible organisation has answered, the report is ANSWERED.
    """
    report = locked(report)
    if not _answers_for(by, organisation):
        raise PermissionDenied(_("Only a member from the organisation can answer for it."))
    if not report.organisations.filter(pk=organisation.pk).exists():
        raise refuse(_("Your organisation is not responsible for this report."))
    if report.status not in ANSWERABLE:
        raise refuse(_("This report is not waiting for an answer."))
    errors = {}
    if not (text or "").strip():
        errors["text"] = _("Write the organisation's answer.")
    if planned_by and not (planned_action or "").strip():
        errors["planned_action"] = _("Describe the planned action that the date refers to.")
    if errors:
        raise ValidationError(errors)
    guard(report.verksamhet, {"text": text, "planned_action": planned_action}, by=by)

    answer = report.answers.filter(organisation=organisation).first()
    revised = answer is not None
    if answer is None:
        answer = Answer(systembrist=report, organisation=organisation)
    else:
        answer = lock_for_edit(answer, expected_version)
    answer.author = by
    answer.text = text.strip()
    answer.planned_action = (planned_action or "").strip()
    answer.planned_by = planned_by
    save(answer, by=by)

    answered = set(report.answers.values_list("organisation_id", flat=True))
    responsible = set(report.organisations.values_list("pk", flat=True))
    if responsible <= answered and report.status != Status.ANSWERED:
        report.status = Status.ANSWERED
        report.version += 1
        save(report, by=by)
    comment = organisation.name
    if revised:
        comment = _("%(org)s (revised answer)") % {"org": organisation.name}
    event(report, by=by, kind=EventKind.ANSWERED, comment=comment)
    return answer


@transaction.atomic
def systembrist_close(
    *, report: Systembrist, by: Any, outcome: str, conclusion: str
) -> Systembrist:
    """The ledningsgrupp's conclusion: resolved, partly, not resolved or no action."""
    require_lead(by, report)
    report = locked(report)
    if report.status not in CLOSABLE:
        raise refuse(_("Only reports the steering group has taken up can be closed."))
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose an outcome.")
    if not (conclusion or "").strip():
        errors["conclusion"] = _("Write the steering group's conclusion.")
    if errors:
        raise ValidationError(errors)
    guard(report.verksamhet, {"conclusion": conclusion}, by=by)
    report.status = Status.CLOSED
    report.outcome = outcome
    report.conclusion = conclusion.strip()
    report.closed_at = timezone.now()
    report.version += 1
    save(report, by=by)
    event(
        report,
        by=by,
        kind=EventKind.CLOSED,
        comment=report.conclusion,
        reference=str(Outcome(outcome).label),
    )
    return report


@transaction.atomic
def systembrist_forward(
    *, report: Systembrist, by: Any, to: str, forwarded_on: datetime.date | None, comment: str = ""
) -> Systembrist:
    """Send a closed report on to länsstyrelsen or the regional level."""
    require_lead(by, report)
    report = locked(report)
    if report.status != Status.CLOSED:
        raise refuse(_("Close the report before forwarding it."))
    if report.forwarded_on:
        raise refuse(_("The report has already been forwarded."))
    errors = {}
    if to not in ForwardTo.values:
        errors["to"] = _("Choose where the report is sent.")
    if forwarded_on is None:
        errors["forwarded_on"] = _("Give the date it was sent.")
    elif forwarded_on > timezone.localdate():
        errors["forwarded_on"] = _("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    guard(report.verksamhet, {"comment": comment}, by=by)
    report.forwarded_to = str(ForwardTo(to).label)
    report.forwarded_on = forwarded_on
    report.version += 1
    save(report, by=by)
    event(
        report,
        by=by,
        kind=EventKind.FORWARDED,
        comment=" – ".join(p for p in (report.forwarded_to, (comment or "").strip()) if p),
        reference=f"{forwarded_on:%Y-%m-%d}",
    )
    return report


@transaction.atomic
def systembrist_remind(
    *, report: Systembrist, organisations: Iterable[Organisation], by: Any = None
) -> None:
    """Record that the silent organisations were reminded of an overdue answer."""
    names = ", ".join(o.name for o in organisations)
    event(report, by=by, kind=EventKind.REMINDED, comment=names)
