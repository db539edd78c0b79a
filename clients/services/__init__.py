"""Every write to client data goes through these functions (keyword-only, one transaction)."""

from .consent import (
    consent_create,
    consent_update,
    consent_withdraw,
    fullmakt_create,
    fullmakt_update,
    fullmakt_withdraw,
)
from .contacts import contact_log, contact_strike, organisations_without_consent
from .plan import (
    goal_create,
    goal_update,
    need_create,
    need_update,
    plan_for,
    plan_update,
    step_create,
    step_update,
    task_create,
    task_done,
)
from .records import client_create, client_restrict, client_update
from .uppdrag import (
    handover,
    uppdrag_advance,
    uppdrag_assign,
    uppdrag_end,
    uppdrag_reopen,
    uppdrag_return_to_waiting_list,
    uppdrag_update,
)

__all__ = [
    "client_create",
    "client_restrict",
    "client_update",
    "consent_create",
    "consent_update",
    "consent_withdraw",
    "contact_log",
    "contact_strike",
    "fullmakt_create",
    "fullmakt_update",
    "fullmakt_withdraw",
    "goal_create",
    "goal_update",
    "handover",
    "need_create",
    "need_update",
    "organisations_without_consent",
    "plan_for",
    "plan_update",
    "step_create",
    "step_update",
    "task_create",
    "task_done",
    "uppdrag_advance",
    "uppdrag_assign",
    "uppdrag_end",
    "uppdrag_reopen",
    "uppdrag_return_to_waiting_list",
    "uppdrag_update",
]
