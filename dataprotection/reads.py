"""What a row of the access log means, in words the client reads in a registerutdrag:
"Anna Lind öppnade kontaktloggen 2026-12-01 10:14".

The log names the screen that was read (``AccessLog.what``: a client page's name from
``clients.views._base.client_view``, the change history, a data-protection page). This is
the one table from those names to phrases; a screen without a phrase reads as the kind of
access (``ACTIONS``), never as its internal name. ``tests/dataprotection`` checks that every
client page has a phrase.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.history_render import plain
from core.models import AccessLog

SCREENS = {
    "overview": _("opened the overview"),
    "edit": _("opened the form for the client's details"),
    "history": _("opened the history"),
    "uppdrag": _("opened the uppdrag"),
    "uppdrag advance": _("opened the form to start the uppdrag"),
    "uppdrag end": _("opened the form to end the uppdrag"),
    "uppdrag reopen": _("opened the form to reopen the uppdrag"),
    "uppdrag edit": _("opened the form to change the uppdrag"),
    "handover": _("opened the form to hand over to another ombud"),
    "consents": _("opened the consents and fullmakter"),
    "consent create": _("opened the form for a new consent"),
    "consent edit": _("opened the form to change a consent"),
    "consent withdraw": _("opened the form to withdraw a consent"),
    "fullmakt create": _("opened the form for a new fullmakt"),
    "fullmakt edit": _("opened the form to change a fullmakt"),
    "fullmakt withdraw": _("opened the form to withdraw a fullmakt"),
    "contacts": _("opened the contact log"),
    "contact create": _("opened the form to log a contact"),
    "contact strike": _("opened the form to strike a contact"),
    "quick contact": _("opened the short form to log a contact"),
    "plan": _("opened the needs and plan"),
    "plan edit": _("opened the form to change the action plan"),
    "plan pdf": _("printed the action plan"),
    "agreement pdf": _("printed the agreement"),
    "need create": _("opened the form for a new need"),
    "need edit": _("opened the form to change a need"),
    "goal create": _("opened the form for a new goal"),
    "goal edit": _("opened the form to change a goal"),
    "step create": _("opened the form for a new step"),
    "step edit": _("opened the form to change a step"),
    "change history": _("opened the change history"),
    "anonymisation request form": _("opened the form for a request for erasure or restriction"),
    "anonymisation request": _("opened a request for erasure or restriction"),
    "registerutdrag": _("printed a registerutdrag"),
}
ACTIONS: dict[str, Any] = {
    AccessLog.Action.VIEW: _("opened the record"),
    AccessLog.Action.PDF: _("printed the record"),
    AccessLog.Action.EXPORT: _("exported the record"),
    AccessLog.Action.SEARCH: _("searched the records"),
}


def phrase(row: AccessLog) -> str:
    """What the row says was done: the screen's phrase, else the kind of access."""
    what = row.what.strip().lower()
    if what.startswith("change history"):
        what = "change history"  # followed by the record's label and id
    found = SCREENS.get(what) or ACTIONS.get(row.action) or ACTIONS[AccessLog.Action.VIEW]
    return str(found)


def sentence(row: AccessLog, who: str) -> str:
    """ "Anna Lind öppnade kontaktloggen 2026-12-01 10:14" """
    return f"{who} {phrase(row)} {plain(row.at)}"
