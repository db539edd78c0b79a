"""Every systembrister URL × role. Försäkringskassan (member_fk) is responsible in the objects."""

from __future__ import annotations

import datetime

from systembrister.models import Outcome, Status
from tests.access import Case, only, statuses
from tests.systembrister.factories import SystembristFactory, meeting_for


def cases(world):  # type: ignore[no-untyped-def]
    v, fk = world.verksamhet, world.orgs["fk"]

    def report(status: str, reporter=None, **kw):  # type: ignore[no-untyped-def]
        return SystembristFactory(
            verksamhet=v,
            reporter=reporter or world.ombud_omar,
            status=status,
            organisations=[fk],
            **kw,
        )

    draft = report(Status.DRAFT, reporter=world.ombud_anna)
    to_submit = report(Status.DRAFT, reporter=world.ombud_anna)
    submitted = report(Status.SUBMITTED)
    accepted = report(Status.ACCEPTED)
    on_agenda = report(Status.ON_AGENDA, meeting=meeting_for(v))
    awaiting = report(
        Status.AWAITING_ANSWER, answer_due=datetime.date.today() + datetime.timedelta(days=20)
    )
    closed = report(Status.CLOSED, outcome=Outcome.RESOLVED, conclusion="Rutinen är ändrad.")

    everyone = statuses(200)
    lead_post = only({"lead": 200, "admin": 200}, outsider=404)

    def pk(r):  # type: ignore[no-untyped-def]
        return {"pk": r.pk}

    return [
        Case("systembrister:list", everyone),
        Case("systembrister:list", everyone, query="status=closed&year=2025"),
        Case("systembrister:statistics", everyone),
        Case("systembrister:statistics_csv", everyone),
        Case("systembrister:register_csv", everyone),
        Case("systembrister:year_pdf", everyone),
        Case("systembrister:create", only({"ombud": 200})),
        Case("systembrister:create", only({"ombud": 200}), method="post", data={}),
        # Member of the responsible organisation sees it, another organisation's member does not.
        Case(
            "systembrister:detail",
            statuses(200, member_other=404, grant_officer=404, outsider=404),
            kwargs=pk(awaiting),
        ),
        Case(
            "systembrister:detail",
            statuses(200, member_other=404, outsider=404),
            kwargs=pk(closed),
        ),
        # Another ombud's draft is private to its reporter (and the lead).
        Case(
            "systembrister:detail",
            statuses(404, lead=200, admin=200),
            kwargs=pk(report(Status.DRAFT, reporter=world.ombud_omar)),
        ),
        Case("systembrister:edit", only({"ombud": 200}), kwargs=pk(draft)),
        Case("systembrister:edit", only({"ombud": 200}), kwargs=pk(draft), method="post", data={}),
        Case("systembrister:edit", only({}), kwargs=pk(submitted)),
        Case(
            "systembrister:support",
            only({"ombud": 200}),
            kwargs=pk(submitted),
            method="post",
            data={},
        ),
        Case("systembrister:return", lead_post, kwargs=pk(submitted), method="post", data={}),
        Case("systembrister:accept", lead_post, kwargs=pk(closed), method="post", data={}),
        Case("systembrister:merge", lead_post, kwargs=pk(submitted), method="post", data={}),
        Case("systembrister:agenda", lead_post, kwargs=pk(accepted), method="post", data={}),
        Case("systembrister:send", lead_post, kwargs=pk(on_agenda), method="post", data={}),
        Case("systembrister:close", lead_post, kwargs=pk(awaiting), method="post", data={}),
        Case("systembrister:forward", lead_post, kwargs=pk(closed), method="post", data={}),
        Case(
            "systembrister:answer",
            only({"member": 200, "member_other": 404}),
            kwargs=pk(awaiting),
            method="post",
            data={},
        ),
        Case(
            "systembrister:submit",
            only({"ombud": 302}),
            kwargs=pk(to_submit),
            method="post",
        ),
    ]
