"""Demo data for the foundation: one verksamhet serving three kommuner, its organisations
and one user per role. Apps add their own demo data in ``<app>/demo.py`` (function ``seed``),
called by ``manage.py seed_demo`` after this. Everything here is idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from core.audit import acting_as
from core.models import (
    Kommun,
    Organisation,
    OrganisationType,
    Role,
    RoleAssignment,
    User,
    Verksamhet,
)

DEMO_PASSWORD = "Demo-ombud-2026"
DEMO_SLUG = "po-vastmanland"


@dataclass
class DemoWorld:
    verksamhet: Verksamhet
    users: dict[str, User]
    orgs: dict[str, Organisation]


ORGS = [
    ("kommun", "Västerås stad, socialtjänsten", OrganisationType.KOMMUN),
    ("kommun_koping", "Köpings kommun, socialtjänsten", OrganisationType.KOMMUN),
    ("psykiatri", "Region Västmanland, psykiatrin", OrganisationType.REGION_PSYKIATRI),
    ("primarvard", "Region Västmanland, primärvården", OrganisationType.REGION_PRIMARVARD),
    ("fk", "Försäkringskassan", OrganisationType.FORSAKRINGSKASSAN),
    ("af", "Arbetsförmedlingen", OrganisationType.ARBETSFORMEDLINGEN),
    ("rsmh", "RSMH Västerås", OrganisationType.BRUKARORGANISATION),
    ("anhoriga", "Anhörigföreningen Västmanland", OrganisationType.ANHORIGORGANISATION),
    ("kronofogden", "Kronofogden", OrganisationType.ANNAN),
    ("bostad", "Mimer bostäder", OrganisationType.ANNAN),
]

USERS = [
    # key, e-mail, first, last, role, organisation key
    ("ombud_anna", "anna.ombud@example.se", "Anna", "Lind", Role.OMBUD, None),
    ("ombud_omar", "omar.ombud@example.se", "Omar", "Haddad", Role.OMBUD, None),
    ("lead_lars", "lars.samordnare@example.se", "Lars", "Berg", Role.LEAD, None),
    ("member_fk", "fatima.fk@example.se", "Fatima", "Svensson", Role.MEMBER, "fk"),
    ("member_af", "arvid.af@example.se", "Arvid", "Holm", Role.MEMBER, "af"),
    ("member_kommun", "karin.kommun@example.se", "Karin", "Ek", Role.MEMBER, "kommun"),
    ("grant_gunilla", "gunilla.bidrag@example.se", "Gunilla", "Ström", Role.GRANT_OFFICER, None),
    ("admin_agnes", "agnes.admin@example.se", "Agnes", "Nord", Role.ADMIN, None),
]


@transaction.atomic
def seed_foundation() -> DemoWorld:
    kommuner = {k.kod: k for k in Kommun.objects.filter(kod__in=["1980", "1983", "1984"])}
    system = User.objects.filter(email="system@ombud.invalid").first()
    if system is None:
        system = User(email="system@ombud.invalid", first_name="Systemet", is_active=False)
        setattr(system, "_history_user", system)  # noqa: B010 (its history names itself)
        system.save()
    with acting_as(system):
        verksamhet, created = Verksamhet.objects.get_or_create(
            slug=DEMO_SLUG,
            defaults={
                "name": "Personligt ombud Västmanland",
                "form": Verksamhet.Form.SAMVERKAN,
                "huvudman": kommuner["1980"],
                "contact_phone": "021-39 00 00",
                "contact_email": "personligtombud@vasteras.se",
                "postal_address": "Personligt ombud Västmanland\nStadshuset\n721 87 Västerås",
            },
        )
        if created:
            verksamhet.kommuner.set(kommuner.values())
        orgs = {}
        for key, name, type_ in ORGS:
            orgs[key], _ = Organisation.objects.get_or_create(
                verksamhet=verksamhet,
                name=name,
                defaults={
                    "type": type_,
                    "kommun": kommuner["1980"] if type_ == OrganisationType.KOMMUN else None,
                },
            )
        users = {}
        for key, email, first, last, role, org_key in USERS:
            user, made = User.objects.get_or_create(
                email=email, defaults={"first_name": first, "last_name": last}
            )
            if made:
                user.set_password(DEMO_PASSWORD)
                user.save()
            RoleAssignment.objects.get_or_create(
                user=user,
                verksamhet=verksamhet,
                role=role,
                defaults={"organisation": orgs[org_key] if org_key else None},
            )
            users[key] = user
    return DemoWorld(verksamhet=verksamhet, users=users, orgs=orgs)
