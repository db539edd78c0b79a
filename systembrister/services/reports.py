"""The ombud's part: draft, edit, submit, and support another ombud's report."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import actor_for
from core.audit import save
from core.concurrency import lock_for_edit
from core.models import Organisation, Verksamhet

from ..models import EventKind, Status, Support, Systembrist
from ._common import confirmed_reason, event, guard, locked, refuse

TEXT_FIELDS = ("title", "description", "examples", "suggested_improvement")
EDITABLE = (Status.DRAFT, Status.RETURNED)
SUPPORTABLE = (
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.ON_AGENDA,
    Status.AWAITING_ANSWER,
    Status.ANSWERED,
)


def _validate(
    *,
    verksamhet: Verksamhet,
    by: Any,
    organisations: Iterable[Organisation],
    clients_affected: int,
    first_observed: datetime.date,
    texts: dict[str, str],
    confirm_words: bool | None = None,
) -> tuple[list[Organisation], str]:
    errors: dict[str, str] = {}
    orgs = list(organisations)
    if not orgs:
        errors["organisations"] = _("Choose at least one responsible organisation.")
    elif any(o.verksamhet_id != verksamhet.pk for o in orgs):
        errors["organisations"] = _("Choose organisations from this PO service's register.")
    if clients_affected is None or clients_affected < 1:
        errors["clients_affected"] = _("At least one client must be affected.")
    if first_observed and first_observed > timezone.localdate():
        errors["first_observed"] = _("The date cannot be in the future.")
    if not (texts.get("title") or "").strip():
        errors["title"] = _("Give the report a title.")
    if not (texts.get("description") or "").strip():
        errors["description"] = _("Describe the failure.")
    reason = ""
    try:
        reason = confirmed_reason(guard(verksamhet, texts, by=by, confirm_words=confirm_words))
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, messages[0])
    if errors:
        raise ValidationError(errors)
    return orgs, reason


@transaction.atomic
def systembrist_create(
    *,
    verksamhet: Verksamhet,
    by: Any,
    title: str,
    description: str,
    level: str,
    organisations: Iterable[Organisation],
    life_area: str,
    clients_affected: int,
    first_observed: datetime.date,
    examples: str = "",
    suggested_improvement: str = "",
    confirm_words: bool | None = None,
) -> Systembrist:
    """An ombud drafts a report. Nothing identifying gets past the guard."""
    if not actor_for(by, verksamhet).can("systembrist.report"):
        raise PermissionDenied(_("Only an ombud can report a systembrist."))
    texts = {
        "title": title,
        "description": description,
        "examples": examples,
        "suggested_improvement": suggested_improvement,
    }
    orgs, reason = _validate(
        verksamhet=verksamhet,
        by=by,
        organisations=organisations,
        clients_affected=clients_affected,
        first_observed=first_observed,
        texts=texts,
        confirm_words=confirm_words,
    )
    report = Systembrist(
        verksamhet=verksamhet,
        reporter=by,
        level=level,
        life_area=life_area,
        clients_affected=clients_affected,
        first_observed=first_observed,
        status=Status.DRAFT,
        **{k: v.strip() for k, v in texts.items()},
    )
    save(report, by=by, reason=reason)
    report.organisations.set(orgs)
    event(report, by=by, kind=EventKind.CREATED)
    return report


@transaction.atomic
def systembrist_update(
    *,
    report: Systembrist,
    by: Any,
    expected_version: int | None,
    title: str,
    description: str,
    level: str,
    organisations: Iterable[Organisation],
    life_area: str,
    clients_affected: int,
    first_observed: datetime.date,
    examples: str = "",
    suggested_improvement: str = "",
    confirm_words: bool | None = None,
) -> Systembrist:
    """The reporter edits their own draft (or a report sent back to them)."""
    current = locked(report)
    if not actor_for(by, current.verksamhet_id).can("systembrist.report", current):
        raise PermissionDenied(_("Only the reporter can edit the report."))
    if current.status not in EDITABLE:
        raise refuse(_("Only drafts and reports sent back can be edited."))
    texts = {
        "title": title,
        "description": description,
        "examples": examples,
        "suggested_improvement": suggested_improvement,
    }
    orgs, reason = _validate(
        verksamhet=current.verksamhet,
        by=by,
        organisations=organisations,
        clients_affected=clients_affected,
        first_observed=first_observed,
        texts=texts,
        confirm_words=confirm_words,
    )
    report = lock_for_edit(current, expected_version)
    for name, value in texts.items():
        setattr(report, name, value.strip())
    report.level = level
    report.life_area = life_area
    report.clients_affected = clients_affected
    report.first_observed = first_observed
    save(report, by=by, reason=reason)
    report.organisations.set(orgs)
    event(report, by=by, kind=EventKind.EDITED)
    return report


@transaction.atomic
def systembrist_submit(*, report: Systembrist, by: Any) -> Systembrist:
    """The reporter sends the draft to the coordinator for review."""
    report = locked(report)
    if not actor_for(by, report.verksamhet_id).can("systembrist.report", report):
        raise PermissionDenied(_("Only the reporter can submit the report."))
    if report.status not in EDITABLE:
        raise refuse(_("Only drafts and reports sent back can be submitted."))
    # Client names may have been added since the draft was saved: check again. An alias that
    # is also an ordinary word was confirmed when the draft was saved (and the coordinator's
    # gate checks those of other clients).
    guard(
        report.verksamhet,
        {name: getattr(report, name) for name in TEXT_FIELDS},
        by=by,
        confirm_words=True,
    )
    report.status = Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.version += 1
    save(report, by=by)
    event(report, by=by, kind=EventKind.SUBMITTED)
    return report


@transaction.atomic
def systembrist_support(
    *, report: Systembrist, by: Any, clients_affected: int, note: str = ""
) -> Support:
    """Another ombud has seen the same failure: their clients add to the count, once each."""
    report = locked(report)
    if not actor_for(by, report.verksamhet_id).can("systembrist.support"):
        raise PermissionDenied(_("Only an ombud can support a report."))
    if report.reporter_id == by.pk:
        raise refuse(_("You reported this yourself; edit the number instead."))
    if report.status not in SUPPORTABLE:
        raise refuse(_("This report can no longer be supported."))
    if clients_affected is None or clients_affected < 1:
        raise refuse(_("At least one client must be affected."), "clients_affected")
    if report.supports.filter(ombud=by).exists():
        raise refuse(_("You already support this report."))
    guard(report.verksamhet, {"note": note}, by=by)
    support = Support(
        systembrist=report, ombud=by, clients_affected=clients_affected, note=note.strip()
    )
    save(support, by=by)
    event(
        report,
        by=by,
        kind=EventKind.SUPPORTED,
        comment=_("+%(n)s clients") % {"n": clients_affected},
    )
    return support
