"""The users page: everyone with a role here, one person's roles, a role added or removed,
the second factor reset."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request
from core.models import User

from ..filters import UserFilter
from ..forms import ReasonForm, RoleAddForm
from ..selectors.users import account_closed, people, person_in, role_history, role_in
from ..services import role_add, role_remove, second_factor_reset

PER_PAGE = 50


def crumbs(user: User | None = None) -> list[tuple[str, str]]:
    out = [(_("Users"), reverse("administration:users"))]
    if user is not None:
        out.append((str(user), reverse("administration:user", kwargs={"pk": user.pk})))
    return out


def someone_else(request: Request, pk: int) -> User:
    """The person ``pk`` of this verksamhet (404), never the administrator themselves (403):
    nobody manages their own roles or account."""
    user = person_in(verksamhet_of(request.actor), pk)
    if user.pk == request.user.pk:
        raise PermissionDenied
    return user


@requires("users.manage")
def user_list(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    filterset = UserFilter(request.GET or None, queryset=people(verksamhet), verksamhet=verksamhet)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "administration/users.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )


@requires("users.manage")
def user_detail(request: Request, pk: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    user = person_in(verksamhet, pk)
    return render(
        request,
        "administration/user_detail.html",
        {
            "person": user,
            "is_self": user.pk == request.user.pk,
            "history": role_history(verksamhet, user)[:50],
            "closed": None if user.is_active else account_closed(user),
            "crumbs": crumbs(),
        },
    )


@requires("users.manage")
def role_new(request: Request, pk: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    user = someone_else(request, pk)
    form = RoleAddForm(request.POST or None, verksamhet=verksamhet)
    added = submit(
        request,
        form,
        lambda data: role_add(
            user=user,
            verksamhet=verksamhet,
            role=data["role"],
            organisation=data.get("organisation"),
            reason=data["reason"],
            by=request.user,
        ),
    )
    if added is not None:
        messages.success(request, _("The role is added."))
        return redirect("administration:user", pk=user.pk)
    return form_page(
        request,
        form,
        title=_("Add a role"),
        crumbs=crumbs(user),
        cancel_url=reverse("administration:user", kwargs={"pk": user.pk}),
        submit_label=_("Add the role"),
    )


@requires("users.manage")
def role_delete(request: Request, pk: int, rpk: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    user = someone_else(request, pk)
    assignment = role_in(verksamhet, user, rpk)
    form = ReasonForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: role_remove(assignment=assignment, reason=data["reason"], by=request.user),
    )
    if done is not None:
        messages.success(request, _("The role is removed."))
        return redirect("administration:user", pk=user.pk)
    return form_page(
        request,
        form,
        title=_("Remove the role “%(role)s”") % {"role": assignment.get_role_display()},
        crumbs=crumbs(user),
        cancel_url=reverse("administration:user", kwargs={"pk": user.pk}),
        submit_label=_("Remove the role"),
        danger=True,
    )


@requires("users.manage")
def second_factor(request: Request, pk: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    user = someone_else(request, pk)
    form = ReasonForm(request.POST or None)
    removed = submit(
        request,
        form,
        lambda data: second_factor_reset(
            user=user, verksamhet=verksamhet, reason=data["reason"], by=request.user
        ),
    )
    if removed is not None:
        messages.success(
            request,
            _("Two-step login is reset: %(name)s sets it up again at the next login.")
            % {"name": user},
        )
        return redirect("administration:user", pk=user.pk)
    return form_page(
        request,
        form,
        title=_("Reset two-step login"),
        crumbs=crumbs(user),
        intro=_(
            "For a user who lost their phone: the authenticator app and the recovery codes stop "
            "working, and the user sets up two-step login again at the next login."
        ),
        cancel_url=reverse("administration:user", kwargs={"pk": user.pk}),
        submit_label=_("Reset two-step login"),
        danger=True,
    )
