"""The clients app's rules on one object (which roles hold each capability is in
core/access.py; who sees which client is the query in selectors/access.py).

Imported by ClientsConfig.ready(), which registers them with the access API.
"""

from __future__ import annotations

from core.access import Actor, object_rule

from .models import Client, Uppdrag, UppdragStatus
from .selectors.access import is_assigned, is_current, visible_clients


def _in_verksamhet(actor: Actor, client: Client) -> bool:
    return actor.verksamhet is not None and client.verksamhet_id == actor.verksamhet.pk


@object_rule("client.view")
def may_view(actor: Actor, client: Client) -> bool:
    """The client is one the actor sees (the one rule, ``visible_clients``; one query)."""
    return visible_clients(actor).filter(pk=client.pk).exists()


@object_rule("client.edit")
def may_edit(actor: Actor, client: Client) -> bool:
    """Lead and admin edit every client of the verksamhet, an ombud the clients assigned to
    them today; nobody a client whose processing is restricted (kept, read only)."""
    if client.restricted or not _in_verksamhet(actor, client):
        return False
    return actor.holds("client.see_all") or is_assigned(actor, client)


@object_rule("client.take")
def may_take(actor: Actor, uppdrag: Uppdrag) -> bool:
    """An ombud takes a client from the waiting list: its uppdrag waits and nobody is
    responsible for it today. Reads the uppdrag's assignments (prefetch them) and client."""
    client = uppdrag.client
    return (
        uppdrag.status == UppdragStatus.WAITING
        and _in_verksamhet(actor, client)
        and not client.restricted
        and not any(is_current(a, actor.today) for a in uppdrag.assignments.all())
    )
