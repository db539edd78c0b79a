"""Shared fixtures: a verksamhet with one named user per role, and a second verksamhet.

Tests read like stories: ``ombud_anna`` works in ``verksamhet``; ``member_fk`` represents
Försäkringskassan in its ledningsgrupp; ``outsider_olle`` is a lead in another verksamhet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from core.models import Organisation, OrganisationType, Role, User, Verksamhet
from tests.core.factories import OrganisationFactory, VerksamhetFactory, kommun, user_with_role


@dataclass
class World:
    verksamhet: Verksamhet
    other_verksamhet: Verksamhet
    orgs: dict[str, Organisation]
    users: dict[str, User]
    extra: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)


ORG_TYPES = {
    "kommun": ("Västerås stad, socialtjänsten", OrganisationType.KOMMUN),
    "psykiatri": ("Region Västmanland, psykiatrin", OrganisationType.REGION_PSYKIATRI),
    "primarvard": ("Region Västmanland, primärvården", OrganisationType.REGION_PRIMARVARD),
    "fk": ("Försäkringskassan", OrganisationType.FORSAKRINGSKASSAN),
    "af": ("Arbetsförmedlingen", OrganisationType.ARBETSFORMEDLINGEN),
    "rsmh": ("RSMH Västerås", OrganisationType.BRUKARORGANISATION),
}


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    v = VerksamhetFactory(
        name="PO Västmanland",
        slug="po-vastmanland",
        kommuner=[kommun("1980"), kommun("1983"), kommun("1984")],
    )
    other = VerksamhetFactory(name="PO Gotland", slug="po-gotland", huvudman=kommun("0980"))
    orgs = {
        key: OrganisationFactory(verksamhet=v, name=name, type=t)
        for key, (name, t) in ORG_TYPES.items()
    }
    orgs["other_fk"] = OrganisationFactory(
        verksamhet=other, name="Försäkringskassan Gotland", type=OrganisationType.FORSAKRINGSKASSAN
    )
    users = {
        "ombud_anna": user_with_role(
            v, Role.OMBUD, email="anna@example.se", first_name="Anna", last_name="Lind"
        ),
        "ombud_omar": user_with_role(
            v, Role.OMBUD, email="omar@example.se", first_name="Omar", last_name="Haddad"
        ),
        "lead_lars": user_with_role(
            v, Role.LEAD, email="lars@example.se", first_name="Lars", last_name="Berg"
        ),
        "member_fk": user_with_role(
            v,
            Role.MEMBER,
            orgs["fk"],
            email="fatima@example.se",
            first_name="Fatima",
            last_name="Svensson",
        ),
        "member_af": user_with_role(
            v,
            Role.MEMBER,
            orgs["af"],
            email="arvid@example.se",
            first_name="Arvid",
            last_name="Holm",
        ),
        "grant_gunilla": user_with_role(
            v,
            Role.GRANT_OFFICER,
            email="gunilla@example.se",
            first_name="Gunilla",
            last_name="Ström",
        ),
        "admin_agnes": user_with_role(
            v, Role.ADMIN, email="agnes@example.se", first_name="Agnes", last_name="Nord"
        ),
        "outsider_olle": user_with_role(
            other, Role.LEAD, email="olle@example.se", first_name="Olle", last_name="Gran"
        ),
    }
    return World(verksamhet=v, other_verksamhet=other, orgs=orgs, users=users)


@pytest.fixture
def verksamhet(world: World) -> Verksamhet:
    return world.verksamhet


@pytest.fixture
def ombud_anna(world: World) -> User:
    """Ombud in the verksamhet (Anna Lind)."""
    return world.users["ombud_anna"]


@pytest.fixture
def ombud_omar(world: World) -> User:
    """A second ombud (Omar Haddad)."""
    return world.users["ombud_omar"]


@pytest.fixture
def lead_lars(world: World) -> User:
    """The samordnare (Lars Berg)."""
    return world.users["lead_lars"]


@pytest.fixture
def member_fk(world: World) -> User:
    """Ledningsgrupp member for Försäkringskassan (Fatima Svensson)."""
    return world.users["member_fk"]


@pytest.fixture
def member_af(world: World) -> User:
    """Ledningsgrupp member for Arbetsförmedlingen (Arvid Holm)."""
    return world.users["member_af"]


@pytest.fixture
def grant_gunilla(world: World) -> User:
    """The kommun's grant officer (Gunilla Ström)."""
    return world.users["grant_gunilla"]


@pytest.fixture
def admin_agnes(world: World) -> User:
    """The verksamhet's admin (Agnes Nord), not a Django superuser."""
    return world.users["admin_agnes"]


@pytest.fixture
def outsider_olle(world: World) -> User:
    """Lead of another verksamhet (Olle Gran)."""
    return world.users["outsider_olle"]
