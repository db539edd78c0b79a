"""“Avsluta konto”: an ombud leaves. One page shows their current clients and open tasks; the
administrator chooses, per client, who takes over (or the waiting list) and gives the reason;
the service does it all in one transaction."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.audit import log_access
from core.forms import form_page, submit
from core.http import Request

from ..forms import OffboardingForm
from ..selectors.offboarding import current_uppdrag, open_tasks
from ..selectors.users import ombud_choices
from ..services import account_close
from .users import crumbs, someone_else


@requires("users.manage")
def account_close_page(request: Request, pk: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    user = someone_else(request, pk)
    if not user.is_active:
        messages.info(request, _("The account is already closed."))
        return redirect("administration:user", pk=user.pk)
    uppdrag = current_uppdrag(user=user, verksamhet=verksamhet, day=timezone.localdate())
    tasks = open_tasks(user=user, verksamhet=verksamhet)
    form = OffboardingForm(
        request.POST or None, uppdrag=uppdrag, ombud=ombud_choices(verksamhet, leaving=user)
    )
    closed = submit(
        request,
        form,
        lambda data: account_close(
            user=user,
            verksamhet=verksamhet,
            by=request.user,
            reason=data["reason"],
            shown=data["shown"],
            plan=form.plan(),
        ),
    )
    if closed is not None:
        messages.success(
            request,
            _("%(name)s's clients are handed over and the account is closed.") % {"name": user},
        )
        return redirect("administration:user", pk=user.pk)
    for u in uppdrag:  # the page names these clients
        log_access(
            user=request.user,
            obj=u.client,
            verksamhet_id=verksamhet.pk,
            what="avsluta konto: klientlista",
            path=request.path,
        )
    return form_page(
        request,
        form,
        title=_("Close the account of %(name)s") % {"name": user},
        crumbs=crumbs(user),
        intro=_(
            "Choose who takes over each client, or put the client back on the waiting list. "
            "Open tasks about a client go with the client to the new ombud; the other open tasks "
            "are closed. Then the account is closed: the person can no longer log in, and their "
            "name stays on everything they did."
        ),
        cancel_url=reverse("administration:user", kwargs={"pk": user.pk}),
        submit_label=_("Hand over and close the account"),
        danger=True,
        template="administration/offboarding.html",
        uppdrag=uppdrag,
        tasks=tasks,
        leaving=user,
    )
