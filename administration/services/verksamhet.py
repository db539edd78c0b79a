"""A new verksamhet, started by the operator: its kommuner and its first administrator's
invitation (there is nobody yet who could invite)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.audit import acting_as, save
from core.models import Kommun, Role, Verksamhet

from ..models import Invitation
from .invitations import new_invitation


@transaction.atomic
def verksamhet_start(
    *,
    name: str,
    kommuner: Sequence[Kommun],
    admin_email: str,
    by: Any,
    slug: str = "",
    form: str = Verksamhet.Form.OWN,
) -> tuple[Verksamhet, Invitation, str]:
    """The verksamhet (the first kommun is its huvudman), and the admin's invitation with its
    token. Run by the operator: ``by`` is the system user (core has nobody else yet)."""
    if not name.strip():
        raise ValidationError({"name": _("Enter the name of the PO service.")})
    if not kommuner:
        raise ValidationError({"kommun": _("Name at least one municipality.")})
    slug = slug or slugify(name)
    if Verksamhet.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("A PO service with this short name exists already.")})
    verksamhet = Verksamhet(name=name.strip(), slug=slug, form=form, huvudman=kommuner[0])
    save(verksamhet, by=by)
    with acting_as(by):  # the m2m change writes its own history row
        verksamhet.kommuner.set(kommuner)
    invitation, token = new_invitation(
        verksamhet=verksamhet, email=admin_email, role=Role.ADMIN, by=by
    )
    return verksamhet, invitation, token
