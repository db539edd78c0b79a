"""Every imports URL × every role (tests/test_access_matrix.py)."""

from __future__ import annotations

from imports.services import import_preview
from tests.access import Case, only
from tests.imports.files import csv_bytes

LEADERS = {"lead": 200, "admin": 200}


def cases(world) -> list[Case]:  # type: ignore[no-untyped-def]
    run = import_preview(
        verksamhet=world.verksamhet,
        by=world.lead_lars,
        kind="klienter",
        file_name="klienter.csv",
        content=csv_bytes(["Alias"], [["Matris"]]),
    )
    own_list = only({**LEADERS, "outsider": 200})  # the outsider imports into their own
    obj = only(LEADERS, outsider=404)
    return [
        Case("imports:index", own_list),
        Case("imports:index", own_list, method="post", data={"kind": ""}),
        Case("imports:template", own_list, kwargs={"kind": "klienter", "fmt": "xlsx"}),
        Case("imports:preview", obj, kwargs={"pk": run.pk}),
        Case(
            "imports:confirm",
            only({"lead": 302, "admin": 302}, outsider=404),
            kwargs={"pk": run.pk},
            method="post",
        ),
    ]
