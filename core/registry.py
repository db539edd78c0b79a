"""Where the apps plug into the shared pages: navigation links, dashboard sections, and
links on another app's record pages.

Each app registers in its AppConfig.ready(), so base.html, the dashboard and a lower app's
pages never need to know the apps above them by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.http import Request


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    capability: str  # shown to users who hold it (core/access.py)
    order: int = 50
    match_prefix: str = ""


@dataclass
class DashboardSection:
    """One card on the dashboard: a template and its context."""

    title: Any
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 50


@dataclass(frozen=True)
class RecordLink:
    """A link a higher app puts on a lower app's record page, e.g. data protection's
    registerutdrag on the client page. The page names its slot (``{% record_links %}``)."""

    label: Any
    url_name: str  # reversed with the record's pk
    capability: str  # shown to users who hold it (core/access.py)


NAV: list[NavItem] = []
DASHBOARD: list[Callable[[Request], list[DashboardSection]]] = []
RECORD_LINKS: dict[str, list[RecordLink]] = {}


def nav(
    label: Any, url_name: str, capability: str, *, order: int = 50, match_prefix: str = ""
) -> None:
    NAV.append(NavItem(label, url_name, capability, order, match_prefix))
    NAV.sort(key=lambda n: n.order)


def dashboard(
    provider: Callable[[Request], list[DashboardSection]],
) -> Callable[[Request], list[DashboardSection]]:
    if provider not in DASHBOARD:
        DASHBOARD.append(provider)
    return provider


def record_link(slot: str, label: Any, url_name: str, capability: str) -> None:
    links = RECORD_LINKS.setdefault(slot, [])
    link = RecordLink(label, url_name, capability)
    if link not in links:
        links.append(link)
