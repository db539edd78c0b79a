"""Every page that shows client data leaves an access-log row (finding 8).

The pages are the access matrix's own cases (tests/<app>/access_cases.py), so a client URL
added there later is checked here too without a change to this file.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from django.test import Client
from django.urls import reverse

from clients.models import Client as ClientRecord
from core.models import AccessLog
from dataprotection.models import AnonymisationRequest
from tests.access import Case
from tests.test_access_matrix import _cases

CLIENT = "clients.client"
# The apps whose pages show client data (systembrister, the ledningsgrupp and the grant
# reports never name a client).
APPS = ("clients", "dataprotection", "core")


def _shows_client(case: Case) -> bool:
    """A page about one client record (its pk in the URL), a client record's change history,
    the recent changes, or a search."""
    app = case.url_name.split(":", 1)[0]
    if app in ("clients", "dataprotection") and "pk" in case.kwargs:
        return True
    if case.url_name == "history_object":
        return str(case.kwargs["label"]).startswith("clients.")
    return case.url_name == "history_recent" or "q" in parse_qs(case.query)


def _client_of(case: Case) -> int | None:
    """The client the row must name, when the URL names exactly one."""
    if case.url_name == "dataprotection:anonymisation_detail":
        return AnonymisationRequest.objects.get(pk=case.kwargs["pk"]).client_id
    if case.url_name.startswith(("clients:", "dataprotection:")):
        return case.kwargs["pk"]
    return None


def test_finding8_every_client_page_read_writes_an_access_log_row(world) -> None:  # type: ignore[no-untyped-def]
    cases = [c for app in APPS for c in _cases(app, world) if _shows_client(c)]
    users = {"lead": world.lead_lars, "ombud": world.ombud_anna}
    checked, missing = 0, []
    for case in cases:
        url = reverse(case.url_name, kwargs=case.kwargs) + (f"?{case.query}" if case.query else "")
        for role, user in users.items():
            if case.expect[role] != 200:
                continue
            http = Client()
            http.force_login(user)
            last = AccessLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            response = getattr(http, case.method)(url, data=case.data or {})
            assert response.status_code == 200, f"{case.method} {url} as {role}"
            rows = list(AccessLog.objects.filter(pk__gt=last, user=user))
            checked += 1
            label = f"{case.method.upper()} {url} as {role}"
            if len(rows) != 1:
                missing.append(f"{label}: {len(rows)} access-log rows")
                continue
            row = rows[0]
            query = parse_qs(case.query).get("q")
            if query:
                ok = row.action == AccessLog.Action.SEARCH
                ok = ok and query[0] in row.what and row.hits is not None
            elif (client_pk := _client_of(case)) is not None:
                ok = (row.object_type, row.object_id) == (CLIENT, client_pk)
            elif case.url_name == "history_object":
                ok = (
                    row.object_type == CLIENT
                    and ClientRecord.objects.filter(
                        pk=row.object_id, verksamhet=world.verksamhet
                    ).exists()
                )
            else:
                ok = row.verksamhet_id == world.verksamhet.pk
            ok = ok and row.verksamhet_id == world.verksamhet.pk and row.path == url.split("?")[0]
            is_pdf = response.get("Content-Type", "").startswith("application/pdf")
            ok = ok and (row.action == AccessLog.Action.PDF) == is_pdf
            if not ok:
                missing.append(f"{label}: wrong row {row.action} {row.object_type}:{row.object_id}")
    assert checked > 60, checked
    assert not missing, "\n".join(missing)
