"""Every URL pattern × every role, with the expected status.

Cases live per app in tests/<app>/access_cases.py. This module runs them and fails on
any URL pattern that is not listed, and on any view without a declared access rule.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access import ROLE_USERS, ROLES, Case

APPS = sorted(p.parent.name for p in Path(__file__).parent.glob("*/access_cases.py"))
# Django's own admin is one unit: is_staff gates all of it. Its index and one changelist
# are in the matrix (tests/core/access_cases.py); the other generated admin URLs are not listed.
WHOLE_NAMESPACES = {"admin"}


def _patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            found.extend(_patterns(p, ns))
        elif isinstance(p, URLPattern):
            found.append(
                (
                    f"{namespace}{p.name}" if p.name else f"{namespace}<unnamed {p.pattern}>",
                    p.callback,
                )
            )
    return found


def _cases(app: str, world) -> list[Case]:  # type: ignore[no-untyped-def]
    return importlib.import_module(f"tests.{app}.access_cases").cases(world)


def _run(case: Case, world) -> list[str]:  # type: ignore[no-untyped-def]
    failures = []
    url = reverse(case.url_name, kwargs=case.kwargs) + (f"?{case.query}" if case.query else "")
    for role in ROLES:
        client = Client()
        username = ROLE_USERS[role]
        if username:
            client.force_login(world.users[username])
        response = getattr(client, case.method)(url, data=case.data or {})
        expected = case.expect[role]
        if response.status_code != expected:
            failures.append(
                f"{case.method.upper()} {url} as {role}: expected {expected}, got {response.status_code}"
            )
    return failures


@pytest.mark.parametrize("app", APPS)
def test_matrix(app: str, world) -> None:  # type: ignore[no-untyped-def]
    failures: list[str] = []
    for case in _cases(app, world):
        failures.extend(_run(case, world))
    assert not failures, "\n".join(failures)


def test_every_url_is_in_the_matrix(world) -> None:  # type: ignore[no-untyped-def]
    listed = {case.url_name for app in APPS for case in _cases(app, world)}
    missing = []
    for name, _callback in _patterns(get_resolver()):
        if name.split(":", 1)[0] in WHOLE_NAMESPACES and ":" in name:
            continue
        if name not in listed:
            missing.append(name)
    assert not missing, "URL patterns missing from the access matrix: " + ", ".join(sorted(missing))


def test_every_view_declares_an_access_rule() -> None:
    undeclared = [
        name
        for name, callback in _patterns(get_resolver())
        if name.split(":", 1)[0] not in WHOLE_NAMESPACES and not hasattr(callback, "access_rule")
    ]
    assert not undeclared, "Views without an access rule: " + ", ".join(sorted(undeclared))


def test_matrix_size(world) -> None:  # type: ignore[no-untyped-def]
    """The matrix is not empty and every case names every role."""
    cases = [case for app in APPS for case in _cases(app, world)]
    cells = sum(len(case.expect) for case in cases)
    print(
        f"access matrix: {len(cases)} cases ({len({c.url_name for c in cases})} URL patterns) x {len(ROLES)} roles = {cells} cells"
    )
    assert cells >= len(ROLES) * 10
