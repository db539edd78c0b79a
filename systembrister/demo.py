"""Demo systembrister: twelve reports across 2025–2026 in every status but ON_AGENDA.

Written through the services as the demo users. Reports that went through a steering
group meeting before the system was in use are marked as having been on the agenda
(no meeting link): this app creates no meetings; the ledningsgrupp demo puts the accepted
reports on its agendas. Timestamps are moved back afterwards so the timeline reads true.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from ombud.audit import acting_as
from ombud.choices import LifeArea
from ombud.demo import DemoWorld

from . import services
from .models import Answer, Event, EventKind, Level, Status, Systembrist

D = datetime.date
FAR = timezone.localdate() + datetime.timedelta(days=60)

REPORTS: list[dict[str, Any]] = [
    {
        "key": "bostadstillagg",
        "reporter": "ombud_anna",
        "title": "Långa handläggningstider för bostadstillägg",
        "description": "Beslut om bostadstillägg dröjer ofta fyra till sex månader. Under "
        "tiden uppstår hyresskulder och i flera fall hot om vräkning.",
        "examples": "En klient med sjukersättning fick beslut efter fem månader och hade då "
        "två obetalda hyror.",
        "suggested_improvement": "Förtur eller interimistiskt beslut när hyresskuld uppstår.",
        "level": Level.CENTRAL,
        "orgs": ["fk"],
        "life_area": LifeArea.EKONOMI,
        "n": 6,
        "observed": D(2024, 11, 1),
        "submitted": D(2025, 1, 20),
        "path": "closed",
        "answers": {
            "fk": (
                "Handläggningstiden beror på hög ärendemängd. Vi inför en rutin där "
                "ärenden med dokumenterad hyresskuld prioriteras.",
                "Prioriteringsrutin för ärenden med hyresskuld",
                D(2025, 9, 1),
            )
        },
        "outcome": "partly",
        "conclusion": "Rutinen har förbättrat läget men väntetiderna är fortfarande långa. "
        "Frågan lyfts till länsstyrelsen.",
        "forward": ("lansstyrelsen", D(2025, 10, 15)),
        "closed": D(2025, 10, 1),
    },
    {
        "key": "sip",
        "reporter": "ombud_omar",
        "title": "Ingen samordnad individuell plan efter utskrivning från psykiatrin",
        "description": "Klienter skrivs ut från heldygnsvården utan att SIP-möte kallats, "
        "trots att insatser från både kommun och region behövs.",
        "examples": "Vid tre utskrivningar under hösten fick ombudet själv ta initiativ till "
        "SIP efter utskrivningen.",
        "suggested_improvement": "Checklista vid utskrivning där SIP-kallelse ingår.",
        "level": Level.LOKAL,
        "orgs": ["psykiatri", "kommun"],
        "life_area": LifeArea.VARD_PSYKIATRI,
        "n": 4,
        "observed": D(2024, 9, 1),
        "submitted": D(2025, 2, 10),
        "path": "closed",
        "answers": {
            "kommun": (
                "Socialtjänsten deltar alltid när kallelse kommer och har utsett en "
                "kontaktperson för utskrivningsplanering.",
                "",
                None,
            )
        },
        "outcome": "resolved",
        "conclusion": "Psykiatrin har infört checklistan. Ledningsgruppen följer upp om ett år.",
        "closed": D(2025, 6, 12),
    },
    {
        "key": "bankid",
        "reporter": "ombud_anna",
        "title": "Krav på e-legitimation för att boka möte hos Arbetsförmedlingen",
        "description": "Personer utan e-legitimation kan inte boka eller omboka möten "
        "digitalt, och telefonkön är lång. Missade möten leder till avaktualisering.",
        "examples": "Flera klienter saknar e-legitimation på grund av skulder hos banken.",
        "suggested_improvement": "Möjlighet för ombud att boka tid via en särskild kontaktväg.",
        "level": Level.CENTRAL,
        "orgs": ["af"],
        "life_area": LifeArea.SYSSELSATTNING,
        "n": 3,
        "observed": D(2025, 1, 15),
        "submitted": D(2025, 3, 3),
        "path": "closed",
        "answers": {
            "af": (
                "Kravet är nationellt. Lokalt kan handläggare boka tid åt den sökande vid "
                "fysiskt besök.",
                "Information till handläggare om att boka tid vid besök",
                D(2025, 6, 30),
            )
        },
        "outcome": "not_resolved",
        "conclusion": "Frågan kan inte lösas lokalt och skickas till regional nivå.",
        "forward": ("regional", D(2025, 9, 20)),
        "closed": D(2025, 9, 10),
    },
    {
        "key": "hyresvard",
        "reporter": "ombud_omar",
        "title": "Hyresvärdar kräver fast inkomst för förstahandskontrakt",
        "description": "Klienter med försörjningsstöd eller sjukersättning nekas kontrakt "
        "hos privata hyresvärdar, och kommunen har få bostäder med sociala kontrakt.",
        "examples": "",
        "suggested_improvement": "Kommunal borgen eller fler sociala kontrakt.",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.BOENDE,
        "n": 5,
        "observed": D(2025, 2, 1),
        "submitted": D(2025, 4, 7),
        "path": "closed",
        "answers": {},
        "outcome": "no_action",
        "conclusion": "Kommunen utreder redan bostadsförsörjningen; ledningsgruppen avvaktar "
        "utredningen.",
        "closed": D(2025, 11, 20),
    },
    {
        "key": "aktivitetsersattning",
        "reporter": "ombud_anna",
        "title": "Avslag på aktivitetsersättning utan bedömning av arbetsförmåga",
        "description": "Ansökningar avslås med hänvisning till bristande underlag, utan att "
        "Försäkringskassan begärt kompletterande utredning.",
        "examples": "Två unga vuxna fick avslag trots pågående kontakt med psykiatrin.",
        "suggested_improvement": "Begär komplettering från vården innan avslag.",
        "level": Level.HANDLAGGARE,
        "orgs": ["fk"],
        "life_area": LifeArea.EKONOMI,
        "n": 2,
        "observed": D(2025, 5, 1),
        "submitted": D(2025, 8, 25),
        "path": "answered",
        "answers": {
            "fk": (
                "Vi påminner handläggarna om skyldigheten att begära komplettering.",
                "Intern utbildning om utredningsskyldighet",
                D(2026, 3, 31),
            )
        },
    },
    {
        "key": "npf",
        "reporter": "ombud_omar",
        "title": "Långa väntetider till neuropsykiatrisk utredning",
        "description": "Väntetiden till utredning är över ett år, vilket skjuter upp "
        "anpassat stöd från både kommun och Arbetsförmedlingen.",
        "examples": "",
        "suggested_improvement": "Gemensam prioritering för personer med ombud.",
        "level": Level.LOKAL,
        "orgs": ["psykiatri", "af"],
        "life_area": LifeArea.VARD_PSYKIATRI,
        "n": 7,
        "observed": D(2025, 3, 1),
        "submitted": D(2025, 10, 6),
        "path": "awaiting",
        "overdue": True,
    },
    {
        "key": "boendestod",
        "reporter": "ombud_anna",
        "title": "Kö på sex månader till boendestöd",
        "description": "Beviljat boendestöd verkställs först efter ett halvår. Under "
        "väntetiden riskerar klienter att förlora sitt boende.",
        "examples": "",
        "suggested_improvement": "Tillfälligt stöd från annan enhet under väntetiden.",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.BOENDE,
        "n": 4,
        "observed": D(2025, 10, 1),
        "submitted": D(2026, 1, 12),
        "path": "awaiting",
    },
    {
        "key": "digitala_kallelser",
        "reporter": "ombud_omar",
        "title": "Kallelser till vården skickas bara digitalt",
        "description": "Kallelser skickas till den digitala brevlådan. Klienter utan "
        "smarttelefon missar besök och skrivs ut ur vårdkön.",
        "examples": "",
        "suggested_improvement": "Brev på papper som standard när patienten begär det.",
        "level": Level.LOKAL,
        "orgs": ["psykiatri", "primarvard"],
        "life_area": LifeArea.VARD_SOMATIK,
        "n": 5,
        "observed": D(2025, 11, 1),
        "submitted": D(2026, 1, 20),
        "path": "accepted",
    },
    {
        "key": "avaktualisering",
        "reporter": "ombud_anna",
        "title": "Avaktualisering efter ett enda missat möte",
        "description": "Arbetsförmedlingen avaktualiserar inskrivna efter ett missat möte, "
        "vilket också påverkar ersättning och insatser.",
        "examples": "",
        "suggested_improvement": "Kontakt med ombudet innan beslut om avaktualisering.",
        "level": Level.HANDLAGGARE,
        "orgs": ["af", "fk"],
        "life_area": LifeArea.SYSSELSATTNING,
        "n": 3,
        "observed": D(2025, 12, 1),
        "submitted": D(2026, 2, 2),
        "path": "accepted",
    },
    {
        "key": "skuldsanering",
        "reporter": "ombud_omar",
        "title": "Ingen tid hos budget- och skuldrådgivningen på fyra månader",
        "description": "Väntetiden till budget- och skuldrådgivningen är fyra månader, "
        "vilket försenar ansökan om skuldsanering.",
        "examples": "",
        "suggested_improvement": "Förtur för personer med ombud och pågående indrivning.",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.EKONOMI,
        "n": 3,
        "observed": D(2025, 12, 1),
        "submitted": D(2026, 2, 16),
        "path": "submitted",
        "support": ("ombud_anna", 2),
    },
    {
        "key": "skuldsanering_dubblett",
        "reporter": "ombud_anna",
        "title": "Väntetid till skuldrådgivning",
        "description": "Budget- och skuldrådgivningen har lång väntetid.",
        "examples": "",
        "suggested_improvement": "",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.EKONOMI,
        "n": 1,
        "observed": D(2026, 1, 10),
        "submitted": D(2026, 2, 18),
        "path": "merged",
        "into": "skuldsanering",
    },
    {
        "key": "tolk",
        "reporter": "ombud_omar",
        "title": "Tolk bokas inte till vårdbesök",
        "description": "Tolk bokas inte trots att behovet står i journalen.",
        "examples": "",
        "suggested_improvement": "",
        "level": Level.HANDLAGGARE,
        "orgs": ["primarvard"],
        "life_area": LifeArea.VARD_SOMATIK,
        "n": 2,
        "observed": D(2026, 1, 5),
        "submitted": D(2026, 2, 23),
        "path": "returned",
        "comment": "Beskriv hur ofta det händer och vid vilka mottagningar, utan att nämna "
        "enskilda besök.",
    },
    {
        "key": "fardtjanst",
        "reporter": "ombud_anna",
        "title": "Intyg för färdtjänst kräver läkarbesök med lång väntetid",
        "description": "Utkast: läkarintyg för färdtjänst tar lång tid att få.",
        "examples": "",
        "suggested_improvement": "",
        "level": Level.LOKAL,
        "orgs": ["kommun", "primarvard"],
        "life_area": LifeArea.VARDAGSLIV,
        "n": 1,
        "observed": D(2026, 2, 1),
        "path": "draft",
    },
]

ORDER = ["draft", "submitted", "merged", "returned", "accepted", "awaiting", "answered", "closed"]


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _backdate(report: Systembrist, spec: dict[str, Any], due: datetime.date | None) -> None:
    """Move the timeline to the dates the story happened on (one step a week apart)."""
    start = spec.get("submitted") or spec["observed"] + datetime.timedelta(days=20)
    created = start - datetime.timedelta(days=3)
    Systembrist.objects.filter(pk=report.pk).update(
        created_at=_at(created),
        submitted_at=_at(start) if spec.get("submitted") else None,
        closed_at=_at(spec["closed"]) if spec.get("closed") else None,
    )
    events = list(Event.objects.filter(systembrist=report).order_by("at", "pk"))
    for i, item in enumerate(events):
        if item.kind == EventKind.CREATED:
            when = _at(created)
        elif item.kind in (EventKind.CLOSED, EventKind.FORWARDED) and spec.get("closed"):
            when = _at(spec["closed"], 11 + i % 3)
        else:
            when = _at(start + datetime.timedelta(days=7 * (i - 1)), 9 + i % 5)
        when = min(when, timezone.now())
        Event.objects.filter(pk=item.pk).update(at=when)
        if item.kind == EventKind.ANSWERED:
            Answer.objects.filter(systembrist=report, author=item.by).update(answered_at=when)
    if due is not None:
        Systembrist.objects.filter(pk=report.pk).update(answer_due=due)
        Event.objects.filter(systembrist=report, kind=EventKind.SENT_FOR_ANSWER).update(
            reference=f"{due:%Y-%m-%d}"
        )


@transaction.atomic
def seed(world: DemoWorld) -> None:
    if Systembrist.objects.filter(verksamhet=world.verksamhet).exists():
        return
    # Every history row gets an author: the lead, unless a step names its own actor.
    with acting_as(world.users["lead_lars"]):
        _seed(world)


def _seed(world: DemoWorld) -> None:
    users, orgs = world.users, world.orgs
    lead = users["lead_lars"]
    members = {"fk": users["member_fk"], "af": users["member_af"], "kommun": users["member_kommun"]}
    made: dict[str, Systembrist] = {}
    for spec in REPORTS:
        reporter = users[spec["reporter"]]
        with acting_as(reporter):
            report = services.systembrist_create(
                verksamhet=world.verksamhet,
                by=reporter,
                title=spec["title"],
                description=spec["description"],
                level=spec["level"],
                organisations=[orgs[o] for o in spec["orgs"]],
                life_area=spec["life_area"],
                clients_affected=spec["n"],
                first_observed=spec["observed"],
                examples=spec["examples"],
                suggested_improvement=spec["suggested_improvement"],
            )
        made[spec["key"]] = report
        path = spec["path"]
        if path == "draft":
            continue
        report = services.systembrist_submit(report=report, by=reporter)
        if "support" in spec:
            key, n = spec["support"]
            services.systembrist_support(report=report, by=users[key], clients_affected=n)
        if path == "returned":
            services.systembrist_return(report=report, by=lead, comment=spec["comment"])
        elif path == "merged":
            services.systembrist_merge(report=report, into=made[spec["into"]], by=lead)
        elif path != "submitted":
            report = services.systembrist_accept(report=report, by=lead)
            if path in ("awaiting", "answered", "closed"):
                # Taken up at a meeting held before the system was in use.
                Systembrist.objects.filter(pk=report.pk).update(status=Status.ON_AGENDA)
                Event.objects.create(
                    systembrist=report,
                    by=lead,
                    kind=EventKind.ON_AGENDA,
                    reference=f"{spec['submitted'] + datetime.timedelta(days=21):%Y-%m-%d}",
                )
                report.refresh_from_db()
                report = services.systembrist_send_for_answer(
                    report=report, by=lead, answer_due=FAR
                )
                for org_key, (text, action, when) in spec.get("answers", {}).items():
                    services.systembrist_answer(
                        report=report,
                        by=members[org_key],
                        organisation=orgs[org_key],
                        text=text,
                        planned_action=action,
                        planned_by=when,
                    )
                if path == "closed":
                    report = services.systembrist_close(
                        report=report,
                        by=lead,
                        outcome=spec["outcome"],
                        conclusion=spec["conclusion"],
                    )
                    if "forward" in spec:
                        to, on = spec["forward"]
                        services.systembrist_forward(report=report, by=lead, to=to, forwarded_on=on)
    # Dates last, once every report (and every merge into it) is in place.
    for spec in REPORTS:
        due = None
        if spec["path"] in ("awaiting", "answered", "closed"):
            due = spec["submitted"] + datetime.timedelta(days=60)
            if spec["path"] == "awaiting" and not spec.get("overdue"):
                due = FAR
        _backdate(made[spec["key"]], spec, due)
