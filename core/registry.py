"""Where the apps plug into the shared pages: navigation links and dashboard sections.

Each app registers in its AppConfig.ready(), so base.html and the dashboard never need to
know the apps by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    roles: frozenset[str]
    order: int = 50
    match_prefix: str = ""


@dataclass
class DashboardSection:
    """One card on the dashboard: a template and its context."""

    title: Any
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 50


NAV: list[NavItem] = []
DASHBOARD: list[Callable[[HttpRequest], list[DashboardSection]]] = []


def nav(label: Any, url_name: str, *roles: str, order: int = 50, match_prefix: str = "") -> None:
    NAV.append(NavItem(label, url_name, frozenset(roles), order, match_prefix))
    NAV.sort(key=lambda n: n.order)


def dashboard(
    provider: Callable[[HttpRequest], list[DashboardSection]],
) -> Callable[[HttpRequest], list[DashboardSection]]:
    if provider not in DASHBOARD:
        DASHBOARD.append(provider)
    return provider
