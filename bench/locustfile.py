"""Load test: the roles' journeys against gunicorn on 127.0.0.1 (run by ``make load``).

The plan (accounts and page paths per role, from the national-scale data) comes from the
JSON file named by BENCH_LOAD_PLAN, written by bench/load.py. Every simulated user logs in
through the login form once while the users arrive (the ramp-up), then repeats its role's
journey with a think time before every page (BENCH_THINK, "min,max" seconds; "0,0" sends
the pages of a journey back to back and gives the server's capacity).

Statistics are reset when the last user has arrived (``--reset-stats``): the page figures
are the steady state of all users at work. The logins, which all happen during the ramp-up,
are recorded separately before the reset and reported as "login".
"""

from __future__ import annotations

import itertools
import json
import os
import re
from typing import Any

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

with open(os.environ["BENCH_LOAD_PLAN"], encoding="utf-8") as _fh:
    PLAN: dict[str, Any] = json.load(_fh)
PASSWORD = PLAN["password"]
THINK = tuple(float(x) for x in os.environ.get("BENCH_THINK", "2,6").split(","))
_accounts = {role: itertools.cycle(PLAN["accounts"][role]) for role in PLAN["accounts"]}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOGINS: dict[str, list[float]] = {"times": [], "errors": []}


class RoleUser(FastHttpUser):
    abstract = True
    role = ""
    wait_time = between(*THINK)

    def on_start(self) -> None:
        self.account = next(_accounts[self.role])
        page = self.client.get(PLAN["login"], name="login (form)")
        token = CSRF.search(page.text or "")
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

    def journey_through(self, *names: str) -> None:
        """The pages in turn, reading each (the think time) before the next; the think
        time after the last page is the task's own wait."""
        for n, name in enumerate(names):
            if n:
                self.wait()
            self.visit(name)


class Ombud(RoleUser):
    weight = 6
    role = "ombud"

    @task
    def journey(self) -> None:
        self.journey_through(
            "dashboard", "caseload", "client_detail", "contact_list", "consent_page"
        )


class Lead(RoleUser):
    weight = 2
    role = "lead"

    @task
    def journey(self) -> None:
        self.journey_through("dashboard", "caseload_lead", "systembrist_register", "meeting_page")


class Member(RoleUser):
    weight = 1
    role = "member"

    @task
    def journey(self) -> None:
        self.journey_through("dashboard", "systembrist_register")


class GrantOfficer(RoleUser):
    weight = 1
    role = "grant_officer"

    @task
    def journey(self) -> None:
        self.journey_through("dashboard", "redovisning_page")


@events.request.add_listener
def record_login(name: str, response_time: float, exception: Any, **_kw: Any) -> None:
    if name.startswith("login"):
        LOGINS["times"].append(response_time)
        if exception:
            LOGINS["errors"].append(response_time)


def percentile(samples: list[float], pct: float) -> float | None:
    if not samples:
        return None
    ordered = sorted(samples)
    return round(ordered[max(0, min(len(ordered) - 1, int(len(ordered) * pct / 100 + 0.5) - 1))])


@events.quitting.add_listener
def summary(environment: Any, **_kw: Any) -> None:
    stats = environment.stats
    total = stats.total
    seconds = max(1.0, total.last_request_timestamp - total.start_time) if total.num_requests else 0
    out = {
        "think_seconds": list(THINK),
        "requests": total.num_requests,
        "errors": total.num_failures + len(LOGINS["errors"]),
        "requests_per_s": round(total.num_requests / seconds, 1) if seconds else None,
        "p50_ms": total.get_response_time_percentile(0.5),
        "p95_ms": total.get_response_time_percentile(0.95),
        "p99_ms": total.get_response_time_percentile(0.99),
        "max_ms": round(total.max_response_time),
        "login": {
            "requests": len(LOGINS["times"]),
            "errors": len(LOGINS["errors"]),
            "p50_ms": percentile(LOGINS["times"], 50),
            "p95_ms": percentile(LOGINS["times"], 95),
        },
        "pages": {
            e.name: {
                "requests": e.num_requests,
                "errors": e.num_failures,
                "p50_ms": e.get_response_time_percentile(0.5),
                "p95_ms": e.get_response_time_percentile(0.95),
            }
            for e in sorted(stats.entries.values(), key=lambda e: e.name)
            if not e.name.startswith("login")
        },
    }
    path = os.environ.get("BENCH_LOAD_RESULT")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
