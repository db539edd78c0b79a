"""Every statsbidrag URL × every role (tests/test_access_matrix.py)."""

from __future__ import annotations

from statsbidrag import services
from tests.access import Case, only, statuses

from .factories import EmploymentPeriodFactory, GrantYearFactory

MANAGE = {"lead": 200, "grant_officer": 200, "admin": 200}


def cases(world):  # type: ignore[no-untyped-def]
    v = world.verksamhet
    period = EmploymentPeriodFactory(verksamhet=v, ombud=world.ombud_anna, name="")
    y2025 = GrantYearFactory(verksamhet=v, year=2025)
    y2026 = GrantYearFactory(verksamhet=v, year=2026)
    GrantYearFactory(verksamhet=v, year=2024)
    gunilla = world.grant_gunilla
    application = services.document_for(kind="ansokan", grant_year=y2026, by=gunilla)
    services.document_submit(
        kind="ansokan", document=application, by=gunilla, expected_version=application.version
    )
    services.document_for(kind="redovisning", grant_year=y2025, by=gunilla)

    manage_list = only({**MANAGE, "outsider": 200})  # the outsider sees their own verksamhet
    manage_obj = only(MANAGE, outsider=404)
    y = {"year": 2025}
    submitted_app = {"year": 2026, "kind": "ansokan"}
    draft_app = {"year": 2025, "kind": "ansokan"}
    draft_red = {"year": 2025, "kind": "redovisning"}
    # Submitted application: members read it; ombud do not read applications.
    read_submitted_app = only({**MANAGE, "member": 200, "member_other": 200}, outsider=404)
    read_draft_app = only({**MANAGE, "member": 404, "member_other": 404}, outsider=404)
    read_draft_red = only(
        {**MANAGE, "ombud": 200, "member": 404, "member_other": 404}, outsider=404
    )
    empty_post_list = only({**MANAGE, "outsider": 200})
    empty_post_obj = only(MANAGE, outsider=404)
    money = {"decided_on": "", "amount": ""}
    return [
        Case("statsbidrag:index", statuses(200)),
        Case("statsbidrag:employment", manage_list),
        Case("statsbidrag:employment_new", manage_list),
        Case("statsbidrag:employment_new", empty_post_list, method="post", data={"name": ""}),
        Case("statsbidrag:employment_edit", manage_obj, kwargs={"pk": period.pk}),
        Case(
            "statsbidrag:employment_edit",
            empty_post_obj,
            kwargs={"pk": period.pk},
            method="post",
            data={"percent": ""},
        ),
        Case("statsbidrag:year_new", manage_list),
        Case("statsbidrag:year_new", empty_post_list, method="post", data={"year": ""}),
        Case("statsbidrag:year", manage_obj, kwargs=y),
        Case("statsbidrag:year_edit", manage_obj, kwargs=y),
        Case("statsbidrag:questions", manage_obj, kwargs=y),
        Case(
            "statsbidrag:questions",
            empty_post_obj,
            kwargs=y,
            method="post",
            data={"action": "add", "label": ""},  # no revision: shown again with the message
        ),
        Case("statsbidrag:year_edit", empty_post_obj, kwargs=y, method="post", data={"costs": "x"}),
        Case("statsbidrag:co_financing", manage_obj, kwargs=y),
        Case("statsbidrag:co_financing", empty_post_obj, kwargs=y, method="post", data=money),
        Case("statsbidrag:decision_new", manage_obj, kwargs=y),
        Case("statsbidrag:decision_new", empty_post_obj, kwargs=y, method="post", data=money),
        Case("statsbidrag:payment_new", manage_obj, kwargs=y),
        Case("statsbidrag:payment_new", empty_post_obj, kwargs=y, method="post", data=money),
        Case("statsbidrag:repayment_new", manage_obj, kwargs=y),
        Case("statsbidrag:repayment_new", empty_post_obj, kwargs=y, method="post", data=money),
        Case("statsbidrag:document", read_submitted_app, kwargs=submitted_app),
        Case("statsbidrag:document", read_draft_app, kwargs=draft_app),
        Case("statsbidrag:document", read_draft_red, kwargs=draft_red),
        Case("statsbidrag:document_edit", manage_obj, kwargs=draft_red),
        Case(
            "statsbidrag:document_edit",
            only(MANAGE, outsider=404),
            kwargs=draft_red,
            method="post",
            data={"version": "999"},  # stale: the form is shown again with the conflict
        ),
        Case("statsbidrag:document_pdf", read_submitted_app, kwargs=submitted_app),
        Case("statsbidrag:document_pdf_public", read_submitted_app, kwargs=submitted_app),
        Case("statsbidrag:document_pdf_public", read_draft_red, kwargs=draft_red),
        Case(
            "statsbidrag:document_csv",
            read_submitted_app,
            kwargs={**submitted_app, "table": "sokande"},
        ),
        # GET on submit only redirects; the POST (without the version: refused, nothing
        # frozen) redirects too.
        Case(
            "statsbidrag:document_submit",
            only({"lead": 302, "grant_officer": 302, "admin": 302}, outsider=404),
            kwargs={"year": 2024, "kind": "redovisning"},
            method="post",
        ),
    ]
