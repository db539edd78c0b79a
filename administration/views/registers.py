"""The verksamhet's registers: its organisations (lead and admin) and its settings (admin)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import form_page, submit
from core.http import Request

from ..forms import OrganisationForm, VerksamhetSettingsForm
from ..selectors.registers import organisation_in, register_of
from ..services import organisation_create, organisation_update, verksamhet_update


def _crumbs() -> list[tuple[str, str]]:
    return [(_("Organisations"), reverse("administration:organisations"))]


@requires("organisations.manage")
def organisation_list(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    organisations = register_of(verksamhet)
    return render(
        request,
        "administration/organisations.html",
        {
            "active": [o for o in organisations if o.active],
            "inactive": [o for o in organisations if not o.active],
        },
    )


@requires("organisations.manage")
def organisation_new(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    form = OrganisationForm(request.POST or None, verksamhet=verksamhet)
    created = submit(
        request,
        form,
        lambda data: organisation_create(
            verksamhet=verksamhet,
            by=request.user,
            name=data["name"],
            type=data["type"],
            kommun=data["kommun"],
        ),
    )
    if created is not None:
        messages.success(request, _("%(name)s is added to the register.") % {"name": created})
        return redirect("administration:organisations")
    return form_page(
        request,
        form,
        title=_("New organisation"),
        crumbs=_crumbs(),
        cancel_url=reverse("administration:organisations"),
    )


@requires("organisations.manage")
def organisation_edit(request: Request, pk: int) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    organisation = organisation_in(verksamhet, pk)
    form = OrganisationForm(request.POST or None, instance=organisation, verksamhet=verksamhet)
    saved = submit(
        request,
        form,
        lambda data: organisation_update(
            organisation=organisation,
            by=request.user,
            expected_version=data.get("version"),
            name=data["name"],
            type=data["type"],
            kommun=data["kommun"],
            active=data["active"],
        ),
    )
    if saved is not None:
        messages.success(request, _("%(name)s is saved.") % {"name": saved})
        return redirect("administration:organisations")
    return form_page(
        request,
        form,
        title=str(organisation),
        crumbs=_crumbs(),
        cancel_url=reverse("administration:organisations"),
        note=_("A new name shows on every record that names the organisation, old ones too."),
    )


@requires("verksamhet.settings")
def verksamhet_settings(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    all_kommuner = request.GET.get("alla") == "1"
    form = VerksamhetSettingsForm(
        request.POST or None, instance=verksamhet, all_kommuner=all_kommuner
    )
    saved = submit(
        request,
        form,
        lambda data: verksamhet_update(
            verksamhet=verksamhet,
            by=request.user,
            expected_version=data.get("version"),
            name=data["name"],
            form=data["form"],
            huvudman=data["huvudman"],
            kommuner=list(data["kommuner"]),
            contractor=data["contractor"],
            no_contact_days=data["no_contact_days"],
            contact_phone=data["contact_phone"],
            contact_email=data["contact_email"],
            postal_address=data["postal_address"],
        ),
    )
    if saved is not None:
        messages.success(request, _("The settings are saved."))
        return redirect("administration:settings")
    return form_page(
        request,
        form,
        title=_("Settings of the PO service"),
        template="administration/settings.html",
        submit_label=_("Save the settings"),
        all_kommuner=all_kommuner,
    )
