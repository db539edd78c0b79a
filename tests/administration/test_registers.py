"""The verksamhet's own registers: organisations (add, rename, deactivate, duplicates refused)
and its settings (kommuner served without breaking old clients)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from administration import services
from clients.forms import ClientForm, organisations
from core.models import Kommun, Organisation, OrganisationType, Verksamhet
from tests.clients.factories import ClientFactory


def _as(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_lead_adds_an_organisation_and_a_duplicate_name_is_refused_in_swedish(
    world, lead_lars
) -> None:  # type: ignore[no-untyped-def]
    url = reverse("administration:organisation_new")
    response = _as(lead_lars).post(url, {"name": "  Kronofogden  Västerås ", "type": "annan"})
    assert response.status_code == 302
    created = Organisation.objects.get(verksamhet=world.verksamhet, name="Kronofogden Västerås")
    assert created.history.first().history_user == lead_lars
    again = _as(lead_lars).post(url, {"name": "kronofogden västerås", "type": "annan"})
    html = again.content.decode()
    assert again.status_code == 200
    assert "Det finns redan en organisation som heter kronofogden västerås." in html
    assert 'value="kronofogden västerås"' in html  # what was typed is kept
    assert Organisation.objects.filter(name__iexact="kronofogden västerås").count() == 1


def test_a_deactivated_organisation_stays_on_old_records_and_is_not_offered_for_new(
    world, lead_lars
) -> None:  # type: ignore[no-untyped-def]
    fk = world.orgs["fk"]
    services.organisation_update(
        organisation=fk,
        by=lead_lars,
        expected_version=fk.version,
        name="Försäkringskassan Västerås",
        type=OrganisationType.FORSAKRINGSKASSAN,
        active=False,
    )
    fk.refresh_from_db()
    assert not fk.active and fk.name == "Försäkringskassan Västerås"
    page = _as(lead_lars).get(reverse("administration:organisations")).content.decode()
    assert page.index("I bruk") < page.index("Inaktiva") < page.index("Försäkringskassan Västerås")
    assert fk not in organisations(world.verksamhet)


def test_concurrent_edits_of_an_organisation_never_silently_overwrite(
    world, lead_lars, admin_agnes
) -> None:  # type: ignore[no-untyped-def]
    af = world.orgs["af"]
    url = reverse("administration:organisation_edit", args=[af.pk])
    form = {
        "name": "AF Västerås",
        "type": "arbetsformedlingen",
        "active": "on",
        "version": af.version,
    }
    assert _as(lead_lars).post(url, form).status_code == 302
    response = _as(admin_agnes).post(url, {**form, "name": "Arbetsförmedlingen Mälardalen"})
    assert response.status_code == 200
    assert "sparade medan du redigerade" in response.content.decode()
    af.refresh_from_db()
    assert af.name == "AF Västerås"


def test_settings_change_the_kommuner_served_without_breaking_old_clients(
    world, admin_agnes, ombud_anna
) -> None:  # type: ignore[no-untyped-def]
    v: Verksamhet = world.verksamhet
    old_kommun, other = Kommun.objects.exclude(pk=v.huvudman_id).order_by("name")[:2]
    services.verksamhet_update(
        verksamhet=v,
        by=admin_agnes,
        expected_version=v.version,
        name=v.name,
        form=v.form,
        huvudman=v.huvudman,
        kommuner=[v.huvudman, old_kommun],
        contractor=v.contractor,
    )
    client = ClientFactory(verksamhet=v, kommun=old_kommun)
    new_list = [v.huvudman, other]
    # Kommuner outside the county are chosen from the whole list (?alla=1).
    response = _as(admin_agnes).post(
        reverse("administration:settings") + "?alla=1",
        {
            "name": "PO Västerås med omnejd",
            "form": v.form,
            "contractor": "",
            "huvudman": v.huvudman_id,
            "kommuner": [k.pk for k in new_list],
            "no_contact_days": 21,
            "version": v.version,
        },
    )
    assert response.status_code == 302, [
        line
        for line in response.content.decode().splitlines()
        if "invalid-feedback" in line or "alert-danger" in line
    ]
    v.refresh_from_db()
    assert v.name == "PO Västerås med omnejd" and v.no_contact_days == 21
    assert set(v.kommuner.all()) == set(new_list)
    client.refresh_from_db()
    assert client.kommun == old_kommun  # the old client keeps its kommun
    # ... and its form still offers it, while a new client's does not.
    editing = ClientForm(instance=client, verksamhet=v)
    assert old_kommun in editing.fields["kommun"].queryset
    fresh = ClientForm(verksamhet=v)
    assert old_kommun not in fresh.fields["kommun"].queryset


def test_settings_refuse_a_huvudman_outside_those_served_next_to_the_field(
    world, admin_agnes
) -> None:  # type: ignore[no-untyped-def]
    v = world.verksamhet
    with pytest.raises(ValidationError) as refused:
        services.verksamhet_update(
            verksamhet=v,
            by=admin_agnes,
            expected_version=v.version,
            name=v.name,
            form=Verksamhet.Form.ENTREPRENAD,
            huvudman=v.huvudman,
            kommuner=list(Kommun.objects.exclude(pk=v.huvudman_id)[:2]),
            contractor="",
        )
    assert "huvudman" in refused.value.message_dict
    page = _as(admin_agnes).get(reverse("administration:settings")).content.decode()
    assert reverse("dataprotection:gallring_rule") in page
    # The county's kommuner as checkboxes, not all 290 in a list.
    boxes = page.count('name="kommuner"')
    assert 0 < boxes < 60
    everyone = _as(admin_agnes).get(reverse("administration:settings") + "?alla=1")
    assert everyone.content.decode().count('name="kommuner"') == Kommun.objects.count()


def test_lead_may_not_change_the_settings_and_no_one_edits_another_verksamhets_register(
    world, lead_lars, outsider_olle
) -> None:  # type: ignore[no-untyped-def]
    v = world.verksamhet
    with pytest.raises(PermissionDenied):
        services.verksamhet_update(
            verksamhet=v,
            by=lead_lars,
            expected_version=v.version,
            name="X",
            form=v.form,
            huvudman=v.huvudman,
            kommuner=[v.huvudman],
        )
    with pytest.raises(PermissionDenied):
        services.organisation_create(verksamhet=v, by=outsider_olle, name="Ny", type="annan")
