"""The lead signs each month's loggkontroll with a comment."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import save
from core.models import Verksamhet
from dataprotection.models import LogReview
from dataprotection.selectors.loggkontroll import findings_for


@transaction.atomic
def logreview_sign(
    *, verksamhet: Verksamhet, month: datetime.date, by: Any, comment: str
) -> LogReview:
    month = month.replace(day=1)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Write what you checked and what you found.")})
    if month >= timezone.localdate().replace(day=1):
        raise ValidationError({"comment": _("A month can be signed off when it has ended.")})
    if LogReview.objects.filter(verksamhet=verksamhet, month=month).exists():
        raise ValidationError({"comment": _("This month is already signed off.")})
    found = findings_for(verksamhet, month, limit=0)
    review = LogReview(
        verksamhet=verksamhet,
        month=month,
        signed_by=by,
        comment=comment,
        findings={key: value.total for key, value in found.items()},
    )
    save(review, by=by)
    return review
