"""Fill a separate database with national-scale benchmark data (the code is in devtools/scale/)."""

from __future__ import annotations

import datetime
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from devtools import scale


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # a data loader: no URL or template checks needed
    help = (
        "Fill the database with national-scale, reproducible data for benchmarks (fixed seed, "
        "PostgreSQL COPY). Run it against its own database, e.g. OMBUD_DB_NAME=ombud_scale; "
        "it refuses the shared dev database 'ombud'. History: one '+' (created) history row "
        "per record, with its author and date, except in the M2M history tables; "
        "--no-history skips them. Access log: one 'view' row for about half of the contacts "
        "(--access-ratio). Every generated user's password is "
        f"{scale.SCALE_PASSWORD!r}."
    )

    def add_arguments(self, parser: Any) -> None:
        p = scale.Params()
        parser.add_argument("--verksamheter", type=int, default=p.verksamheter)
        parser.add_argument("--ombud", type=int, default=p.ombud)
        parser.add_argument("--clients", type=int, default=p.clients)
        parser.add_argument("--contacts", type=int, default=p.contacts)
        parser.add_argument("--systembrister", type=int, default=p.systembrister)
        parser.add_argument(
            "--access-ratio",
            type=float,
            default=p.access_ratio,
            help="Access-log rows per contact (default 0.5).",
        )
        parser.add_argument("--seed", type=int, default=p.seed)
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Reference date (YYYY-MM-DD); default today. Same seed and date, same data.",
        )
        parser.add_argument("--no-history", action="store_true", help="Write no history rows.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty all domain tables of this database first (kommuner are kept).",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        name = scale.database_name()
        if name in scale.PROTECTED_DB_NAMES:
            raise CommandError(
                f"Refusing to load national-scale data into the database {name!r}; "
                "set OMBUD_DB_NAME=ombud_scale (and migrate it first)."
            )
        if opts["verksamheter"] < 1 or opts["ombud"] < opts["verksamheter"]:
            raise CommandError("Need at least one verksamhet and one ombud per verksamhet.")
        if opts["reset"]:
            scale.reset()
        elif scale.has_data():
            raise CommandError(f"The database {name!r} already has data; use --reset.")
        params = scale.Params(
            verksamheter=opts["verksamheter"],
            ombud=opts["ombud"],
            clients=opts["clients"],
            contacts=opts["contacts"],
            systembrister=opts["systembrister"],
            access_ratio=opts["access_ratio"],
            seed=opts["seed"],
            today=opts["today"],
            history=not opts["no_history"],
        )
        started = time.monotonic()

        def write(msg: str) -> None:
            if opts["verbosity"] > 0:
                self.stdout.write(msg)
                self.stdout.flush()

        counts = scale.generate(params, progress=write)
        main = {k: v for k, v in counts.items() if "historical" not in k}
        write(
            f"Wrote {sum(counts.values()):,} rows ({sum(main.values()):,} live, "
            f"{sum(counts.values()) - sum(main.values()):,} history) into {name!r} "
            f"in {time.monotonic() - started:.0f} s."
        )
