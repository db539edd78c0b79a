"""Invitations by e-mail: a link valid 72 hours, used once, to a role in one verksamhet.

A person without an account sets a password on the link's page (and enrols the second factor
their role demands, at once, on the existing set-up page); a person who already has an account
(in another verksamhet) gets the role added to it and logs in as before.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.audit import save
from core.models import Organisation, Role, RoleAssignment, User, Verksamhet

from ..models import Invitation
from ..models.invitation import VALID_FOR
from ._rules import require_manager
from .roles import check_organisation


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(token: str) -> str:
    """The link in the e-mail, on the site's own address (``SITE_URL``), never the Host header."""
    path = reverse("administration:invitation_accept", kwargs={"token": token})
    return settings.SITE_URL.rstrip("/") + path


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = token_hash(token)
    invitation.sent_at = timezone.now()
    invitation.expires_at = invitation.sent_at + VALID_FOR
    return token


def _send(invitation: Invitation, token: str) -> None:
    """The e-mail, in Swedish: who invites, to what, the link and until when. No client data."""
    context = {
        "invitation": invitation,
        "verksamhet": invitation.verksamhet.name,
        "role": invitation.get_role_display(),
        "link": invitation_link(token),
        "expires": timezone.localtime(invitation.expires_at),
        "invited_by": invitation.invited_by,
    }
    with translation.override("sv"):
        subject = render_to_string("administration/email/invitation_subject.txt", context)
        body = render_to_string("administration/email/invitation_body.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


def _pending(verksamhet: Verksamhet, email: str) -> Any:
    now = timezone.now()
    return Invitation.objects.filter(
        verksamhet=verksamhet,
        email__iexact=email,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=now,
    )


def new_invitation(
    *,
    verksamhet: Verksamhet,
    email: str,
    role: str,
    by: Any,
    organisation: Organisation | None = None,
    first_name: str = "",
    last_name: str = "",
) -> tuple[Invitation, str]:
    """The invitation and its token, checked but without the access check (callers do it)."""
    email = User.objects.normalize_email(email.strip()).lower()
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    check_organisation(role, organisation, verksamhet)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and not existing.is_active:
        raise ValidationError({"email": _("The account of this address is closed.")})
    if (
        existing is not None
        and RoleAssignment.objects.filter(user=existing, verksamhet=verksamhet).exists()
    ):
        raise ValidationError(
            {
                "email": _(
                    "This person already works in this PO service: add the role on their page."
                )
            }
        )
    if _pending(verksamhet, email).exists():
        raise ValidationError(
            {"email": _("An invitation to this address is waiting already: send it again instead.")}
        )
    invitation = Invitation(
        verksamhet=verksamhet,
        email=email,
        role=role,
        organisation=organisation if role == Role.MEMBER else None,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        invited_by=by,
    )
    token = _new_token(invitation)
    save(invitation, by=by)
    transaction.on_commit(lambda: _send(invitation, token))
    return invitation, token


@transaction.atomic
def invitation_create(
    *,
    verksamhet: Verksamhet,
    email: str,
    role: str,
    by: Any,
    organisation: Organisation | None = None,
    first_name: str = "",
    last_name: str = "",
) -> Invitation:
    """Invite ``email`` to ``role`` in ``verksamhet`` and send the link (after the commit)."""
    require_manager(by, verksamhet)
    invitation, _token = new_invitation(
        verksamhet=verksamhet,
        email=email,
        role=role,
        by=by,
        organisation=organisation,
        first_name=first_name,
        last_name=last_name,
    )
    return invitation


def _locked_open(invitation: Invitation) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("verksamhet").get(pk=invitation.pk)
    )
    if invitation.accepted_at:
        raise ValidationError(_("The invitation has been accepted already."))
    if invitation.withdrawn_at:
        raise ValidationError(_("The invitation has been withdrawn."))
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by: Any) -> Invitation:
    """A new link valid 72 hours from now; the earlier link stops working."""
    require_manager(by, invitation.verksamhet)
    invitation = _locked_open(invitation)
    token = _new_token(invitation)
    save(invitation, by=by, reason=_("Sent again"))
    transaction.on_commit(lambda: _send(invitation, token))
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by: Any) -> Invitation:
    require_manager(by, invitation.verksamhet)
    invitation = _locked_open(invitation)
    invitation.withdrawn_at = timezone.now()
    save(invitation, by=by, reason=_("Withdrawn"))
    return invitation


def open_invitation(token: str) -> Invitation | None:
    """The invitation the token opens: pending and not expired (None otherwise)."""
    if not token or len(token) > 100:
        return None
    invitation = (
        Invitation.objects.select_related("verksamhet", "organisation", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None or invitation.state() != Invitation.State.PENDING:
        return None
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    password: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Use the link: the account (new, or the existing one of this address) gets the role.

    The role is recorded as given by the person who invited. Once used, the link is spent.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state() != Invitation.State.PENDING:
        raise ValidationError(_("The invitation link is no longer valid."))
    by = invitation.invited_by
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        if not first_name.strip():
            raise ValidationError({"first_name": _("Enter your first name.")})
        user = User(
            email=invitation.email,
            first_name=first_name.strip()[:150],
            last_name=last_name.strip()[:150],
        )
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"new_password1": exc.messages}) from None
        user.set_password(password)
        save(user, by=by, reason=_("Account created from an invitation"))
    elif not user.is_active:
        raise ValidationError(_("The account of this address is closed."))
    if not RoleAssignment.objects.filter(
        user=user, verksamhet_id=invitation.verksamhet_id, role=invitation.role
    ).exists():
        save(
            RoleAssignment(
                user=user,
                verksamhet_id=invitation.verksamhet_id,
                role=invitation.role,
                organisation=invitation.organisation,
            ),
            by=by,
            reason=_("Invitation accepted"),
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    save(invitation, by=user, reason=_("Invitation accepted"))
    return user
