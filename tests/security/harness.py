"""Walk every page of the access matrix as a user who may see it.

The security tests (headers, fuzzing, concurrency, PDF escaping) reuse the matrix so that a
new screen in any app is covered the day it is added to tests/<app>/access_cases.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.access import ROLE_USERS
from tests.test_access_matrix import APPS, _cases

# The most privileged roles first: they reach the most forms.
PREFERRED = ["lead", "admin", "ombud", "member", "grant_officer", "member_other"]
# Actions that end the session or change who the user is are not fuzzed.
SKIP_ACTIONS = {"logout", "switch_verksamhet", "password_change", "otp_setup", "otp_verify"}


@dataclass
class Visit:
    url_name: str
    url: str
    role: str


@dataclass
class HtmlForm:
    page: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → initial values
    choices: dict[str, list[str]] = field(default_factory=dict)  # select/radio options
    text_fields: list[str] = field(default_factory=list)


def visits(world, *, content: str = "html") -> Iterator[Visit]:  # type: ignore[no-untyped-def]
    """One GET visit per URL name, as the most privileged role the matrix gives 200."""
    for app in APPS:
        for case in _cases(app, world):
            if case.method != "get" or case.url_name.split(":")[-1] in SKIP_ACTIONS:
                continue
            role = next((r for r in PREFERRED if case.expect.get(r) == 200), None)
            if role is None:
                continue
            url = reverse(case.url_name, kwargs=case.kwargs) + (
                f"?{case.query}" if case.query else ""
            )
            yield Visit(case.url_name, url, role)


def client_for(world, role: str) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    username = ROLE_USERS[role]
    if username:
        client.force_login(world.users[username])
    return client


def post_forms(html: str, page_url: str) -> list[HtmlForm]:
    """The POST forms of a page with their fields and initial values."""
    soup = BeautifulSoup(html, "html.parser")
    forms = []
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        action = urljoin(page_url, form.get("action") or page_url)
        parsed = HtmlForm(page=page_url, action=action)
        for el in form.find_all(["input", "select", "textarea"]):
            name = el.get("name")
            if not name or name == "csrfmiddlewaretoken":
                continue
            kind = (el.get("type") or "text").lower() if el.name == "input" else el.name
            values = parsed.fields.setdefault(name, [])
            if kind in ("submit", "button", "file", "image", "reset"):
                parsed.fields.pop(name, None)
                continue
            if kind in ("checkbox", "radio"):
                parsed.choices.setdefault(name, []).append(el.get("value", "on"))
                if el.has_attr("checked"):
                    values.append(el.get("value", "on"))
            elif kind == "select":
                options = el.find_all("option")
                parsed.choices[name] = [o.get("value", o.text) for o in options]
                values.extend(o.get("value", o.text) for o in options if o.has_attr("selected"))
            elif kind == "textarea":
                values.append(el.text)
                parsed.text_fields.append(name)
            else:
                values.append(el.get("value", ""))
                if kind in ("text", "search", "email", "url", "tel") and el.get("type") != "hidden":
                    parsed.text_fields.append(name)
        forms.append(parsed)
    return forms


def is_action_skipped(action: str) -> bool:
    return any(f"/{part}/" in action for part in ("logga-ut", "verksamhet", "losenord", "tvastegs"))


def query_params(html: str, page_url: str) -> set[str]:
    """The query parameters a page offers: its GET forms' fields and its links' queries to
    the same path (paging, year links, filters)."""
    soup = BeautifulSoup(html, "html.parser")
    path = urlsplit(page_url).path
    names: set[str] = set()
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "get":
            continue
        if urlsplit(urljoin(page_url, form.get("action") or page_url)).path != path:
            continue
        names.update(el["name"] for el in form.find_all(["input", "select"]) if el.get("name"))
    for link in soup.find_all("a", href=True):
        target = urlsplit(urljoin(page_url, link["href"]))
        if target.path == path:
            names.update(parse_qs(target.query, keep_blank_values=True))
    names.update(parse_qs(urlsplit(page_url).query, keep_blank_values=True))
    return names
