"""The per-object part of the statsbidrag capabilities (the roles are in core/access.py).

The object is the grant year: its application or redovisning may not exist yet, and a
draft that nobody has saved is as much a draft as a saved one. The verksamhet's staff read
drafts; a ledningsgrupp member reads a document once it is submitted (it is then an allmän
handling at the länsstyrelse), and a draft is a 404 to them.
"""

from __future__ import annotations

from core.access import Actor, object_rule

from .models import GrantYear
from .reports.documents import APPLICATION, REDOVISNING
from .selectors import document_of, is_submitted

READ = {APPLICATION: "grant.application.read", REDOVISNING: "grant.redovisning.read"}


def _readable(actor: Actor, grant_year: GrantYear, kind: str) -> bool:
    if actor.verksamhet is None or grant_year.verksamhet_id != actor.verksamhet.pk:
        return False
    return actor.holds("grant.draft.read") or is_submitted(document_of(kind, grant_year))


@object_rule("grant.application.read")
def read_application(actor: Actor, grant_year: GrantYear) -> bool:
    return _readable(actor, grant_year, APPLICATION)


@object_rule("grant.redovisning.read")
def read_redovisning(actor: Actor, grant_year: GrantYear) -> bool:
    return _readable(actor, grant_year, REDOVISNING)
