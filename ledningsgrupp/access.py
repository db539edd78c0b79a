"""What a ledningsgrupp, a meeting or a protokoll decides about who may act on it (the object
rules of core/access.py; which roles hold each capability is written there).

Lead and admin manage the ledningsgrupp of their verksamhet; a member manages it while they
are its secretary. The agenda changes only while the meeting is planned. A justerat protokoll
is read by everyone in the verksamhet, a draft by those who manage and by the chair and the
justerare, who sign it. Imported by LedningsgruppConfig.ready().
"""

from __future__ import annotations

from django.db.models import Q

from core.access import Actor, object_rule
from core.models import Verksamhet

from .models import (
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    Protokoll,
    Representative,
    RepresentativeRole,
    Signature,
)

Managed = Ledningsgrupp | Meeting | Verksamhet


def _is_secretary(actor: Actor, group: Ledningsgrupp) -> bool:
    today = actor.today
    return (
        Representative.objects.filter(
            member_organisation__ledningsgrupp=group,
            user=actor.user,
            role=RepresentativeRole.SECRETARY,
            start__lte=today,
        )
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .exists()
    )


@object_rule("meeting.manage")
def manages(actor: Actor, obj: Managed) -> bool:
    """The ledningsgrupp (or one of its meetings). A verksamhet stands for its ledningsgrupp
    before there is one: lead and admin set it up, no member is its secretary yet."""
    group: Ledningsgrupp | None
    if isinstance(obj, Verksamhet):
        verksamhet_id, group = obj.pk, None
    else:
        group = obj.ledningsgrupp if isinstance(obj, Meeting) else obj
        verksamhet_id = group.verksamhet_id
    if actor.verksamhet is None or verksamhet_id != actor.verksamhet.pk:
        return False
    if actor.holds("meeting.manage_any"):
        return True
    return group is not None and _is_secretary(actor, group)


@object_rule("meeting.plan")
def plans(actor: Actor, meeting: Meeting) -> bool:
    """The agenda is drafted, edited, reordered and pruned while the meeting is planned."""
    return meeting.status == MeetingStatus.PLANNED and actor.can("meeting.manage", meeting)


def _signatories(protokoll: Protokoll) -> set[int]:
    seats = (protokoll.chair, protokoll.justerare)
    return {rep.user_id for rep in seats if rep is not None and rep.user_id is not None}


@object_rule("protokoll.read")
def reads_protokoll(actor: Actor, obj: Protokoll | Meeting) -> bool:
    """A protokoll, or a meeting that has none yet (only who manages starts writing one)."""
    if isinstance(obj, Meeting):
        return actor.can("meeting.manage", obj)
    if obj.locked_at is not None or actor.user.pk in _signatories(obj):
        return True
    return actor.can("meeting.manage", obj.meeting)


@object_rule("protokoll.sign")
def signs(actor: Actor, protokoll: Protokoll) -> bool:
    """The chair and the justerare each sign once, until the protokoll is locked (the service's
    rule). Reads the protokoll's ``signatures``: prefetch them to ask without a query."""
    if protokoll.locked_at is not None:
        return False
    signed = {s.kind for s in protokoll.signatures.all()}
    seats = (
        (Signature.Kind.CHAIR, protokoll.chair),
        (Signature.Kind.JUSTERARE, protokoll.justerare),
    )
    return any(
        rep is not None and rep.user_id == actor.user.pk and kind not in signed
        for kind, rep in seats
    )
