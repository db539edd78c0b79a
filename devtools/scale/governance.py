"""Ledningsgrupper with meetings and protokoll, systembrister through their whole workflow,
and the statsbidrag years (employment periods, grant years, decisions, payments)."""

from __future__ import annotations

import bisect
import datetime
import random

from core.choices import LifeArea
from ledningsgrupp.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Ledningsgrupp,
    Meeting,
    MemberOrganisation,
    Paragraph,
    Protokoll,
    Representative,
    SeatOffer,
    Signature,
)
from systembrister.models import Answer, Event, Support, Systembrist

from .clients import DAY, at
from .copy import Loader
from .texts import (
    ACTION_ITEMS,
    FIRST_NAMES,
    LAST_NAMES,
    PARAGRAPH_TITLES,
    PLACES,
    SYSTEMBRIST_TITLES,
)
from .world import Tenant

STAGES = ["draft", "submitted", "accepted", "on_agenda", "awaiting_answer", "answered", "closed"]
EVENT_OF_STAGE = [
    "created",
    "submitted",
    "accepted",
    "on_agenda",
    "sent_for_answer",
    "answered",
    "closed",
]
ANSWERING = ("fk", "af", "kommun", "psykiatri")


class Governance:
    def __init__(self, loader: Loader, rng: random.Random, today: datetime.date, system: int):
        self.loader, self.rng, self.today, self.system = loader, rng, today, system
        self.first_day = datetime.date(today.year - 9, 1, 1)
        self.rows: dict[str, list[tuple]] = {}
        # per tenant: sorted meeting dates and ids, representatives
        self.meetings: dict[int, list[tuple[datetime.date, int, str]]] = {}
        self.reps: dict[
            int, list[tuple[int, int | None, str]]
        ] = {}  # tenant -> (rep id, user, key)
        self.lg: dict[int, int] = {}
        self.sb_by_meeting: dict[int, list[tuple[int, str]]] = {}

    def add(self, table: str, row: tuple) -> None:
        self.rows.setdefault(table, []).append(row)

    # ledningsgrupp ----------------------------------------------------------------------
    def ledningsgrupp(self, t: Tenant) -> None:
        rng, ids = self.rng, self.loader.ids
        lg = ids(Ledningsgrupp, 1)[0]
        self.lg[t.id] = lg
        self.add("lg", (lg, t.id, "Ledningsgruppen för personligt ombud", t.kommun_ids[0], None, 1))
        reps: list[tuple[int, int | None, str]] = []
        for key in ("kommun", "psykiatri", "primarvard", "fk", "af", "rsmh", "anhoriga"):
            mo = ids(MemberOrganisation, 1)[0]
            self.add("member_org", (mo, lg, t.orgs[key], self.first_day, None))
            user = t.members.get(key)
            rid = ids(Representative, 1)[0]
            name = "" if user else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            role = "chair" if key == "kommun" else "member"
            self.add(
                "rep",
                (rid, mo, user, name, "Enhetschef" if user else "", role, self.first_day, None),
            )
            reps.append((rid, user, key))
            if key == "kommun":
                sub = ids(Representative, 1)[0]
                self.add(
                    "rep",
                    (
                        sub,
                        mo,
                        None,
                        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                        "Socialsekreterare",
                        "substitute",
                        self.first_day,
                        None,
                    ),
                )
        self.reps[t.id] = reps
        for key, answer in (("attention", "declined"), ("enskild", "pending")):
            self.add(
                "seat_offer",
                (
                    ids(SeatOffer, 1)[0],
                    lg,
                    t.orgs[key],
                    self.first_day + DAY * 40,
                    answer,
                    self.first_day + DAY * 70 if answer != "pending" else None,
                    "",
                ),
            )
        meetings = []
        for year in range(self.first_day.year, self.today.year + 1):
            for month in (2, 5, 9, 11):
                day = datetime.date(year, month, 10 + t.index % 15)
                if day > self.today + DAY * 200:
                    continue
                status = (
                    "planned"
                    if day > self.today
                    else ("cancelled" if rng.random() < 0.03 else "held")
                )
                mid = ids(Meeting, 1)[0]
                self.add(
                    "meeting",
                    (
                        mid,
                        lg,
                        day,
                        datetime.time(13),
                        datetime.time(15),
                        rng.choice(PLACES),
                        "",
                        status,
                        at(day - DAY * 14),
                        1,
                    ),
                )
                meetings.append((day, mid, status))
        self.meetings[t.id] = meetings

    def meeting_after(self, t: Tenant, day: datetime.date) -> tuple[datetime.date, int, str] | None:
        ms = self.meetings[t.id]
        i = bisect.bisect_left(ms, (day, 0, ""))
        while i < len(ms) and ms[i][2] == "cancelled":
            i += 1
        return ms[i] if i < len(ms) else None

    # systembrister ----------------------------------------------------------------------
    def systembrister(self, t: Tenant, n: int) -> None:
        rng, ids, today = self.rng, self.loader.ids, self.today
        lead = t.leads[0]
        earlier: list[int] = []
        span = (today - self.first_day).days
        for _ in range(n):
            sid = ids(Systembrist, 1)[0]
            observed = self.first_day + DAY * int(span * rng.random() ** 0.7)
            age = (today - observed).days
            top = min(6, age // 45)
            stage = top if rng.random() < 0.75 else rng.randint(0, top)
            status = STAGES[stage]
            merged_into = None
            if stage >= 1 and earlier and rng.random() < 0.02:
                status, merged_into = "merged", rng.choice(earlier)
            elif stage == 1 and rng.random() < 0.15:
                status = "returned"
            if stage >= 3 and status != "merged":
                # On the agenda of a meeting: an agenda item (meetings_content) says which.
                m = self.meeting_after(t, observed + DAY * 30)
                if m is None or (m[2] != "held" and stage > 3):
                    stage, status = 2, "accepted"
                else:
                    self.sb_by_meeting.setdefault(m[1], []).append(
                        (sid, SYSTEMBRIST_TITLES[sid % 10])
                    )
            reporter = rng.choice(t.ombud)
            orgs = sorted(
                {t.orgs[rng.choice(ANSWERING + ("primarvard",))] for _ in range(rng.randint(1, 2))}
            )
            when = [min(at(observed + DAY * (k * 30), 10), at(today, 8)) for k in range(7)]
            closed = status == "closed"
            self.add(
                "sb",
                (
                    sid,
                    t.id,
                    SYSTEMBRIST_TITLES[sid % 10],
                    "Flera klienter har mött samma hinder under året. Beskrivningen saknar uppgifter som kan identifiera någon.",
                    rng.choice(["handlaggare", "lokal", "central"]),
                    rng.choice(list(LifeArea.values)),
                    rng.choice([1, 2, 3, 4, 6, 8, 12, 20]),
                    observed,
                    "",
                    "Tydligare rutin och en kontaktväg.",
                    reporter,
                    status,
                    observed + DAY * 120 if stage >= 4 else None,
                    rng.choice(["resolved", "partly", "not_resolved", "no_action"])
                    if closed
                    else "",
                    "Ledningsgruppen följer upp frågan." if closed else "",
                    "Länsstyrelsen" if closed and rng.random() < 0.2 else "",
                    None,
                    merged_into,
                    when[0],
                    when[1] if stage >= 1 else None,
                    when[6] if closed else None,
                    1,
                ),
            )
            for o in orgs:
                self.add("sb_orgs", (sid, o))
            for k in range(stage + 1):
                by = reporter if k <= 1 else lead
                self.add("event", (ids(Event, 1)[0], sid, when[k], by, EVENT_OF_STAGE[k], "", ""))
            if stage >= 5:
                for o in orgs:
                    key = next((k for k, v in t.orgs.items() if v == o), "")
                    self.add(
                        "answer",
                        (
                            ids(Answer, 1)[0],
                            sid,
                            o,
                            t.members.get(key, lead),
                            "Vi ser över rutinen och återkommer.",
                            "Ny rutin tas fram",
                            observed + DAY * 200,
                            when[5],
                            1,
                        ),
                    )
            others = [o for o in t.ombud if o != reporter]
            for o in rng.sample(others, min(len(others), rng.choice([0, 0, 1, 2]))):
                self.add("support", (ids(Support, 1)[0], sid, o, rng.randint(1, 4), "", when[1]))
            if status != "merged":
                earlier.append(sid)

    # agenda, protokoll, paragraphs --------------------------------------------------------
    def meetings_content(self, t: Tenant) -> None:
        rng, ids = self.rng, self.loader.ids
        lg = self.lg[t.id]
        reps = self.reps[t.id]
        numbers: dict[int, int] = {}
        chair = next(r for r in reps if r[2] == "kommun")
        just = next(r for r in reps if r[2] == "fk")
        held = [m for m in self.meetings[t.id] if m[2] == "held"]
        for day, mid, status in self.meetings[t.id]:
            items: list[tuple[int, str, str, int | None]] = [
                (k, "standing", title, None) for k, title in enumerate(PARAGRAPH_TITLES[:4])
            ]
            for sb_id, sb_title in self.sb_by_meeting.get(mid, []):
                items.append((len(items), "systembrist", sb_title, sb_id))
            items += [
                (len(items) + k, "standing", title, None)
                for k, title in enumerate(PARAGRAPH_TITLES[-2:])
            ]
            for order, kind, item_title, item_sb in items:
                self.add(
                    "agenda",
                    (ids(AgendaItem, 1)[0], mid, order, kind, item_title, "", item_sb, None),
                )
            if status != "held":
                continue
            for rid, _user, _key in reps:
                st = "present" if rng.random() < 0.85 else "absent"
                self.add("attendance", (ids(Attendance, 1)[0], mid, rid, st, ""))
            pid = ids(Protokoll, 1)[0]
            locked = (day, mid, status) != held[-1]
            self.add(
                "protokoll",
                (
                    pid,
                    mid,
                    chair[0],
                    None,
                    just[0],
                    at(day + DAY * 7) if locked else None,
                    None,  # no stored PDF: the generator renders none
                    "",
                    1,
                ),
            )
            if locked:
                self.add(
                    "signature",
                    (ids(Signature, 1)[0], pid, chair[1] or t.leads[0], "chair", at(day + DAY * 6)),
                )
                self.add(
                    "signature",
                    (
                        ids(Signature, 1)[0],
                        pid,
                        just[1] or t.leads[0],
                        "justerare",
                        at(day + DAY * 7),
                    ),
                )
            for _order, _kind, title, sid in items:
                numbers[day.year] = numbers.get(day.year, 0) + 1
                par = ids(Paragraph, 1)[0]
                decision = (
                    "Ledningsgruppen beslutar att ge svarsansvariga i uppdrag att återkomma."
                    if sid
                    else ""
                )
                self.add(
                    "paragraph", (par, pid, lg, day.year, numbers[day.year], title, "", decision, 1)
                )
                if sid:
                    self.add("par_sb", (par, sid))
                    if rng.random() < 0.4:
                        due = day + DAY * 90
                        done = due < self.today and rng.random() < 0.7
                        self.add(
                            "action",
                            (
                                ids(ActionItem, 1)[0],
                                lg,
                                par,
                                rng.choice(ACTION_ITEMS),
                                "",
                                t.orgs["kommun"],
                                chair[0],
                                due,
                                "done" if done else "open",
                                due if done else None,
                                at(day),
                                1,
                            ),
                        )
