"""Action items decided by the ledningsgrupp: owner, due date, status; carried to the next agenda."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import save
from core.concurrency import lock_for_edit
from core.models import Organisation

from ..models import (
    ActionItem,
    ActionItemStatus,
    Ledningsgrupp,
    Meeting,
    MeetingStatus,
    Paragraph,
    Representative,
)
from ._guard import guard
from .agenda import agenda_draft


def _validate(
    group: Ledningsgrupp,
    title: str,
    owner_organisation: Organisation | None,
    owner_representative: Representative | None,
) -> None:
    if not title.strip():
        raise ValidationError({"title": _("Write what is to be done.")})
    if owner_organisation is None and owner_representative is None:
        raise ValidationError(
            {"owner_organisation": _("Choose an owner: an organisation or a representative.")}
        )
    if owner_organisation is not None and owner_organisation.verksamhet_id != group.verksamhet_id:
        raise ValidationError(
            {"owner_organisation": _("The organisation belongs to another PO service.")}
        )
    if (
        owner_representative is not None
        and owner_representative.member_organisation.ledningsgrupp_id != group.pk
    ):
        raise ValidationError(
            {"owner_representative": _("Choose a representative of this steering group.")}
        )


@transaction.atomic
def action_item_create(
    *,
    group: Ledningsgrupp,
    by: Any,
    title: str,
    description: str = "",
    owner_organisation: Organisation | None = None,
    owner_representative: Representative | None = None,
    due: datetime.date | None = None,
    paragraph: Paragraph | None = None,
) -> ActionItem:
    """A new open action item. It joins the agenda of the next planned meeting at once."""
    _validate(group, title, owner_organisation, owner_representative)
    guard(group.verksamhet, {"title": title, "description": description}, by=by)
    item = ActionItem(
        ledningsgrupp=group,
        title=title.strip(),
        description=description,
        owner_organisation=owner_organisation,
        owner_representative=owner_representative,
        due=due,
        paragraph=paragraph,
    )
    save(item, by=by)
    after = paragraph.protokoll.meeting.date if paragraph else timezone.localdate()
    upcoming = (
        Meeting.objects.filter(ledningsgrupp=group, status=MeetingStatus.PLANNED, date__gt=after)
        .order_by("date")
        .first()
    )
    if upcoming is not None:
        agenda_draft(meeting=upcoming, by=by)
    return item


@transaction.atomic
def action_item_update(
    *,
    item: ActionItem,
    by: Any,
    expected_version: int | None,
    title: str,
    description: str = "",
    owner_organisation: Organisation | None = None,
    owner_representative: Representative | None = None,
    due: datetime.date | None = None,
    status: str = ActionItemStatus.OPEN,
    done_on: datetime.date | None = None,
) -> ActionItem:
    lock_for_edit(item, expected_version)
    _validate(item.ledningsgrupp, title, owner_organisation, owner_representative)
    guard(item.ledningsgrupp.verksamhet, {"title": title, "description": description}, by=by)
    if status == ActionItemStatus.DONE and done_on is None:
        done_on = timezone.localdate()
    if status != ActionItemStatus.DONE:
        done_on = None
    item.title, item.description = title.strip(), description
    item.owner_organisation, item.owner_representative = owner_organisation, owner_representative
    item.due, item.status, item.done_on = due, status, done_on
    save(item, by=by)
    return item
