"""Anonymisation on request: the lead asks, an administrator (another person) decides."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from clients.models import Client as ClientRecord
from clients.models import Consent
from core.models import Role, RoleAssignment
from dataprotection.models import AnonymisationRequest, ErasedClient
from dataprotection.selectors.screens import restricted_client_ids
from dataprotection.services import anonymisation_decide, anonymisation_request


def test_erasure_needs_a_second_person(world, kim, lead_lars, admin_agnes):  # type: ignore[no-untyped-def]
    req = anonymisation_request(
        client=kim, kind="erasure", reason="Klienten begär det", by=lead_lars
    )
    loaded = req.version
    with pytest.raises(ValidationError):
        anonymisation_decide(request=req, by=lead_lars, approve=True, expected_version=loaded)
    assert ClientRecord.objects.get(pk=kim.pk).alias == "Kim"
    anonymisation_decide(
        request=req, by=admin_agnes, approve=True, comment="Ingen lagkrav", expected_version=loaded
    )
    c = ClientRecord.objects.get(pk=kim.pk)
    assert c.alias != "Kim" and c.personnummer == "" and c.first_name == ""
    assert c.birth_year == 1980
    assert not Consent.objects.filter(client=c).exists()
    assert not ClientRecord.history.filter(id=c.pk).exists()
    assert ErasedClient.objects.get(client=c).kind == "anonymisation"
    req.refresh_from_db()
    assert req.status == "carried_out" and req.decided_by == admin_agnes
    # The request's own history says who did what.
    users = [h.history_user for h in req.history.order_by("history_date")]
    assert users == [lead_lars, admin_agnes]


def test_requester_who_is_also_admin_cannot_approve(world, kim, lead_lars):  # type: ignore[no-untyped-def]
    RoleAssignment.objects.create(user=lead_lars, verksamhet=world.verksamhet, role=Role.ADMIN)
    req = anonymisation_request(client=kim, kind="erasure", reason="Begäran", by=lead_lars)
    with pytest.raises(ValidationError) as exc:
        anonymisation_decide(request=req, by=lead_lars, approve=True, expected_version=req.version)
    assert exc.value.messages == [gettext("The person who made the request cannot decide on it.")]


def test_restriction_keeps_the_data(world, kim, lead_lars, admin_agnes):  # type: ignore[no-untyped-def]
    req = anonymisation_request(
        client=kim, kind="restriction", reason="Uppgifterna behövs i ett ärende", by=lead_lars
    )
    anonymisation_decide(request=req, by=admin_agnes, approve=True, expected_version=req.version)
    assert ClientRecord.objects.get(pk=kim.pk).personnummer == "198001011234"
    assert restricted_client_ids(world.verksamhet) == {kim.pk}


def test_reject_needs_a_comment(world, kim, lead_lars, admin_agnes):  # type: ignore[no-untyped-def]
    req = anonymisation_request(client=kim, kind="erasure", reason="Begäran", by=lead_lars)
    loaded = req.version
    with pytest.raises(ValidationError) as exc:
        anonymisation_decide(request=req, by=admin_agnes, approve=False, expected_version=loaded)
    assert "decision_comment" in exc.value.message_dict
    anonymisation_decide(
        request=req,
        by=admin_agnes,
        approve=False,
        comment="Rättslig tvist",
        expected_version=loaded,
    )
    req.refresh_from_db()
    assert req.status == "rejected"
    assert ClientRecord.objects.get(pk=kim.pk).alias == "Kim"


def test_request_needs_reason_and_no_duplicate(world, kim, lead_lars):  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        anonymisation_request(client=kim, kind="erasure", reason=" ", by=lead_lars)
    assert "reason" in exc.value.message_dict
    anonymisation_request(client=kim, kind="erasure", reason="Begäran", by=lead_lars)
    with pytest.raises(ValidationError):
        anonymisation_request(client=kim, kind="erasure", reason="Igen", by=lead_lars)


def test_screens_lead_requests_admin_approves(client, world, kim, lead_lars, admin_agnes):  # type: ignore[no-untyped-def]
    client.force_login(lead_lars)
    response = client.post(
        f"/dataskydd/klienter/{kim.pk}/begaran/", {"kind": "erasure", "reason": "Klientens begäran"}
    )
    assert response.status_code == 302
    req = AnonymisationRequest.objects.get()
    detail = f"/dataskydd/begaran/{req.pk}/"
    assert client.post(detail, {"decision": "approve", "version": req.version}).status_code == 403
    client.force_login(admin_agnes)
    dashboard = client.get("/").content.decode()
    assert detail in dashboard
    response = client.post(detail, {"decision": "approve", "version": req.version})
    assert response.status_code == 302
    assert ClientRecord.objects.get(pk=kim.pk).alias != "Kim"


def test_request_pages_show_the_choice_labels(world, kim, lead_lars, client):  # type: ignore[no-untyped-def]
    """The kind and status read as their Swedish labels (Django's own get_<field>_display)."""
    from django.urls import reverse

    req = anonymisation_request(
        client=kim, kind="restriction", reason="Klienten begär det", by=lead_lars
    )
    client.force_login(lead_lars)
    for url in (
        reverse("dataprotection:anonymisation_detail", kwargs={"pk": req.pk}),
        reverse("dataprotection:anonymisation_list"),
    ):
        page = client.get(url).content.decode()
        assert "Begränsning (spara, men begränsa användningen)" in page
        assert "Väntar på beslut" in page
    assert str(req).startswith("Begränsning (spara")
    assert AnonymisationRequest(kind="okänd").get_kind_display() == "okänd"
