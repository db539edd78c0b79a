"""Tenancy for the national-scale data: verksamheter, their kommuner, organisations, users."""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from core.models import (
    Kommun,
    Organisation,
    OrganisationType,
    Role,
    RoleAssignment,
    User,
    Verksamhet,
)

from .copy import Loader, m2m_table
from .texts import FIRST_NAMES, LAST_NAMES

SCALE_PASSWORD = "Scale-ombud-2026"
EMAIL_DOMAIN = "scale.example.se"
UTC = datetime.UTC


@dataclass
class Tenant:
    """What later steps need to know about one generated verksamhet."""

    id: int
    index: int
    weight: float
    kommun_ids: list[int]
    lan_name: str
    orgs: dict[str, int] = field(default_factory=dict)  # key -> organisation id
    org_ids: list[int] = field(default_factory=list)
    ombud: list[int] = field(default_factory=list)
    leads: list[int] = field(default_factory=list)
    members: dict[str, int] = field(default_factory=dict)  # org key -> user id
    grant_officer: int = 0
    admin: int = 0


def apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    n = len(weights)
    base = [minimum] * n
    rest = total - minimum * n
    if rest <= 0:
        return [total // n + (1 if i < total % n else 0) for i in range(n)]
    s = sum(weights)
    exact = [rest * w / s for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(n), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return [b + p for b, p in zip(base, parts, strict=True)]


def ascii_slug(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in norm.lower()).strip("-")


def build_world(
    loader: Loader, rng: random.Random, *, verksamheter: int, ombud: int, today: datetime.date
) -> tuple[list[Tenant], int]:
    """Create verksamheter, organisations, users and roles. Returns tenants and system user id."""
    kommuner = list(Kommun.objects.order_by("kod").values_list("id", "name", "lan_name"))
    rng.shuffle(kommuner)
    names = {k[0]: k[1] for k in kommuner}
    # Sizes follow a long tail: a few large regional services, many small ones.
    weights = [1.0 / (i + 2) ** 0.7 for i in range(verksamheter)]
    n_served = min(len(kommuner), max(verksamheter, 250 * verksamheter // 60))
    served = apportion(n_served, weights, minimum=1)
    ombud_counts = apportion(ombud, weights, minimum=1)
    since = datetime.datetime(today.year - 9, 1, 1, 8, tzinfo=UTC)

    tenants: list[Tenant] = []
    pos = 0
    v_ids = loader.ids(Verksamhet, verksamheter)
    for i, vid in enumerate(v_ids):
        ks = kommuner[pos : pos + served[i]] or [kommuner[i % len(kommuner)]]
        pos += served[i]
        tenants.append(Tenant(vid, i, weights[i], [k[0] for k in ks], ks[0][2]))

    def verksamhet_rows():
        for t in tenants:
            head = names[t.kommun_ids[0]]
            form = Verksamhet.Form.SAMVERKAN if len(t.kommun_ids) > 1 else Verksamhet.Form.OWN
            if t.index % 11 == 5:
                form = Verksamhet.Form.ENTREPRENAD
            yield (
                t.id,
                f"Personligt ombud {head}" + (" med flera" if len(t.kommun_ids) > 1 else ""),
                f"scale-{t.index + 1:03d}-{ascii_slug(head)}",
                form,
                t.kommun_ids[0],
                "Vägen Stöd AB" if form == Verksamhet.Form.ENTREPRENAD else "",
                30,
                1,
            )

    cols = ["id", "name", "slug", "form", "huvudman_id", "contractor", "no_contact_days", "version"]
    loader.copy(Verksamhet, cols, verksamhet_rows(), history=lambda r: (since, None))
    loader.copy(
        m2m_table(Verksamhet, "kommuner"),
        ["verksamhet_id", "kommun_id"],
        ((t.id, k) for t in tenants for k in t.kommun_ids),
    )

    org_rows = []
    for t in tenants:
        head = names[t.kommun_ids[0]]
        specs: list[tuple[str, str, str, int | None]] = []
        for j, k in enumerate(t.kommun_ids[:6]):
            key = "kommun" if j == 0 else f"kommun_{j}"
            specs.append((key, f"{names[k]}, socialtjänsten", OrganisationType.KOMMUN, k))
        specs += [
            (
                "psykiatri",
                f"Region {t.lan_name}, psykiatrin",
                OrganisationType.REGION_PSYKIATRI,
                None,
            ),
            (
                "primarvard",
                f"Region {t.lan_name}, primärvården",
                OrganisationType.REGION_PRIMARVARD,
                None,
            ),
            ("fk", "Försäkringskassan", OrganisationType.FORSAKRINGSKASSAN, None),
            ("af", "Arbetsförmedlingen", OrganisationType.ARBETSFORMEDLINGEN, None),
            ("rsmh", f"RSMH {head}", OrganisationType.BRUKARORGANISATION, None),
            ("attention", f"Attention {head}", OrganisationType.BRUKARORGANISATION, None),
            (
                "anhoriga",
                f"Anhörigföreningen {t.lan_name}",
                OrganisationType.ANHORIGORGANISATION,
                None,
            ),
            ("kronofogden", "Kronofogden", OrganisationType.ANNAN, None),
            ("bostad", f"{head} Bostäder AB", OrganisationType.ANNAN, None),
            (
                "enskild",
                f"Gården {head} (enskild verksamhet)",
                OrganisationType.ENSKILD_VERKSAMHET,
                None,
            ),
        ]
        ids = loader.ids(Organisation, len(specs))
        for oid, (key, name, type_, kommun) in zip(ids, specs, strict=True):
            t.orgs[key] = oid
            t.org_ids.append(oid)
            org_rows.append((oid, t.id, name, type_, kommun, True, 1))
    loader.copy(
        Organisation,
        ["id", "verksamhet_id", "name", "type", "kommun_id", "active", "version"],
        org_rows,
        history=lambda r: (since, None),
    )

    password = make_password(SCALE_PASSWORD)
    users: list[tuple] = []
    roles: list[tuple] = []

    def person(role_label: str) -> int:
        uid = loader.ids(User, 1)[0]
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{ascii_slug(first)}.{ascii_slug(last)}.{role_label}{uid}@{EMAIL_DOMAIN}"
        users.append((uid, password, False, first, last, email, False, True, since))
        return uid

    system = person("system")
    for t, n_ombud in zip(tenants, ombud_counts, strict=True):
        for _ in range(n_ombud):
            t.ombud.append(person("ombud"))
            roles.append((t.id, t.ombud[-1], Role.OMBUD, None))
        for _ in range(2 if n_ombud > 8 else 1):
            t.leads.append(person("lead"))
            roles.append((t.id, t.leads[-1], Role.LEAD, None))
        for key in ("fk", "af", "kommun", "psykiatri"):
            t.members[key] = person(f"member{key}")
            roles.append((t.id, t.members[key], Role.MEMBER, t.orgs[key]))
        t.grant_officer = person("grant")
        roles.append((t.id, t.grant_officer, Role.GRANT_OFFICER, None))
        t.admin = person("admin")
        roles.append((t.id, t.admin, Role.ADMIN, None))
    loader.copy(
        User,
        [
            "id",
            "password",
            "is_superuser",
            "first_name",
            "last_name",
            "email",
            "is_staff",
            "is_active",
            "date_joined",
        ],
        users,
        history=lambda r: (since, None),
    )
    ra_ids = loader.ids(RoleAssignment, len(roles))
    loader.copy(
        RoleAssignment,
        ["id", "verksamhet_id", "user_id", "role", "organisation_id"],
        ((rid, *r) for rid, r in zip(ra_ids, roles, strict=True)),
        history=lambda r: (since, system),
    )
    return tenants, system
