"""Demo ledningsgrupp: convened by Västerås; six held meetings with justerade protokoll (four in
2025, two in 2026), one planned meeting whose agenda picks up the accepted systembrister, and
action items (some open and overdue). Idempotent and deterministic."""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.db import transaction

from core.audit import acting_as
from core.demo import DemoWorld

from . import services
from .models import (
    ActionItemStatus,
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    RepresentativeRole,
    SeatOfferAnswer,
)

START = datetime.date(2023, 1, 1)
HELD = [
    datetime.date(2025, 2, 12),
    datetime.date(2025, 5, 14),
    datetime.date(2025, 9, 17),
    datetime.date(2025, 11, 26),
    datetime.date(2026, 3, 11),
    datetime.date(2026, 9, 16),
]
UPCOMING = datetime.date(2026, 12, 9)

TOPICS = [
    (
        "Samordnad individuell plan (SIP) inom psykiatrin",
        "Ombuden beskriver att SIP sällan kallas till trots att klienter ber om det.",
        "Psykiatrin och kommunen tar fram en gemensam rutin för kallelse till SIP.",
        "psykiatri",
    ),
    (
        "Väntetider för aktivitetsersättning",
        "Försäkringskassan redogör för handläggningstiderna under året.",
        "Försäkringskassan återkommer med statistik till nästa möte.",
        "fk",
    ),
    (
        "Prioritering inom målgruppen",
        "Ledningsgruppen diskuterar väntelistan och vilka som ska prioriteras.",
        "Personer utan kontakt med myndigheter prioriteras fortsatt.",
        None,
    ),
    (
        "Arbetsförmedlingens kontaktvägar",
        "Ombuden upplever att det är svårt att nå en namngiven handläggare.",
        "Arbetsförmedlingen utser en kontaktperson för personligt ombud.",
        "af",
    ),
    (
        "Handläggningstider hos Försäkringskassan",
        "Ombuden ser fortsatt långa väntetider för beslut om aktivitetsersättning.",
        "Försäkringskassan redovisar handläggningstiderna per kvartal.",
        "fk",
    ),
    (
        "Hemlöshet och boendestöd",
        "Kommunen redogör för läget för bostad först.",
        "Kommunen bjuder in bostadsbolaget till ett kommande möte.",
        "kommun",
    ),
]


def seed(world: DemoWorld) -> None:
    if Ledningsgrupp.objects.filter(verksamhet=world.verksamhet).exists():
        return
    with transaction.atomic(), acting_as(world.users["lead_lars"]):
        _seed(world)


def _seed(world: DemoWorld) -> None:
    rng = random.Random(2026)
    lead = world.users["lead_lars"]
    group = services.ledningsgrupp_save(
        verksamhet=world.verksamhet,
        by=lead,
        name="Ledningsgruppen för personligt ombud i Västmanland",
        convened_by=world.verksamhet.huvudman,
    )
    reps: dict[str, Any] = {}
    members = [
        ("kommun", world.users["member_kommun"], "", RepresentativeRole.SECRETARY, START),
        ("psykiatri", None, "Eva Lund", RepresentativeRole.MEMBER, START),
        ("primarvard", None, "Johan Sund", RepresentativeRole.MEMBER, START),
        ("fk", world.users["member_fk"], "", RepresentativeRole.CHAIR, START),
        ("af", world.users["member_af"], "", RepresentativeRole.MEMBER, START),
        ("rsmh", None, "Maria Berg", RepresentativeRole.MEMBER, datetime.date(2024, 5, 1)),
    ]
    for key, user, name, role, start in members:
        member = services.member_organisation_save(
            group=group, by=lead, organisation=world.orgs[key], start=start
        )
        reps[key] = services.representative_save(
            member_organisation=member, by=lead, user=user, name=name, role=role, start=start
        )
    services.representative_save(
        member_organisation=reps["psykiatri"].member_organisation,
        by=lead,
        name="Omid Karimi",
        title="Enhetschef",
        role=RepresentativeRole.SUBSTITUTE,
        start=START,
    )
    for key, answer, answered in (
        ("rsmh", SeatOfferAnswer.ACCEPTED, datetime.date(2024, 4, 10)),
        ("anhoriga", SeatOfferAnswer.DECLINED, datetime.date(2024, 4, 20)),
    ):
        services.seat_offer_save(
            group=group,
            by=lead,
            organisation=world.orgs[key],
            offered_on=datetime.date(2024, 3, 1),
            answer=answer,
            answered_on=answered,
            note="",
        )
    for n, date in enumerate(HELD):
        _held_meeting(world, group, reps, date, n, rng)
    services.meeting_create(
        group=group,
        by=lead,
        date=UPCOMING,
        start_time=datetime.time(13, 0),
        end_time=datetime.time(15, 0),
        place="Stadshuset Västerås, sal B",
        link="https://moten.example.se/ledningsgrupp",
    )


def _held_meeting(
    world: DemoWorld,
    group: Ledningsgrupp,
    reps: dict[str, Any],
    date: datetime.date,
    n: int,
    rng: random.Random,
) -> None:
    lead = world.users["lead_lars"]
    meeting: Meeting = services.meeting_create(
        group=group,
        by=lead,
        date=date,
        start_time=datetime.time(13, 0),
        end_time=datetime.time(15, 0),
        place="Stadshuset Västerås, sal B",
        draft_agenda=False,
    )
    rows = []
    for key, rep in reps.items():
        status = AttendanceStatus.PRESENT
        substitute = ""
        if key not in ("fk", "kommun") and rng.random() < 0.2:
            status = AttendanceStatus.ABSENT
        if key == "psykiatri" and n % 3 == 1:
            status, substitute = AttendanceStatus.SUBSTITUTE, "Omid Karimi"
        if key == "af" and n % 2 == 1:
            status = AttendanceStatus.PRESENT
        rows.append((rep, status, substitute))
    services.attendance_record(
        meeting=meeting,
        by=lead,
        rows=rows,
        staff=[lead, world.users["ombud_anna"]] if n % 2 == 0 else [lead],
        guests=[("Maria Lund", "Brukarrådet")] if n % 3 == 0 else [],
    )
    present = {rep.pk for rep, status, _ in rows if status == AttendanceStatus.PRESENT}
    # The justerare is elected among those present (the chair, FK, and kommun always are).
    justerare = reps["af"] if n % 2 == 0 and reps["af"].pk in present else reps["kommun"]

    def add(**fields: Any) -> Any:
        """A § and the agenda item it was written for (held meetings are seeded afterwards)."""
        services.agenda_item_add(meeting=meeting, by=lead, title=fields["title"])
        return services.paragraph_add(**fields)

    add(
        meeting=meeting,
        by=lead,
        title="Mötets öppnande och val av justerare",
        decision=f"Ordföranden öppnar mötet. {justerare.display_name} väljs att justera protokollet.",
    )
    add(
        meeting=meeting,
        by=lead,
        title="Föregående protokoll",
        decision="Protokollet läggs till handlingarna." if n else "Inget föregående protokoll.",
    )
    add(
        meeting=meeting,
        by=lead,
        title="Rapport från personliga ombud",
        discussion="Ombuden rapporterar om antal klienter, väntelista och aktuella systembrister.",
        decision="Rapporten noteras.",
    )
    title, discussion, decision, owner = TOPICS[n % len(TOPICS)]
    topic = add(meeting=meeting, by=lead, title=title, discussion=discussion, decision=decision)
    if owner:
        due = date + datetime.timedelta(days=rng.choice([45, 60, 90]))
        item = services.action_item_create(
            group=group,
            by=lead,
            title=decision.split(" ", 1)[1].rstrip(".").capitalize(),
            owner_organisation=world.orgs[owner],
            due=due,
            paragraph=topic,
        )
        if n < 3:  # the early ones are done; later ones stay open (some overdue)
            services.action_item_update(
                item=item,
                by=lead,
                expected_version=item.version,
                title=item.title,
                owner_organisation=item.owner_organisation,
                due=item.due,
                status=ActionItemStatus.DONE,
                done_on=due - datetime.timedelta(days=5),
            )
    protokoll = topic.protokoll
    services.protokoll_setup(
        protokoll=protokoll,
        by=lead,
        expected_version=protokoll.version,
        chair=reps["fk"],
        secretary=None,
        secretary_user=lead,  # the samordnare keeps the minutes
        justerare=justerare,
    )
    services.protokoll_sign(protokoll=protokoll, by=reps["fk"].user)
    services.protokoll_sign(protokoll=protokoll, by=justerare.user)
