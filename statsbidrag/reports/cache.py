"""The redovisning figures of a verksamhet and year, computed once and reused until a write
could have changed them.

Invalidation is done by the database, so that no write path can forget it: triggers on every
table the figures are computed from (migration 0003) append a row per verksamhet touched to
``statsbidrag_figures_change``, in the writer's own transaction. A verksamhet's change count
(rows appended so far, the compacted ones included) therefore grows with every committed
write that may change its figures, and only then.

An entry stores the change count read *before* its figures were computed. It is used only
while the count is unchanged: a write committed before the count was read is in the figures;
a write committed later raises the count and retires the entry (at worst an entry computed
with a newer write is retired needlessly). Appending rows takes no lock that writers could
wait on, so the triggers cannot make writers deadlock.

An entry is also keyed by language (the figures hold labels), ``FIGURES_VERSION`` and the day
of the ledningsgrupp composition check (the current year's figures change from day to day).

A draft's PDF is kept by the SHA-256 of the HTML it is made from (``cached_pdf``): the same
HTML gives the same PDF, and any change to the figures, answers, questions or templates gives
other HTML. Entries older than a day are dropped (a draft PDF carries its date anyway).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.template.loader import render_to_string
from django.utils.translation import get_language

from ombud.models import Verksamhet

from .figures import FIGURES_VERSION, check_day, redovisning_figures

CHANGE = "statsbidrag_figures_change"
COMPACTED = "statsbidrag_figures_compacted"
CACHE = "statsbidrag_figures_cache"
PDFS = "statsbidrag_pdf_cache"
COMPACT_AFTER = 500  # pending change rows of a verksamhet before they are folded into a count

LOOKUP = f"""
WITH counted AS (
    SELECT COALESCE((SELECT changes FROM {COMPACTED} WHERE verksamhet_id = %(v)s), 0)
           + (SELECT count(*) FROM {CHANGE} WHERE verksamhet_id = %(v)s) AS changes,
           (SELECT count(*) FROM {CHANGE} WHERE verksamhet_id = %(v)s) AS pending
)
SELECT counted.changes, counted.pending, cache.figures
FROM counted LEFT JOIN {CACHE} AS cache
    ON cache.verksamhet_id = %(v)s AND cache.year = %(year)s AND cache.variant = %(variant)s
   AND cache.check_on = %(on)s AND cache.changes = counted.changes
"""  # noqa: S608 (table names are constants)

STORE = f"""
INSERT INTO {CACHE} AS cache (verksamhet_id, year, variant, check_on, changes, figures)
VALUES (%(v)s, %(year)s, %(variant)s, %(on)s, %(changes)s, %(figures)s)
ON CONFLICT (verksamhet_id, year, variant) DO UPDATE
    SET check_on = EXCLUDED.check_on, changes = EXCLUDED.changes, figures = EXCLUDED.figures,
        computed_at = now()
    WHERE cache.changes <= EXCLUDED.changes
"""  # noqa: S608

# Folds every verksamhet's pending change rows into its count, in one statement: a reader
# sees the rows or the count, never both or neither.
COMPACT = f"""
WITH gone AS (DELETE FROM {CHANGE} RETURNING verksamhet_id)
INSERT INTO {COMPACTED} AS c (verksamhet_id, changes)
SELECT verksamhet_id, count(*) FROM gone GROUP BY verksamhet_id
ON CONFLICT (verksamhet_id) DO UPDATE SET changes = c.changes + EXCLUDED.changes
"""  # noqa: S608


def cached_redovisning_figures(*, verksamhet: Verksamhet, year: int) -> dict[str, Any]:
    """``redovisning_figures``, from the cache when no write has happened since: one query
    when cached, the computation plus one (two when the changes are compacted) when not."""
    key: dict[str, Any] = {
        "v": verksamhet.pk,
        "year": year,
        "variant": f"{FIGURES_VERSION}:{get_language() or ''}",
        "on": check_day(year),
    }
    with connection.cursor() as cursor:
        cursor.execute(LOOKUP, key)
        changes, pending, cached = cursor.fetchone()
    if cached is not None:
        return json.loads(cached) if isinstance(cached, str) else cached  # type: ignore[no-any-return]
    figures = redovisning_figures(verksamhet=verksamhet, year=year)
    with connection.cursor() as cursor:
        cursor.execute(STORE, {**key, "changes": changes, "figures": json.dumps(figures)})
        if pending > COMPACT_AFTER:
            cursor.execute(COMPACT)
    return figures


def cached_pdf(
    template: str,
    context: dict[str, Any],
    *,
    title: str,
    render: Callable[..., bytes],
) -> bytes:
    """``render(template, context, title=title)`` (``ombud.pdf.render_pdf``), made once for the
    HTML it is made from: one query and the HTML when it was made before."""
    import weasyprint

    html = render_to_string(template, {**context, "pdf_title": title})
    key = hashlib.sha256(f"{weasyprint.__version__}\n{html}".encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pdf FROM {PDFS} WHERE key = %s", [key])  # noqa: S608
        row = cursor.fetchone()
    if row is not None:
        return bytes(row[0])
    data = render(template, context, title=title)
    with connection.cursor() as cursor:
        # Entries older than a day go in the same statement.
        cursor.execute(
            f"WITH old AS (DELETE FROM {PDFS} WHERE created_at < now() - interval '1 day') "  # noqa: S608
            f"INSERT INTO {PDFS} (key, pdf) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
            [key, data],
        )
    return data


def forget_all(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Drop every entry (after a deployment's migrations: the code computing them changed).

    ``using`` is the alias migrate ran on (the owner's: the app role may have no privileges
    on a table a migration has just created)."""
    db = connections[using]
    tables = db.introspection.table_names()
    with db.cursor() as cursor:
        for table in (CACHE, PDFS):
            if table in tables:
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608
