"""Object URLs of one verksamhet are 404 for everyone in another (no IDOR), by construction of
the matrix: every case whose URL takes an object id must expect 404 for the outsider."""

from __future__ import annotations

from tests.test_access_matrix import APPS, _cases


def test_every_object_url_is_404_for_another_verksamhet(world):  # type: ignore[no-untyped-def]
    wrong = []
    object_urls = 0
    for app in APPS:
        for case in _cases(app, world):
            ids = [
                k
                for k, v in case.kwargs.items()
                if isinstance(v, int) and k not in ("year", "ar", "month", "manad")
            ]
            if not ids:
                continue
            object_urls += 1
            if case.expect["outsider"] != 404:
                wrong.append(
                    f"{case.url_name} {case.kwargs}: outsider expects {case.expect['outsider']}"
                )
    assert object_urls >= 1
    assert not wrong, "\n".join(wrong)
