"""``make load``: gunicorn on 127.0.0.1 + a headless locust run of the roles' journeys.

    OMBUD_DB_NAME=ombud_scale .venv/bin/python bench/load.py [--users 50] [--seconds 60]
        [--think 2,6] [--workers 4]

Accounts come from the ten largest verksamheter of the national-scale data (the busiest
ombud of each, its lead, the Försäkringskassan member and the grant officer). The users
arrive at --spawn-rate a second and log in; then the statistics are reset and all of them
work for --seconds with a think time of --think seconds (min,max) between pages. Writes
bench/load-results.json and prints the error count and p95 of the pages, and of the logins.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ.setdefault("OMBUD_DB_NAME", "ombud_scale")
VENV_BIN = ROOT / ".venv" / "bin"


def plan(verksamheter: int) -> dict:
    import django

    django.setup()
    from django.db.models import Count
    from django.urls import reverse

    from bench.harness import resolve
    from bench.pages import PAGES, pick
    from core.models import Verksamhet
    from devtools.scale import SCALE_PASSWORD

    accounts: dict[str, list[dict]] = {"ombud": [], "lead": [], "member": [], "grant_officer": []}
    largest = Verksamhet.objects.annotate(n=Count("clients")).order_by("-n", "pk")[:verksamheter]
    for v in largest:
        users, objects = pick(v)
        for role in accounts:
            if role not in users:
                continue
            paths = {}
            for page in PAGES:
                if page.role == role and not page.pdf:
                    url = resolve(page, objects)
                    if url:
                        paths[page.name.removesuffix("_member")] = url
            paths["dashboard"] = reverse("dashboard")
            accounts[role].append({"email": users[role].email, "paths": paths})
    return {"password": SCALE_PASSWORD, "login": reverse("login"), "accounts": accounts}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 (loopback only)
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer on {url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--think", default="2,6", help="think time between pages: min,max s")
    parser.add_argument("--spawn-rate", type=float, default=2.0, help="users started per second")
    parser.add_argument("--verksamheter", type=int, default=10)
    parser.add_argument("--output", default=str(ROOT / "bench" / "load-results.json"))
    args = parser.parse_args(argv)

    var = ROOT / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    plan_file = var / "load-plan.json"
    plan_file.write_text(json.dumps(plan(args.verksamheter), indent=2))
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "BENCH_LOAD_PLAN": str(plan_file),
        "BENCH_LOAD_RESULT": args.output,
        "BENCH_THINK": args.think,
    }
    ramp = args.users / args.spawn_rate
    gunicorn = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(args.workers),
            # Django is imported once and the workers fork from it, as in production.
            "--preload",
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(host + "/konto/logga-in/")
        print(
            f"gunicorn ({args.workers} workers) on {host}; locust: {args.users} users arriving "
            f"over {ramp:.0f} s, then {args.seconds} s of work, think time {args.think} s"
        )
        subprocess.run(
            [
                str(VENV_BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                # Users arrive over about 25 s (two a second), as a morning does, rather
                # than 50 PBKDF2 logins in the same 5 s on two cores.
                str(args.spawn_rate),
                "--reset-stats",
                "-t",
                f"{round(ramp + args.seconds)}s",
                "--host",
                host,
                "--only-summary",
                "--stop-timeout",
                "5",
            ],
            cwd=ROOT,
            env=env,
            check=False,
            timeout=ramp + args.seconds + 120,
        )
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        try:
            gunicorn.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
    result = json.loads(Path(args.output).read_text())
    login = result["login"]
    print(
        f"\nLoad test, {args.users} users at work for {args.seconds} s: {result['requests']} "
        f"page requests ({result['requests_per_s']}/s), {result['errors']} errors, "
        f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms. "
        f"Logins during the ramp-up: {login['requests']} requests, p95 {login['p95_ms']} ms. "
        f"Targets: 0 errors, p95 < 300 ms. Details in {args.output}."
    )
    return 0 if result["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
