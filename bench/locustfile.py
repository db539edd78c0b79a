"""Load test: the roles' journeys against gunicorn on 127.0.0.1 (run by ``make load``).

The plan (accounts and page paths per role, from the national-scale data) comes from the
JSON file named by BENCH_LOAD_PLAN, written by bench/load.py. Every simulated user logs in
through the login form once, then repeats its role's journey with short think times.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from typing import Any

from locust import HttpUser, between, events, task

with open(os.environ["BENCH_LOAD_PLAN"], encoding="utf-8") as _fh:
    PLAN: dict[str, Any] = json.load(_fh)
PASSWORD = PLAN["password"]
_accounts = {role: itertools.cycle(PLAN["accounts"][role]) for role in PLAN["accounts"]}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class RoleUser(HttpUser):
    abstract = True
    role = ""
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.account = next(_accounts[self.role])
        page = self.client.get(PLAN["login"], name="login (form)")
        token = CSRF.search(page.text)
        with self.client.post(
            PLAN["login"],
            data={
                "username": self.account["email"],
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": self.host + PLAN["login"]},
            name="login (post)",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code != 302:
                response.failure(
                    f"login failed for {self.account['email']}: {response.status_code}"
                )

    def visit(self, name: str, path: str | None = None) -> None:
        path = path or self.account["paths"].get(name)
        if path:
            self.client.get(path, name=name)


class Ombud(RoleUser):
    weight = 6
    role = "ombud"

    @task
    def journey(self) -> None:
        self.visit("dashboard")
        self.visit("caseload")
        for name in ("client_detail", "contact_list", "consent_page"):
            self.visit(name)


class Lead(RoleUser):
    weight = 2
    role = "lead"

    @task
    def journey(self) -> None:
        for name in ("dashboard", "caseload_lead", "systembrist_register", "meeting_page"):
            self.visit(name)


class Member(RoleUser):
    weight = 1
    role = "member"

    @task
    def journey(self) -> None:
        for name in ("dashboard", "systembrist_register"):
            self.visit(name)


class GrantOfficer(RoleUser):
    weight = 1
    role = "grant_officer"

    @task
    def journey(self) -> None:
        for name in ("dashboard", "redovisning_page"):
            self.visit(name)


@events.quitting.add_listener
def summary(environment: Any, **_kw: Any) -> None:
    stats = environment.stats
    pages = [e for e in stats.entries.values() if not e.name.startswith("login")]
    total = stats.total
    out = {
        "requests": total.num_requests,
        "errors": total.num_failures,
        "p50_ms": total.get_response_time_percentile(0.5),
        "p95_ms": total.get_response_time_percentile(0.95),
        "pages": {
            e.name: {
                "requests": e.num_requests,
                "errors": e.num_failures,
                "p50_ms": e.get_response_time_percentile(0.5),
                "p95_ms": e.get_response_time_percentile(0.95),
            }
            for e in sorted(stats.entries.values(), key=lambda e: e.name)
        },
    }
    if pages:
        from locust.stats import StatsEntry

        merged = StatsEntry(stats, "pages without login", "")
        for e in pages:
            merged.extend(e)
        out["p95_ms_without_login"] = merged.get_response_time_percentile(0.95)
    path = os.environ.get("BENCH_LOAD_RESULT")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
