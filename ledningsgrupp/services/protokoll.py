"""Protokoll: paragraphs numbered per calendar year, justering by chair and justerare, lock."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import holders
from core.audit import save
from core.concurrency import lock_for_edit
from core.documents import store_document
from core.models import Document
from systembrister.models import Systembrist
from systembrister.services import systembrist_record_decision

from ..models import (
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    Paragraph,
    Protokoll,
    Representative,
    Signature,
)
from ._guard import guard
from ._lock import ProtokollLocked, ensure_unlocked, refuses_when_locked
from .meetings import ensure_taken_place

__all__ = [
    "ProtokollLocked",
    "paragraph_add",
    "paragraph_update",
    "protokoll_for_meeting",
    "protokoll_setup",
    "protokoll_sign",
]


@transaction.atomic
def protokoll_for_meeting(*, meeting: Meeting, by: Any) -> Protokoll:
    """The meeting's protokoll, created (empty) the first time it is needed."""
    protokoll = Protokoll.objects.filter(meeting=meeting).first()
    if protokoll is None:
        protokoll = Protokoll(meeting=meeting)
        save(protokoll, by=by)
    return protokoll


def _lock_protokoll(protokoll: Protokoll) -> Protokoll:
    return (
        Protokoll.objects.select_for_update()
        .select_related("meeting__ledningsgrupp")
        .get(pk=protokoll.pk)
    )


def _check_systembrister(meeting: Meeting, systembrister: list[Systembrist]) -> None:
    verksamhet_id = meeting.ledningsgrupp.verksamhet_id
    if any(s.verksamhet_id != verksamhet_id for s in systembrister):
        raise ValidationError({"systembrister": _("A systembrist belongs to another PO service.")})


def _ensure_started(meeting: Meeting) -> None:
    if not meeting.has_started():
        raise ValidationError(
            _("The protokoll can be written from the meeting's start (%(start)s).")
            % {"start": f"{meeting.date:%Y-%m-%d} {meeting.start_time:%H:%M}"}
        )


def _guard_paragraph(
    meeting: Meeting, *, by: Any, title: str, discussion: str, decision: str
) -> None:
    """The members read the protokoll (and a decision goes to each linked systembrist)."""
    texts = {"title": title, "discussion": discussion, "decision": decision}
    guard(meeting.ledningsgrupp.verksamhet, texts, by=by)


def _record_decisions(
    paragraph: Paragraph,
    *,
    by: Any,
    systembrister: list[Systembrist],
    previous_decision: str,
    previous_ids: set[int],
) -> None:
    """Tell each linked systembrist about a new or changed decision (its timeline shows it)."""
    if not paragraph.decision.strip():
        return
    reference = f"§ {paragraph.number}/{paragraph.year}"
    for report in systembrister:
        if paragraph.decision != previous_decision or report.pk not in previous_ids:
            systembrist_record_decision(
                report=report, by=by, decision=paragraph.decision, reference=reference
            )


@refuses_when_locked
@transaction.atomic
def paragraph_add(
    *,
    meeting: Meeting,
    by: Any,
    title: str,
    discussion: str = "",
    decision: str = "",
    systembrister: list[Systembrist] | None = None,
) -> Paragraph:
    """Add a § with the next number of the meeting's calendar year.

    The number is taken under a row lock on the ledningsgrupp, so two secretaries adding
    paragraphs at the same moment (in any meeting of the year) never get the same number.
    """
    systembrister = list(systembrister or [])
    protokoll = _lock_protokoll(protokoll_for_meeting(meeting=meeting, by=by))
    ensure_unlocked(protokoll, _("New paragraph: %(title)s") % {"title": title})
    _ensure_started(meeting)
    if not title.strip():
        raise ValidationError({"title": _("Write a title.")})
    _guard_paragraph(meeting, by=by, title=title, discussion=discussion, decision=decision)
    _check_systembrister(meeting, systembrister)
    group = Ledningsgrupp.objects.select_for_update().get(pk=meeting.ledningsgrupp_id)
    year = meeting.date.year
    top = Paragraph.objects.filter(ledningsgrupp=group, year=year).aggregate(m=Max("number"))["m"]
    paragraph = Paragraph(
        protokoll=protokoll,
        ledningsgrupp=group,
        year=year,
        number=(top or 0) + 1,
        title=title.strip(),
        discussion=discussion,
        decision=decision,
    )
    save(paragraph, by=by)
    paragraph.systembrister.set(systembrister)
    _record_decisions(
        paragraph, by=by, systembrister=systembrister, previous_decision="", previous_ids=set()
    )
    return paragraph


@refuses_when_locked
@transaction.atomic
def paragraph_update(
    *,
    paragraph: Paragraph,
    by: Any,
    expected_version: int | None,
    title: str,
    discussion: str = "",
    decision: str = "",
    systembrister: list[Systembrist] | None = None,
) -> Paragraph:
    systembrister = list(systembrister or [])
    protokoll = _lock_protokoll(paragraph.protokoll)
    ensure_unlocked(
        protokoll,
        _("Change of § %(number)s/%(year)s") % {"number": paragraph.number, "year": paragraph.year},
    )
    lock_for_edit(paragraph, expected_version)
    if not title.strip():
        raise ValidationError({"title": _("Write a title.")})
    _guard_paragraph(
        protokoll.meeting, by=by, title=title, discussion=discussion, decision=decision
    )
    _check_systembrister(protokoll.meeting, systembrister)
    previous = Paragraph.objects.get(pk=paragraph.pk)
    previous_ids = set(previous.systembrister.values_list("pk", flat=True))
    paragraph.title, paragraph.discussion, paragraph.decision = title.strip(), discussion, decision
    save(paragraph, by=by)
    paragraph.systembrister.set(systembrister)
    _record_decisions(
        paragraph,
        by=by,
        systembrister=systembrister,
        previous_decision=previous.decision,
        previous_ids=previous_ids,
    )
    return paragraph


@refuses_when_locked
@transaction.atomic
def protokoll_setup(
    *,
    protokoll: Protokoll,
    by: Any,
    expected_version: int | None,
    chair: Representative | None,
    secretary: Representative | None,
    justerare: Representative | None,
    secretary_user: Any = None,
) -> Protokoll:
    """Name the chair, the secretary and the elected justerare of the meeting.

    Chair and justerare sign: they were present at the meeting and have a login. The
    secretary is a representative present, or a member of staff (the samordnare).
    """
    current = _lock_protokoll(protokoll)
    ensure_unlocked(current, _("Change of chair, secretary or justerare"))
    lock_for_edit(protokoll, expected_version)
    meeting = current.meeting
    ensure_taken_place(meeting, _("The justering"))
    group_id = meeting.ledningsgrupp_id
    present = set(
        meeting.attendance.filter(status=AttendanceStatus.PRESENT).values_list(
            "representative_id", flat=True
        )
    )
    for field, rep in (("chair", chair), ("secretary", secretary), ("justerare", justerare)):
        if rep is not None and rep.member_organisation.ledningsgrupp_id != group_id:
            raise ValidationError({field: _("Choose a representative of this steering group.")})
        if rep is not None and rep.pk not in present:
            raise ValidationError({field: _("Choose someone who was present at the meeting.")})
    if secretary is not None and secretary_user is not None:
        raise ValidationError({"secretary": _("Choose one secretary.")})
    if (
        secretary_user is not None
        and not holders("protokoll.keep_minutes", meeting.ledningsgrupp.verksamhet_id)
        .filter(pk=secretary_user.pk)
        .exists()
    ):
        raise ValidationError(
            {"secretary": _("Choose a representative present or the samordnare.")}
        )
    for field, rep in (("chair", chair), ("justerare", justerare)):
        if rep is not None and rep.user_id is None:
            raise ValidationError(
                {field: _("Only a representative with a login can sign in the system.")}
            )
    if chair is not None and justerare is not None and chair.user_id == justerare.user_id:
        raise ValidationError(
            {"justerare": _("The justerare must be someone else than the chair.")}
        )
    if current.signatures.exists():
        raise ValidationError(_("Signing has started; the signatories can no longer be changed."))
    protokoll.chair, protokoll.secretary, protokoll.justerare = chair, secretary, justerare
    protokoll.secretary_user = secretary_user
    save(protokoll, by=by)
    return protokoll


@refuses_when_locked
@transaction.atomic
def protokoll_sign(*, protokoll: Protokoll, by: Any) -> Signature:
    """The chair or the justerare signs. When both have signed the protokoll is locked."""
    protokoll = _lock_protokoll(protokoll)
    ensure_unlocked(protokoll, _("Signature"))
    ensure_taken_place(protokoll.meeting, _("The justering"))
    kinds = []
    if protokoll.chair is not None and protokoll.chair.user_id == by.pk:
        kinds.append(Signature.Kind.CHAIR)
    if protokoll.justerare is not None and protokoll.justerare.user_id == by.pk:
        kinds.append(Signature.Kind.JUSTERARE)
    if not kinds:
        raise ValidationError(_("Only the chair and the elected justerare sign the protokoll."))
    if not protokoll.paragraphs.exists():
        raise ValidationError(_("The protokoll has no paragraphs yet."))
    signed = set(protokoll.signatures.values_list("kind", flat=True))
    kind = next((k for k in kinds if k not in signed), None)
    if kind is None:
        raise ValidationError(_("You have already signed."))
    signature = Signature(protokoll=protokoll, user=by, kind=kind)
    save(signature, by=by)
    if signed | {kind} >= {Signature.Kind.CHAIR, Signature.Kind.JUSTERARE}:
        _lock(protokoll, by=by)
    return signature


def _lock(protokoll: Protokoll, *, by: Any) -> None:
    """Justerat: freeze the content, store the PDF with the content's SHA-256 in its footer."""
    from ..documents import protokoll_content, protokoll_pdf

    meeting = protokoll.meeting
    if meeting.status != MeetingStatus.HELD:
        meeting.status = MeetingStatus.HELD
        meeting.version += 1
        save(meeting, by=by)
    protokoll.locked_at = timezone.now()
    content = protokoll_content(protokoll)
    protokoll.sha256 = hashlib.sha256(content.encode()).hexdigest()
    data = protokoll_pdf(protokoll)
    protokoll.pdf_sha256 = hashlib.sha256(data).hexdigest()
    group = meeting.ledningsgrupp
    # In this transaction: the lock and the stored PDF are committed together or not at all.
    protokoll.document = store_document(
        verksamhet=group.verksamhet,
        kind=Document.Kind.PROTOKOLL,
        title=f"Protokoll {group.name} {meeting.date:%Y-%m-%d}",
        date=meeting.date,
        file_name=f"protokoll-{meeting.ledningsgrupp_id}-{meeting.date:%Y-%m-%d}.pdf",
        content=data,
        by=by,
    )
    protokoll.version += 1
    save(protokoll, by=by)
