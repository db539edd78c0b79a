"""Every data-protection URL × role. Lead and admin only; outsiders get 404 on objects."""

from __future__ import annotations

from dataprotection.services import anonymisation_request
from tests.access import Case, only
from tests.dataprotection.factories import full_client


def cases(world):  # type: ignore[no-untyped-def]
    client = full_client(world, alias="Matris")
    request = anonymisation_request(
        client=client, kind="restriction", reason="Begärt av klienten", by=world.users["lead_lars"]
    )
    lead_admin = only({"lead": 200, "admin": 200, "outsider": 200})
    lead_admin_object = only({"lead": 200, "admin": 200}, outsider=404)
    pk = {"pk": client.pk}
    return [
        Case("dataprotection:index", lead_admin),
        Case("dataprotection:clients", lead_admin),
        Case("dataprotection:clients", lead_admin, query="q=Matris"),
        Case("dataprotection:registerutdrag", lead_admin_object, kwargs=pk),
        Case(
            "dataprotection:anonymisation_request",
            only({"lead": 200}, outsider=404),
            kwargs=pk,
        ),
        Case(
            "dataprotection:anonymisation_request",
            only({"lead": 200}, outsider=404),
            kwargs=pk,
            method="post",
            data={},
        ),
        Case("dataprotection:anonymisation_list", lead_admin),
        Case(
            "dataprotection:anonymisation_detail",
            lead_admin_object,
            kwargs={"pk": request.pk},
        ),
        # Empty POST: the administrator sees the form errors; the lead may not decide.
        Case(
            "dataprotection:anonymisation_detail",
            only({"admin": 200}, outsider=404),
            kwargs={"pk": request.pk},
            method="post",
            data={},
        ),
        Case("dataprotection:gallring", lead_admin),
        Case("dataprotection:gallring", lead_admin, method="post", data={}),
        Case("dataprotection:gallring_rule", lead_admin),
        Case("dataprotection:gallring_rule", lead_admin, method="post", data={}),
        Case("dataprotection:loggkontroll", lead_admin),
        Case(
            "dataprotection:loggkontroll_month",
            lead_admin,
            kwargs={"year": 2025, "month": 1},
        ),
        Case(
            "dataprotection:loggkontroll_month",
            only({"lead": 200, "outsider": 200}),
            kwargs={"year": 2025, "month": 1},
            method="post",
            data={},
        ),
    ]
