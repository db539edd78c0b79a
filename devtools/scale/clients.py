"""Clients and their work at national scale: uppdrag over the years, assignments with
handovers, consents, fullmakter, needs, plans with goals and steps, tasks, contacts with
organisations, and the access-log rows that reading the records leaves behind."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from clients.models import (
    ActionPlan,
    Assignment,
    Consent,
    ContactType,
    EndReason,
    Fullmakt,
    Goal,
    Need,
    NeedStatus,
    Step,
    StepStatus,
    Task,
    Uppdrag,
    UppdragStatus,
)
from core.choices import LifeArea

from .copy import Loader
from .texts import (
    ALIAS_WORDS,
    CONSENT_SCOPES,
    FIRST_NAMES,
    GOALS,
    LAST_NAMES,
    NEEDS,
    STEPS,
)
from .world import Tenant

UTC = datetime.UTC
DAY = datetime.timedelta(days=1)
LIFE_AREAS = [c.value for c in LifeArea]
GENDERS = ["kvinna", "man", "annat", "ej_uppgett"]
GENDER_W = [48, 45, 2, 5]
CONTACT_TYPES = [c.value for c in ContactType]
CONTACT_W = [30, 8, 28, 6, 12, 8, 5, 3]  # hembesök and phone dominate
WITH_ORGS = {
    "foljer_med": 1.0,
    "myndighet_utan_klient": 1.0,
    "telefon": 0.4,
    "digitalt": 0.4,
    "brev": 0.5,
}
END_REASONS = [c.value for c in EndReason]
END_W = [35, 25, 15, 12, 3, 10]


@dataclass
class Period:
    """One uppdrag with contact: who worked with the client, from when to when."""

    client: int
    tenant: Tenant
    start: datetime.date
    end: datetime.date  # ``today`` for ongoing ones
    ombud: list[tuple[datetime.date, int]] = field(default_factory=list)

    def ombud_on(self, day: datetime.date) -> int:
        who = self.ombud[0][1]
        for since, uid in self.ombud:
            if day >= since:
                who = uid
        return who


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def personnummer(rng: random.Random, year: int) -> str:
    digits = (
        f"{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    )
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return f"{year // 100}{digits}{(10 - total % 10) % 10}"


class ClientBuilder:
    def __init__(self, loader: Loader, rng: random.Random, today: datetime.date, system: int):
        self.loader, self.rng, self.today, self.system = loader, rng, today, system
        self.first_day = datetime.date(today.year - 9, 1, 1)
        self.rows: dict[str, list[tuple]] = {}
        self.periods: list[Period] = []

    def add(self, table: str, row: tuple) -> None:
        self.rows.setdefault(table, []).append(row)

    def rand_day(self, start: datetime.date, end: datetime.date) -> datetime.date:
        span = (end - start).days
        return start + DAY * self.rng.randint(0, max(span, 0))

    # uppdrag ----------------------------------------------------------------------------
    def uppdrag_for(
        self, cid: int, t: Tenant, arrival: datetime.date
    ) -> list[tuple[Period, datetime.date | None]]:
        rng, today = self.rng, self.today
        periods: list[tuple[Period, datetime.date | None]] = []
        start = arrival
        for _ in range(3):
            waiting = 0 if rng.random() < 0.3 else rng.randint(5, 120)
            ws, cs = start, start + DAY * waiting
            started = cs + DAY * rng.randint(14, 120)
            st: datetime.date | None = started
            en = started + DAY * (60 + int(rng.expovariate(1 / 330)))
            lost = rng.random() < 0.08
            if lost:  # ended during contact-building
                en, st = started, None
            if cs > today:
                status, cs2, st2, en2 = UppdragStatus.WAITING, None, None, None
            elif st is None:
                status, cs2, st2, en2 = (
                    (UppdragStatus.ENDED, cs, None, en)
                    if en <= today
                    else (UppdragStatus.CONTACT_BUILDING, cs, None, None)
                )
            elif st > today:
                status, cs2, st2, en2 = UppdragStatus.CONTACT_BUILDING, cs, None, None
            elif en > today:
                status, cs2, st2, en2 = UppdragStatus.ACTIVE, cs, st, None
            else:
                status, cs2, st2, en2 = UppdragStatus.ENDED, cs, st, en
            reason = ""
            if status == UppdragStatus.ENDED:
                reason = EndReason.LOST_CONTACT if lost else rng.choices(END_REASONS, END_W)[0]
            uid = self.loader.ids(Uppdrag, 1)[0]
            self.add(
                "uppdrag",
                (
                    uid,
                    cid,
                    status,
                    ws,
                    cs2,
                    st2,
                    en2,
                    reason,
                    "",
                    rng.choice(
                        ["Socialtjänsten", "Psykiatrin", "Egen kontakt", "Anhörig", "Vårdcentralen"]
                    ),
                    rng.choice(["egen", "andrahand", "stod", "hemlos", "okant"]),
                    rng.choice(["ingen", "daglig", "arbetsmarknad", "okand"]),
                    rng.choice(["sjukersattning", "bistand", "sjukpenning", "okand"]),
                    "",
                    "",
                    "",
                    1,
                ),
            )
            if cs2 is not None:
                end = en2 or today
                p = Period(cid, t, cs2, end)
                p.ombud.append((cs2, rng.choice(t.ombud)))
                if len(t.ombud) > 1 and (end - cs2).days > 120 and rng.random() < 0.15:
                    hand = self.rand_day(cs2 + DAY * 60, end)
                    p.ombud.append((hand, rng.choice([o for o in t.ombud if o != p.ombud[0][1]])))
                for j, (since, ombud) in enumerate(p.ombud):
                    until = p.ombud[j + 1][0] if j + 1 < len(p.ombud) else en2
                    aid = self.loader.ids(Assignment, 1)[0]
                    reason = "Överlämning inom teamet" if j + 1 < len(p.ombud) else ""
                    self.add("assignment", (aid, uid, ombud, since, until, reason))
                periods.append((p, st2))
            if status != UppdragStatus.ENDED or rng.random() > 0.12:
                break
            start = (en2 or today) + DAY * rng.randint(60, 700)
            if start > today:
                break
        return periods

    # one client -------------------------------------------------------------------------
    def client(self, cid: int, t: Tenant) -> None:
        rng, today = self.rng, self.today
        arrival = self.rand_day(self.first_day, today)
        named = rng.random() < 0.15
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        birth = arrival.year - rng.randint(19, 75) if rng.random() < 0.75 else None
        alias = (
            f"{first} {last[0]}." if rng.random() < 0.6 else f"{rng.choice(ALIAS_WORDS)} {cid % 97}"
        )
        group = rng.randint(1, 6) if rng.random() < 0.85 else None
        others = sorted(set(rng.sample(range(1, 7), rng.choice([0, 0, 1, 2]))) - {group})
        self.add(
            "client",
            (
                cid,
                t.id,
                alias,
                first if named else "",
                last if named else "",
                personnummer(rng, birth) if named and birth else "",
                birth,
                rng.choices(GENDERS, GENDER_W)[0],
                rng.choice(t.kommun_ids),
                f"07{rng.randint(0, 9)}-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if rng.random() < 0.4
                else "",
                "",
                "",
                rng.choice(["", "telefon", "sms", "besok", "brev"]),
                "",
                group,
                others,
                rng.random() < 0.25,
                rng.random() < 0.12,
                rng.random() < 0.05,
                rng.random() < 0.1,
                at(arrival),
                1,
            ),
        )
        periods = self.uppdrag_for(cid, t, arrival)
        for p, _started in periods:
            self.periods.append(p)
        if not periods:
            return
        first_p, first_started = periods[0]
        last_p = periods[-1][0]
        ombud = first_p.ombud[0][1]
        ongoing = last_p.end >= today
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
            cid_ = self.loader.ids(Consent, 1)[0]
            vf = self.rand_day(first_p.start, last_p.end)
            vu = vf + DAY * rng.choice([365, 365, 365, 730]) if rng.random() < 0.8 else None
            wd = vf + DAY * rng.randint(10, 200) if rng.random() < 0.07 else None
            wd = wd if wd and wd <= today else None
            self.add(
                "consent",
                (
                    cid_,
                    cid,
                    rng.choice(t.org_ids),
                    "" if rng.random() < 0.7 else rng.choice(FIRST_NAMES),
                    rng.choice(CONSENT_SCOPES),
                    "written" if rng.random() < 0.7 else "oral",
                    "",
                    vf,
                    vu,
                    wd,
                    "Klienten ville inte längre" if wd else "",
                    ombud,
                    at(vf),
                    1,
                ),
            )
        if rng.random() < 0.03:
            vf = self.rand_day(first_p.start, last_p.end)
            self.add(
                "fullmakt",
                (
                    self.loader.ids(Fullmakt, 1)[0],
                    cid,
                    rng.choice(t.org_ids),
                    "Hämta ut handlingar om ansökan",
                    vf,
                    vf + DAY * 180,
                    None,
                    "",
                    ombud,
                    at(vf),
                    1,
                ),
            )
        need_ids = list(self.loader.ids(Need, rng.randint(1, 5)))
        for k, nid in enumerate(need_ids):
            status = (
                rng.choice([NeedStatus.OPEN, NeedStatus.ADDRESSED])
                if ongoing
                else rng.choice(
                    [NeedStatus.MET, NeedStatus.MET, NeedStatus.NOT_RELEVANT, NeedStatus.ADDRESSED]
                )
            )
            self.add(
                "need",
                (
                    nid,
                    cid,
                    rng.choice(LIFE_AREAS),
                    rng.choice(NEEDS),
                    k + 1,
                    status,
                    at(first_p.start, 10),
                    1,
                ),
            )
        if any(s is not None for _, s in periods):
            self.plan(cid, t, periods[-1][0], need_ids, ongoing)
        if ongoing and rng.random() < 0.3:
            owner = last_p.ombud[-1][1]
            self.add(
                "task",
                (
                    self.loader.ids(Task, 1)[0],
                    owner,
                    cid,
                    "Ringa om uppföljning",
                    today + DAY * rng.randint(-10, 30),
                    None,
                    1,
                ),
            )

    def plan(self, cid: int, t: Tenant, p: Period, need_ids: list[int], ongoing: bool) -> None:
        rng = self.rng
        pid = self.loader.ids(ActionPlan, 1)[0]
        sip = rng.choice(["none", "none", "requested", "held"])
        self.add(
            "plan",
            (
                pid,
                cid,
                p.end + DAY * 60 if ongoing else None,
                sip,
                self.rand_day(p.start, p.end) if sip == "held" else None,
                "Psykiatrin och socialtjänsten" if sip != "none" else "",
                "Vi träffas varannan vecka och tar en sak i taget.",
                1,
            ),
        )
        for g in range(rng.randint(1, 3)):
            gid = self.loader.ids(Goal, 1)[0]
            self.add(
                "goal", (gid, pid, rng.choice(GOALS), not ongoing and rng.random() < 0.5, g, 1)
            )
            self.add("goal_needs", (gid, rng.choice(need_ids)))
            for _ in range(rng.randint(1, 3)):
                due = self.rand_day(p.start, p.end + DAY * 90)
                status = (
                    rng.choice([StepStatus.PLANNED, StepStatus.IN_PROGRESS, StepStatus.DONE])
                    if ongoing
                    else rng.choice([StepStatus.DONE, StepStatus.DONE, StepStatus.NOT_DONE])
                )
                self.add(
                    "step",
                    (
                        self.loader.ids(Step, 1)[0],
                        gid,
                        rng.choice(STEPS),
                        rng.choice(t.org_ids) if rng.random() < 0.7 else None,
                        "" if rng.random() < 0.8 else "Klienten själv",
                        due,
                        status,
                        "",
                        1,
                    ),
                )
