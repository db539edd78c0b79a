"""Every page carries the security headers; HSTS in production."""

from __future__ import annotations

from django.test import override_settings

from tests.security.harness import client_for, visits


def _csp(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    policy = response.headers.get("Content-Security-Policy", "")
    return {
        part.split(" ", 1)[0]: part.split(" ", 1)[1] if " " in part else ""
        for part in policy.split("; ")
        if part
    }


def test_every_page_has_security_headers(world):  # type: ignore[no-untyped-def]
    problems = []
    pages = 0
    for visit in visits(world):
        response = client_for(world, visit.role).get(visit.url)
        if response.status_code != 200:
            problems.append(f"{visit.url} as {visit.role}: status {response.status_code}")
            continue
        pages += 1
        csp = _csp(response)
        checks = {
            "CSP default-src 'self'": csp.get("default-src") == "'self'",
            "CSP script-src without unsafe-inline": "unsafe" not in csp.get("script-src", "unsafe"),
            "CSP style-src without unsafe-inline": "unsafe" not in csp.get("style-src", "unsafe"),
            "CSP frame-ancestors 'none'": csp.get("frame-ancestors") == "'none'",
            "CSP object-src 'none'": csp.get("object-src") == "'none'",
            "X-Frame-Options DENY": response.headers.get("X-Frame-Options") == "DENY",
            "X-Content-Type-Options nosniff": response.headers.get("X-Content-Type-Options")
            == "nosniff",
            "Referrer-Policy same-origin": response.headers.get("Referrer-Policy") == "same-origin",
            "Cross-Origin-Opener-Policy same-origin": response.headers.get(
                "Cross-Origin-Opener-Policy"
            )
            == "same-origin",
        }
        problems.extend(f"{visit.url}: missing {name}" for name, ok in checks.items() if not ok)
        cache = response.headers.get("Cache-Control", "")
        if "no-store" not in cache:
            problems.append(f"{visit.url}: personal data page without Cache-Control no-store")
    assert pages >= 5
    assert not problems, "\n".join(problems)


@override_settings(
    SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True
)
def test_hsts_on_https(world):  # type: ignore[no-untyped-def]
    response = client_for(world, "lead").get("/", secure=True)
    assert (
        response.headers["Strict-Transport-Security"]
        == "max-age=31536000; includeSubDomains; preload"
    )


def test_login_page_is_not_cached_and_has_csp(client, db):  # type: ignore[no-untyped-def]
    response = client.get("/konto/logga-in/")
    assert "no-cache" in response.headers.get(
        "Cache-Control", ""
    ) or "private" in response.headers.get("Cache-Control", "")
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
