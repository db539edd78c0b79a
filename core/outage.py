"""When PostgreSQL is stopped, every page is a static Swedish 503 instead of a traceback.

The page is a constant: no template, no translation catalogue, no session, nothing that could
need the database that is gone. ``DatabaseOutageMiddleware`` stands before the session and
authentication middleware and opens the connection first, so that a server that cannot be
reached is noticed before anything reads the session; a server that dies in the middle of a
request raises inside the view or a later middleware, where Django turns it into the 500
handler, which asks ``is_outage`` and answers with the same page (core/views/pages.py).
With CONN_HEALTH_CHECKS (config/settings/base.py) a kept connection is checked before reuse,
so the first request after the server is back succeeds: no restart needed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tillfälligt avbrott – Ombud</title>
</head>
<body>
<main>
<h1>Tillfälligt avbrott</h1>
<p>Ombud kan inte nå sin databas just nu. Ingenting du redan har sparat har gått förlorat.</p>
<p>Försök igen om en stund. Det du höll på att skriva men inte sparade kan behöva skrivas
om.</p>
<p>Kvarstår felet, kontakta kommunens IT-support.</p>
</main>
</body>
</html>
""".encode()

DATABASE_DOWN = (OperationalError, InterfaceError)


def outage_response() -> HttpResponse:
    response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
    return response


def is_outage(exc: BaseException | None) -> bool:
    return isinstance(exc, DATABASE_DOWN)


class DatabaseOutageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            # Opens (or health-checks) the connection without running a query.
            connections[DEFAULT_DB_ALIAS].cursor().close()
        except DATABASE_DOWN as exc:
            logger.error("Database unreachable: %s", exc.__class__.__name__)
            return outage_response()
        return self.get_response(request)
