"""A cheap health URL for the container's healthcheck and a load balancer: the database answers."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from core.access import public
from core.outage import DATABASE_DOWN, outage_response


@public
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_DOWN:
        return outage_response()
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
