"""Client records for the data-protection tests, written with an acting user (history)."""

from __future__ import annotations

import datetime
from typing import Any

from clients.models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    Contact,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)
from core.audit import acting_as, log_access
from core.models import AccessLog


def full_client(
    world: Any, *, alias: str = "Kim", ended: datetime.date | None = None, **kw: Any
) -> Client:
    """A client with something of every kind: uppdrag, consent, fullmakt, need, plan, task,
    contacts (one struck), and one edit so that history has a change."""
    anna = world.users["ombud_anna"]
    fk = world.orgs["fk"]
    with acting_as(anna):
        client = Client.objects.create(
            verksamhet=world.verksamhet,
            alias=alias,
            first_name="Kim",
            last_name="Andersson",
            personnummer="198001011234",
            birth_year=1980,
            gender="kvinna",
            phone="070-123 45 67",
            email="kim@example.se",
            address="Storgatan 1, Västerås",
            contact_notes="Ring efter lunch",
            primary_group=2,
            other_groups=[3, 4],
            hemloshet=True,
            **kw,
        )
        started = datetime.date(2020, 2, 1)
        uppdrag = Uppdrag.objects.create(
            client=client,
            status="ended" if ended else "active",
            waiting_since=datetime.date(2020, 1, 10),
            started=started,
            ended=ended,
            end_reason="goals_met" if ended else "",
            referred_by="Socialtjänsten, handläggare Eva",
            boende_start="hemlos",
            boende_end="egen" if ended else "",
        )
        Assignment.objects.create(uppdrag=uppdrag, ombud=anna, start=started, reason="Ny klient")
        Consent.objects.create(
            client=client,
            organisation=fk,
            person="Handläggare Berit",
            scope="Sjukpenning och aktivitetsersättning",
            form="written",
            valid_from=started,
            recorded_by=anna,
        )
        Fullmakt.objects.create(
            client=client,
            organisation=fk,
            covers="Ansökan om bostadstillägg",
            valid_from=started,
            valid_until=started + datetime.timedelta(days=180),
            recorded_by=anna,
        )
        need = Need.objects.create(
            client=client, life_area="boende", description="Vill ha en egen lägenhet"
        )
        plan = ActionPlan.objects.create(client=client, agreement_text="Vi träffas varje vecka")
        goal = Goal.objects.create(plan=plan, description="Eget kontrakt")
        goal.needs.add(need)
        Step.objects.create(goal=goal, description="Söka hos Mimer", organisation=fk)
        Task.objects.create(owner=anna, client=client, title="Ringa Mimer om kön")
        contact = Contact.objects.create(
            client=client,
            date=started + datetime.timedelta(days=3),
            type="hembesok",
            duration_minutes=60,
            note="Pratade om boendet",
            by=anna,
        )
        contact.organisations.add(fk)
        struck = Contact.objects.create(
            client=client,
            date=started + datetime.timedelta(days=5),
            type="telefon",
            note="Fel klient",
            by=anna,
        )
        struck.struck_at = datetime.datetime(2020, 2, 7, 10, 0, tzinfo=datetime.UTC)
        struck.struck_by = anna
        struck.struck_reason = "Skrivet på fel klient"
        struck.save()
        client.phone = "070-765 43 21"
        client.save()
    log_access(
        user=world.users["lead_lars"],
        obj=client,
        verksamhet_id=world.verksamhet.pk,
        action=AccessLog.Action.VIEW,
    )
    return client


def read_at(
    user: Any, client: Client, at: datetime.datetime, *, verksamhet_id: int | None = None
) -> None:
    """An access-log row at a given time (the ORM stamps 'now'; the log cannot be updated)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_accesslog (at, user_id, verksamhet_id, action, object_type,"
            " object_id, what, reason, path) VALUES (%s, %s, %s, 'view', 'clients.client',"
            " %s, '', '', '')",
            [at, user.pk, verksamhet_id or client.verksamhet_id, client.pk],
        )
