"""The spreadsheet import at size: a 5 000-row client file and a 100 000-row contacts file.

    OMBUD_DB_NAME=ombud_importbench .venv/bin/python manage.py migrate
    OMBUD_DB_NAME=ombud_importbench .venv/bin/python bench/imports.py [--clients 5000] [--contacts 100000]

Not a timed test: it prints and writes bench/import-results.json. Every run makes a new
verksamhet in its own database (never the shared `ombud`), with ten ombud, a lead and five
organisations, writes the files to a temporary folder (an .xlsx of clients, half with a
personnummer, in every uppdrag status; a semicolon .csv of contacts, half naming an
organisation the client has consented to), and imports each in a fresh process through
``imports.services.import_file`` (what `manage.py import_data` and the screens call): the
check (dry run, the preview), the import, and the same file again (everything "redan
importerad"). Each line gives the wall time and the process's peak RSS
(``resource.getrusage``) over its RSS before the import; the contacts file is also run at a
fifth of its size, so that a flat memory curve shows as the same peak at both sizes.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("OMBUD_DB_NAME", "ombud_importbench")

TYPES = ["Hembesök", "Telefon", "Besök på kontoret", "Digitalt möte", "Brev eller e-post"]
ORGS = ["Försäkringskassan", "Arbetsförmedlingen", "Socialtjänsten", "Psykiatrin", "Vårdcentralen"]


def _setup() -> None:
    import django

    django.setup()
    from django.db import connection

    if connection.settings_dict["NAME"] == "ombud":
        raise SystemExit("Refusing to run against the shared database `ombud`.")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _luhn(digits: str) -> int:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return (10 - total % 10) % 10


def _pnr(rng: random.Random, n: int) -> str:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 50))
    serial = f"{n % 998 + 1:03d}"
    ten = born.strftime("%y%m%d") + serial
    return f"{born:%Y%m%d}-{serial}{_luhn(ten)}"


def make_world(run_id: str) -> dict[str, Any]:
    from core.models import (
        Kommun,
        Organisation,
        OrganisationType,
        Role,
        RoleAssignment,
        User,
        Verksamhet,
    )

    kommun = Kommun.objects.get(kod="1980")
    v = Verksamhet.objects.create(name=f"Importbänk {run_id}", slug=f"importbench-{run_id}",
                                  huvudman=kommun)  # fmt: skip
    v.kommuner.set([kommun])
    lead = User.objects.create(
        email=f"lead-{run_id}@example.se", first_name="Lena", last_name="Lead"
    )
    RoleAssignment.objects.create(user=lead, verksamhet=v, role=Role.LEAD)
    ombud = []
    for i in range(10):
        u = User.objects.create(email=f"ombud{i}-{run_id}@example.se")
        RoleAssignment.objects.create(user=u, verksamhet=v, role=Role.OMBUD)
        ombud.append(u.email)
    for name in ORGS:
        Organisation.objects.create(verksamhet=v, name=name, type=OrganisationType.ANNAN)
    return {"slug": v.slug, "lead": lead.email, "ombud": ombud, "kommun": kommun.name}


def client_file(path: Path, n: int, world: dict, rng: random.Random) -> list[tuple[str, str]]:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Klienter")
    sheet.append(["Alias", "Personnummer", "Födelseår", "Kommun", "Status",
                  "På väntelistan sedan", "Kontaktskapande från", "Uppdraget startade",
                  "Uppdraget avslutades", "Avslutsorsak", "Ansvarigt ombud"])  # fmt: skip
    refs = []
    for i in range(n):
        alias = f"Klient {i:05d}"
        pnr = _pnr(rng, i) if i % 2 == 0 else ""
        born = "" if pnr else 1950 + i % 50
        start = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(300))
        status = ["Väntelista", "Kontaktskapande", "Aktivt", "Aktivt", "Avslutat"][i % 5]
        cb = start + datetime.timedelta(days=20) if status != "Väntelista" else None
        active = start + datetime.timedelta(days=60) if status in ("Aktivt", "Avslutat") else None
        ended = start + datetime.timedelta(days=300) if status == "Avslutat" else None
        ombud = world["ombud"][i % 10] if status != "Väntelista" else ""
        sheet.append([alias, pnr, born, world["kommun"], status, start, cb, active, ended,
                      "Målen uppnådda" if ended else "", ombud])  # fmt: skip
        refs.append((alias, pnr))
    book.save(path)
    return refs


def contact_file(path: Path, n: int, refs: list[tuple[str, str]], rng: random.Random) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Klient", "Datum", "Typ", "Minuter", "Organisationer", "Avidentifierad"])
        for i in range(n):
            alias, pnr = refs[i % len(refs)]
            day = datetime.date(2024, 1, 1) + datetime.timedelta(days=i // len(refs))
            org = ORGS[i % len(ORGS)] if i % 2 else ""
            writer.writerow([pnr or alias, f"{day.day}/{day.month}/{day.year}", TYPES[i % 5],
                             rng.choice([15, 30, 45, 60, 90]), org,
                             "Ja" if i % 50 == 0 else ""])  # fmt: skip


def consents(slug: str) -> None:
    """Every imported client consents to every organisation from 2020 (the contacts' orgs)."""
    from clients.models import Client, Consent
    from core.models import Organisation, User, Verksamhet

    v = Verksamhet.objects.get(slug=slug)
    by = User.objects.filter(roles__verksamhet=v).first()
    orgs = list(Organisation.objects.filter(verksamhet=v))
    Consent.objects.bulk_create(
        Consent(
            client_id=c,
            organisation=o,
            scope="Allt",
            form="written",
            valid_from=datetime.date(2020, 1, 1),
            recorded_by=by,
        )  # fmt: skip
        for c in Client.objects.filter(verksamhet=v).values_list("pk", flat=True)
        for o in orgs
    )


def run_one(kind: str, file: str, slug: str, by_email: str, *, dry_run: bool) -> dict[str, object]:
    """One import in this (fresh) process: time and peak memory."""
    _setup()
    from core.models import User, Verksamhet
    from imports.services import import_file

    verksamhet = Verksamhet.objects.get(slug=slug)
    by = User.objects.get(email=by_email)
    content = Path(file).read_bytes()
    before = _rss_mb()
    started = time.monotonic()
    outcome = import_file(kind=kind, verksamhet=verksamhet, by=by, content=content,
                          dry_run=dry_run)  # fmt: skip
    seconds = time.monotonic() - started
    return {
        "kind": kind,
        "file_mb": round(len(content) / 1e6, 1),
        "dry_run": dry_run,
        "rows": outcome.rows,
        "created": outcome.created,
        "already": outcome.already,
        "refused": outcome.refused_count,
        "first_refusals": [r.as_dict() for r in outcome.refused[:3]],
        "seconds": round(seconds, 1),
        "rows_per_s": round(outcome.rows / seconds) if seconds else None,
        "rss_before_mb": round(before),
        "peak_rss_mb": round(_rss_mb()),
        "peak_over_start_mb": round(_rss_mb() - before),
    }


def _child(label: str, kind: str, file: Path, world: dict, dry_run: bool = False) -> dict:
    args = [sys.executable, __file__, "--child", kind, str(file), world["slug"], world["lead"]]
    if dry_run:
        args.append("--dry-run")
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=os.environ)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["step"] = label
    print(
        f"  {label:<32} {result['rows']:>7} rows  {result['seconds']:>6} s  "
        f"created {result['created']:>6}  already {result['already']:>6}  "
        f"refused {result['refused']:>3}  peak RSS {result['peak_rss_mb']} MB "
        f"(+{result['peak_over_start_mb']} MB)",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--output", default=str(ROOT / "bench" / "import-results.json"))
    parser.add_argument("--child", nargs=4, metavar=("KIND", "FILE", "SLUG", "BY"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if args.child:
        kind, file, slug, by_email = args.child
        print(json.dumps(run_one(kind, file, slug, by_email, dry_run=args.dry_run)))
        return 0

    _setup()
    from django.db import connection

    rng = random.Random(2026)
    run_id = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    world = make_world(run_id)
    print(f"Database {connection.settings_dict['NAME']!r}, verksamhet {world['slug']}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        clients = Path(tmp) / "klienter.xlsx"
        refs = client_file(clients, args.clients, world, rng)
        results.append(_child("klienter: check (preview)", "klienter", clients, world, True))
        results.append(_child("klienter: import", "klienter", clients, world))
        results.append(_child("klienter: again", "klienter", clients, world))
        consents(world["slug"])
        small = Path(tmp) / "kontakter-small.csv"
        contact_file(small, args.contacts // 5, refs, rng)
        big = Path(tmp) / "kontakter.csv"
        contact_file(big, args.contacts, refs, rng)
        results.append(_child("kontakter 1/5: check", "kontakter", small, world, True))
        results.append(_child("kontakter: check (preview)", "kontakter", big, world, True))
        results.append(_child("kontakter: import", "kontakter", big, world))
        results.append(_child("kontakter: again", "kontakter", big, world))
    Path(args.output).write_text(
        json.dumps({"date": datetime.date.today().isoformat(), "results": results}, indent=2) + "\n"
    )
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
