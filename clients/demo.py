"""Demo clients for anna and omar: about 30 clients over 2025–2026 in every uppdrag status,
with consents, a fullmakt ending soon, a few hundred contacts, needs and plans.

Deterministic (fixed seed; dates near today are relative to today so that the reminders show).
Written through the services, so history has an author.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from core.models import Organisation

from . import services
from .demo_data import (
    ALIASES,
    CONTACT_TYPES,
    END_REASONS_2025,
    END_REASONS_2026,
    GOALS,
    NEEDS,
    NOTES,
    PLAN,
    TYPE_NOTES,
)
from .models import (
    Boende,
    Client,
    ClientGroup,
    Consent,
    ConsentForm,
    ContactKind,
    ContactType,
    Forsorjning,
    Gender,
    NeedStatus,
    PreferredContact,
    SipStatus,
    StepStatus,
    Sysselsattning,
    UppdragStatus,
)

D = datetime.date


def _luhn(digits: str) -> int:
    total = 0
    for i, ch in enumerate(digits):
        v = int(ch) * (2 - i % 2)
        total += v - 9 if v > 9 else v
    return (10 - total % 10) % 10


def _pnr(rng: random.Random, year: int) -> str:
    month, day, serial = rng.randint(1, 12), rng.randint(1, 28), rng.randint(100, 999)
    short = f"{year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    return f"{year}{month:02d}{day:02d}{serial:03d}{_luhn(short)}"


def _days(rng: random.Random, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(low, high))


def seed(world: Any) -> None:
    if Client.objects.filter(verksamhet=world.verksamhet).exists():
        return
    with transaction.atomic():
        _seed(world)


def _seed(world: Any) -> None:  # noqa: C901 - a story, told once
    rng = random.Random(2026)
    today = timezone.localdate()
    anna, omar = world.users["ombud_anna"], world.users["ombud_omar"]
    kommuner = list(world.verksamhet.kommuner.order_by("kod"))
    orgs = world.orgs
    for i, (alias, (status, end_year)) in enumerate(zip(ALIASES, PLAN, strict=True)):
        ombud = anna if i % 2 == 0 else omar
        age = rng.randint(19, 75)
        birth_year = today.year - age
        if end_year == 2025:
            waiting = D(2025, 1, 8) + _days(rng, 0, 120)
        elif status == "waiting":
            waiting = today - _days(rng, 5, 80)
        elif status == "contact_building":
            waiting = today - _days(rng, 60, 150)
        else:
            waiting = D(2025, 1, 15) + _days(rng, 0, 400)
        waiting = (
            min(waiting, today - datetime.timedelta(days=120)) if status == "active" else waiting
        )
        primary = rng.choice(ClientGroup.values)
        others = rng.sample([g for g in ClientGroup.values if g != primary], rng.randint(0, 2))
        client = services.client_create(
            verksamhet=world.verksamhet,
            by=ombud,
            alias=alias,
            waiting_since=waiting,
            referred_by=rng.choice(["Psykiatrin", "Socialtjänsten", "Anhörig", "Själv", "RSMH"]),
            birth_year=None if i % 7 == 3 else birth_year,
            personnummer=_pnr(rng, birth_year) if i % 6 == 1 else "",
            first_name="",
            gender=rng.choice(
                [
                    Gender.KVINNA,
                    Gender.KVINNA,
                    Gender.MAN,
                    Gender.MAN,
                    Gender.ANNAT,
                    Gender.EJ_UPPGETT,
                ]
            ),
            kommun=kommuner[i % len(kommuner)] if i % 5 else kommuner[0],
            preferred_contact=rng.choice(PreferredContact.values),
            primary_group=primary,
            other_groups=others,
            missbruk=rng.random() < 0.3,
            hemloshet=rng.random() < 0.2,
            enskild_verksamhet=rng.random() < 0.1,
            risk_severe=rng.random() < 0.15,
        )
        uppdrag = client.uppdrag.get()
        if status == "waiting":
            continue
        contact_started = waiting + _days(rng, 10, 40)
        uppdrag = services.uppdrag_advance(
            uppdrag=uppdrag,
            by=ombud,
            to=UppdragStatus.CONTACT_BUILDING,
            on=contact_started,
            version=uppdrag.version,
            ombud=ombud,
        )
        services.uppdrag_update(
            uppdrag=uppdrag,
            by=ombud,
            version=uppdrag.version,
            boende_start=rng.choice(Boende.values),
            sysselsattning_start=rng.choice(Sysselsattning.values),
            forsorjning_start=rng.choice(Forsorjning.values),
        )
        started = None
        if status in ("active", "ended"):
            started = contact_started + _days(rng, 20, 60)
            uppdrag = services.uppdrag_advance(
                uppdrag=uppdrag,
                by=ombud,
                to=UppdragStatus.ACTIVE,
                on=started,
                version=uppdrag.version,
            )
        ended = None
        if status == "ended":
            assert started is not None
            if end_year == 2025:
                ended = min(started + _days(rng, 60, 200), D(2025, 12, 20))
                reason, other = END_REASONS_2025[(i - 20) % len(END_REASONS_2025)]
            else:
                ended = min(started + _days(rng, 90, 300), today - datetime.timedelta(days=10))
                ended = max(ended, D(2026, 1, 10), started)
                reason, other = END_REASONS_2026[(i - 28) % len(END_REASONS_2026)]
        # Consents from the first contact; some expire, one is withdrawn.
        consents: list[Consent] = []
        for key in rng.sample(["fk", "af", "psykiatri", "kommun"], rng.randint(1, 4)):
            valid_until = None
            roll = rng.random()
            if roll < 0.3:
                valid_until = contact_started + _days(rng, 90, 200)
            elif roll < 0.6:
                valid_until = today + _days(rng, 10, 300)
            consents.append(
                services.consent_create(
                    client=client,
                    by=ombud,
                    organisation=orgs[key],
                    scope=rng.choice(
                        [
                            "Allt som rör sjukpenning och arbetsförmåga.",
                            "Boende och ekonomi.",
                            "Vårdplanering och läkemedel.",
                            "Det som behövs för att planera insatserna.",
                        ]
                    ),
                    form=rng.choice(ConsentForm.values),
                    valid_from=contact_started,
                    valid_until=valid_until,
                    witness="",
                    person="",
                )
            )
        if i == 9:
            services.consent_withdraw(
                consent=consents[0],
                by=ombud,
                version=consents[0].version,
                on=min(contact_started + _days(rng, 30, 60), today),
                reason="Klienten vill sköta kontakten själv.",
            )
        # Contacts every one to three weeks while the uppdrag runs.
        day = contact_started
        last = ended or today
        while day <= last:
            usable = [c.organisation for c in consents if c.is_valid_on(day)]
            ctype = rng.choice(CONTACT_TYPES)
            involved = []
            if (
                ctype in (ContactType.FOLJER_MED, ContactType.MYNDIGHET_UTAN_KLIENT)
                and usable
                or ctype in (ContactType.TELEFON, ContactType.BREV)
                and usable
                and rng.random() < 0.4
            ):
                involved = [rng.choice(usable)]
            services.contact_log(
                client=client,
                by=ombud,
                date=day,
                type=ctype,
                organisations=involved,
                duration_minutes=rng.choice([15, 30, 45, 60, 90, 120]),
                note=TYPE_NOTES.get(ctype, rng.choice(NOTES)),
            )
            day += _days(rng, 5, 20)
        if i == 11:
            services.contact_log(
                client=client,
                by=ombud,
                date=today - datetime.timedelta(days=2),
                type=ContactType.TELEFON,
                organisations=[orgs["af"]],
                kind=ContactKind.AVIDENTIFIERAD,
                note="Allmän fråga om arbetsträning, klienten nämndes inte.",
            )
        if status != "waiting":
            _plan(rng, client, ombud, orgs, today, contact_started, ended)
        if ended is not None:
            services.uppdrag_end(
                uppdrag=uppdrag,
                by=ombud,
                version=uppdrag.version,
                on=ended,
                end_reason=reason,
                end_reason_other=other,
                boende_end=rng.choice(Boende.values),
                sysselsattning_end=rng.choice(Sysselsattning.values),
                forsorjning_end=rng.choice(Forsorjning.values),
            )
    _extras(world, today)


def _plan(
    rng: random.Random,
    client: Client,
    ombud: Any,
    orgs: dict[str, Organisation],
    today: datetime.date,
    since: datetime.date,
    ended: datetime.date | None,
) -> None:
    chosen = rng.sample(NEEDS, rng.randint(2, 3))
    needs = [
        services.need_create(
            client=client,
            by=ombud,
            life_area=area,
            description=text,
            priority=n + 1,
            status=NeedStatus.MET if ended else rng.choice([NeedStatus.OPEN, NeedStatus.ADDRESSED]),
        )
        for n, (area, text) in enumerate(chosen)
    ]
    plan = services.plan_for(client=client, by=ombud)
    follow_up = ended if ended else today + _days(rng, -3, 40)
    services.plan_update(
        plan=plan,
        by=ombud,
        version=plan.version,
        follow_up=follow_up,
        sip_status=rng.choice([SipStatus.NONE, SipStatus.REQUESTED, SipStatus.HELD]),
        sip_date=since + _days(rng, 30, 90)
        if since + datetime.timedelta(days=90) < today
        else None,
        sip_with="Psykiatrin, socialtjänsten",
        agreement_text="Vi ses varannan vecka hemma hos mig.",
    )
    if plan.sip_status == SipStatus.HELD and plan.sip_date is None:
        services.plan_update(
            plan=plan, by=ombud, version=plan.version, sip_status=SipStatus.REQUESTED
        )
    for need in needs[:2]:
        title, org_key, step_text = GOALS[need.life_area]
        goal = services.goal_create(plan=plan, by=ombud, description=title, needs=[need])
        due = today + _days(rng, -10, 60)
        done = ended is not None or due < today - datetime.timedelta(days=5)
        services.step_create(
            goal=goal,
            by=ombud,
            description=step_text,
            organisation=orgs[org_key],
            responsible_text="",
            due=due,
            status=StepStatus.DONE
            if done
            else rng.choice([StepStatus.PLANNED, StepStatus.IN_PROGRESS]),
            outcome="Klart, gick bra." if done else "",
        )


def _extras(world: Any, today: datetime.date) -> None:
    """A fullmakt ending within 30 days, a handover, manual tasks."""
    anna, omar = world.users["ombud_anna"], world.users["ombud_omar"]
    solen = Client.objects.get(verksamhet=world.verksamhet, alias="Fjärilen")  # anna's, active
    services.fullmakt_create(
        client=solen,
        by=anna,
        organisation=world.orgs["fk"],
        covers="Ansökan om bostadstillägg och kontakt med handläggaren om den.",
        valid_from=today - datetime.timedelta(days=200),
        valid_until=today + datetime.timedelta(days=20),
    )
    moved = Client.objects.get(verksamhet=world.verksamhet, alias="Tindra")  # omar's, active
    services.handover(
        uppdrag=moved.uppdrag.get(),
        by=world.users["lead_lars"],
        to_ombud=anna,
        on=today - datetime.timedelta(days=40),
        reason="Omar går ner i tid; Anna tar över.",
    )
    services.task_create(
        owner=anna,
        by=anna,
        title="Boka möte med FK inför avstämning",
        due=today + datetime.timedelta(days=3),
        client=solen,
    )
    services.task_create(
        owner=anna,
        by=anna,
        title="Skriva systembrist om väntetider till psykiatrin",
        due=today + datetime.timedelta(days=10),
    )
    services.task_create(
        owner=omar, by=omar, title="Ringa hyresvärden", due=today - datetime.timedelta(days=1)
    )
