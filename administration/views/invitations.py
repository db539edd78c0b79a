"""Invitations: the list, a new one, sent again or withdrawn; and the public page of the link."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import login
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import actor_for, otp_required_for, public, requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request
from core.models import User

from ..forms import AcceptForm, InvitationForm
from ..models import Invitation
from ..selectors.users import invitation_in, invitations_of
from ..services import invitation_accept, invitation_create, invitation_resend, invitation_withdraw
from ..services.invitations import open_invitation
from .users import crumbs

# Links that open nothing, per address and hour, before the page stops looking (a token has
# 256 random bits, so this only keeps a scanner from filling the logs and the database).
MISSES_PER_HOUR = 20


@requires("users.manage")
def invitation_list(request: Request) -> HttpResponse:
    rows = invitations_of(verksamhet_of(request.actor))
    return render(
        request,
        "administration/invitations.html",
        {"rows": rows, "pending": Invitation.State.PENDING, "crumbs": crumbs()},
    )


@requires("users.manage")
def invitation_new(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    form = InvitationForm(request.POST or None, verksamhet=verksamhet)
    made = submit(
        request,
        form,
        lambda data: invitation_create(
            verksamhet=verksamhet,
            email=data["email"],
            role=data["role"],
            organisation=data.get("organisation"),
            first_name=data["first_name"],
            last_name=data["last_name"],
            by=request.user,
        ),
    )
    if made is not None:
        messages.success(request, _("The invitation is sent to %(email)s.") % {"email": made.email})
        return redirect("administration:invitations")
    return form_page(
        request,
        form,
        title=_("Invite a user"),
        crumbs=[*crumbs(), (_("Invitations"), reverse("administration:invitations"))],
        intro=_(
            "The person gets an e-mail with a link, valid for 72 hours and usable once, to set a "
            "password. Someone who already has an account in another PO service gets the role "
            "added to that account."
        ),
        cancel_url=reverse("administration:invitations"),
        submit_label=_("Send the invitation e-mail"),
    )


@require_POST
@requires("users.manage")
def invitation_send_again(request: Request, pk: int) -> HttpResponse:
    invitation = invitation_in(verksamhet_of(request.actor), pk)
    if submit_button(request, lambda: invitation_resend(invitation=invitation, by=request.user)):
        messages.success(request, _("The invitation is sent again, with a new link."))
    return redirect("administration:invitations")


@require_POST
@requires("users.manage")
def invitation_cancel(request: Request, pk: int) -> HttpResponse:
    invitation = invitation_in(verksamhet_of(request.actor), pk)
    if submit_button(request, lambda: invitation_withdraw(invitation=invitation, by=request.user)):
        messages.success(request, _("The invitation is withdrawn: its link no longer works."))
    return redirect("administration:invitations")


def submit_button(request: Request, action: Callable[[], object]) -> bool:
    """A button-only form: the service's refusal becomes a message on the next page."""
    try:
        action()
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
        return False
    return True


def _client_ip(request: Request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@public
def invitation_accept_page(request: Request, token: str) -> HttpResponse:
    """The link in the e-mail. A new person sets a name and password, is logged in and, when
    the role demands it, goes straight on to set up two-step login."""
    misses_key = f"invitation-miss:{_client_ip(request)}"
    if (cache.get(misses_key) or 0) >= MISSES_PER_HOUR:
        return render(request, "administration/accept_invalid.html", status=429)
    invitation = open_invitation(token)
    if invitation is None:
        try:
            cache.incr(misses_key)
        except ValueError:
            cache.set(misses_key, 1, 3600)
        return render(request, "administration/accept_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).exists()
    form = (
        None
        if existing
        else AcceptForm(
            request.POST or None,
            initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
        )
    )
    if existing and request.method == "POST":
        if submit_button(request, lambda: invitation_accept(invitation=invitation)):
            messages.success(
                request,
                _("The role is added to your account. Log in as usual."),
            )
            return redirect("login")
    elif form is not None:
        user = submit(
            request,
            form,
            lambda data: invitation_accept(
                invitation=invitation,
                password=data["new_password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            ),
        )
        if user is not None:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if otp_required_for(actor_for(user, invitation.verksamhet_id)):
                messages.success(request, _("Your account is ready. Now set up two-step login."))
                return redirect("otp_setup")
            messages.success(request, _("Your account is ready."))
            return redirect("dashboard")
    return render(
        request,
        "administration/accept.html",
        {"invitation": invitation, "form": form, "existing": existing},
    )
