"""Playwright in Debian's chromium (Playwright's own browser download does not work here)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):  # type: ignore[no-untyped-def]
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def login(live_server, page) -> Callable[[str, str], None]:  # type: ignore[no-untyped-def]
    def _login(email: str, password: str = "Testlosenord-123") -> None:
        page.goto(f"{live_server.url}/konto/logga-in/")
        page.get_by_label("E-postadress").fill(email)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()

    return _login


@pytest.fixture
def axe_check(page) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def _check() -> None:
        results = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa"]})
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return _check
