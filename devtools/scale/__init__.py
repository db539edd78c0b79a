"""National-scale data for benchmarks: ``manage.py seed_scale`` (see bench/README.md).

The data are invented but shaped like a national hosting: a long tail of verksamheter,
nine years of uppdrag, contacts, consents, plans, systembrister, ledningsgrupp meetings with
protokoll, and grant years. Everything is written with COPY; the same seed and reference date
give the same data.

History: every record written also gets one "+" (created) row in its simple_history table,
with the author and time it would have had, because the history pages and the gallring job
must be measured against history tables as large as the live ones. The historical tables of
M2M links (e.g. a contact's organisations) get none: the "+" row of the parent stands for
the creation and those tables only grow on later edits. ``--no-history`` skips all history.

Access log: a share of contacts (``--access-ratio``, default 0.5) leaves one AccessLog row
("view" of the client by the ombud on that day), i.e. about a million rows at national scale.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import connection

from .client_tables import build_clients, build_contacts
from .copy import Loader, restore_fk_triggers, skip_fk_triggers, verify_foreign_keys
from .governance_tables import build_governance
from .grant_tables import build_grants
from .world import SCALE_PASSWORD, build_world

PROTECTED_DB_NAMES = {"ombud"}  # the shared dev database: never load national data there
APP_LABELS = ("core", "clients", "systembrister", "dataprotection", "ledningsgrupp", "statsbidrag")


@dataclass
class Params:
    verksamheter: int = 60
    ombud: int = 300
    clients: int = 100_000
    contacts: int = 2_000_000
    systembrister: int = 5_000
    access_ratio: float = 0.5
    seed: int = 2026
    today: datetime.date | None = None
    history: bool = True


def database_name() -> str:
    return str(connection.settings_dict["NAME"])


def domain_tables() -> list[str]:
    tables = []
    for label in APP_LABELS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.db_table != "core_kommun" and not model._meta.proxy:
                tables.append(model._meta.db_table)
    existing = set(connection.introspection.table_names())
    return sorted(set(tables) & existing)  # models still without a migration are skipped


def reset() -> None:
    """Empty every domain table (and its history) except the kommun reference data."""
    tables = ", ".join(f'"{t}"' for t in domain_tables())
    with connection.cursor() as cur:
        cur.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def has_data() -> bool:
    from clients.models import Client
    from core.models import Verksamhet

    return Verksamhet.objects.exists() or Client.objects.exists()


def generate(params: Params, progress: Callable[[str], None] = print) -> dict[str, int]:
    """Generate everything; returns row counts per table."""
    rng = random.Random(params.seed)
    today = params.today or datetime.date.today()
    loader = Loader(history=params.history, progress=progress)
    t0 = time.monotonic()
    fast = skip_fk_triggers()

    def step(name: str) -> None:
        progress(f"[{time.monotonic() - t0:6.1f} s] {name}")

    step("verksamheter, organisations, users and roles")
    tenants, system = build_world(
        loader, rng, verksamheter=params.verksamheter, ombud=params.ombud, today=today
    )
    step("clients, uppdrag, consents, needs, plans")
    periods = build_clients(
        loader, rng, tenants, clients=params.clients, today=today, system=system
    )
    step(f"contacts ({params.contacts:,}) with organisations, and access log")
    build_contacts(
        loader, rng, periods, contacts=params.contacts, access_per_contact=params.access_ratio
    )
    step("ledningsgrupper, meetings, protokoll, systembrister")
    build_governance(
        loader, rng, tenants, systembrister=params.systembrister, today=today, system=system
    )
    step("employment periods and grant years")
    build_grants(loader, rng, tenants, today=today, system=system)
    if fast:
        restore_fk_triggers()
        step("checking every foreign key (the per-row triggers were off during COPY)")
        problems = verify_foreign_keys(set(loader.counts))
        if problems:
            raise RuntimeError("Broken foreign keys: " + "; ".join(problems))
    step("sequences and VACUUM ANALYZE")
    loader.fix_sequences()
    with connection.cursor() as cur:
        # VACUUM sets the visibility map (index-only scans), as autovacuum would in production.
        cur.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
    step(f"done; every generated user's password is {SCALE_PASSWORD!r}")
    return loader.counts
