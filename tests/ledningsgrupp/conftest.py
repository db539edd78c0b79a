"""A ledningsgrupp with FK (member_fk is chair), AF (member_af), kommun (secretary) and more."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest

from ledningsgrupp.models import (
    AgendaItem,
    AgendaItemKind,
    Ledningsgrupp,
    Representative,
    RepresentativeRole,
)
from systembrister.models import Systembrist

from .factories import LedningsgruppFactory, MemberOrganisationFactory, RepresentativeFactory

START = datetime.date(2024, 1, 1)


@dataclass
class Group:
    group: Ledningsgrupp
    chair: Representative  # member_fk
    justerare: Representative  # member_af
    secretary: Representative  # a name, no login
    reps: dict[str, Representative]


def make_group(world: Any) -> Group:
    group = LedningsgruppFactory(verksamhet=world.verksamhet, name="Ledningsgrupp PO Västmanland")
    reps = {}
    for key in ("kommun", "psykiatri", "primarvard", "fk", "af"):
        member = MemberOrganisationFactory(
            ledningsgrupp=group, organisation=world.orgs[key], start=START
        )
        user = {"fk": world.users["member_fk"], "af": world.users["member_af"]}.get(key)
        role = {"fk": RepresentativeRole.CHAIR, "kommun": RepresentativeRole.SECRETARY}.get(
            key, RepresentativeRole.MEMBER
        )
        reps[key] = RepresentativeFactory(
            member_organisation=member,
            user=user,
            name="" if user else f"Representant {key}",
            role=role,
            start=START,
        )
    return Group(
        group=group, chair=reps["fk"], justerare=reps["af"], secretary=reps["kommun"], reps=reps
    )


@pytest.fixture
def lg(world: Any) -> Group:
    return make_group(world)


def make_systembrist(
    world: Any,
    *,
    status: str,
    title: str = "Brist",
    org: str = "fk",
    meeting: Any = None,
    **kw: Any,
) -> Systembrist:
    """A report written straight to the database; ``meeting``: on that meeting's agenda."""
    report = Systembrist.objects.create(
        verksamhet=world.verksamhet,
        title=title,
        description="Återkommande problem.",
        level="lokal",
        life_area=kw.pop("life_area", "ekonomi"),
        first_observed=datetime.date(2025, 1, 10),
        reporter=world.users["ombud_anna"],
        status=status,
        **kw,
    )
    report.organisations.set([world.orgs[org]])
    if meeting is not None:
        AgendaItem.objects.create(
            meeting=meeting, kind=AgendaItemKind.SYSTEMBRIST, title=title, systembrist=report
        )
    return report


def all_present(meeting: Any, lg: Group) -> None:
    """Every representative of ``lg`` present at ``meeting`` (the justering needs them)."""
    from ledningsgrupp.models import Attendance, AttendanceStatus

    for rep in lg.reps.values():
        Attendance.objects.get_or_create(
            meeting=meeting, representative=rep, defaults={"status": AttendanceStatus.PRESENT}
        )
