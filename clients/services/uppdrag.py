"""The uppdrag life cycle: waiting list → contact-building → active → ended; handovers."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.audit import save
from core.concurrency import lock_for_edit

from ..models import Assignment, Client, EndReason, Uppdrag, UppdragStatus
from ._common import apply_edit, check_not_future, check_order, takes_clients

S = UppdragStatus
NEXT = {
    S.WAITING: {S.CONTACT_BUILDING, S.ACTIVE},
    S.CONTACT_BUILDING: {S.ACTIVE},
    S.ACTIVE: set(),
    S.ENDED: set(),
}
DATE_FIELD = {S.CONTACT_BUILDING: "contact_started", S.ACTIVE: "started"}
UPPDRAG_FIELDS = {
    "referred_by",
    "waiting_since",
    "contact_started",
    "started",
    "ended",
    "end_reason",
    "end_reason_other",
    "boende_start",
    "sysselsattning_start",
    "forsorjning_start",
    "boende_end",
    "sysselsattning_end",
    "forsorjning_end",
}


def _locked(uppdrag: Uppdrag, version: int | None) -> Uppdrag:
    """A fresh, locked copy with the version checked and bumped (the caller's object stays as
    it was if a rule then refuses the change)."""
    fresh = Uppdrag.objects.select_for_update().select_related("client").get(pk=uppdrag.pk)
    return lock_for_edit(fresh, version)


def _dates_in_order(uppdrag: Uppdrag) -> None:
    check_order(
        [
            ("waiting_since", uppdrag.waiting_since),
            ("contact_started", uppdrag.contact_started),
            ("started", uppdrag.started),
            ("ended", uppdrag.ended),
        ]
    )
    # A return to the waiting list comes after work began; the ombud who takes the client
    # again comes after the return; the end after both.
    check_order(
        [
            ("contact_started", uppdrag.contact_started or uppdrag.started),
            ("waiting_again_since", uppdrag.waiting_again_since),
            ("taken_again", uppdrag.taken_again),
            ("ended", uppdrag.ended),
        ]
    )
    for field in (
        "waiting_since",
        "contact_started",
        "started",
        "ended",
        "waiting_again_since",
        "taken_again",
    ):
        check_not_future(getattr(uppdrag, field), field)


def _current(uppdrag: Uppdrag, day: datetime.date) -> list[Assignment]:
    return list(
        uppdrag.assignments.select_for_update()
        .filter(start__lte=day)
        .filter(Q(end__isnull=True) | Q(end__gt=day))
    )


def _check_ombud(user: Any, uppdrag: Uppdrag, field: str) -> None:
    if user is None or not takes_clients(user, uppdrag.client.verksamhet_id):
        raise ValidationError({field: _("Choose an ombud of this PO service.")})


@transaction.atomic
def uppdrag_assign(*, uppdrag: Uppdrag, ombud: Any, by: Any, start: datetime.date) -> Assignment:
    """Make ``ombud`` responsible from ``start``; for a change of ombud use ``handover``."""
    _check_ombud(ombud, uppdrag, "ombud")
    if _current(uppdrag, start):
        raise ValidationError(
            {"ombud": _("The client already has a responsible ombud: use handover instead.")}
        )
    assignment = Assignment(uppdrag=uppdrag, ombud=ombud, start=start)
    save(assignment, by=by)
    return assignment


@transaction.atomic
def uppdrag_advance(
    *,
    uppdrag: Uppdrag,
    by: Any,
    to: str,
    on: datetime.date,
    version: int | None,
    ombud: Any = None,
) -> Uppdrag:
    """Move the uppdrag forward (waiting → contact-building → active) on ``on``.

    Leaving the waiting list needs a responsible ombud: ``ombud`` is assigned from ``on``
    unless somebody already is.

    An uppdrag back on the waiting list (``uppdrag_return_to_waiting_list``) keeps the dates
    work first began: the new ombud's start is ``taken_again`` and their assignment, so that
    the redovisning does not count the client as new a second time.
    """
    uppdrag = _locked(uppdrag, version)
    if to not in NEXT[S(uppdrag.status)]:
        raise ValidationError(
            {
                "to": _("The uppdrag cannot go from “%(from)s” to “%(to)s”.")
                % {"from": uppdrag.get_status_display(), "to": S(to).label}
            }
        )
    field = DATE_FIELD[S(to)]
    if uppdrag.waiting_again_since is None:
        setattr(uppdrag, field, on)
    else:
        if uppdrag.status == S.WAITING:
            uppdrag.taken_again = on
        # A step's first date stays; contact-building after the uppdrag had started adds none.
        if getattr(uppdrag, field) is None and not (to == S.CONTACT_BUILDING and uppdrag.started):
            setattr(uppdrag, field, on)
    uppdrag.status = to
    _dates_in_order(uppdrag)
    if not _current(uppdrag, on):
        if ombud is None:
            raise ValidationError({"ombud": _("Choose the responsible ombud.")})
        uppdrag_assign(uppdrag=uppdrag, ombud=ombud, by=by, start=on)
    save(uppdrag, by=by)
    return uppdrag


@transaction.atomic
def uppdrag_end(
    *,
    uppdrag: Uppdrag,
    by: Any,
    version: int | None,
    on: datetime.date,
    end_reason: str,
    end_reason_other: str = "",
    boende_end: str = "",
    sysselsattning_end: str = "",
    forsorjning_end: str = "",
) -> Uppdrag:
    uppdrag = _locked(uppdrag, version)
    if uppdrag.status == S.ENDED:
        raise ValidationError(_("The uppdrag has already ended."))
    if not end_reason:
        raise ValidationError({"end_reason": _("Choose why the uppdrag ends.")})
    if end_reason == EndReason.OTHER and not end_reason_other.strip():
        raise ValidationError({"end_reason_other": _("Describe the reason in a few words.")})
    uppdrag.status = S.ENDED
    uppdrag.ended = on
    uppdrag.end_reason = end_reason
    uppdrag.end_reason_other = end_reason_other.strip() if end_reason == EndReason.OTHER else ""
    uppdrag.boende_end = boende_end
    uppdrag.sysselsattning_end = sysselsattning_end
    uppdrag.forsorjning_end = forsorjning_end
    try:
        _dates_in_order(uppdrag)
    except ValidationError as exc:
        raise ValidationError({"on": exc.messages}) from None
    save(uppdrag, by=by)
    return uppdrag


@transaction.atomic
def uppdrag_return_to_waiting_list(
    *, uppdrag: Uppdrag, by: Any, day: datetime.date, reason: str
) -> Uppdrag:
    """The responsible ombud stops (leaves, is long ill) and nobody takes over yet: their
    assignment ends on ``day`` as in a handover, with ``reason``, and the uppdrag waits for
    an ombud again. It does not end: the redovisning counts one open uppdrag, not an ended one
    and later a new client. ``waiting_since`` keeps the client's first day on the list;
    ``waiting_again_since`` is ``day``."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason.")})
    uppdrag = _locked(uppdrag, uppdrag.version)
    if uppdrag.status == S.ENDED:
        raise ValidationError(_("An ended uppdrag cannot go back to the waiting list."))
    current = _current(uppdrag, day)
    if uppdrag.status == S.WAITING and not current:
        raise ValidationError(_("The client is already on the waiting list."))
    if uppdrag.assignments.filter(start__gt=day).exists():
        raise ValidationError({"day": _("A later handover is already planned.")})
    for assignment in current:
        if day < assignment.start:
            raise ValidationError(
                {"day": _("The handover cannot be before the current assignment began.")}
            )
        assignment.end = day
        assignment.reason = reason[:300]
        save(assignment, by=by, reason=reason)
    if uppdrag.status != S.WAITING:
        # Work had begun: it pauses. (A client who never left the list just waits on.)
        uppdrag.status = S.WAITING
        uppdrag.waiting_again_since = day
        uppdrag.taken_again = None
        try:
            _dates_in_order(uppdrag)
        except ValidationError as exc:
            raise ValidationError({"day": exc.messages}) from None
    save(uppdrag, by=by, reason=reason)
    return uppdrag


@transaction.atomic
def uppdrag_reopen(
    *, client: Client, by: Any, on: datetime.date, ombud: Any = None, referred_by: str = ""
) -> Uppdrag:
    """A new period for a client whose last uppdrag has ended: waiting list, or contact-building
    at once when ``ombud`` is given."""
    latest = client.uppdrag.select_for_update().order_by("-pk").first()
    if latest is not None and latest.status != S.ENDED:
        raise ValidationError(_("The client's uppdrag is still open."))
    if latest is not None and latest.ended and on < latest.ended:
        raise ValidationError({"on": _("The new period cannot start before the last one ended.")})
    check_not_future(on, "on")
    uppdrag = Uppdrag(client=client, status=S.WAITING, waiting_since=on, referred_by=referred_by)
    save(uppdrag, by=by)
    if ombud is not None:
        uppdrag = uppdrag_advance(
            uppdrag=uppdrag,
            by=by,
            to=S.CONTACT_BUILDING,
            on=on,
            version=uppdrag.version,
            ombud=ombud,
        )
    return uppdrag


@transaction.atomic
def handover(
    *, uppdrag: Uppdrag, by: Any, to_ombud: Any, on: datetime.date, reason: str
) -> Assignment:
    """Hand the uppdrag over to ``to_ombud`` from ``on``. The former ombud's assignment ends that
    day, so they lose access to the client from ``on`` (unless assigned in another way)."""
    _check_ombud(to_ombud, uppdrag, "to_ombud")
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the handover.")})
    if uppdrag.status == S.ENDED:
        raise ValidationError(_("An ended uppdrag cannot be handed over."))
    current = _current(uppdrag, on)
    if any(a.ombud_id == to_ombud.pk for a in current):
        raise ValidationError({"to_ombud": _("This ombud is already responsible.")})
    for assignment in current:
        if on < assignment.start:
            raise ValidationError(
                {"on": _("The handover cannot be before the current assignment began.")}
            )
        assignment.end = on
        assignment.reason = reason.strip()
        save(assignment, by=by, reason=reason.strip())
    later = uppdrag.assignments.filter(start__gt=on).exists()
    if later:
        raise ValidationError({"on": _("A later handover is already planned.")})
    new = Assignment(uppdrag=uppdrag, ombud=to_ombud, start=on, reason=reason.strip())
    save(new, by=by, reason=reason.strip())
    return new


@transaction.atomic
def uppdrag_update(*, uppdrag: Uppdrag, by: Any, version: int | None, **changes: Any) -> Uppdrag:
    """Correct dates, how the client came, and the life situation at start and end."""
    unknown = set(changes) - UPPDRAG_FIELDS
    if unknown:
        raise TypeError(f"unknown uppdrag fields {sorted(unknown)}")
    apply_edit(uppdrag, by=by, version=version, changes=changes)
    _dates_in_order(uppdrag)
    if uppdrag.status != S.ENDED and uppdrag.ended:
        raise ValidationError({"ended": _("Use “End the uppdrag” to end it.")})
    save(uppdrag, by=by)
    return uppdrag
