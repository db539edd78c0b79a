"""The ledningsgrupp page: composition check, members and representatives, seat offers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import requires
from core.forms import form_page, submit
from core.http import Request

from .. import services
from ..forms import LedningsgruppForm, MemberOrganisationForm, RepresentativeForm, SeatOfferForm
from ..models import MemberOrganisation, Representative, SeatOffer
from ..selectors import composition_check, ledningsgrupp_for, membership_overview, next_meeting
from ._base import group_crumbs, group_or_404, overview_url


@requires("ledningsgrupp.view")
def overview(request: Request) -> HttpResponse:
    actor = request.actor
    group = ledningsgrupp_for(actor=actor)
    context: dict[str, Any] = {
        "group": group,
        "manager": actor.can("meeting.manage", group or actor.verksamhet),
    }
    if group is not None:
        context.update(membership_overview(group=group))
        context["check"] = composition_check(verksamhet=group.verksamhet)
        context["next_meeting"] = next_meeting(group=group)
        context["today"] = actor.today
    return render(request, "ledningsgrupp/overview.html", context)


@requires("meeting.manage")
def settings(request: Request) -> HttpResponse:
    actor = request.actor
    verksamhet = actor.verksamhet
    assert verksamhet is not None  # requires() lets no actor without one through
    group = ledningsgrupp_for(actor=actor)
    actor.require("meeting.manage", group or verksamhet)
    initial = {
        "name": _("Steering group for %(name)s") % {"name": verksamhet.name},
        "convened_by": verksamhet.huvudman_id,
    }
    form = LedningsgruppForm(
        request.POST or None, instance=group, verksamhet=verksamhet, initial=initial
    )
    saved = submit(
        request,
        form,
        lambda data: services.ledningsgrupp_save(
            verksamhet=verksamhet,
            by=request.user,
            name=data["name"],
            convened_by=data["convened_by"],
            quorum=data["quorum"],
            expected_version=data.get("version"),
        ),
    )
    if saved is not None:
        messages.success(request, _("The steering group is saved."))
        return redirect("ledningsgrupp:overview")
    return form_page(
        request,
        form,
        title=_("Steering group"),
        crumbs=group_crumbs(group) if group is not None else [],
        cancel_url=overview_url(),
    )


@requires("meeting.manage")
def member_edit(request: Request, pk: int | None = None) -> HttpResponse:
    group = group_or_404(request)
    member = get_object_or_404(MemberOrganisation, pk=pk, ledningsgrupp=group) if pk else None
    request.actor.require("meeting.manage", group)
    form = MemberOrganisationForm(
        request.POST or None,
        instance=member,
        verksamhet=group.verksamhet,
        initial={"start": request.actor.today},
    )
    saved = submit(
        request,
        form,
        lambda data: services.member_organisation_save(
            group=group, by=request.user, member=member, **data
        ),
    )
    if saved is not None:
        messages.success(request, _("The member organisation is saved."))
        return redirect("ledningsgrupp:overview")
    title = _("Member organisation") if member else _("New member organisation")
    return form_page(
        request, form, title=title, crumbs=group_crumbs(group), cancel_url=overview_url()
    )


@requires("meeting.manage")
def representative_edit(
    request: Request, pk: int | None = None, member_pk: int | None = None
) -> HttpResponse:
    group = group_or_404(request)
    rep = None
    if pk:
        rep = get_object_or_404(
            Representative.objects.select_related("member_organisation__organisation"),
            pk=pk,
            member_organisation__ledningsgrupp=group,
        )
        member = rep.member_organisation
    else:
        member = get_object_or_404(
            MemberOrganisation.objects.select_related("organisation"),
            pk=member_pk,
            ledningsgrupp=group,
        )
    request.actor.require("meeting.manage", group)
    form = RepresentativeForm(
        request.POST or None,
        instance=rep,
        verksamhet=group.verksamhet,
        initial={"start": request.actor.today},
    )
    saved = submit(
        request,
        form,
        lambda data: services.representative_save(
            member_organisation=member, by=request.user, representative=rep, **data
        ),
    )
    if saved is not None:
        messages.success(request, _("The representative is saved."))
        return redirect("ledningsgrupp:overview")
    title = _("Representative of %(org)s") % {"org": member.organisation.name}
    return form_page(
        request, form, title=title, crumbs=group_crumbs(group), cancel_url=overview_url()
    )


@requires("meeting.manage")
def offer_edit(request: Request, pk: int | None = None) -> HttpResponse:
    group = group_or_404(request)
    offer = get_object_or_404(SeatOffer, pk=pk, ledningsgrupp=group) if pk else None
    request.actor.require("meeting.manage", group)
    form = SeatOfferForm(
        request.POST or None,
        instance=offer,
        verksamhet=group.verksamhet,
        initial={"offered_on": request.actor.today},
    )
    saved = submit(
        request,
        form,
        lambda data: services.seat_offer_save(group=group, by=request.user, offer=offer, **data),
    )
    if saved is not None:
        messages.success(request, _("The seat offer is saved."))
        return redirect("ledningsgrupp:overview")
    title = _("Seat offer") if offer else _("New seat offer")
    return form_page(
        request, form, title=title, crumbs=group_crumbs(group), cancel_url=overview_url()
    )
