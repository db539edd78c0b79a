"""Hand-written SQL fetching what the caseload and the client overview show: the lower bound.

The pages' time over this time is what Django (ORM, templates, middleware, session) adds.
Each function runs the statements a careful hand-written implementation would need and
fetches every row, on the same connection as the pages.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import connection

CASELOAD = """
WITH mine AS (
  SELECT DISTINCT u.client_id
  FROM clients_assignment a JOIN clients_uppdrag u ON u.id = a.uppdrag_id
  WHERE a.ombud_id = %(ombud)s AND a.start <= %(day)s AND (a."end" IS NULL OR a."end" > %(day)s)
)
SELECT c.id, c.alias, c.birth_year, c.gender, k.name, lu.status, lu.waiting_since, lu.started,
       o.first_name || ' ' || o.last_name,
       (SELECT max(x.date) FROM clients_contact x WHERE x.client_id = c.id AND x.struck_at IS NULL)
FROM mine
JOIN clients_client c ON c.id = mine.client_id AND c.verksamhet_id = %(verksamhet)s
LEFT JOIN core_kommun k ON k.id = c.kommun_id
LEFT JOIN LATERAL (
  SELECT status, waiting_since, started FROM clients_uppdrag u
  WHERE u.client_id = c.id ORDER BY u.id DESC LIMIT 1
) lu ON true
JOIN core_user o ON o.id = %(ombud)s
ORDER BY c.alias, c.id
"""

DETAIL = [
    # the client (with its kommun), checked against the ombud's assignment
    """SELECT c.*, k.name FROM clients_client c LEFT JOIN core_kommun k ON k.id = c.kommun_id
       WHERE c.id = %(client)s AND c.verksamhet_id = %(verksamhet)s AND EXISTS (
         SELECT 1 FROM clients_assignment a JOIN clients_uppdrag u ON u.id = a.uppdrag_id
         WHERE u.client_id = c.id AND a.ombud_id = %(ombud)s AND a.start <= %(day)s
           AND (a."end" IS NULL OR a."end" > %(day)s))""",
    # uppdrag periods with their assignments and ombud names
    """SELECT u.*, a.start, a."end", o.first_name, o.last_name
       FROM clients_uppdrag u LEFT JOIN clients_assignment a ON a.uppdrag_id = u.id
       LEFT JOIN core_user o ON o.id = a.ombud_id
       WHERE u.client_id = %(client)s ORDER BY u.id DESC, a.start""",
    # the eight latest contacts with author and organisations
    """SELECT x.id, x.date, x.type, x.duration_minutes, x.note, x.struck_at, b.first_name,
              b.last_name, array_agg(org.name) FILTER (WHERE org.id IS NOT NULL)
       FROM (SELECT * FROM clients_contact WHERE client_id = %(client)s
             ORDER BY date DESC, id DESC LIMIT 8) x
       JOIN core_user b ON b.id = x.by_id
       LEFT JOIN clients_contact_organisations co ON co.contact_id = x.id
       LEFT JOIN core_organisation org ON org.id = co.organisation_id
       GROUP BY x.id, x.date, x.type, x.duration_minutes, x.note, x.struck_at, b.first_name, b.last_name
       ORDER BY x.date DESC, x.id DESC""",
    # consents and fullmakter with organisation names
    """SELECT s.*, org.name FROM clients_consent s JOIN core_organisation org
       ON org.id = s.organisation_id WHERE s.client_id = %(client)s""",
    """SELECT f.*, org.name FROM clients_fullmakt f JOIN core_organisation org
       ON org.id = f.organisation_id WHERE f.client_id = %(client)s
       AND f.withdrawn_on IS NULL AND f.valid_until >= %(day)s""",
    # needs; the plan with goals, the goals' needs and steps
    "SELECT * FROM clients_need WHERE client_id = %(client)s ORDER BY priority, id",
    """SELECT p.*, g.id, g.description, g.achieved, s.description, s.due, s.status, org.name,
              (SELECT array_agg(need_id) FROM clients_goal_needs gn WHERE gn.goal_id = g.id)
       FROM clients_actionplan p LEFT JOIN clients_goal g ON g.plan_id = p.id
       LEFT JOIN clients_step s ON s.goal_id = g.id
       LEFT JOIN core_organisation org ON org.id = s.organisation_id
       WHERE p.client_id = %(client)s ORDER BY g."order", g.id, s.due, s.id""",
    """SELECT t.*, o.first_name FROM clients_task t JOIN core_user o ON o.id = t.owner_id
       WHERE t.client_id = %(client)s AND t.done_at IS NULL""",
]


def run(statements: list[str], params: dict[str, Any]) -> int:
    rows = 0
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute(sql, params)
            rows += len(cur.fetchall())
    return rows


def caseload(*, ombud: int, verksamhet: int, day: datetime.date) -> int:
    return run([CASELOAD], {"ombud": ombud, "verksamhet": verksamhet, "day": day})


def client_detail(*, client: int, ombud: int, verksamhet: int, day: datetime.date) -> int:
    params = {"client": client, "ombud": ombud, "verksamhet": verksamhet, "day": day}
    return run(DETAIL, params)
