"""No IDOR: for every URL that takes an object id, a user of another verksamhet gets the same
refusal (403 or 404) for a real object of this verksamhet as for an id that does not exist,
so nothing about the object leaks; never a page, a redirect or a change."""

from __future__ import annotations

from django.urls import reverse

from tests.security.harness import client_for
from tests.test_access_matrix import APPS, _cases

NON_IDS = ("year", "ar", "month", "manad")


def test_other_verksamhet_learns_nothing_from_object_urls(world):  # type: ignore[no-untyped-def]
    outsider = client_for(world, "outsider")
    wrong, object_urls = [], 0
    for app in APPS:
        for case in _cases(app, world):
            ids = [k for k, v in case.kwargs.items() if isinstance(v, int) and k not in NON_IDS]
            if not ids:
                continue
            object_urls += 1
            if case.expect["outsider"] not in (403, 404):
                wrong.append(
                    f"{case.url_name} {case.kwargs}: matrix expects {case.expect['outsider']} for the outsider"
                )
                continue
            real = reverse(case.url_name, kwargs=case.kwargs)
            ghost = reverse(case.url_name, kwargs={**case.kwargs, **{k: 987654321 for k in ids}})
            send = getattr(outsider, case.method)
            got_real = send(real, data=case.data or {}).status_code
            got_ghost = send(ghost, data=case.data or {}).status_code
            if got_real != got_ghost or got_real not in (403, 404):
                wrong.append(
                    f"{case.method.upper()} {real}: {got_real}, non-existent id: {got_ghost}"
                )
    assert object_urls >= 20
    assert not wrong, "\n".join(wrong)
