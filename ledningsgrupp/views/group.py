"""The ledningsgrupp page: composition check, members and representatives, seat offers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import requires_roles

from .. import services
from ..forms import LedningsgruppForm, MemberOrganisationForm, RepresentativeForm, SeatOfferForm
from ..models import MemberOrganisation, Representative, SeatOffer
from ..selectors import (
    composition_check,
    ledningsgrupp_for,
    manages,
    membership_overview,
    next_meeting,
)
from ._base import MANAGE_ROLES, READ_ROLES, group_or_404, require_manager, run_service


@requires_roles(*READ_ROLES)
def overview(request: HttpRequest) -> HttpResponse:
    group = ledningsgrupp_for(verksamhet=request.verksamhet)  # type: ignore[attr-defined]
    context: dict[str, Any] = {"group": group, "manager": manages(request=request, group=group)}
    if group is not None:
        context.update(membership_overview(group=group))
        context["check"] = composition_check(verksamhet=request.verksamhet)  # type: ignore[attr-defined]
        context["next_meeting"] = next_meeting(group=group)
        context["today"] = timezone.localdate()
    return render(request, "ledningsgrupp/overview.html", context)


@requires_roles(*MANAGE_ROLES)
def settings(request: HttpRequest) -> HttpResponse:
    group = ledningsgrupp_for(verksamhet=request.verksamhet)  # type: ignore[attr-defined]
    require_manager(request, group)
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    initial = {"name": _("Steering group for %(name)s") % {"name": verksamhet.name}}
    initial["convened_by"] = verksamhet.huvudman_id
    form = LedningsgruppForm(
        request.POST or None, instance=group, verksamhet=verksamhet, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.ledningsgrupp_save(
                verksamhet=verksamhet,
                by=request.user,
                name=form.cleaned_data["name"],
                convened_by=form.cleaned_data["convened_by"],
                quorum=form.cleaned_data["quorum"],
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if saved is not None:
            messages.success(request, _("The steering group is saved."))
            return redirect("ledningsgrupp:overview")
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": _("Steering group")})


@requires_roles(*MANAGE_ROLES)
def member_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    group = group_or_404(request)
    member = get_object_or_404(MemberOrganisation, pk=pk, ledningsgrupp=group) if pk else None
    require_manager(request, group)
    form = MemberOrganisationForm(
        request.POST or None,
        instance=member,
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
        initial={"start": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.member_organisation_save(
                group=group, by=request.user, member=member, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The member organisation is saved."))
            return redirect("ledningsgrupp:overview")
    title = _("Member organisation") if member else _("New member organisation")
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": title})


@requires_roles(*MANAGE_ROLES)
def representative_edit(
    request: HttpRequest, pk: int | None = None, member_pk: int | None = None
) -> HttpResponse:
    group = group_or_404(request)
    rep = None
    if pk:
        rep = get_object_or_404(
            Representative.objects.select_related("member_organisation"),
            pk=pk,
            member_organisation__ledningsgrupp=group,
        )
        member = rep.member_organisation
    else:
        member = get_object_or_404(MemberOrganisation, pk=member_pk, ledningsgrupp=group)
    require_manager(request, group)
    form = RepresentativeForm(
        request.POST or None,
        instance=rep,
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
        initial={"start": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.representative_save(
                member_organisation=member, by=request.user, representative=rep, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The representative is saved."))
            return redirect("ledningsgrupp:overview")
    title = _("Representative of %(org)s") % {"org": member.organisation.name}
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": title})


@requires_roles(*MANAGE_ROLES)
def offer_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    group = group_or_404(request)
    offer = get_object_or_404(SeatOffer, pk=pk, ledningsgrupp=group) if pk else None
    require_manager(request, group)
    form = SeatOfferForm(
        request.POST or None,
        instance=offer,
        verksamhet=request.verksamhet,  # type: ignore[attr-defined]
        initial={"offered_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.seat_offer_save(
                group=group, by=request.user, offer=offer, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The seat offer is saved."))
            return redirect("ledningsgrupp:overview")
    title = _("Seat offer") if offer else _("New seat offer")
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": title})
