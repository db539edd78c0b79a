"""Gallring: the dry run lists, the real run reduces clients to a skeleton and removes history
and old access-log rows, and the gallring log keeps counts only."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from clients.models import (
    ActionPlan,
    Consent,
    Contact,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)
from clients.models import Client as ClientRecord
from core.models import AccessLog
from dataprotection.family import (
    FAMILY,
    family_ids,
    history_model,
    is_historical,
    m2m_history_models,
)
from dataprotection.models import ErasedClient, GallringRun
from dataprotection.selectors.gallring import dry_run
from dataprotection.services import gallring_rule_save, gallring_run
from tests.dataprotection.factories import read_at


def test_family_lists_every_model_of_the_clients_app() -> None:
    """Gallring and the registerutdrag cover the models in family.FAMILY: a model the clients
    app adds must be listed there."""
    models = {m for m in apps.get_app_config("clients").get_models() if not is_historical(m)}
    assert models - {ClientRecord} == set(FAMILY)


def history_rows(client_id: int) -> int:
    total = 0
    for model, ids in family_ids([client_id]).items():
        historical = history_model(model)
        rows = historical.objects.filter(id__in=ids)
        total += rows.count()
        for m2m in m2m_history_models(historical):
            total += m2m.objects.filter(history__in=rows).count()
    return total


def test_dry_run_lists_only_clients_past_the_rule(world, kim, old_client):  # type: ignore[no-untyped-def]
    dry = dry_run(world.verksamhet)
    assert [c.pk for c in dry.clients] == [old_client.pk]
    assert dry.rule.years_after_end == 3
    assert history_rows(old_client.pk) > 0


def test_dry_run_command_changes_nothing(world, old_client, capsys):  # type: ignore[no-untyped-def]
    before = history_rows(old_client.pk)
    call_command("gallra", "--dry-run", "--verksamhet", world.verksamhet.slug)
    out = capsys.readouterr().out
    assert f"client {old_client.pk} Gammal" in out
    assert "1 clients" in out
    old_client.refresh_from_db()
    assert old_client.alias == "Gammal"
    assert history_rows(old_client.pk) == before


def test_run_keeps_the_skeleton_and_removes_the_rest(world, kim, old_client, lead_lars):  # type: ignore[no-untyped-def]
    kim_history = history_rows(kim.pk)
    run = gallring_run(verksamhet=world.verksamhet, by=lead_lars)
    c = ClientRecord.objects.get(pk=old_client.pk)
    assert c.alias.endswith(str(c.pk)) and "Gammal" not in c.alias
    assert (c.first_name, c.last_name, c.personnummer, c.phone, c.email, c.address) == (
        "",
        "",
        "",
        "",
        "",
        "",
    )
    assert c.contact_notes == ""
    assert (c.birth_year, c.gender, c.primary_group, c.other_groups, c.hemloshet) == (
        1980,
        "kvinna",
        2,
        [3, 4],
        True,
    )
    uppdrag = Uppdrag.objects.get(client=c)
    assert (uppdrag.status, uppdrag.ended, uppdrag.end_reason, uppdrag.boende_start) == (
        "ended",
        datetime.date(2020, 6, 30),
        "goals_met",
        "hemlos",
    )
    assert uppdrag.referred_by == ""
    contacts = Contact.objects.filter(client=c)
    assert contacts.count() == 2 and set(contacts.values_list("note", flat=True)) == {""}
    assert contacts.filter(struck_at__isnull=False).count() == 1
    for model in (Consent, Fullmakt, Need, ActionPlan, Task):
        assert not model.objects.filter(client=c).exists(), model
    assert not Goal.objects.filter(plan__client=c).exists()
    assert not Step.objects.filter(goal__plan__client=c).exists()
    assert history_rows(c.pk) == 0
    # The active client is untouched.
    kim.refresh_from_db()
    assert kim.personnummer == "198001011234" and history_rows(kim.pk) == kim_history
    # The log: who, when, counts only.
    assert run.ran_by == lead_lars and run.clients == 1
    assert run.counts["deleted"]["clients.consent"] == 1
    assert run.counts["anonymised"]["clients.client"] == 1
    assert run.history_total > 10
    assert "Gammal" not in str(run.counts)
    assert ErasedClient.objects.get(client=c).run == run
    assert GallringRun.history.filter(id=run.pk).first().history_user == lead_lars
    # A second run finds nothing more.
    assert gallring_run(verksamhet=world.verksamhet, by=lead_lars).clients == 0


def test_access_log_beyond_retention_is_removed(world, kim, lead_lars):  # type: ignore[no-untyped-def]
    now = timezone.now()
    read_at(lead_lars, kim, now - datetime.timedelta(days=6 * 365))
    read_at(lead_lars, kim, now - datetime.timedelta(days=4 * 365))
    other = ClientRecord.objects.create(verksamhet=world.other_verksamhet, alias="Annan")
    read_at(world.outsider_olle, other, now - datetime.timedelta(days=6 * 365))
    run = gallring_run(verksamhet=world.verksamhet, by=lead_lars)
    assert run.counts["access_log"] == 1
    ages = sorted(
        (now - a).days // 365
        for a in AccessLog.objects.filter(object_id=kim.pk).values_list("at", flat=True)
    )
    assert ages == [0, 4]  # the fixture's read today and the one 4 years ago (kept 5 years)
    # Another verksamhet's log is not touched.
    assert AccessLog.objects.filter(verksamhet_id=world.other_verksamhet.pk).count() == 1


def test_rule_per_verksamhet_changes_what_is_due(world, kim, old_client, lead_lars):  # type: ignore[no-untyped-def]
    gallring_rule_save(
        verksamhet=world.verksamhet, by=lead_lars, years_after_end=10, access_log_years=10
    )
    assert dry_run(world.verksamhet).client_count == 0


def test_screen_dry_run_and_confirmed_run(
    client, world, old_client, lead_lars, django_assert_max_num_queries
):  # type: ignore[no-untyped-def]
    client.force_login(lead_lars)
    page = client.get("/dataskydd/gallring/").content.decode()
    assert "Gammal" in page
    unconfirmed = client.post("/dataskydd/gallring/", {})
    assert unconfirmed.status_code == 200
    assert ClientRecord.objects.get(pk=old_client.pk).alias == "Gammal"
    done = client.post("/dataskydd/gallring/", {"confirm": "on"})
    assert done.status_code == 302
    assert ClientRecord.objects.get(pk=old_client.pk).alias != "Gammal"
    page = client.get("/dataskydd/gallring/").content.decode()
    assert "Lars Berg" in page  # the gallring log


def test_rule_form(client, world, lead_lars):  # type: ignore[no-untyped-def]
    client.force_login(lead_lars)
    bad = client.post("/dataskydd/gallring/regel/", {"years_after_end": 0, "access_log_years": 5})
    assert bad.status_code == 200
    ok = client.post(
        "/dataskydd/gallring/regel/",
        {"years_after_end": 4, "access_log_years": 6, "decision": "SN 2025/12"},
    )
    assert ok.status_code == 302
    assert world.verksamhet.gallring_rule.years_after_end == 4
